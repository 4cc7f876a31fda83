import { isTrailing, type Order } from './order.ts';
import { limitFromTrigger, trailingTrigger } from './relative-price.ts';

/**
 * Trailing stops (https://docs.kraken.com/api/docs/rest-api/add-order, `trailing-stop`,
 * `trailing-stop-limit`): "a market order is triggered when the market reverts a specified distance from
 * the peak price" (FIX NewOrderSingle docs). The peak is the best last-trade price since placement — the
 * highest for a sell, the lowest for a buy — and the trigger trails it by the offset (a `%` offset is taken
 * of the peak). The simulator triggers on the last trade (Kraken's default `trigger=last`; `index` is not
 * simulated).
 */
export function startTrail(order: Order, lastTick: number | undefined): void {
  const trail = order.request.trail;
  if (!isTrailing(order.request.type) || !trail || lastTick === undefined) return;
  order.peakTick = lastTick;
  order.stopTick = trailingTrigger(trail, lastTick, order.request.side);
}

/** Moves the peak with the last trade; true once the price has come back to the trigger. */
export function trailHit(order: Order, lastTick: number): boolean {
  const trail = order.request.trail;
  if (!trail) return false;
  const sell = order.request.side === 'sell';
  const peak = order.peakTick ?? lastTick;
  order.peakTick = sell ? Math.max(peak, lastTick) : Math.min(peak, lastTick);
  order.stopTick = trailingTrigger(trail, order.peakTick, order.request.side);
  return sell ? lastTick <= order.stopTick : lastTick >= order.stopTick;
}

/** A triggered trailing-stop-limit rests at the trigger price ± its `price2` offset. */
export function trailLimit(order: Order): number | undefined {
  const offset = order.request.limitOffset;
  const stop = order.stopTick;
  return offset && stop !== undefined ? limitFromTrigger(offset, stop) : undefined;
}
