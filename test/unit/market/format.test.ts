import { describe, expect, it } from 'vitest';
import { formatChangePct, formatPrice } from '../../../lib/market/format.ts';

// Expected strings written out by hand. formatPrice reuses one formatter per number of digits, so the same
// digits with other values, and other digits after them, must still come out right.
describe('formatPrice (watchlist display)', () => {
  it.each([
    [97000.1, 1, '97,000.1'],
    [1234.5, 1, '1,234.5'],
    [0.38, 7, '0.3800000'],
    [0.95, 6, '0.950000'],
    [105, 2, '105.00'],
    [3400, 2, '3,400.00'],
    [2.3, 5, '2.30000'],
    [1.035, undefined, '1.0350'],
    [250, undefined, '250.00'],
    [0.25, undefined, '0.250000'],
    [-12.5, 2, '−12.50'], // the one formatter's minus is U+2212 (lib/format/number.ts)
  ])('%d at %s decimals → %s', (value, precision, shown) => {
    expect(formatPrice(value, precision)).toBe(shown);
  });

  it('rounds to the digits asked for', () => {
    expect(formatPrice(0.123456789, 4)).toBe('0.1235');
    expect(formatPrice(0.123456789, 2)).toBe('0.12');
  });

  it('formats changes with a sign', () => {
    expect(formatChangePct(1.234)).toBe('+1.23%');
    expect(formatChangePct(-0.5)).toBe('−0.50%');
  });
});
