// Kraken's conditional close (AddOrder `close[ordertype]`, `close[price]`, `close[price2]`,
// https://docs.kraken.com/api/docs/rest-api/add-order): an order attached to the entry that goes in on the other
// side, for what the entry filled, once the entry has filled. As in the simulator (sim/trading/engine.ts
// placeClose), an entry that closes only partly filled (cancelled, expired) places none.
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BookTop } from '../orders/types.ts';
import { closeOrder, type FillContext } from './execute.ts';
import { newOrder, placeOn } from './place.ts';
import { type PaperOrder, PaperOrderRefused, type PaperOrderRequest } from './types.ts';

/** The close order's request: the other side, the entry's filled volume, GTC, never post-only. */
function closeRequest(entry: PaperOrder): PaperOrderRequest | null {
  const close = entry.close;
  if (!close) return null;
  return {
    clOrdId: `${entry.clOrdId}:close`,
    symbol: entry.symbol,
    side: entry.side === 'buy' ? 'sell' : 'buy',
    type: close.type,
    volume: entry.filled,
    postOnly: false,
    timeInForce: 'GTC',
    ...(close.type === 'limit' ? { limitPrice: close.price } : { triggerPrice: close.price }),
    ...(close.limitPrice !== undefined ? { limitPrice: close.limitPrice } : {}),
  };
}

/**
 * Places the close order of every filled entry that has one and has not placed it yet (on the draft). A close
 * the account cannot place (funds gone, the pair closed to new orders) is recorded as cancelled with the reason,
 * so the person sees it did not go in.
 */
export function placeCloses(
  ctx: FillContext,
  rules: PairRules,
  book: BookTop | undefined,
  lastTrade: string | undefined,
  now: number,
): PaperOrder[] {
  const placed: PaperOrder[] = [];
  for (;;) {
    const entry = ctx.state.closed.find(
      (o) => o.close && o.status === 'filled' && o.closeId === undefined && o.symbol === rules.symbol,
    );
    const req = entry && closeRequest(entry);
    if (!entry || !req) return placed;
    const market = {
      rules,
      ...(book ? { book } : {}),
      ...(lastTrade !== undefined ? { lastTrade } : {}),
      ...(entry.fees ? { fees: entry.fees } : {}),
    };
    let child: PaperOrder;
    try {
      child = placeOn(ctx, req, market, now);
    } catch (error) {
      if (!(error instanceof PaperOrderRefused)) throw error;
      const prices = req.type === 'limit' ? { limit: req.limitPrice } : { trigger: req.triggerPrice };
      child = newOrder(
        ctx,
        req,
        market,
        { ...prices, ...(req.limitPrice ? { limit: req.limitPrice } : {}) },
        now,
      );
      ctx.state.open.push(child);
      closeOrder(ctx.state, child, 'canceled', `The close order could not be placed: ${error.message}`, now);
    }
    child.parentId = entry.id;
    entry.closeId = child.id;
    placed.push(child);
  }
}
