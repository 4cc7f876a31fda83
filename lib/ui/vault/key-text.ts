// What the options page says about a key: its check, its rights, expiry and IP restriction, its endpoint
// and nonce scale, in the page's language. Pure, so each sentence is tested without a browser. What the
// exchange itself said (a refusal's reason, Kraken's permission names) is shown as it came.
import type { Locale } from '../../i18n/locales.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import { KRAKEN_ENDPOINTS } from '../../settings/endpoints.ts';
import type { KeyVerification } from '../../vault/format.ts';

/** One line: what the last check found, or why there is none. */
export function verificationText(v: KeyVerification, t: Translate): string {
  switch (v.status) {
    case 'verified': {
      const rights =
        v.canQuery && v.canTrade
          ? t('keys.check.both')
          : v.canQuery
            ? t('keys.check.query')
            : v.canTrade
              ? t('keys.check.trade')
              : t('keys.check.nothing');
      const checked = t('keys.check.verified', { rights });
      return v.notes.length ? `${checked} ${v.notes.join(' ')}` : checked;
    }
    case 'rejected':
      return t('keys.check.rejected', { reason: v.reason });
    case 'unverified':
      return t('keys.check.unverified', { reason: v.reason });
    case 'unchecked':
      return t('keys.check.unchecked');
    default: {
      const never: never = v;
      return String(never);
    }
  }
}

/** A day in the locale's words ("1 January 2100", "1 janvier 2100"); Kraken's expiry is a UTC instant. */
export const dayText = (ms: number, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    ms,
  );

/** A Unix-seconds expiry: never (0), past or to come. */
export function expiryText(validUntil: number, now: number, t: Translate, locale: Locale): string {
  if (validUntil === 0) return t('keys.expiry.never');
  const date = dayText(validUntil * 1000, locale);
  return validUntil * 1000 < now ? t('keys.expiry.past', { date }) : t('keys.expiry.future', { date });
}

/** The details Kraken reported (GetApiKeyInfo), or what the probe found; empty before any check. */
export function rightsLines(v: KeyVerification, now: number, t: Translate, locale: Locale): string[] {
  if (v.status !== 'verified') return [];
  const lines: string[] = [];
  if (v.permissions)
    lines.push(t('keys.permissions', { list: v.permissions.join(', ') || t('keys.permissions.none') }));
  else if (v.source === 'probe') lines.push(t('keys.permissions.probe'));
  if (v.validUntil !== undefined) lines.push(expiryText(v.validUntil, now, t, locale));
  if (v.ipAllowlist !== undefined)
    lines.push(
      v.ipAllowlist.length ? t('keys.ip.only', { list: v.ipAllowlist.join(', ') }) : t('keys.ip.any'),
    );
  return lines;
}

/** Where a key signs: "Kraken" or the endpoint's URL. */
export function endpointText(endpoint: string, t: Translate): string {
  return endpoint === KRAKEN_ENDPOINTS.rest ? t('endpoint.kraken') : endpoint;
}

export function scaleText(scale: NonceScale, t: Translate): string {
  switch (scale) {
    case 'ms':
      return t('keys.scale.ms');
    case 'us':
      return t('keys.scale.us');
    case 'ns':
      return t('keys.scale.ns');
    default: {
      const never: never = scale;
      return String(never);
    }
  }
}
