// Amending an open paper order in place, as Kraken's AmendOrder does (https://docs.kraken.com/api/docs/rest-api/amend-order,
// https://docs.kraken.com/api/docs/guides/spot-amends): the order keeps its id and its fills; a new amount, a
// new limit price (limit and -limit forms) or a new trigger price (stop-loss and take-profit forms, before they
// trigger). A paper order has no place in Kraken's queue to keep: it fills when the market trades through its
// price, whenever it was placed or amended. A new limit that crosses the book takes what crosses as taker, as a
// new order would; a post-only one that would cross is refused (Kraken's amend `post_only`).
import { add, cmp, type Exact, isPositive, normalize, sub } from '../kraken/pairs/exact.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { BookTop, FillView, PriceOffset } from '../orders/types.ts';
import { requireAvailable } from './balances.ts';
import { placeCloses } from './close.ts';
import {
  closeOrder,
  type FillContext,
  fillFee,
  rateOf,
  remainingOf,
  restingHold,
  takeFromBook,
  takenSide,
  walkTaker,
} from './execute.ts';
import { fire, isTrailing, reachesTrigger, restsAsLimit, trailTrigger, triggerHold } from './triggers.ts';
import {
  type NewId,
  type PaperAmend,
  type PaperMarket,
  type PaperOrder,
  PaperOrderRefused,
  type PaperResult,
  type PaperState,
} from './types.ts';
import { checkCost, checkOffset, checkPrice, checkVolume } from './validate.ts';
import { orderView } from './views.ts';

export interface PaperAmendChange {
  volume?: Decimal;
  limitPrice?: Decimal;
  triggerPrice?: Decimal;
  /** A trailing stop's new offset: its trigger moves to that offset from the best price it has seen. */
  trailOffset?: PriceOffset;
}

/** The last amends kept per order (the original values first). */
const AMENDS_KEPT = 20;

export interface PaperAmendResult {
  state: PaperState;
  result: PaperResult;
  fills: FillView[];
}

/** Amends one open order; a refusal leaves the account as it was (the very same object). */
export function amendPaperOrder(
  state: PaperState,
  id: string,
  change: PaperAmendChange,
  market: PaperMarket,
  now: number,
  newId: NewId,
): PaperAmendResult {
  const refused = (code: string, message: string): PaperAmendResult => ({
    state,
    result: { ok: false, error: { code, message } },
    fills: [],
  });
  const index = state.open.findIndex((o) => o.id === id);
  if (index < 0) {
    const closed = state.closed.some((o) => o.id === id);
    return refused(
      'EOrder:Unknown order',
      closed
        ? 'That order is already closed, so it cannot be amended.'
        : 'There is no open paper order with that id.',
    );
  }
  const draft = structuredClone(state);
  const ctx: FillContext = { state: draft, rules: market.rules, newId, fills: [] };
  const order = draft.open[index] as PaperOrder;
  try {
    amendOn(ctx, order, change, market, now);
    placeCloses(ctx, market.rules, market.book, market.lastTrade, now);
    return { state: draft, result: { ok: true, order: orderView(order) }, fills: ctx.fills };
  } catch (error) {
    if (error instanceof PaperOrderRefused) return refused(error.code, error.message);
    throw error;
  }
}

function refuse(message: string): never {
  throw new PaperOrderRefused('EGeneral:Invalid arguments', message);
}

/** Which fields this order takes, and whether what was asked changes anything. */
function checkFields(order: PaperOrder, change: PaperAmendChange): void {
  if (
    change.volume === undefined &&
    change.limitPrice === undefined &&
    change.triggerPrice === undefined &&
    change.trailOffset === undefined
  )
    refuse('Nothing to change: give a new amount, limit price, trigger price or trailing offset.');
  if (change.trailOffset !== undefined && !isTrailing(order.type))
    refuse(`A ${order.type} order has no trailing offset to amend.`);
  if (change.trailOffset !== undefined && order.triggered)
    refuse('This order has already triggered; its trailing offset can no longer change.');
  if (order.triggered && !restsAsLimit(order))
    refuse('This order has triggered and is executing; it can no longer be amended.');
  const fixedLimit =
    order.type === 'limit' || order.type === 'stop-loss-limit' || order.type === 'take-profit-limit';
  if (change.limitPrice !== undefined && !fixedLimit) {
    refuse(
      isTrailing(order.type)
        ? 'A trailing stop-limit’s limit follows its trigger; amend its amount, or cancel it and place a new one.'
        : `A ${order.type} order has no limit price to amend.`,
    );
  }
  const fixedTrigger = ['stop-loss', 'take-profit', 'stop-loss-limit', 'take-profit-limit'].includes(
    order.type,
  );
  if (change.triggerPrice !== undefined && !fixedTrigger) {
    refuse(
      isTrailing(order.type)
        ? 'A trailing stop’s trigger follows the market; amend its amount, or cancel it and place a new one.'
        : `A ${order.type} order has no trigger price to amend.`,
    );
  }
  if (change.triggerPrice !== undefined && order.triggered)
    refuse('This order has already triggered; its trigger price can no longer change.');
}

