// An in-place amend's new terms and the amend history (AmendOrder / OrderAmends,
// https://docs.kraken.com/api/docs/rest-api/amend-order): pure, so the engine only checks funds and tells.
import { krakenId } from './ids.ts';
import { type AmendRecord, isTrigger, type Order, type OrderRequest } from './order.ts';
import { type Offset, trailingTrigger } from './relative-price.ts';

export interface AmendChanges {
  volume?: bigint;
  limitTick?: number;
  /** A stop's or take-profit's new trigger price (amend-trigger.ts). */
  triggerTick?: number;
  /** A trailing stop's new offset from its peak (amend-trigger.ts). */
  trail?: Offset;
}

/**
 * The order as it would be after the amend: new quantity, limit price and/or trigger. The limit lives in `price`
 * for limit orders and in `price2` for the -limit trigger orders, and only moves the live limit of a limit order
 * or of a trigger order that has already triggered. The trigger lives in `price` of the trigger orders; a
 * trailing stop's new offset moves its trigger from the peak it has already seen.
 */
export function amendedOrder(order: Order, changes: AmendChanges): Order {
  const limit = changes.limitTick;
  const isLimit = order.request.type === 'limit';
  const request: OrderRequest = {
    ...order.request,
    volume: changes.volume ?? order.request.volume,
    priceTick: limit !== undefined && isLimit ? limit : (changes.triggerTick ?? order.request.priceTick),
    price2Tick: limit !== undefined && !isLimit ? limit : order.request.price2Tick,
    trail: changes.trail ?? order.request.trail,
  };
  const limitTick = order.triggered || isLimit ? (limit ?? order.limitTick) : order.limitTick;
  const stopTick =
    changes.trail && order.peakTick !== undefined
      ? trailingTrigger(changes.trail, order.peakTick, order.request.side)
      : order.stopTick;
  return { ...order, request, limitTick, stopTick };
}

/** The order's current terms, as one entry of its amend history. */
export function amendRecord(order: Order, type: 'original' | 'user'): AmendRecord {
  return {
    amendId: krakenId('T'),
    type,
    volume: order.request.volume,
    remaining: order.request.volume - order.filled,
    limitTick: order.request.type === 'limit' ? order.request.priceTick : order.request.price2Tick,
    triggerTick: isTrigger(order.request.type) ? (order.stopTick ?? order.request.priceTick) : undefined,
    postOnly: order.request.postOnly,
    timeMs: Date.now(),
  };
}
