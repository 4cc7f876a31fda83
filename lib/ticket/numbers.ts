// What the ticket accepts as a number, and how long it may be. The length limits are the background's own
// (lib/messaging/parse.ts DECIMAL_LIMITS): anything longer would be refused there without a word, so the
// ticket refuses it first, beside its field, naming the limit.
import { type Exact, exact, isPositive } from '../kraken/pairs/exact.ts';
import { DECIMAL_LIMITS } from '../orders/parse.ts';

/** Plain digits with an optional fraction (no sign, exponent, comma). */
export const PLAIN = /^\d+(\.\d+)?$/;

/** The value of plain decimal text above zero and within the limits, else undefined. */
export function positive(text: string | undefined): Exact | undefined {
  const t = text?.trim() ?? '';
  if (!PLAIN.test(t) || tooLong(t) !== null) return undefined;
  const v = exact(t);
  return isPositive(v) ? v : undefined;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which part of plain decimal text is longer than the background accepts, if any (text that is not plain: null). */
export function tooLong(text: string): 'integer' | 'fraction' | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  if ((m[1] ?? '').length > DECIMAL_LIMITS.integerDigits) return 'integer';
  if ((m[2] ?? '').length > DECIMAL_LIMITS.fractionDigits) return 'fraction';
  return null;
}

/** "The amount can have at most 20 digits before the decimal point." */
export function tooLongMessage(what: string, part: 'integer' | 'fraction'): string {
  return part === 'integer'
    ? `${what} can have at most ${plural(DECIMAL_LIMITS.integerDigits, 'digit')} before the decimal point.`
    : `${what} can have at most ${plural(DECIMAL_LIMITS.fractionDigits, 'digit')} after the decimal point.`;
}
