/**
 * Fixed-point helpers. The simulator keeps prices as integer ticks and quantities as integer base units,
 * so every number on the wire is rendered from integers and never goes through a float.
 */

/** Renders `units` × 10^-decimals, e.g. `fixed(970001n, 1)` → `"97000.1"`, `fixed(100000n, 8)` → `"0.00100000"`. */
export function fixed(units: bigint | number, decimals: number): string {
  if (typeof units === 'number' && !Number.isSafeInteger(units)) {
    throw new Error(`fixed(): ${units} is not a safe integer`);
  }
  if (!Number.isInteger(decimals) || decimals < 0) throw new Error(`fixed(): bad decimals ${decimals}`);
  const value = BigInt(units);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  if (decimals === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** A decimal literal split into an integer mantissa and a power-of-ten scale: value = mantissa × 10^-scale. */
export interface ScaledDecimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Parses decimal text including exponent forms such as Kraken's `1E-8`. */
export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign = '', whole = '0', frac = '', exp = '0'] = match;
  let mantissa = BigInt(`${whole}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa: sign === '-' ? -mantissa : mantissa, scale };
}

/** Converts decimal text to an integer count of 10^-decimals units; throws if it does not fit exactly. */
export function toUnits(text: string, decimals: number): bigint {
  const { mantissa, scale } = parseDecimal(text);
  if (scale <= decimals) return mantissa * 10n ** BigInt(decimals - scale);
  const divisor = 10n ** BigInt(scale - decimals);
  if (mantissa % divisor !== 0n) throw new Error(`${text} has more than ${decimals} decimals`);
  return mantissa / divisor;
}

/** Shortest plain rendering (no exponent, no trailing zeros): `1E-8` → `0.00000001`, `0.50` → `0.5`. */
export function plainDecimal(text: string): string {
  const { mantissa, scale } = parseDecimal(text);
  const rendered = fixed(mantissa, scale);
  if (!rendered.includes('.')) return rendered;
  return rendered.replace(/0+$/, '').replace(/\.$/, '');
}

/** Integer division rounding half away from zero (both operands non-negative in practice). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}
