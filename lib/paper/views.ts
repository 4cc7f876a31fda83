// What the popup shows of the paper account: the same views as the live account (lib/orders/types.ts).
import { normalize } from '../kraken/pairs/exact.ts';
import type { BalanceView, FillView, OrderView } from '../orders/types.ts';
import { availableOf, holdOf, totalOf } from './balances.ts';
import type { PaperAmend, PaperOrder, PaperState } from './types.ts';

export function orderView(o: PaperOrder): OrderView {
  const view: OrderView = {
    id: o.id,
    clOrdId: o.clOrdId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    volume: o.volume,
    filled: o.filled,
    status: o.status,
    createdAt: o.createdAt,
  };
  if (o.limitPrice !== undefined) view.limitPrice = o.limitPrice;
  if (o.triggerPrice !== undefined) view.triggerPrice = o.triggerPrice;
  if (o.avgPrice !== undefined) view.avgPrice = o.avgPrice;
  if (o.trailOffset) view.trailOffset = { ...o.trailOffset };
  if (o.limitOffset) view.limitOffset = { ...o.limitOffset };
  if (o.timeInForce !== 'GTC') view.timeInForce = o.timeInForce;
  if (o.expiresAt !== undefined) view.expiresAt = o.expiresAt;
  if (o.postOnly) view.postOnly = true;
  if (o.close) view.close = { ...o.close };
  if (o.triggered) view.triggered = true;
  return view;
}

/** An order's amend history, the original values first (empty when it was never amended). */
export function paperAmends(state: PaperState, id: string): PaperAmend[] {
  const order = state.open.find((o) => o.id === id) ?? state.closed.find((o) => o.id === id);
  return (order?.amends ?? []).map((a) => ({ ...a }));
}

/** Open orders (resting limits, untriggered stops), oldest first. */
export const paperOrders = (state: PaperState): OrderView[] => state.open.map(orderView);

/** Every asset the account has held, by name; hold is what open orders hold, available = total − hold. */
export function paperBalances(state: PaperState): BalanceView[] {
  const assets = new Set([
    ...Object.keys(state.balances),
    ...state.open.map((o) => (o.side === 'buy' ? o.quote : o.base)),
  ]);
  return [...assets].sort().map((asset) => ({
    asset,
    total: normalize(totalOf(state, asset)),
    hold: normalize(holdOf(state, asset)),
    available: normalize(availableOf(state, asset)),
  }));
}

/** The last fills, newest first. */
export const paperFills = (state: PaperState): FillView[] => state.fills.map((f) => ({ ...f }));
