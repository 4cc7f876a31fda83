// The paper account's commands: open, place, cancel. Pure functions of (state, input, now, newId): no clock,
// no randomness, no browser API. Each returns a new state and leaves the one passed in untouched (a refusal
// returns the very same object), so the worker saves only what changed.
import { add, cmp, isDecimalText, isPositive, mul, normalize, sub } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import { feeOn, feePercent } from '../orders/fees.ts';
import type { BookTop, FillView, OrderView } from '../orders/types.ts';
import { requireAvailable } from './balances.ts';
import { closeOrder, type FillContext, takeFromBook, takenSide, walkTaker } from './execute.ts';
import { BOOK_EXHAUSTED, executeTriggered, reachesTrigger, stopHold } from './stops.ts';
import {
  type NewId,
  PAPER_STATE_VERSION,
  type PaperMarket,
  type PaperOrder,
  PaperOrderRefused,
  type PaperOrderRequest,
  type PaperResult,
  type PaperState,
} from './types.ts';
import { checkCost, checkRequest } from './validate.ts';
import { orderView } from './views.ts';

export const DEFAULT_FUNDING: Readonly<Record<string, Decimal>> = { USD: '10000' };

/** A fresh account holding `funding` (v2 asset names). Resetting the account is making a new one. */
export function initialPaperState(
  funding: Readonly<Record<string, Decimal>> = DEFAULT_FUNDING,
  now: number,
): PaperState {
  const balances: Record<string, Decimal> = {};
  for (const [asset, amount] of Object.entries(funding)) {
    if (!isDecimalText(amount) || cmp(amount, '0') < 0) {
      throw new RangeError(
        `paper funding for ${asset} must be a non-negative decimal, got ${JSON.stringify(amount)}`,
      );
    }
    balances[asset] = normalize(amount);
  }
  return { version: PAPER_STATE_VERSION, createdAt: now, balances, open: [], closed: [], fills: [] };
}

export interface PaperPlacement {
  state: PaperState;
  result: PaperResult;
  /** Fills made right away (market, marketable limit, stop triggered on placement), oldest first. */
  fills: FillView[];
}

const findByClOrdId = (state: PaperState, clOrdId: string): PaperOrder | undefined =>
  state.open.find((o) => o.clOrdId === clOrdId) ?? state.closed.find((o) => o.clOrdId === clOrdId);

/**
 * Places an order. Idempotent by `clOrdId`: if an order with that id is open or among the last closed ones,
 * it is returned as it is now and nothing changes (a retry after a lost answer never trades twice). A
 * refused order is not recorded, as Kraken records no order for a rejected AddOrder; the same clOrdId can
 * then be placed again.
 */
export function placePaperOrder(
  state: PaperState,
  req: PaperOrderRequest,
  market: PaperMarket,
  now: number,
  newId: NewId,
): PaperPlacement {
  const existing = findByClOrdId(state, req.clOrdId);
  if (existing) return { state, result: { ok: true, order: orderView(existing) }, fills: [] };
  const draft = structuredClone(state);
  const ctx: FillContext = { state: draft, rules: market.rules, newId, fills: [] };
  try {
    const order = place(ctx, req, market, now);
    return { state: draft, result: { ok: true, order: orderView(order) }, fills: ctx.fills };
  } catch (error) {
    if (error instanceof PaperOrderRefused)
      return { state, result: { ok: false, error: error.toRefusal() }, fills: [] };
    throw error;
  }
}

