// An in-place amend's new terms and the amend history (AmendOrder / OrderAmends,
// https://docs.kraken.com/api/docs/rest-api/amend-order): pure, so the engine only checks funds and tells.
import { krakenId } from './ids.ts';
import { type AmendRecord, isTrigger, type Order, type OrderRequest } from './order.ts';

export interface AmendChanges {
  volume?: bigint;
  limitTick?: number;
}

/**
 * The order as it would be after the amend: new quantity and/or limit price. The limit lives in `price` for
 * limit orders and in `price2` for the -limit trigger orders, and only moves the live limit of a limit order
 * or of a trigger order that has already triggered.
 */
export function amendedOrder(order: Order, changes: AmendChanges): Order {
  const limit = changes.limitTick;
  const request: OrderRequest = {
    ...order.request,
    volume: changes.volume ?? order.request.volume,
    priceTick: limit !== undefined && order.request.type === 'limit' ? limit : order.request.priceTick,
    price2Tick: limit !== undefined && order.request.type !== 'limit' ? limit : order.request.price2Tick,
  };
  const limitTick =
    order.triggered || order.request.type === 'limit' ? (limit ?? order.limitTick) : order.limitTick;
  return { ...order, request, limitTick };
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
