// Placing one order on a draft account: market orders walk the book, limits take what crosses and rest, trigger
// orders hold their funds and wait (or fire at once when the last trade is already past them). Everything
// mutates the draft of placePaperOrder (account.ts); a refusal is thrown before anything it could not undo.
import { add, cmp, isPositive, normalize, sub } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import { feeOn } from '../orders/fees.ts';
import type { BookTop } from '../orders/types.ts';
import { requireAvailable } from './balances.ts';
import {
  closeOrder,
  type FillContext,
  rateOf,
  restingHold,
  takeFromBook,
  takenSide,
  walkTaker,
} from './execute.ts';
import {
  BOOK_EXHAUSTED,
  fire,
  firesAsLimit,
  isTrailing,
  reachesTrigger,
  startTrail,
  triggerHold,
} from './triggers.ts';
import { type PaperMarket, type PaperOrder, PaperOrderRefused, type PaperOrderRequest } from './types.ts';
import { type CheckedPrices, checkCost, checkRequest } from './validate.ts';

/** A new order from a request the checks passed, holding nothing yet. */
export function newOrder(
  ctx: FillContext,
  req: PaperOrderRequest,
  market: PaperMarket,
  prices: CheckedPrices,
  now: number,
): PaperOrder {
  const { rules } = market;
  const order: PaperOrder = {
    id: ctx.newId(),
    clOrdId: req.clOrdId,
    symbol: rules.symbol,
    base: rules.base,
    quote: rules.quote,
    side: req.side,
    type: req.type,
    volume: normalize(req.volume),
    postOnly: req.postOnly,
    timeInForce: req.timeInForce,
    status: 'new',
    createdAt: now,
    filled: '0',
    cost: '0',
    takerCost: '0',
    takerFee: '0',
    makerCost: '0',
    makerFee: '0',
    hold: '0',
    ...(market.fees ? { fees: { ...market.fees } } : {}),
    ...(prices.limit !== undefined ? { limitPrice: prices.limit } : {}),
    ...(prices.trigger !== undefined ? { triggerPrice: prices.trigger } : {}),
    ...(req.trailOffset ? { trailOffset: { ...req.trailOffset } } : {}),
    ...(req.limitOffset ? { limitOffset: { ...req.limitOffset } } : {}),
    ...(req.expiresAt !== undefined ? { expiresAt: req.expiresAt } : {}),
    ...(req.close ? { close: { ...req.close } } : {}),
  };
  return order;
}

/** Checks `req` and places it on the draft: the new order, open or already closed. */
export function placeOn(
  ctx: FillContext,
  req: PaperOrderRequest,
  market: PaperMarket,
  now: number,
): PaperOrder {
  const { rules } = market;
  const openOnPair = ctx.state.open.filter((o) => o.symbol === rules.symbol).length;
  const prices = checkRequest(req, rules, openOnPair, now);
  const order = newOrder(ctx, req, market, prices, now);
  const book = market.book?.symbol === rules.symbol ? market.book : undefined;
  if (order.type === 'market') placeMarket(ctx, order, requireBook(book, order, rules, true), now);
  // A limit may rest against an empty side; it still needs the book to know whether it crosses.
  else if (order.type === 'limit') placeLimit(ctx, order, requireBook(book, order, rules, false), now);
  else placeTrigger(ctx, order, market, book, now);
  return order;
}

/**
 * Market and limit orders price against the live book; without one there is nothing honest to fill at.
 * `EService:Unavailable` is Kraken's "try again later" (SPEC.md §3); the message says what is missing.
 */
function requireBook(
  book: BookTop | undefined,
  order: PaperOrder,
  rules: PairRules,
  needsLiquidity: boolean,
): BookTop {
  if (!book) {
    throw new PaperOrderRefused(
      'EService:Unavailable',
      `No live order book for ${rules.symbol} yet; try again in a moment.`,
    );
  }
  if (needsLiquidity && !takenSide(book, order.side).some((l) => isPositive(l.qty))) {
    throw new PaperOrderRefused(
      'EService:Unavailable',
      `The ${rules.symbol} order book has no ${order.side === 'buy' ? 'sellers' : 'buyers'} right now; try again in a moment.`,
    );
  }
  return book;
}

/** The fee wording in an "Insufficient funds" message. */
const feeNote = (percent: Decimal) => `this order (with the ${normalize(percent)}% fee)`;
const feesNote = (taker: Decimal, maker: Decimal) =>
  `this order (with the ${normalize(taker)}% taker and ${normalize(maker)}% maker fees)`;

/** Market: take from the book now as taker; what the visible book cannot fill is canceled. */
function placeMarket(ctx: FillContext, order: PaperOrder, book: BookTop, now: number): void {
  const { rules } = ctx;
  const best = takenSide(book, order.side).find((l) => isPositive(l.qty));
  if (best) checkCost(order.volume, best.price, rules);
  if (order.side === 'buy') {
    const walk = walkTaker(book, 'buy', order.volume, rules, undefined);
    const taker = rateOf(order, rules, 'taker');
    requireAvailable(
      ctx.state,
      order.quote,
      add(walk.cost, feeOn(walk.cost, taker, rules.costDecimals)),
      feeNote(taker),
    );
  } else {
    requireAvailable(ctx.state, order.base, order.volume, 'this order');
  }
  takeFromBook(ctx, order, book, order.volume, undefined, now);
  finishTaking(ctx.state, order, BOOK_EXHAUSTED, now);
}

