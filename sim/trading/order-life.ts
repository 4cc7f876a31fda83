// The stages of an order's life that depend on the order alone: its birth, whether its trigger is hit, the
// limit it rests at once triggered, and the conditional close it leaves behind when it fills.
import { krakenId } from './ids.ts';
import { isTrailing, type Order, type OrderRequest } from './order.ts';
import { trailHit, trailLimit } from './trailing.ts';

/** A new order (status pending) for an accepted request. */
export function newOrder(request: OrderRequest, nowNs: bigint): Order {
  return {
    txid: krakenId('O'),
    request,
    status: 'pending',
    filled: 0n,
    cost: 0n,
    fee: 0n,
    volume: request.viqc ? 0n : request.volume,
    limitTick: request.type === 'limit' ? request.priceTick : undefined,
    triggered: false,
    openNs: nowNs,
    closeNs: undefined,
    reason: undefined,
    trades: [],
    amends: [],
    changedMs: Date.now(),
  };
}

/** Whether the last trade (`lastTick`) reaches the order's trigger (or its trailing trigger). */
export function triggerHit(order: Order, lastTick: number | undefined): boolean {
  if (lastTick !== undefined && isTrailing(order.request.type)) return trailHit(order, lastTick);
  const trigger = order.request.priceTick;
  if (lastTick === undefined || trigger === undefined) return false;
  const stop = order.request.type.startsWith('stop-loss');
  const buy = order.request.side === 'buy';
  // Stop-loss: buy when the price rises to the trigger, sell when it falls to it; take-profit the reverse.
  return stop === buy ? lastTick >= trigger : lastTick <= trigger;
}

/** The limit a triggered order rests at: trailing-limit's offset, a -limit order's price2, none at market. */
export function triggeredLimit(order: Order): number | undefined {
  if (isTrailing(order.request.type)) return trailLimit(order);
  return order.request.type.endsWith('-limit') ? order.request.price2Tick : undefined;
}

/** Conditional close: once the parent has filled, the close order goes in on the other side, same volume. */
export function closeRequest(order: Order): OrderRequest | undefined {
  const close = order.request.close;
  if (!close) return undefined;
  return {
    ...order.request,
    side: order.request.side === 'buy' ? 'sell' : 'buy',
    type: close.type,
    volume: order.filled,
    viqc: false,
    priceTick: close.priceTick,
    price2Tick: close.price2Tick,
    postOnly: false,
    timeInForce: 'GTC',
    expireSec: undefined,
    clOrdId: undefined,
    close: undefined,
  };
}
