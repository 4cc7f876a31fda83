// The live market moving the paper account: trades fill resting limits, move trailing stops and fire triggers;
// the book prices triggered market-type stops; a filled entry places its close order. Fed by the background worker from Kraken's WS v2 `trade` and `book` channels.
import { cmp, type Exact, exact, isPositive, sub } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { FillView, OrderView } from '../orders/types.ts';
import { placeCloses } from './close.ts';
import { applyFill, closeOrder, type FillContext, minOf, remainingOf } from './execute.ts';
import {
  awaitsBook,
  executeTriggered,
  fire,
  firesAsLimit,
  isArmed,
  reachesTrigger,
  restsAsLimit,
  trail,
} from './triggers.ts';
import type { NewId, PaperMarketUpdate, PaperOrder, PaperState, PaperTrade } from './types.ts';
import { orderView } from './views.ts';

export interface PaperMarketResult {
  /** The same object as the one passed in when nothing changed (nothing to save). */
  state: PaperState;
  /** Fills made, oldest first. */
  fills: FillView[];
  /** Orders that filled, triggered or closed, as they are now. */
  changed: OrderView[];
}

/**
 * A paper limit order is not in Kraken's book, so the only evidence that it "would have filled" is the
 * market trading THROUGH its price: a buy at P fills when a trade prints strictly below P, a sell when one
 * prints strictly above. A trade AT P proves nothing — real orders at P were ahead of ours in the queue and
 * may have taken it all. Strictly through is the conservative reading of "limit orders fill when the market
 * trades through them".
 */
export function tradesThrough(order: PaperOrder, tradePrice: string): boolean {
  if (order.limitPrice === undefined) return false;
  const c = cmp(tradePrice, order.limitPrice);
  return order.side === 'buy' ? c < 0 : c > 0;
}

/** Price priority (a higher buy, a lower sell first), then time: the order Kraken's engine would match in. */
function byPriority(a: PaperOrder, b: PaperOrder): number {
  const price = cmp(a.limitPrice ?? '0', b.limitPrice ?? '0');
  const better = a.side === 'buy' ? -price : price;
  return better !== 0 ? better : a.createdAt - b.createdAt;
}

/**
 * Applies trades (in print order) and the current book to the open orders of `update.symbol`. Each trade
 * fills resting limits it went through, at their limit price, as maker, for at most the traded quantity —
 * shared among paper orders by priority: we know that much volume changed hands beyond our price, not more.
 * Then stops whose trigger a trade reached execute against `update.book` (or wait for a book).
 */
export function onPaperMarket(
  state: PaperState,
  update: PaperMarketUpdate,
  rules: PairRules,
  now: number,
  newId: NewId,
): PaperMarketResult {
  if (update.symbol !== rules.symbol) {
    throw new RangeError(`paper market update for ${update.symbol} came with the rules of ${rules.symbol}`);
  }
  const mine = (o: PaperOrder) => o.symbol === update.symbol;
  const book = update.book?.symbol === update.symbol ? update.book : undefined;
  const trades = update.trades ?? [];
  const waiting = state.open.some((o) => mine(o) && awaitsBook(o));
  if (!state.open.some(mine) || (trades.length === 0 && !(waiting && book))) {
    return { state, fills: [], changed: [] };
  }

  const draft = structuredClone(state);
  const ctx: FillContext = { state: draft, rules, newId, fills: [] };
  const changed = new Set<PaperOrder>();
  for (const trade of trades) {
    fillThrough(ctx, trade, mine, changed);
    for (const o of [...draft.open]) {
      if (!mine(o) || !isArmed(o)) continue;
      if (trail(o, trade.price, rules)) changed.add(o);
      if (!reachesTrigger(o, trade.price)) continue;
      changed.add(o);
      // A -limit form starts resting now (later trades of this update may fill it); a market-type one
      // executes against the book below.
      if (firesAsLimit(o.type)) fire(ctx, o, book, trade.at);
      else o.triggered = true;
    }
  }
  for (const o of draft.open.filter((x) => mine(x) && awaitsBook(x))) {
    executeTriggered(ctx, o, book, now);
    if (!o.triggered) changed.add(o);
  }
  for (const close of placeCloses(ctx, rules, book, trades.at(-1)?.price, now)) changed.add(close);
  if (changed.size === 0) return { state, fills: [], changed: [] };
  return { state: draft, fills: ctx.fills, changed: [...changed].map(orderView) };
}

function fillThrough(
  ctx: FillContext,
  trade: PaperTrade,
  mine: (o: PaperOrder) => boolean,
  changed: Set<PaperOrder>,
): void {
  let left: Exact = exact(trade.qty);
  const hit = ctx.state.open
    .filter((o) => mine(o) && restsAsLimit(o) && tradesThrough(o, trade.price))
    .sort(byPriority);
  for (const order of hit) {
    if (!isPositive(left)) break;
    const qty = minOf(remainingOf(order), left);
    applyFill(ctx, order, qty, order.limitPrice as string, 'maker', trade.at);
    left = sub(left, qty);
    changed.add(order);
    if (!isPositive(remainingOf(order))) closeOrder(ctx.state, order, 'filled', 'Filled', trade.at);
  }
}
