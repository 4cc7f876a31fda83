// Exact decimal arithmetic on strings, on BigInt. Money never goes through a float: "0.1" + "0.2" is "0.3".
// A value is an integer count of 10^-scale units.

export interface Exact {
  units: bigint;
  scale: number;
}

const PLAIN = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;
const LEADING_DOT = /^([+-])?\.(\d+)(?:[eE]([+-]?\d{1,3}))?$/;

/** Parses "123", "-1.50", "0.0001", ".5", and engine text like "1E-8". Throws RangeError otherwise. */
export function exact(text: string): Exact {
  const t = text.trim();
  let sign = '';
  let int = '';
  let frac = '';
  let exp = 0;
  const m = PLAIN.exec(t);
  const d = m ? null : LEADING_DOT.exec(t);
  if (m) {
    sign = m[1] ?? '';
    int = m[2] ?? '';
    frac = m[3] ?? '';
    exp = Number(m[4] ?? 0);
  } else if (d) {
    sign = d[1] ?? '';
    int = '0';
    frac = d[2] ?? '';
    exp = Number(d[3] ?? 0);
  } else {
    throw new RangeError(`not a decimal number: ${JSON.stringify(text.slice(0, 40))}`);
  }
  let units = BigInt(int + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** True when `text` is a plain decimal number Kraken would accept (no exponent, no sign other than -). */
export function isDecimalText(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

const lift = (v: Exact | string): Exact => (typeof v === 'string' ? exact(v) : v);

export function add(a: Exact | string, b: Exact | string): Exact {
  const [x, y, scale] = align(lift(a), lift(b));
  return { units: x + y, scale };
}

export function sub(a: Exact | string, b: Exact | string): Exact {
  const [x, y, scale] = align(lift(a), lift(b));
  return { units: x - y, scale };
}

export function mul(a: Exact | string, b: Exact | string): Exact {
  const x = lift(a);
  const y = lift(b);
  return { units: x.units * y.units, scale: x.scale + y.scale };
}

/** -1, 0 or 1. */
export function cmp(a: Exact | string, b: Exact | string): -1 | 0 | 1 {
  const [x, y] = align(lift(a), lift(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isPositive = (a: Exact | string): boolean => lift(a).units > 0n;

/** Fractional digits that matter: "1.2500" → 2. */
export function significantDecimals(a: Exact | string): number {
  let { units, scale } = lift(a);
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return scale;
}

/** True when a is an integer multiple of step (step > 0). */
export function isMultipleOf(a: Exact | string, step: Exact | string): boolean {
  const [x, y] = align(lift(a), lift(step));
  if (y <= 0n) throw new RangeError('step must be positive');
  return x % y === 0n;
}

export type Rounding = 'down' | 'up' | 'half-up';

/** Rounds to `decimals` places (toward zero, away from zero, or half away from zero). */
export function round(a: Exact | string, decimals: number, mode: Rounding): Exact {
  const v = lift(a);
  if (v.scale <= decimals) return v;
  const factor = 10n ** BigInt(v.scale - decimals);
  const negative = v.units < 0n;
  const abs = negative ? -v.units : v.units;
  let q = abs / factor;
  const r = abs % factor;
  if (r !== 0n && (mode === 'up' || (mode === 'half-up' && r * 2n >= factor))) q += 1n;
  return { units: negative ? -q : q, scale: decimals };
}

/** Decimal text; with `decimals`, padded (or rounded half-up) to exactly that many places. */
export function format(a: Exact | string, decimals?: number): string {
  let v = lift(a);
  if (decimals !== undefined) {
    v = round(v, decimals, 'half-up');
    v = { units: v.units * 10n ** BigInt(decimals - v.scale), scale: decimals };
  }
  const negative = v.units < 0n;
  const digits = (negative ? -v.units : v.units).toString().padStart(v.scale + 1, '0');
  const int = digits.slice(0, digits.length - v.scale);
  const frac = digits.slice(digits.length - v.scale);
  const body = v.scale > 0 ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Plain text without trailing zeros: "1.2500" → "1.25". */
export const normalize = (a: Exact | string): string =>
  format(round(lift(a), significantDecimals(a), 'down'));

/**
 * a / b to `decimals` places, rounded as asked (an amount in quote → base volume, an average price).
 * Throws RangeError on division by zero.
 */
export function div(a: Exact | string, b: Exact | string, decimals: number, mode: Rounding): Exact {
  const x = lift(a);
  const y = lift(b);
  if (y.units === 0n) throw new RangeError('division by zero');
  // x/y = (xu·10^-xs)/(yu·10^-ys); scaled to 10^-decimals: xu·10^(decimals+ys-xs) / yu.
  const shift = decimals + y.scale - x.scale;
  let num = x.units;
  let den = y.units;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den *= 10n ** BigInt(-shift);
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = n / d;
  const r = n % d;
  if (r !== 0n && (mode === 'up' || (mode === 'half-up' && r * 2n >= d))) q += 1n;
  return { units: negative ? -q : q, scale: decimals };
}
