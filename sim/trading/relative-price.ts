import type { PairSpec } from '../data/pairs.ts';
import { parseDecimal } from '../decimal.ts';
import type { OrderSide, OrderType } from './kinds.ts';

/**
 * Relative prices of REST AddOrder (https://docs.kraken.com/api/docs/rest-api/add-order, `price`/`price2`):
 * "`+` adds the amount to, and `-` subtracts the amount from the last traded price. `#` will either add or
 * subtract the amount … depending on the direction and order type used. Prices can also be suffixed with a
 * `%`." Trailing stops: `price` "must use … the `+` prefix", `price2` "one of the `+` or `-` prefixes …
 * the offset from the trigger price to the limit price"; `%` works for both.
 */
export type Prefix = '+' | '-' | '#';

/** An offset: whole ticks (quote) or a percentage scaled by 10^4 (`5%` → 50000n). */
export interface Offset {
  readonly prefix: Prefix;
  readonly unit: 'quote' | 'pct';
  readonly amount: bigint;
}

export const PCT_SCALE = 10_000n;
const RELATIVE = /^([+\-#])(\d+(?:\.\d+)?)(%?)$/;

/** Kraken's recorded wording for a price argument it cannot read (ccxt's exceptions map). */
export const INVALID_PRICE = 'EOrder:Invalid price:Invalid price argument';

/** Scales a decimal string to `decimals`, or undefined when it is finer. */
function scaled(text: string, decimals: number): bigint | undefined {
  const { mantissa, scale } = parseDecimal(text);
  if (scale <= decimals) return mantissa * 10n ** BigInt(decimals - scale);
  const divisor = 10n ** BigInt(scale - decimals);
  return mantissa % divisor === 0n ? mantissa / divisor : undefined;
}

export function isRelative(text: string | undefined): boolean {
  return text !== undefined && /^[+\-#]/.test(text);
}

/** Parses `+5`, `-0.5`, `#2%`, …; `'decimals'` when a quote amount is finer than the tick. */
export function parseOffset(text: string, spec: PairSpec): Offset | 'format' | 'decimals' {
  const match = RELATIVE.exec(text);
  if (!match) return 'format';
  const [, prefix, number, pct] = match;
  if (pct === '%') {
    const amount = scaled(number ?? '', 4);
    if (amount === undefined || amount >= 100n * PCT_SCALE) return 'format';
    return { prefix: prefix as Prefix, unit: 'pct', amount };
  }
  const amount = scaled(number ?? '', spec.priceDecimals);
  if (amount === undefined) return 'decimals';
  return { prefix: prefix as Prefix, unit: 'quote', amount };
}

/** The offset in ticks at a reference price (percentages rounded half up to the tick). */
export function offsetTicks(offset: Offset, referenceTick: number): number {
  if (offset.unit === 'quote') return Number(offset.amount);
  const product = BigInt(referenceTick) * offset.amount;
  const denominator = 100n * PCT_SCALE;
  return Number((product + denominator / 2n) / denominator);
}

/**
 * `#`: the direction that makes sense for the order — below the market for buy limits and take-profits,
 * above for sell limits and take-profits; stops the other way round (ours: Kraken does not spell it out).
 */
function hashSign(side: OrderSide, type: OrderType): 1 | -1 {
  const belowForBuy = type === 'limit' || type.startsWith('take-profit');
  return (side === 'buy') === belowForBuy ? -1 : 1;
}

/** A relative `price`/`price2` of a non-trailing order, resolved against the last trade. */
export function resolveAgainstLast(
  offset: Offset,
  lastTick: number,
  side: OrderSide,
  type: OrderType,
): number {
  const ticks = offsetTicks(offset, lastTick);
  const sign = offset.prefix === '+' ? 1 : offset.prefix === '-' ? -1 : hashSign(side, type);
  return lastTick + sign * ticks;
}

/** A trailing stop's trigger from its peak: a sell trails below the highest price, a buy above the lowest. */
export function trailingTrigger(offset: Offset, peakTick: number, side: OrderSide): number {
  const ticks = offsetTicks(offset, peakTick);
  return side === 'sell' ? peakTick - ticks : peakTick + ticks;
}

/** A trailing-stop-limit's limit: `+`/`-` offset from the trigger price. */
export function limitFromTrigger(offset: Offset, triggerTick: number): number {
  const ticks = offsetTicks(offset, triggerTick);
  return offset.prefix === '-' ? triggerTick - ticks : triggerTick + ticks;
}

/** Kraken-style text of an offset for `descr.order`: "+5.0000%", "+50.0" (ours, unsourced). */
export function offsetText(offset: Offset, spec: PairSpec): string {
  const sign = offset.prefix;
  if (offset.unit === 'pct') {
    const whole = offset.amount / PCT_SCALE;
    const frac = (offset.amount % PCT_SCALE).toString().padStart(4, '0');
    return `${sign}${whole}.${frac}%`;
  }
  const unit = 10n ** BigInt(spec.priceDecimals);
  const frac = (offset.amount % unit).toString().padStart(spec.priceDecimals, '0');
  return spec.priceDecimals === 0 ? `${sign}${offset.amount}` : `${sign}${offset.amount / unit}.${frac}`;
}
