import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  div,
  exact,
  format,
  isMultipleOf,
  mul,
  normalize,
  round,
  significantDecimals,
  sub,
} from '../../../lib/kraken/pairs/exact.ts';

describe('exact decimals', () => {
  it.each([
    ['0.1', '0.2', '0.3'],
    ['1.10', '2.205', '3.305'],
    ['-1', '0.5', '-0.5'],
    ['99999999999999999999.99999999', '0.00000001', '100000000000000000000.00000000'],
  ])('%s + %s = %s (floats would not)', (a, b, sum) => {
    expect(format(add(a, b))).toBe(sum);
  });

  it.each([
    ['1E-8', '0.00000001'],
    ['1e-8', '0.00000001'],
    ['5.325e-05', '0.00005325'],
    ['0.50', '0.50'],
    ['.5', '0.5'],
    ['12e2', '1200'],
    ['-0.000', '0.000'],
  ])('parses %s as %s', (text, expected) => {
    expect(format(exact(text))).toBe(expected);
  });

  it.each([[''], ['abc'], ['1.2.3'], ['1,5'], ['NaN'], ['Infinity'], ['0x10'], [' - 1'], ['1e99999']])(
    'refuses %j',
    (text) => {
      expect(() => exact(text)).toThrow(RangeError);
    },
  );

  it('multiplies, compares, rounds and counts decimals exactly', () => {
    expect(format(mul('30010.0', '1.25000000'))).toBe('37512.500000000');
    expect(cmp('0.0001', '0.00010000')).toBe(0);
    expect(cmp('0.00009999', '0.0001')).toBe(-1);
    expect(format(round('1.005', 2, 'half-up'))).toBe('1.01');
    expect(format(round('1.001', 2, 'up'))).toBe('1.01');
    expect(format(round('1.009', 2, 'down'))).toBe('1.00');
    expect(format(round('-1.005', 2, 'half-up'))).toBe('-1.01');
    expect(significantDecimals('1.2500')).toBe(2);
    expect(significantDecimals('100')).toBe(0);
    expect(normalize('1.2500')).toBe('1.25');
    expect(isMultipleOf('30010.1', '0.1')).toBe(true);
    expect(isMultipleOf('30010.15', '0.1')).toBe(false);
    expect(isMultipleOf('0.00003', '0.00001')).toBe(true);
    expect(format('1.5', 4)).toBe('1.5000');
  });

  it('property: (a + b) − b = a and a × 1 = a for any decimal text', () => {
    const dec = fc
      .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 18 }))
      .map(([units, scale]) => format({ units, scale }));
    fc.assert(
      fc.property(dec, dec, (a, b) => {
        expect(cmp(sub(add(a, b), b), a)).toBe(0);
        expect(cmp(mul(a, '1'), a)).toBe(0);
        // Antisymmetry. Written as a sum: -cmp(b, a) is -0 for equal values, which toBe (Object.is) tells apart.
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
        expect([-1, 0, 1]).toContain(cmp(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('divides to a given number of places with the rounding asked for', () => {
    expect(format(div('100', '3', 4, 'down'))).toBe('33.3333');
    expect(format(div('100', '3', 4, 'up'))).toBe('33.3334');
    expect(format(div('2', '3', 2, 'half-up'))).toBe('0.67');
    expect(format(div('1000', '65432.1', 8, 'down'))).toBe('0.01528301');
    expect(format(div('-7', '2', 0, 'half-up'))).toBe('-4');
    expect(format(div('0.5', '0.25', 0, 'down'))).toBe('2');
    expect(() => div('1', '0.00', 2, 'down')).toThrow(RangeError);
  });

  it('division rounded down, times the divisor, never exceeds the dividend (and up never falls short)', () => {
    const dec = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
      .map(([u, s]) => format({ units: u, scale: s }));
    fc.assert(
      fc.property(dec, dec, fc.integer({ min: 0, max: 10 }), (a, b, places) => {
        const down = div(a, b, places, 'down');
        const up = div(a, b, places, 'up');
        expect(cmp(mul(down, b), a)).toBeLessThanOrEqual(0);
        expect(cmp(mul(up, b), a)).toBeGreaterThanOrEqual(0);
        expect(cmp(sub(up, down), { units: 1n, scale: places })).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
