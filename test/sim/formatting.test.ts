import { describe, expect, it } from 'vitest';
import { divRound, fixed, parseDecimal, plainDecimal, toUnits } from '../../sim/decimal.ts';
import { raw, toJson } from '../../sim/json-raw.ts';
import {
  rfc1123Kraken,
  rfc3339Micro,
  rfc3339Nano,
  rfc3339Seconds,
  unixSecondsText,
} from '../../sim/time-format.ts';

const ns = (iso: string, extraNs = 0n) => BigInt(Date.parse(iso)) * 1_000_000n + extraNs;

describe('raw-number JSON writer', () => {
  it('writes number text verbatim, trailing zeros and exponents included', () => {
    expect(toJson({ price: raw('1797.30'), qty: raw('0.00100000'), inc: raw('1E-8') })).toBe(
      '{"price":1797.30,"qty":0.00100000,"inc":1E-8}',
    );
  });

  it('matches JSON.stringify for ordinary values and skips undefined members', () => {
    const value = { a: [1, 'x"y', true, null], b: undefined, c: { d: -0.5 } };
    expect(toJson(value)).toBe(JSON.stringify(value));
  });

  it.each(['01', '1.', '.5', '1e', 'NaN', '', '--1', '0x10'])('rejects %j as number text', (text) => {
    expect(() => raw(text)).toThrow();
  });

  it('refuses non-finite numbers', () => {
    expect(() => toJson(Number.NaN)).toThrow();
  });
});

describe('fixed-point helpers', () => {
  it.each([
    [970001n, 1, '97000.1'],
    [100000n, 8, '0.00100000'],
    [5n, 3, '0.005'],
    [-4291n, 1, '-429.1'],
    [0n, 2, '0.00'],
    [42n, 0, '42'],
  ] as const)('fixed(%s, %i) = %s', (units, decimals, text) => {
    expect(fixed(units, decimals)).toBe(text);
  });

  it('refuses unsafe numbers instead of silently rounding', () => {
    expect(() => fixed(2 ** 53 + 2, 2)).toThrow();
  });

  it.each([
    ['1E-8', 8, 1n],
    ['0.50', 2, 50n],
    ['0.00010000', 8, 10000n],
    ['10.00000000', 8, 1_000_000_000n],
    ['97000.0', 1, 970000n],
  ] as const)('toUnits(%s, %i) = %s', (text, decimals, units) => {
    expect(toUnits(text, decimals)).toBe(units);
  });

  it('toUnits refuses text finer than the unit', () => {
    expect(() => toUnits('0.123', 2)).toThrow();
  });

  it.each([
    ['1E-8', '0.00000001'],
    ['1E-7', '0.0000001'],
    ['0.50', '0.5'],
    ['0.00010000', '0.0001'],
    ['60.00000000', '60'],
    ['1.00', '1'],
    ['0.00', '0'],
  ])('plainDecimal(%s) = %s (REST AssetPairs style)', (text, plain) => {
    expect(plainDecimal(text)).toBe(plain);
  });

  it('parseDecimal splits mantissa and scale', () => {
    expect(parseDecimal('1E-8')).toEqual({ mantissa: 1n, scale: 8 });
    expect(parseDecimal('-12.50')).toEqual({ mantissa: -1250n, scale: 2 });
  });

  it('divRound rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(-5n, 2n)).toBe(-3n);
  });
});

describe('Kraken timestamps', () => {
  it('rfc1123 as Kraken prints it: space-padded day, two-digit year', () => {
    // Official example: "Wed,  9 Jan 19 01:50:54 +0000" for unixtime 1546998654.
    expect(rfc1123Kraken(1546998654n * 1_000_000_000n)).toBe('Wed,  9 Jan 19 01:50:54 +0000');
    expect(rfc1123Kraken(ns('2023-07-06T18:50:48Z'))).toBe('Thu,  6 Jul 23 18:50:48 +0000');
    expect(rfc1123Kraken(ns('2021-04-27T21:35:35Z'))).toBe('Tue, 27 Apr 21 21:35:35 +0000');
  });

  it('RFC 3339 with µs, ns and whole seconds', () => {
    const t = ns('2023-09-25T09:04:31.742Z', 648_123n);
    expect(rfc3339Micro(t)).toBe('2023-09-25T09:04:31.742648Z');
    expect(rfc3339Nano(t)).toBe('2023-09-25T09:04:31.742648123Z');
    expect(rfc3339Seconds(t)).toBe('2023-09-25T09:04:31Z');
  });

  it('REST trade times: seconds with up to 7 decimals, trailing zeros dropped', () => {
    expect(unixSecondsText(1688669597_827736900n)).toBe('1688669597.8277369');
    expect(unixSecondsText(1688669602_698379000n)).toBe('1688669602.698379');
    expect(unixSecondsText(1688669602_000000000n)).toBe('1688669602');
  });
});
