// What the ticket accepts as a number, and how long it may be. The length limits are the background's own
// (lib/messaging/parse.ts DECIMAL_LIMITS): anything longer would be refused there without a word, so the
// ticket refuses it first, beside its field, naming the limit.
import { formatAsGiven } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import { type Translate, translator } from '../i18n/translate.ts';
import { type Exact, exact, isPositive } from '../kraken/pairs/exact.ts';
import { DECIMAL_LIMITS } from '../orders/parse.ts';
import type { TicketContext } from './types.ts';

/** Plain digits with an optional fraction (no sign, exponent, comma). */
export const PLAIN = /^\d+(\.\d+)?$/;

/** The value of plain decimal text above zero and within the limits, else undefined. */
export function positive(text: string | undefined): Exact | undefined {
  const t = text?.trim() ?? '';
  if (!PLAIN.test(t) || tooLong(t) !== null) return undefined;
  const v = exact(t);
  return isPositive(v) ? v : undefined;
}

/** How the ticket's checks speak: t() in the page's language, and decimals as given in its dress ("0,5"). */
export interface Voice {
  t: Translate;
  locale: Locale;
  /** Decimal text as given, in the locale's separators. */
  n(value: string): string;
}

export function voiceOf(ctx: Pick<TicketContext, 'locale'>): Voice {
  const locale = ctx.locale ?? 'en';
  return { t: translator(locale), locale, n: (value) => formatAsGiven(value, locale) };
}

/** Which part of plain decimal text is longer than the background accepts, if any (text that is not plain: null). */
export function tooLong(text: string): 'integer' | 'fraction' | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  if ((m[1] ?? '').length > DECIMAL_LIMITS.integerDigits) return 'integer';
  if ((m[2] ?? '').length > DECIMAL_LIMITS.fractionDigits) return 'fraction';
  return null;
}

/** What a too-long value is, for its sentence ("An amount can have at most 20 digits…"). */
export type LongField =
  | 'amount'
  | 'limitPrice'
  | 'triggerPrice'
  | 'trailOffset'
  | 'limitOffset'
  | 'closePrice';

/** "An amount can have at most 20 digits before the decimal point." */
export function tooLongMessage(field: LongField, part: 'integer' | 'fraction', t: Translate): string {
  const what = t(`ticketProblem.what.${field}`);
  return part === 'integer'
    ? t('ticketProblem.tooLong.integer', { what, count: DECIMAL_LIMITS.integerDigits })
    : t('ticketProblem.tooLong.fraction', { what, count: DECIMAL_LIMITS.fractionDigits });
}
