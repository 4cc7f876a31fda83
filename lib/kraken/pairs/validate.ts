// Checks an order against the pair's rules before anything is sent, so the person sees which field is
// wrong in plain words instead of "EOrder:Order minimum not met" (SPEC.md §3, §7).
import type { OrderType, Side } from '../rest/types-private.ts';
import type { Decimal } from '../rest/types-public.ts';
import {
  add,
  cmp,
  type Exact,
  exact,
  format,
  isMultipleOf,
  isPositive,
  mul,
  round,
  significantDecimals,
} from './exact.ts';
import type { PairRules } from './rules.ts';

export type OrderField = 'pair' | 'volume' | 'price' | 'price2' | 'total' | 'balance';

export type OrderProblemCode =
  | 'pair-unavailable'
  | 'required'
  | 'not-a-number'
  | 'not-positive'
  | 'too-many-decimals'
  | 'below-minimum'
  | 'tick-size'
  | 'cost-below-minimum'
  | 'insufficient-balance';

export interface OrderProblem {
  field: OrderField;
  code: OrderProblemCode;
  /** One sentence a person understands. */
  message: string;
}

export interface OrderDraft {
  side: Side;
  ordertype: OrderType;
  volume: string;
  price?: string;
  price2?: string;
  /** The `post` flag. A pair in post-only mode takes nothing else (checked only there; Kraken checks the rest). */
  postOnly?: boolean;
}

export interface OrderContext {
  /** Tradable balances by v2 asset ("USD", "BTC"), e.g. from aggregateBalances(...).tradable. */
  available?: Readonly<Record<string, Decimal>>;
  /** Fee rate in percent; default: the pair's taker fee (0.26 when unknown, Kraken's Starter taker rate). */
  feePercent?: Decimal;
  /** Reference price for market orders (best ask for buys, best bid for sells). */
  marketPrice?: Decimal;
  /**
   * What the order is expected to cost in the quote asset (e.g. from walking the book), used for the cost
   * minimum, the fee and the balance instead of volume × price. Rounded up to the pair's cost decimals.
   */
  cost?: Decimal;
  /** Whether Kraken's relative prices ("+5", "2%") pass through unchecked (default true). */
  relativePrices?: boolean;
}

export type OrderCheck =
  | { ok: true; cost?: Decimal; fee?: Decimal; needs?: { asset: string; amount: Decimal } }
  | { ok: false; problems: OrderProblem[] };

const PRICED: ReadonlySet<OrderType> = new Set([
  'limit',
  'iceberg',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
]);
const NEEDS_PRICE2: ReadonlySet<OrderType> = new Set([
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop-limit',
]);
/** Types whose `price` is a limit price; for the other priced types it is the trigger price. */
const LIMIT_PRICED: ReadonlySet<OrderType> = new Set(['limit', 'iceberg']);
/** Types that rest or fill as limit orders: what a pair in limit-only mode still takes. */
const LIMIT_KINDS: ReadonlySet<OrderType> = new Set([...LIMIT_PRICED, ...NEEDS_PRICE2]);
/** Kraken's relative price forms: "+5", "-1.5", "#2", "2%". They are checked by Kraken, not here. */
const RELATIVE = /^[+#-]|%$/;

function parse(text: string | undefined): Exact | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text.trim())) return undefined;
  return exact(text);
}

function checkPrice(
  rules: PairRules,
  field: 'price' | 'price2',
  text: string | undefined,
  label: string,
  out: OrderProblem[],
  relative: boolean,
): Exact | undefined {
  if (text === undefined || text.trim() === '') {
    out.push({ field, code: 'required', message: `Enter a ${label}.` });
    return undefined;
  }
  if (relative && RELATIVE.test(text.trim())) return undefined;
  const value = parse(text);
  if (!value) {
    out.push({ field, code: 'not-a-number', message: `The ${label} must be a number like 1234.5.` });
    return undefined;
  }
  if (!isPositive(value)) {
    out.push({ field, code: 'not-positive', message: `The ${label} must be above zero.` });
    return undefined;
  }
  if (significantDecimals(value) > rules.pairDecimals) {
    out.push({
      field,
      code: 'too-many-decimals',
      message: `${rules.symbol} prices take at most ${rules.pairDecimals} decimal${rules.pairDecimals === 1 ? '' : 's'}.`,
    });
  } else if (rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(value, rules.tickSize)) {
    out.push({
      field,
      code: 'tick-size',
      message: `The ${label} must be a multiple of ${rules.tickSize} ${rules.quote}.`,
    });
  }
  return value;
}

/**
 * Validates a draft order. Every problem is reported (not just the first), each tied to its field.
 * With `available` balances it also checks that the order is affordable: a buy needs cost + fee in the
 * quote asset (fees are taken in the quote by default), a sell needs the volume in the base asset.
 */