function amendOn(
  ctx: FillContext,
  order: PaperOrder,
  change: PaperAmendChange,
  market: PaperMarket,
  now: number,
) {
  const { rules } = ctx;
  checkFields(order, change);
  const original: PaperAmend = {
    kind: 'original',
    volume: order.volume,
    ...(order.limitPrice !== undefined ? { limitPrice: order.limitPrice } : {}),
    ...(order.triggerPrice !== undefined ? { triggerPrice: order.triggerPrice } : {}),
    at: order.createdAt,
  };
  if (change.volume !== undefined) {
    checkVolume(change.volume, rules);
    if (cmp(change.volume, order.filled) <= 0)
      refuse(`The new amount must be more than the ${normalize(order.filled)} ${order.base} already filled.`);
    order.volume = normalize(change.volume);
  }
  if (change.limitPrice !== undefined) order.limitPrice = checkPrice(change.limitPrice, 'limit price', rules);
  if (change.triggerPrice !== undefined)
    order.triggerPrice = checkPrice(change.triggerPrice, 'trigger price', rules);
  if (change.trailOffset !== undefined) {
    checkOffset(change.trailOffset, 'trailing offset', rules);
    order.trailOffset = { value: normalize(change.trailOffset.value), unit: change.trailOffset.unit };
    // Kraken's amend keeps the best price seen since placement: the trigger is the new offset from it.
    if (order.peak !== undefined) order.triggerPrice = trailTrigger(order, order.peak, rules);
  }
  checkCost(order.volume, (order.limitPrice ?? order.triggerPrice) as Decimal, rules);
  // What it held is released; it holds again below for its new terms (or is refused, and nothing changed).
  order.hold = '0';
  const book = market.book?.symbol === order.symbol ? market.book : undefined;
  if (restsAsLimit(order)) reLimit(ctx, order, book, now);
  else {
    const hold = triggerHold(order, rules);
    requireAvailable(ctx.state, order.side === 'buy' ? order.quote : order.base, hold, 'the amended order');
    order.hold = hold;
    if (market.lastTrade !== undefined && reachesTrigger(order, market.lastTrade))
      fire(ctx, order, book, now);
  }
  const amends = order.amends ?? [original];
  amends.push({
    kind: 'user',
    volume: order.volume,
    ...(order.limitPrice !== undefined ? { limitPrice: order.limitPrice } : {}),
    ...(order.triggerPrice !== undefined ? { triggerPrice: order.triggerPrice } : {}),
    at: now,
  });
  order.amends = amends.slice(-AMENDS_KEPT);
}

/** A resting limit at its new terms: what now crosses the book fills as taker, the rest holds and rests. */
function reLimit(ctx: FillContext, order: PaperOrder, book: BookTop | undefined, now: number) {
  const { rules } = ctx;
  const limit = order.limitPrice as Decimal;
  const rest = normalize(remainingOf(order));
  const best = book ? takenSide(book, order.side).find((l) => isPositive(l.qty)) : undefined;
  const crosses =
    best !== undefined && (order.side === 'buy' ? cmp(best.price, limit) <= 0 : cmp(best.price, limit) >= 0);
  if (order.postOnly && crosses) {
    throw new PaperOrderRefused(
      'EOrder:Post only order',
      `At ${limit} ${rules.quote} this post-only ${order.side} would trade at once against the book (best ${order.side === 'buy' ? 'ask' : 'bid'} ${best?.price}); choose a price that rests in the book.`,
    );
  }
  const walk = crosses && book ? walkTaker(book, order.side, rest, rules, limit) : undefined;
  let need: Exact | Decimal = rest;
  if (order.side === 'buy') {
    const takerCost = walk?.cost ?? '0';
    // The taker fee these fills will be charged: the running fee of the order's whole taker cost (fillFee).
    const takerFee = fillFee(
      add(order.takerCost, takerCost),
      order.takerFee,
      rateOf(order, rules, 'taker'),
      rules.costDecimals,
    );
    need = add(add(takerCost, takerFee), restingHold(order, sub(rest, walk?.filled ?? '0'), rules));
  }
  requireAvailable(ctx.state, order.side === 'buy' ? order.quote : order.base, need, 'the amended order');
  if (walk && book) takeFromBook(ctx, order, book, rest, limit, now);
  if (!isPositive(remainingOf(order))) closeOrder(ctx.state, order, 'filled', 'Filled', now);
  else order.hold = restingHold(order, remainingOf(order), rules);
}
