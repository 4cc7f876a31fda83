// Stop-loss and take-profit: they rest untriggered (status 'new', with their trigger price, as Kraken's
// `executions` channel shows them: https://docs.kraken.com/api/docs/websocket-v2/executions, `triggers`)
// until the last traded price reaches the trigger, then execute as market orders against the book
// ("Trigger order types … are not placed into the visible book until their trigger conditions are met",
// https://support.kraken.com/hc/en-us/articles/7987518770708-Other-order-options).
import { add, cmp, isPositive, mul, normalize } from '../kraken/pairs/exact.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import { feeOn, feePercent } from '../orders/fees.ts';
import type { BookTop } from '../orders/types.ts';
import { availableOf } from './balances.ts';
import { closeOrder, type FillContext, remainingOf, takeFromBook, takenSide, walkTaker } from './execute.ts';
import type { PaperOrder } from './types.ts';

/** Why a market order (or a triggered stop) closed with part unfilled. */
export const BOOK_EXHAUSTED = 'Not enough volume in the visible book; the rest was canceled';

export const isStop = (o: PaperOrder): boolean => o.type === 'stop-loss' || o.type === 'take-profit';

/**
 * Has the last trade reached the trigger? A stop-loss protects against the price moving against you:
 * a sell stop fires at or below its trigger, a buy stop at or above. A take-profit is the mirror image.
 * Kraken's default reference is the last trade (`trigger=last`, SPEC.md §1.3).
 */
export function reachesTrigger(order: PaperOrder, last: Decimal): boolean {
  if (order.triggerPrice === undefined) return false;
  const c = cmp(last, order.triggerPrice);
  const upward = (order.type === 'stop-loss') === (order.side === 'buy');
  return upward ? c >= 0 : c <= 0;
}

/**
 * What an untriggered stop holds: a sell its base; a buy the cost of its volume at the trigger plus the taker
 * fee. (A buy that fires into a worse book may need more: that is checked when it executes.)
 */
export function stopHold(
  order: Pick<PaperOrder, 'side' | 'volume' | 'triggerPrice'>,
  ctx: FillContext,
): Decimal {
  if (order.side === 'sell') return order.volume;
  const cost = mul(order.volume, order.triggerPrice ?? '0');
  return normalize(add(cost, feeOn(cost, feePercent(ctx.rules, 'taker'), ctx.rules.costDecimals)));
}

/**
 * Executes a triggered stop as a market order against `book`: its hold is released, a buy must afford the
 * walk's cost and taker fee (else it is canceled, "Insufficient funds"), and what the visible book cannot
 * fill is canceled. Without a book, or with nothing on the side it takes, the stop stays open, triggered and
 * still holding, and executes with the next book (onPaperMarket).
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
    const need = add(walk.cost, feeOn(walk.cost, feePercent(ctx.rules, 'taker'), ctx.rules.costDecimals));
    if (cmp(availableOf(ctx.state, order.quote), need) < 0) {
      closeOrder(ctx.state, order, 'canceled', 'Insufficient funds', now);
      return;
    }
  }
  takeFromBook(ctx, order, book, size, undefined, now);
  if (isPositive(remainingOf(order))) closeOrder(ctx.state, order, 'canceled', BOOK_EXHAUSTED, now);
  else closeOrder(ctx.state, order, 'filled', 'Filled', now);
}