export function validateOrder(rules: PairRules, draft: OrderDraft, context: OrderContext = {}): OrderCheck {
  const problems: OrderProblem[] = [];
  if (rules.status !== 'online' && rules.status !== 'limit_only' && rules.status !== 'post_only') {
    problems.push({
      field: 'pair',
      code: 'pair-unavailable',
      message: `${rules.symbol} is not accepting new orders right now (${rules.status.replace('_', '-')}).`,
    });
  }
  // Trading modes (https://support.kraken.com/hc/en-us/articles/360055614211): "Post Only: only limit orders
  // using the post only option can be submitted"; "Limit Only: only limit orders can be submitted".
  if (rules.status === 'limit_only' && !LIMIT_KINDS.has(draft.ordertype)) {
    problems.push({
      field: 'pair',
      code: 'pair-unavailable',
      message: `${rules.symbol} takes limit orders only right now.`,
    });
  }
  if (rules.status === 'post_only' && !(LIMIT_PRICED.has(draft.ordertype) && draft.postOnly)) {
    problems.push({
      field: 'pair',
      code: 'pair-unavailable',
      message: `${rules.symbol} takes post-only limit orders only right now.`,
    });
  }

  let volume = parse(draft.volume);
  if (draft.volume.trim() === '') {
    problems.push({ field: 'volume', code: 'required', message: 'Enter an amount.' });
  } else if (!volume) {
    problems.push({
      field: 'volume',
      code: 'not-a-number',
      message: 'The amount must be a number like 0.01.',
    });
  } else if (!isPositive(volume)) {
    problems.push({ field: 'volume', code: 'not-positive', message: 'The amount must be above zero.' });
    volume = undefined;
  } else if (significantDecimals(volume) > rules.lotDecimals) {
    problems.push({
      field: 'volume',
      code: 'too-many-decimals',
      message: `${rules.symbol} amounts take at most ${rules.lotDecimals} decimals.`,
    });
  } else if (rules.ordermin && cmp(volume, rules.ordermin) < 0) {
    problems.push({
      field: 'volume',
      code: 'below-minimum',
      message: `The smallest ${rules.symbol} order is ${rules.ordermin} ${rules.base}.`,
    });
  }

  const relative = context.relativePrices ?? true;
  let price: Exact | undefined;
  if (PRICED.has(draft.ordertype)) {
    const label = LIMIT_PRICED.has(draft.ordertype) ? 'limit price' : 'trigger price';
    price = checkPrice(rules, 'price', draft.price, label, problems, relative);
  }
  if (NEEDS_PRICE2.has(draft.ordertype)) {
    checkPrice(rules, 'price2', draft.price2, 'limit price', problems, relative);
  }
  // The price a fill happens at: the limit for limit orders, the limit (price2) for *-limit, else the market.
  const fillPrice =
    draft.ordertype === 'limit' || draft.ordertype === 'iceberg'
      ? price
      : NEEDS_PRICE2.has(draft.ordertype)
        ? parse(draft.price2)
        : (parse(draft.price) ?? parse(context.marketPrice));
  const reference = draft.ordertype === 'market' ? parse(context.marketPrice) : fillPrice;

  const estimate =
    context.cost !== undefined
      ? exact(context.cost)
      : volume && reference
        ? mul(volume, reference)
        : undefined;
  if (problems.length > 0 || !volume || !estimate) {
    return problems.length > 0 ? { ok: false, problems } : { ok: true };
  }

  const cost = round(estimate, rules.costDecimals, 'up');
  if (rules.costmin && cmp(cost, rules.costmin) < 0) {
    problems.push({
      field: 'total',
      code: 'cost-below-minimum',
      message: `This order is worth ${format(cost, rules.costDecimals)} ${rules.quote}; ${rules.symbol} orders must be worth at least ${rules.costmin} ${rules.quote}.`,
    });
  }
  const feePercent = context.feePercent ?? rules.takerFeePercent ?? '0.26';
  const fee = round(mul(cost, mul(feePercent, '0.01')), rules.costDecimals, 'up');
  const needs =
    draft.side === 'buy'
      ? { asset: rules.quote, amount: format(add(cost, fee), rules.costDecimals) }
      : { asset: rules.base, amount: format(volume) };
  if (context.available) {
    const have = context.available[needs.asset] ?? '0';
    if (cmp(have, needs.amount) < 0) {
      problems.push({
        field: 'balance',
        code: 'insufficient-balance',
        message:
          draft.side === 'buy'
            ? `You have ${have} ${rules.quote} available; this order needs ${needs.amount} ${rules.quote} including the ${feePercent}% fee.`
            : `You have ${have} ${rules.base} available; this order sells ${needs.amount} ${rules.base}.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, cost: format(cost, rules.costDecimals), fee: format(fee, rules.costDecimals), needs };
}
