// Trigger orders: stop-loss and take-profit, their -limit forms, and trailing stops. They rest untriggered
// (status 'new', with their trigger price, as Kraken's `executions` channel shows them:
// https://docs.kraken.com/api/docs/websocket-v2/executions, `triggers`) until the last traded price reaches the
// trigger ("Trigger order types … are not placed into the visible book until their trigger conditions are
// met", https://support.kraken.com/hc/en-us/articles/7987518770708-Other-order-options). Then the plain forms
// execute as market orders against the book and the -limit forms rest as limit orders.
//
// A trailing stop's trigger follows the best last trade since placement — the highest for a sell, the lowest for
// a buy — at its offset, in quote or in percent of that price (AddOrder `price` "+5%" / "+50",
// https://docs.kraken.com/api/docs/rest-api/add-order); a trailing-stop-limit then rests at its limit offset
// from the trigger (`price2`, "-" below it for a sell, "+" above for a buy). The simulator does the same
// (sim/trading/trailing.ts), so paper and live agree on when a trailing stop fires.
import { add, cmp, format, isPositive, mul, normalize } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import { feeOn } from '../orders/fees.ts';
import { limitFromTrigger, trailingTrigger } from '../orders/offsets.ts';
import type { BookTop, PriceOffset, TicketOrderType } from '../orders/types.ts';
import { availableOf } from './balances.ts';
import {
  closeOrder,
  type FillContext,
  rateOf,
  remainingOf,
  takeFromBook,
  takenSide,
  walkTaker,
} from './execute.ts';
import type { PaperOrder } from './types.ts';

/** Why a market order (or a triggered stop) closed with part unfilled. */
export const BOOK_EXHAUSTED = 'Not enough volume in the visible book; the rest was canceled';

export const isTriggerType = (t: TicketOrderType): boolean => t !== 'market' && t !== 'limit';
export const isTrailing = (t: TicketOrderType): boolean =>
  t === 'trailing-stop' || t === 'trailing-stop-limit';
/** The forms that rest as a limit order once triggered. */
export const firesAsLimit = (t: TicketOrderType): boolean =>
  t === 'stop-loss-limit' || t === 'take-profit-limit' || t === 'trailing-stop-limit';

/** A resting limit: a limit order, or a -limit trigger order whose trigger has fired. */
export const restsAsLimit = (o: PaperOrder): boolean =>
  o.type === 'limit' || (o.triggered === true && firesAsLimit(o.type));
/** A market-type trigger order that fired and waits for a book to execute against. */
export const awaitsBook = (o: PaperOrder): boolean => o.triggered === true && !firesAsLimit(o.type);
/** An untriggered trigger order. */
export const isArmed = (o: PaperOrder): boolean => isTriggerType(o.type) && !o.triggered;

/**
 * Stops (loss and trailing) protect against the price moving against the order: a sell fires when the price
 * falls to the trigger, a buy when it rises to it. Take-profits are the mirror image.
 */
export function firesOnFall(o: Pick<PaperOrder, 'type' | 'side'>): boolean {
  const stopLike = o.type !== 'take-profit' && o.type !== 'take-profit-limit';
  return stopLike === (o.side === 'sell');
}

/** Has the last trade reached the trigger? Kraken's default reference is the last trade (`trigger=last`). */
export function reachesTrigger(order: PaperOrder, last: Decimal): boolean {
  if (!isTriggerType(order.type) || order.triggerPrice === undefined) return false;
  const c = cmp(last, order.triggerPrice);
  return firesOnFall(order) ? c <= 0 : c >= 0;
}

/** The trigger a trailing stop has at `peak`: below it for a sell, above it for a buy. */
export function trailTrigger(order: PaperOrder, peak: Decimal, rules: PairRules): Decimal {
  return format(
    trailingTrigger(order.side, order.trailOffset as PriceOffset, peak, rules),
    rules.pairDecimals,
  );
}

/** Starts a trailing stop at the last trade. */
export function startTrail(order: PaperOrder, last: Decimal, rules: PairRules): void {
  order.peak = last;
  order.triggerPrice = trailTrigger(order, order.peak, rules);
}

