// Fills and closes. Everything here mutates a draft PaperState that the public functions cloned first, so a
// refusal thrown half-way leaves the caller's state untouched.
import {
  add,
  cmp,
  div,
  type Exact,
  exact,
  format,
  isPositive,
  mul,
  normalize,
  sub,
} from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import { walkBook } from '../orders/book-walk.ts';
import { feeOn, feePercent, type Liquidity } from '../orders/fees.ts';
import type { BookTop, FillView, Level, OrderStatus } from '../orders/types.ts';
import { credit } from './balances.ts';
import { type NewId, PAPER_HISTORY_LIMIT, type PaperOrder, type PaperState } from './types.ts';

/** The rate an order pays for `liquidity`: its own (set at placement), else the pair's schedule or the starter tier. */
export function rateOf(order: Pick<PaperOrder, 'fees'>, rules: PairRules, liquidity: Liquidity): Decimal {
  if (!order.fees) return feePercent(rules, liquidity);
  return liquidity === 'maker' ? order.fees.makerPercent : order.fees.takerPercent;
}

/**
 * What a resting limit holds for `rest` more base at its limit: a sell the base; a buy the cost plus the maker
 * fee its fills will be charged — the rounded fee of its whole maker cost minus the maker fee already charged
 * (fillFee), so a hold recomputed after partial fills (an amend) still covers every later fill exactly.
 */
export function restingHold(order: PaperOrder, rest: Exact | Decimal, rules: PairRules): Decimal {
  if (order.side === 'sell') return normalize(rest);
  const cost = mul(rest, order.limitPrice as Decimal);
  const fee = fillFee(
    add(order.makerCost, cost),
    order.makerFee,
    rateOf(order, rules, 'maker'),
    rules.costDecimals,
  );
  return normalize(add(cost, fee));
}

/** What every fill needs besides the order: where to write, the pair's rules, how to name it. */
export interface FillContext {
  state: PaperState;
  rules: PairRules;
  newId: NewId;
  /** Collects the fills made, oldest first, for the caller's notifications. */
  fills: FillView[];
}

export const remainingOf = (o: PaperOrder): Exact => sub(o.volume, o.filled);

/**
 * The fee of one fill: the rounded fee on the order's running cost at this liquidity (this fill included)
 * minus the fee already charged. Rounding the running total (not each fill) means an order's fees add up to
 * one rounded fee per liquidity, whatever the number of fills — so a resting buy's held fee is used up
 * exactly, and splitting an order never costs more than one rounding.
 */
export function fillFee(
  costAfter: Exact | Decimal,
  feeSoFar: Decimal,
  percent: Decimal,
  costDecimals: number,
): Exact {
  return sub(feeOn(costAfter, percent, costDecimals), feeSoFar);
}

/** min(a, b) as text. */
export function minOf(a: Exact | Decimal, b: Exact | Decimal): Decimal {
  return format(cmp(a, b) <= 0 ? a : b);
}

/**
 * Fills `qty` of `order` at `price`. The fee is always charged in the quote currency. (Kraken's documented
 * defaults are `fciq` for buys and `fcib` — base — for sells: AddOrder `oflags` in Kraken's OpenAPI spec,
 * github.com/krakenfx/api-specs spot-rest/partials/properties/oflags.yaml; paper keeps
 * one rule so fees add up in one currency and a sell never needs more base than its volume.) A resting order
 * uses up its hold by exactly what the fill takes, so the hold reaches "0" when the order completes
 * (fillFee above explains why the held fee is enough).
 */
