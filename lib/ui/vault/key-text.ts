// What the options page says about a key: its check, its rights, expiry and IP restriction, its endpoint
// and nonce scale. Pure, so each sentence is tested without a browser.
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import { KRAKEN_ENDPOINTS } from '../../settings/endpoints.ts';
import type { KeyVerification } from '../../vault/format.ts';

/** One line: what the last check found, or why there is none. */
export function verificationText(v: KeyVerification): string {
  switch (v.status) {
    case 'verified': {
      const rights = [v.canQuery && 'query funds', v.canTrade && 'trade'].filter(Boolean).join(' and ');
      return `Checked: can ${rights || 'do nothing useful'}.${v.notes.length ? ` ${v.notes.join(' ')}` : ''}`;
    }
    case 'rejected':
      return `Refused by the exchange: ${v.reason}`;
    case 'unverified':
      return `Saved but not checked: ${v.reason}`;
    case 'unchecked':
      return 'Not checked yet.';
    default: {
      const never: never = v;
      return String(never);
    }
  }
}

/** A Unix-seconds expiry as a date, or "never" (0). */
export function expiryText(validUntil: number, now: number): string {
  if (validUntil === 0) return 'never expires';
  const date = new Date(validUntil * 1000).toISOString().slice(0, 10);
  return validUntil * 1000 < now ? `expired on ${date}` : `expires on ${date}`;
}

/** The details Kraken reported (GetApiKeyInfo), or what the probe found; empty before any check. */
export function rightsLines(v: KeyVerification, now: number): string[] {
  if (v.status !== 'verified') return [];
  const lines: string[] = [];
  if (v.permissions) lines.push(`Permissions: ${v.permissions.join(', ') || 'none'}`);
  else if (v.source === 'probe') lines.push('Permissions: found by trying calls (Kraken did not list them)');
  if (v.validUntil !== undefined) lines.push(`Key ${expiryText(v.validUntil, now)}`);
  if (v.ipAllowlist !== undefined)
    lines.push(
      v.ipAllowlist.length ? `Only from IP ${v.ipAllowlist.join(', ')}` : 'Usable from any IP address',
    );
  return lines;
}

/** Where a key signs: "Kraken" or the endpoint's URL. */
export function endpointText(endpoint: string): string {
  return endpoint === KRAKEN_ENDPOINTS.rest ? 'Kraken' : endpoint;
}

export const SCALE_TEXT: Record<NonceScale, string> = {
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
};

/** The loud warning beside a key that can withdraw funds. */
export const WITHDRAW_WARNING =
  'This key can WITHDRAW funds. Anyone who obtains it can move your money out of Kraken. Replace it with a key without “Withdraw Funds”.';
