import type { Market } from '../market/market.ts';
import type { TradingLimiter } from '../ratelimit/trading-limiter.ts';
import { tradingCost } from '../ratelimit/trading-limiter.ts';
import type { AmendChanges } from './amend-terms.ts';
import type { Engine, PlaceResult } from './engine.ts';
import { OrderError } from './engine.ts';
import { isOpen, type Order, type OrderRequest } from './order.ts';

/**
 * The trading entry points shared by REST and WebSocket, so both go through one engine and one per-pair
 * rate counter (https://docs.kraken.com/api/docs/guides/spot-ratelimits: "shared by REST, WS and FIX").
 */
export const LimitError = {
  rate: 'EOrder:Rate limit exceeded',
  openOrders: 'EOrder:Orders limit exceeded',
  deadline: 'EService:Deadline elapsed',
} as const;

/** What the desk needs of an account: its engine and its per-pair trading counter. */
export interface Desk {
  readonly engine: Engine;
  readonly tradingLimiter: TradingLimiter;
  readonly market: Market;
}

export function placeOrder(desk: Desk, request: OrderRequest, validate: boolean, cost = 1): PlaceResult {
  const pair = request.pair.restId;
  const closed = desk.market.status.entryRefusal(request);
  if (closed !== undefined) return { ok: false, error: closed };
  // The cost is applied on receipt, even when the order is then refused.
  if (!desk.tradingLimiter.charge(pair, cost, 'add')) return { ok: false, error: LimitError.rate };
  const open = desk.engine.open().filter((order) => order.request.pair.restId === pair).length;
  if (open >= desk.tradingLimiter.maxOpenPerPair) return { ok: false, error: LimitError.openOrders };
  return desk.engine.place(request, validate);
}

export function cancelOrder(desk: Desk, order: Order): boolean {
  if (!isOpen(order)) return false;
  const age = Date.now() - order.changedMs;
  desk.tradingLimiter.charge(order.request.pair.restId, tradingCost('cancel', age), 'cancel');
  return desk.engine.cancel(order);
}

export function cancelAll(desk: Desk): number {
  let count = 0;
  for (const order of desk.engine.open()) if (cancelOrder(desk, order)) count += 1;
  return count;
}

export function amendOrder(desk: Desk, order: Order, changes: AmendChanges): string | undefined {
  if (!isOpen(order)) return OrderError.unknownOrder;
  const closed = desk.market.status.entryRefusal(order.request);
  if (closed !== undefined) return closed;
  const cost = tradingCost('amend', Date.now() - order.changedMs);
  if (!desk.tradingLimiter.charge(order.request.pair.restId, cost, 'amend')) return LimitError.rate;
  return desk.engine.amend(order, changes);
}

/** Orders a cancel request names: a txid, every order with a userref, or a cl_ord_id. */
export function findOrders(desk: Desk, id: string | undefined, clOrdId: string | undefined): Order[] {
  const all = desk.engine.all();
  if (clOrdId !== undefined) return all.filter((order) => isOpen(order) && order.request.clOrdId === clOrdId);
  if (id === undefined || id === '') return [];
  if (/^-?\d{1,10}$/.test(id)) {
    const userref = Number(id);
    return all.filter((order) => isOpen(order) && order.request.userref === userref);
  }
  const order = desk.engine.get(id);
  return order ? [order] : [];
}

/** RFC 3339 deadline check: `deadline` must not have passed (Kraken: "EService:Deadline elapsed"). */
export function deadlineProblem(text: string | undefined, nowMs = Date.now()): string | undefined {
  if (text === undefined || text === '') return undefined;
  const at = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at)) return 'EGeneral:Invalid arguments:deadline';
  return at < nowMs ? LimitError.deadline : undefined;
}
