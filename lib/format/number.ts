// The one display formatter for numbers: prices, amounts, money and percentages, for the person's locale.
// Values stay decimal text end to end (DESIGN.md §3, "money is decimal"): rounding is exact
// (lib/kraken/pairs/exact.ts) and only the locale's symbols come from Intl — the number itself never
// becomes a float, so "0.1 + 0.2" style errors and the 17-significant-digit limit cannot reach the screen.
import {
  exact,
  format,
  isDecimalText,
  type Rounding,
  round,
  significantDecimals,
} from '../kraken/pairs/exact.ts';

/** The symbols a locale writes numbers with (the minus is always U+2212, which lines up in tables). */
export interface NumberSymbols {
  decimal: string;
  group: string;
  /** What goes between the number and "%" ("" in English, a no-break space in French). */
  percentGap: string;
}

const MINUS = '\u2212';
const cache = new Map<string, NumberSymbols>();

/** The locale's decimal and group separators and percent spacing, from Intl (cached per locale). */
export function symbolsOf(locale: string): NumberSymbols {
  const known = cache.get(locale);
  if (known) return known;
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const sign = percent.findIndex((p) => p.type === 'percentSign');
  const before = percent[sign - 1];
  const symbols: NumberSymbols = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    percentGap: before?.type === 'literal' ? before.value : '',
  };
  cache.set(locale, symbols);
  return symbols;
}

export interface DecimalStyle {
  locale: string;
  /** Exactly this many decimals (rounded half-up, padded with zeros): prices at the pair's precision. */
  decimals?: number;
  /** At most this many decimals (rounded as `rounding` says), trailing zeros dropped down to `minDecimals`. */
  maxDecimals?: number;
  minDecimals?: number;
  /** How `decimals`/`maxDecimals` round; half-up unless said (balances shown round down: never more than held). */
  rounding?: Rounding;
  /** Group the whole part (default true). */
  grouping?: boolean;
  /** "+" before positive values (changes); zero never gets a sign. */
  signed?: boolean;
}

/**
 * Decimal text for reading: "45283.5" → "45,283.50" (en, 2 decimals) or "45 283,50" (fr). Text that is not a
 * decimal is returned unchanged, so a bad value shows as what it is rather than as a wrong number.
 */
export function formatDecimal(text: string, style: DecimalStyle): string {
  let value: ReturnType<typeof exact>;
  try {
    value = exact(text);
  } catch {
    return text;
  }
  const mode = style.rounding ?? 'half-up';
  let plain: string;
  if (style.decimals !== undefined) {
    plain = format(round(value, style.decimals, mode), style.decimals);
  } else {
    const rounded = style.maxDecimals !== undefined ? round(value, style.maxDecimals, mode) : value;
    const shown = Math.max(significantDecimals(rounded), style.minDecimals ?? 0);
    plain = format(rounded, shown);
  }
  return localize(plain, style);
}

/** Puts plain decimal text ("-1234.5") in the locale's dress: separators, minus, optional plus. */
function localize(plain: string, style: DecimalStyle): string {
  const { decimal, group } = symbolsOf(style.locale);
  const negative = plain.startsWith('-');
  const [whole = '0', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = style.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, group);
  const body = fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
  const zero = !/[1-9]/.test(plain);
  if (negative && !zero) return `${MINUS}${body}`;
  return style.signed && !zero ? `+${body}` : body;
}

/** Decimal text with every digit it came with, in the locale's separators, never grouped or rounded ("0,0001"). */
export const formatAsGiven = (text: string, locale: string): string =>
  formatDecimal(text, { locale, minDecimals: text.split('.')[1]?.length ?? 0, grouping: false });

/** A price at the pair's precision ("pair_decimals"), grouped: the same in the watchlist, ticket and orders. */
export const formatPrice = (text: string, pairDecimals: number, locale: string): string =>
  formatDecimal(text, { locale, decimals: pairDecimals });

/** An amount of an asset: at most the lot decimals, without trailing zeros ("10000.0000" → "10,000"). */
export const formatAmount = (text: string, lotDecimals: number, locale: string): string =>
  formatDecimal(text, { locale, maxDecimals: lotDecimals });

/** Fiat Kraken quotes in, with its usual decimals (cents; none for yen). */
const FIAT_DECIMALS: Readonly<Record<string, number>> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  CHF: 2,
  AUD: 2,
  JPY: 0,
};

/**
 * A balance or a value in `asset`: fiat at its cents (grouped, "8,791.47"), crypto at up to `displayDecimals`
 * (Kraken's Assets `display_decimals`, else 8) without trailing zeros. Balances round down so a shown amount is
 * never more than is held; the exact value stays in the model.
 */
export function formatMoney(
  text: string,
  asset: string,
  locale: string,
  displayDecimals?: number,
  /** Down by default (a balance); 'up' for what an order costs or pays in fees, which is never understated. */
  rounding: Rounding = 'down',
): string {
  const fiat = FIAT_DECIMALS[asset.toUpperCase()];
  if (fiat !== undefined) return formatDecimal(text, { locale, decimals: fiat, rounding });
  return formatDecimal(text, { locale, maxDecimals: displayDecimals ?? 8, rounding });
}

/**
 * A percentage, two decimals, the same style everywhere: fees ("0.40%"), changes ("+2.01%", "−0.35%"),
 * offsets. French puts a no-break space before "%" ("0,40 %"), as Intl does.
 */
export function formatPercent(
  value: string | number,
  locale: string,
  opts: { signed?: boolean } = {},
): string {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(6) : String(value)) : value;
  if (!isDecimalText(text)) return text;
  const body = formatDecimal(text, { locale, decimals: 2, ...(opts.signed ? { signed: true } : {}) });
  return `${body}${symbolsOf(locale).percentGap}%`;
}
