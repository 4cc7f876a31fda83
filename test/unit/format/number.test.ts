import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatPrice,
  symbolsOf,
} from '../../../lib/format/number.ts';

// Expected strings are written out by hand. French groups digits with U+202F (narrow no-break space), puts
// U+00A0 (no-break space) before "%" and a comma for decimals, as CLDR says (and Chrome and Node's ICU print).
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('the locale’s symbols', () => {
  it('comes from Intl for English and French', () => {
    expect(symbolsOf('en')).toEqual({ decimal: '.', group: ',', percentGap: '' });
    expect(symbolsOf('fr')).toEqual({ decimal: ',', group: NNBSP, percentGap: NBSP });
  });
});

describe('prices: the pair’s decimals, grouped', () => {
  it.each([
    ['45283.5', 1, 'en', '45,283.5'],
    ['45283.5', 2, 'en', '45,283.50'],
    ['45283.5', 2, 'fr', `45${NNBSP}283,50`],
    ['0.000012345', 8, 'en', '0.00001235'],
    ['1234567.891', 0, 'en', '1,234,568'],
    ['999.995', 2, 'en', '1,000.00'],
    ['-1500.25', 2, 'en', `${MINUS}1,500.25`],
  ])('%s at %i decimals (%s) → %s', (text, decimals, locale, shown) => {
    expect(formatPrice(text, decimals, locale)).toBe(shown);
  });

  it('keeps every digit of numbers a float cannot hold', () => {
    expect(formatPrice('123456789012345678.12345678', 8, 'en')).toBe('123,456,789,012,345,678.12345678');
  });
});

describe('amounts: at most the lot decimals, no trailing zeros', () => {
  it.each([
    ['10000.0000', 4, 'en', '10,000'],
    ['0.50000000', 8, 'en', '0.5'],
    ['0.123456789', 8, 'en', '0.12345679'],
    ['8791.4691561575', 8, 'fr', `8${NNBSP}791,46915616`],
    ['0', 8, 'en', '0'],
  ])('%s (lot %i, %s) → %s', (text, lot, locale, shown) => {
    expect(formatAmount(text, lot, locale)).toBe(shown);
  });
});

describe('money', () => {
  it('shows fiat at cents, rounded down (never more than is held)', () => {
    expect(formatMoney('249.99999', 'USD', 'en')).toBe('249.99');
    expect(formatMoney('8791.4691561575', 'EUR', 'en')).toBe('8,791.46');
    expect(formatMoney('8791.4691561575', 'EUR', 'fr')).toBe(`8${NNBSP}791,46`);
    expect(formatMoney('1500', 'JPY', 'en')).toBe('1,500');
    expect(formatMoney('12', 'usd', 'en')).toBe('12.00');
  });

  it('shows crypto at its display decimals without trailing zeros', () => {
    expect(formatMoney('0.123456789', 'BTC', 'en', 5)).toBe('0.12345');
    expect(formatMoney('2.50000000', 'ETH', 'en')).toBe('2.5');
    expect(formatMoney('0.000000019', 'BTC', 'en')).toBe('0.00000001');
  });
});

describe('percentages: one style everywhere', () => {
  it.each([
    ['0.40', 'en', {}, '0.40%'],
    ['0.4', 'fr', {}, `0,40${NBSP}%`],
    [2.0134, 'en', { signed: true }, '+2.01%'],
    [-0.349, 'en', { signed: true }, `${MINUS}0.35%`],
    [0, 'en', { signed: true }, '0.00%'],
    [-0.001, 'en', { signed: true }, '0.00%'],
    [12.5, 'fr', { signed: true }, `+12,50${NBSP}%`],
  ] as const)('%s (%s, %o) → %s', (value, locale, opts, shown) => {
    expect(formatPercent(value, locale, opts)).toBe(shown);
  });

  it('shows what is not a number as it came', () => {
    expect(formatPercent(Number.NaN, 'en')).toBe('NaN');
    expect(formatPercent('n/a', 'en')).toBe('n/a');
  });
});

describe('anything else', () => {
  it('returns text that is not a decimal unchanged rather than a wrong number', () => {
    expect(formatDecimal('abc', { locale: 'en', decimals: 2 })).toBe('abc');
    expect(formatDecimal('', { locale: 'en' })).toBe('');
  });

  it('signs changes but never zero, and can leave the whole part ungrouped', () => {
    expect(formatDecimal('12.5', { locale: 'en', signed: true })).toBe('+12.5');
    expect(formatDecimal('-0.000', { locale: 'en', signed: true, decimals: 2 })).toBe('0.00');
    expect(formatDecimal('1234567', { locale: 'en', grouping: false })).toBe('1234567');
  });
});