export function applyFill(
  ctx: FillContext,
  order: PaperOrder,
  qty: Exact | Decimal,
  price: Decimal,
  liquidity: Liquidity,
  at: number,
): FillView {
  const { state, rules } = ctx;
  if (!isPositive(qty) || cmp(qty, remainingOf(order)) > 0) {
    throw new RangeError(`paper fill of ${format(qty)} does not fit order ${order.id}`);
  }
  const cost = mul(qty, price);
  const percent = rateOf(order, rules, liquidity);
  let fee: Exact;
  if (liquidity === 'taker') {
    order.takerCost = normalize(add(order.takerCost, cost));
    fee = fillFee(order.takerCost, order.takerFee, percent, rules.costDecimals);
  } else {
    order.makerCost = normalize(add(order.makerCost, cost));
    fee = fillFee(order.makerCost, order.makerFee, percent, rules.costDecimals);
  }
  // A sell's fee comes out of its proceeds: never more than the proceeds, so no fill costs quote it did
  // not bring in (tiny fills at tiny prices). The shortfall is picked up by the next fill's running fee.
  if (order.side === 'sell') fee = exact(minOf(fee, cost));
  if (liquidity === 'taker') order.takerFee = normalize(add(order.takerFee, fee));
  else order.makerFee = normalize(add(order.makerFee, fee));

  if (isPositive(order.hold)) {
    const used = order.side === 'buy' ? add(cost, fee) : exact(format(qty));
    const left = sub(order.hold, used);
    if (cmp(left, '0') < 0) throw new RangeError(`paper order ${order.id} used more than it held`);
    order.hold = normalize(left);
  }
  if (order.side === 'buy') {
    credit(state, order.quote, sub('0', add(cost, fee)));
    credit(state, order.base, qty);
  } else {
    credit(state, order.base, sub('0', qty));
    credit(state, order.quote, sub(cost, fee));
  }

  order.filled = normalize(add(order.filled, qty));
  order.cost = normalize(add(order.cost, cost));
  order.avgPrice = format(div(order.cost, order.filled, rules.pairDecimals, 'half-up'));
  const complete = cmp(order.filled, order.volume) === 0;
  order.status = complete ? 'filled' : 'partially_filled';

  const fill: FillView = {
    id: ctx.newId(),
    orderId: order.id,
    symbol: order.symbol,
    side: order.side,
    qty: normalize(qty),
    price,
    fee: format(fee, rules.costDecimals),
    feeAsset: order.quote,
    liquidity,
    complete,
    at,
  };
  ctx.fills.push(fill);
  state.fills.unshift(fill);
  if (state.fills.length > PAPER_HISTORY_LIMIT) state.fills.length = PAPER_HISTORY_LIMIT;
  return fill;
}

/** Takes an order off the open list (releasing its hold) and remembers it among the closed ones. */
export function closeOrder(
  state: PaperState,
  order: PaperOrder,
  status: Extract<OrderStatus, 'filled' | 'canceled' | 'expired'>,
  reason: string,
  now: number | undefined,
): void {
  order.status = status;
  order.hold = '0';
  order.reason = reason;
  delete order.triggered;
  if (now !== undefined) order.closedAt = now;
  const at = state.open.indexOf(order);
  if (at >= 0) state.open.splice(at, 1);
  state.closed.unshift(order);
  if (state.closed.length > PAPER_HISTORY_LIMIT) state.closed.length = PAPER_HISTORY_LIMIT;
}

/** The side of the book an order takes from: a buy takes asks, a sell takes bids. */
export const takenSide = (book: BookTop, side: PaperOrder['side']): Level[] =>
  side === 'buy' ? book.asks : book.bids;

/**
 * Walks the book for `size` (up to `limit` when given) and fills each level taken as taker. Returns the
 * base filled. Levels with a zero quantity are skipped (they are deletes that were not applied).
 */
export function takeFromBook(
  ctx: FillContext,
  order: PaperOrder,
  book: BookTop,
  size: Decimal,
  limit: Decimal | undefined,
  at: number,
): Exact {
  const walk = walkTaker(book, order.side, size, ctx.rules, limit);
  let filled = exact('0');
  for (const slice of walk.slices) {
    if (!isPositive(slice.qty)) continue;
    applyFill(ctx, order, slice.qty, slice.price, 'taker', at);
    filled = add(filled, slice.qty);
  }
  return filled;
}

export function walkTaker(
  book: BookTop,
  side: PaperOrder['side'],
  size: Decimal,
  rules: PairRules,
  limit: Decimal | undefined,
) {
  const levels = takenSide(book, side).filter((l) => isPositive(l.qty));
  return walkBook(levels, size, {
    lotDecimals: rules.lotDecimals,
    priceDecimals: rules.pairDecimals,
    ...(limit === undefined ? {} : { limit: { price: limit, side: side === 'buy' ? 'asks' : 'bids' } }),
  });
}