/** Moves an armed trailing stop's peak (and so its trigger) with a trade; true when they moved. */
export function trail(order: PaperOrder, price: Decimal, rules: PairRules): boolean {
  if (!isTrailing(order.type) || order.triggered || order.peak === undefined) return false;
  const better = order.side === 'sell' ? cmp(price, order.peak) > 0 : cmp(price, order.peak) < 0;
  if (!better) return false;
  startTrail(order, price, rules);
  return true;
}

/** A trailing-stop-limit's limit at its current trigger: below it for a sell, above it for a buy. */
export function trailLimit(order: PaperOrder, rules: PairRules): Decimal {
  const limit = limitFromTrigger(
    order.side,
    order.limitOffset as PriceOffset,
    order.triggerPrice as Decimal,
    rules,
  );
  return format(limit, rules.pairDecimals);
}

/**
 * What an armed trigger order holds: a sell its base; a buy the cost of its rest at the price it can pay at
 * most — its limit (the -limit forms), else its trigger — plus the taker fee. A buy trailing stop's trigger only
 * falls, so what it holds at placement covers it. (A market-type buy that fires into a worse book may need
 * more: that is checked when it executes.)
 */
export function triggerHold(order: PaperOrder, rules: PairRules): Decimal {
  const rest = remainingOf(order);
  if (order.side === 'sell') return normalize(rest);
  const price = !firesAsLimit(order.type)
    ? (order.triggerPrice as Decimal)
    : isTrailing(order.type)
      ? trailLimit(order, rules)
      : (order.limitPrice as Decimal);
  const cost = mul(rest, price);
  return normalize(add(cost, feeOn(cost, rateOf(order, rules, 'taker'), rules.costDecimals)));
}

/** The trigger fired: a plain form executes at market, a -limit form starts resting at its limit. */
export function fire(ctx: FillContext, order: PaperOrder, book: BookTop | undefined, now: number): void {
  if (firesAsLimit(order.type)) activateLimit(ctx, order, book, now);
  else executeTriggered(ctx, order, book, now);
}

/**
 * A -limit form becomes a limit order: what crosses the book at once fills as taker (the hold, taken at the
 * taker rate on the limit, covers it), the rest rests as maker until the market trades through it.
 */
function activateLimit(ctx: FillContext, order: PaperOrder, book: BookTop | undefined, now: number): void {
  order.triggered = true;
  if (isTrailing(order.type)) order.limitPrice = trailLimit(order, ctx.rules);
  const limit = order.limitPrice as Decimal;
  if (!book || book.symbol !== order.symbol) return;
  const best = takenSide(book, order.side).find((l) => isPositive(l.qty));
  const crosses =
    best !== undefined && (order.side === 'buy' ? cmp(best.price, limit) <= 0 : cmp(best.price, limit) >= 0);
  if (!crosses) return;
  takeFromBook(ctx, order, book, normalize(remainingOf(order)), limit, now);
  if (!isPositive(remainingOf(order))) closeOrder(ctx.state, order, 'filled', 'Filled', now);
}

/**
 * Executes a triggered market-type order against `book`: its hold is released, a buy must afford the walk's
 * cost and taker fee (else it is canceled, "Insufficient funds"), and what the visible book cannot fill is
 * canceled. Without a book, or with nothing on the side it takes, it stays open, triggered and still holding,
 * and executes with the next book (onPaperMarket).
 */
export function executeTriggered(
  ctx: FillContext,
  order: PaperOrder,
  book: BookTop | undefined,
  now: number,
): void {
  order.triggered = true;
  const liquid = book?.symbol === order.symbol && takenSide(book, order.side).some((l) => isPositive(l.qty));
  if (!book || !liquid) return;
  order.hold = '0';
  const size = normalize(remainingOf(order));
  if (order.side === 'buy') {
    const walk = walkTaker(book, 'buy', size, ctx.rules, undefined);
    const need = add(walk.cost, feeOn(walk.cost, rateOf(order, ctx.rules, 'taker'), ctx.rules.costDecimals));
    if (cmp(availableOf(ctx.state, order.quote), need) < 0) {
      closeOrder(ctx.state, order, 'canceled', 'Insufficient funds', now);
      return;
    }
  }
  takeFromBook(ctx, order, book, size, undefined, now);
  if (isPositive(remainingOf(order))) closeOrder(ctx.state, order, 'canceled', BOOK_EXHAUSTED, now);
  else closeOrder(ctx.state, order, 'filled', 'Filled', now);
}
