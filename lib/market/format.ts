// Display prices of ticks (floats from Kraken's ticker, at the pair's precision) through the one formatter
// (lib/format/number.ts): the float is written at the pair's decimals first, so what is shown is the text Kraken
// sent, grouped and in the person's locale.
import { formatDecimal, formatPercent } from '../format/number.ts';

/** Decimals for a price whose pair's precision is unknown: a sensible width by magnitude. */
const fallbackDigits = (value: number) => (Math.abs(value) >= 100 ? 2 : Math.abs(value) >= 1 ? 4 : 6);

/** A display price at the pair's precision, grouped: "97,123.40" (en), "97 123,40" (fr). */
export function formatPrice(value: number, precision: number | undefined, locale = 'en'): string {
  if (!Number.isFinite(value)) return '—';
  const digits = precision ?? fallbackDigits(value);
  return formatDecimal(value.toFixed(digits), { locale, decimals: digits });
}

/** A 24 h change, signed, two decimals, in the one percent style: "+2.01%", "−0.35%", "+2,01 %" (fr). */
export const formatChangePct = (pct: number, locale = 'en'): string =>
  formatPercent(pct, locale, { signed: true });