/**
 * Limit: the part that crosses the book fills now as taker, up to the limit price; the rest rests as maker
 * and holds its funds (IOC: the rest is canceled; FOK: all of it crosses at once, or nothing trades). Post-only
 * that would take is refused: Kraken accepts such an order and cancels it at once with the reason "Post only
 * order" ("The order will either get posted to the order book or be cancelled",
 * https://support.kraken.com/hc/en-us/articles/203053246-Other-order-options); paper answers the same thing
 * up front and records nothing, since no funds ever moved.
 */
function placeLimit(ctx: FillContext, order: PaperOrder, book: BookTop, now: number): void {
  const { rules } = ctx;
  const limit = order.limitPrice as Decimal;
  checkCost(order.volume, limit, rules);
  const best = takenSide(book, order.side).find((l) => isPositive(l.qty));
  const crosses =
    best !== undefined && (order.side === 'buy' ? cmp(best.price, limit) <= 0 : cmp(best.price, limit) >= 0);
  if (order.postOnly && crosses) {
    throw new PaperOrderRefused(
      'EOrder:Post only order',
      `A post-only ${order.side} at ${limit} ${rules.quote} would trade at once against the book (best ${order.side === 'buy' ? 'ask' : 'bid'} ${best?.price}); Kraken cancels it. Choose a price that rests in the book.`,
    );
  }
  const walk = crosses ? walkTaker(book, order.side, order.volume, rules, limit) : undefined;
  const takerFilled = walk?.filled ?? '0';
  if (order.timeInForce === 'FOK' && cmp(takerFilled, order.volume) !== 0) {
    // Kraken's FOK (AddOrder `timeinforce`, 2026-05): "filled in its entirety immediately or cancelled". The
    // order exists and is cancelled with nothing traded, as an IOC that found nothing would be.
    ctx.state.open.push(order);
    closeOrder(
      ctx.state,
      order,
      'canceled',
      'Fill-or-kill: the book could not fill all of it at once, so nothing traded',
      now,
    );
    return;
  }
  const rest = sub(order.volume, takerFilled);
  const rests = isPositive(rest) && (order.timeInForce === 'GTC' || order.timeInForce === 'GTD');
  const restHold = rests ? restingHold(order, rest, rules) : '0';
  if (order.side === 'buy') {
    const taker = rateOf(order, rules, 'taker');
    const maker = rateOf(order, rules, 'maker');
    const takerCost = walk?.cost ?? '0';
    const need = add(add(takerCost, feeOn(takerCost, taker, rules.costDecimals)), restHold);
    requireAvailable(
      ctx.state,
      order.quote,
      need,
      isPositive(takerCost) && rests
        ? feesNote(taker, maker)
        : feeNote(isPositive(takerCost) ? taker : maker),
    );
  } else {
    requireAvailable(ctx.state, order.base, order.volume, 'this order');
  }
  if (walk) takeFromBook(ctx, order, book, order.volume, limit, now);
  if (rests) {
    order.hold = restHold;
    ctx.state.open.push(order);
    return;
  }
  // IOC (AddOrder `timeinforce`, SPEC.md §1.3): what did not fill now is canceled, nothing rests.
  finishTaking(ctx.state, order, 'Immediate-or-cancel: the unfilled rest was canceled', now);
}

/** Closes an order that took what it could: filled, or canceled with `reason` for the rest. */
export function finishTaking(
  state: FillContext['state'],
  order: PaperOrder,
  reason: string,
  now: number,
): void {
  if (cmp(order.filled, order.volume) === 0) closeOrder(state, order, 'filled', 'Filled', now);
  else closeOrder(state, order, 'canceled', reason, now);
}

/**
 * Trigger orders hold their funds from placement; one already beyond its trigger (the last trade) fires at
 * once. A trailing stop starts from the last trade, so it needs one.
 */
function placeTrigger(
  ctx: FillContext,
  order: PaperOrder,
  market: PaperMarket,
  book: BookTop | undefined,
  now: number,
) {
  const { rules } = ctx;
  if (isTrailing(order.type)) {
    if (market.lastTrade === undefined) {
      throw new PaperOrderRefused(
        'EService:Unavailable',
        `There is no ${rules.symbol} trade yet to start the trailing stop from; try again in a moment.`,
      );
    }
    startTrail(order, market.lastTrade, rules);
    if (!isPositive(order.triggerPrice as Decimal)) {
      throw new PaperOrderRefused(
        'EOrder:Invalid price',
        `The trailing offset is as large as the ${rules.symbol} price ${market.lastTrade}; choose a smaller one.`,
      );
    }
  }
  const fillPrice =
    firesAsLimit(order.type) && !isTrailing(order.type) ? order.limitPrice : order.triggerPrice;
  checkCost(order.volume, fillPrice as Decimal, rules);
  const hold = triggerHold(order, rules);
  if (order.side === 'buy')
    requireAvailable(ctx.state, order.quote, hold, feeNote(rateOf(order, rules, 'taker')));
  else requireAvailable(ctx.state, order.base, hold, 'this order');
  order.hold = hold;
  ctx.state.open.push(order);
  if (market.lastTrade !== undefined && reachesTrigger(order, market.lastTrade)) fire(ctx, order, book, now);
}