function place(ctx: FillContext, req: PaperOrderRequest, market: PaperMarket, now: number): PaperOrder {
  const { rules } = market;
  const openOnPair = ctx.state.open.filter((o) => o.symbol === rules.symbol).length;
  const price = checkRequest(req, rules, openOnPair);
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
  };
  const book = market.book?.symbol === rules.symbol ? market.book : undefined;
  const type = req.type;
  switch (type) {
    case 'market':
      placeMarket(ctx, order, requireBook(book, order, rules, true), now);
      break;
    case 'limit':
      order.limitPrice = price;
      // A limit may rest against an empty side; it still needs the book to know whether it crosses.
      placeLimit(ctx, order, requireBook(book, order, rules, false), now);
      break;
    case 'stop-loss':
    case 'take-profit':
      order.triggerPrice = price;
      placeStop(ctx, order, market, book, now);
      break;
    case 'stop-loss-limit':
    case 'take-profit-limit':
    case 'trailing-stop':
    case 'trailing-stop-limit':
      // Not simulated yet: refused plainly rather than filled wrongly.
      throw new PaperOrderRefused(
        'EGeneral:Invalid arguments:ordertype',
        `${type} orders are not simulated by the paper account yet.`,
      );
    default: {
      const never: never = type;
      throw new PaperOrderRefused(
        'EGeneral:Invalid arguments:ordertype',
        `Unknown order type ${String(never)}.`,
      );
    }
  }
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
    const taker = feePercent(rules, 'taker');
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
 * and holds its funds (IOC: the rest is canceled). Post-only that would take is refused: Kraken accepts such
 * an order and cancels it at once with the reason "Post only order" ("The order will either get posted to the
 * order book or be cancelled", https://support.kraken.com/hc/en-us/articles/203053246-Other-order-options);
 * paper answers the same thing up front and records nothing, since no funds ever moved.
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
  const rest = sub(order.volume, takerFilled);
  const rests = isPositive(rest) && order.timeInForce === 'GTC';
  const restHold = rests ? holdForRest(order, normalize(rest), ctx) : '0';
  if (order.side === 'buy') {
    const taker = feePercent(rules, 'taker');
    const takerCost = walk?.cost ?? '0';
    const need = add(add(takerCost, feeOn(takerCost, taker, rules.costDecimals)), restHold);
    requireAvailable(
      ctx.state,
      order.quote,
      need,
      isPositive(takerCost) && rests
        ? feesNote(taker, feePercent(rules, 'maker'))
        : feeNote(isPositive(takerCost) ? taker : feePercent(rules, 'maker')),
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

/** A resting buy holds rest × limit plus the maker fee on that; a resting sell holds its base. */
function holdForRest(order: PaperOrder, rest: Decimal, ctx: FillContext): Decimal {
  if (order.side === 'sell') return rest;
  const cost = mul(rest, order.limitPrice as Decimal);
  return normalize(add(cost, feeOn(cost, feePercent(ctx.rules, 'maker'), ctx.rules.costDecimals)));
}

/** Closes an order that took what it could: filled, or canceled with `reason` for the rest. */
function finishTaking(state: PaperState, order: PaperOrder, reason: string, now: number): void {
  if (cmp(order.filled, order.volume) === 0) closeOrder(state, order, 'filled', 'Filled', now);
  else closeOrder(state, order, 'canceled', reason, now);
}

/** Stops hold their funds from placement; one already beyond its trigger (last trade) fires at once. */
function placeStop(
  ctx: FillContext,
  order: PaperOrder,
  market: PaperMarket,
  book: BookTop | undefined,
  now: number,
) {
  const { rules } = ctx;
  const trigger = order.triggerPrice as Decimal;
  checkCost(order.volume, trigger, rules);
  const hold = stopHold(order, ctx);
  if (order.side === 'buy')
    requireAvailable(ctx.state, order.quote, hold, feeNote(feePercent(rules, 'taker')));
  else requireAvailable(ctx.state, order.base, hold, 'this order');
  order.hold = hold;
  ctx.state.open.push(order);
  if (market.lastTrade !== undefined && reachesTrigger(order, market.lastTrade)) {
    executeTriggered(ctx, order, book, now);
  }
}

export interface PaperCancel {
  state: PaperState;
  result: PaperResult;
}

/**
 * Cancels one open order; its hold is released with it (holds are the open orders' own, balances.ts).
 * "User requested" is the reason Kraken gives a closed order canceled by its owner.
 */
export function cancelPaperOrder(state: PaperState, orderId: string, now: number): PaperCancel {
  const index = state.open.findIndex((o) => o.id === orderId);
  if (index < 0) {
    const closed = state.closed.find((o) => o.id === orderId);
    return {
      state,
      result: {
        ok: false,
        error: {
          code: 'EOrder:Unknown order',
          message: closed
            ? `That order is already ${closed.status === 'filled' ? 'filled' : 'closed'}.`
            : 'There is no open paper order with that id.',
        },
      },
    };
  }
  const draft = structuredClone(state);
  const order = draft.open[index] as PaperOrder;
  closeOrder(draft, order, 'canceled', 'User requested', now);
  return { state: draft, result: { ok: true, order: orderView(order) } };
}

/** Cancels every open order, or every open order of one pair. */
export function cancelAllPaper(
  state: PaperState,
  symbol?: string,
  now?: number,
): { state: PaperState; canceled: OrderView[] } {
  const hit = (o: PaperOrder) => symbol === undefined || o.symbol === symbol;
  if (!state.open.some(hit)) return { state, canceled: [] };
  const draft = structuredClone(state);
  const canceled: OrderView[] = [];
  for (const order of draft.open.filter(hit)) {
    closeOrder(draft, order, 'canceled', 'User requested', now);
    canceled.push(orderView(order));
  }
  return { state: draft, canceled };
}
