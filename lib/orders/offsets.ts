// Prices on a pair's grid, and Kraken's price offsets (AddOrder `price` "+5%" / "+50" for trailing stops,
// `price2` for a trailing-stop-limit's limit, https://docs.kraken.com/api/docs/rest-api/add-order) as amounts.
// Shared by the ticket's estimate and the paper engine, so both put a trailing stop's trigger at the same price.
import { add, div, type Exact, exact, isPositive, mul, round, sub } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { PriceOffset, Side } from './types.ts';

/** A price on the pair's grid: its decimals, then a multiple of its tick (half-up, as the simulator rounds). */
export function onTick(value: Exact | Decimal, rules: Pick<PairRules, 'pairDecimals' | 'tickSize'>): Exact {
  const rounded = round(value, rules.pairDecimals, 'half-up');
  if (!rules.tickSize || !isPositive(rules.tickSize)) return rounded;
  const ticks = div(rounded, rules.tickSize, 0, 'half-up');
  return round(mul(ticks, rules.tickSize), rules.pairDecimals, 'half-up');
}

/** An offset in quote at `reference`: as given, or that percentage of it on the price grid. */
export function offsetAmount(
  offset: PriceOffset,
  reference: Exact | Decimal,
  rules: Pick<PairRules, 'pairDecimals' | 'tickSize'>,
): Exact {
  if (offset.unit === 'quote') return exact(offset.value);
  return onTick(div(mul(reference, offset.value), '100', rules.pairDecimals + 4, 'half-up'), rules);
}

/**
 * A trailing stop's trigger at `peak` (the best last trade since placement): below it for a sell, above it for
 * a buy — a stop protects against the price moving against the order.
 */
export function trailingTrigger(
  side: Side,
  offset: PriceOffset,
  peak: Exact | Decimal,
  rules: Pick<PairRules, 'pairDecimals' | 'tickSize'>,
): Exact {
  const amount = offsetAmount(offset, peak, rules);
  return side === 'sell' ? sub(peak, amount) : add(peak, amount);
}

/** A trailing-stop-limit's limit at `trigger`: beyond it, away from the market (below for a sell, above for a buy). */
export function limitFromTrigger(
  side: Side,
  offset: PriceOffset,
  trigger: Exact | Decimal,
  rules: Pick<PairRules, 'pairDecimals' | 'tickSize'>,
): Exact {
  const amount = offsetAmount(offset, trigger, rules);
  return side === 'sell' ? sub(trigger, amount) : add(trigger, amount);
}
