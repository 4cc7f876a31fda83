// Checks an order against the pair's rules before anything is sent, so the person sees which field is
// wrong in plain words instead of "EOrder:Order minimum not met" (SPEC.md §3, §7). Language-free: each problem
// is a code with what its sentence needs; the pages write it in the person's language
// (lib/orders/problem-text.ts).
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

/** Which price a problem is about: a limit price or a trigger price (`price` of the stop types). */
export type PriceLabel = 'limit' | 'trigger';

/** A problem: its field, its code, and the values its sentence names. */
export type OrderProblem =
  | {
      field: 'pair';
      code: 'pair-unavailable';
      /** The pair's status refuses everything, or takes limit (post-only limit) orders only. */
      why: 'status' | 'limit-only' | 'post-only';
      symbol: string;
      /** Kraken's status, as "cancel-only". */
      status: string;
    }
  | { field: 'volume'; code: 'required' | 'not-a-number' | 'not-positive' }
  | { field: 'price' | 'price2'; code: 'required' | 'not-a-number' | 'not-positive'; label: PriceLabel }
  | { field: 'volume'; code: 'too-many-decimals'; symbol: string; decimals: number }
  | {
      field: 'price' | 'price2';
      code: 'too-many-decimals';
      symbol: string;
      decimals: number;
      label: PriceLabel;
    }
  | { field: 'volume'; code: 'below-minimum'; symbol: string; min: string; asset: string }
  | { field: 'price' | 'price2'; code: 'tick-size'; label: PriceLabel; tick: string; asset: string }
  | { field: 'total'; code: 'cost-below-minimum'; symbol: string; cost: string; min: string; asset: string }
  | {
      field: 'balance';
      code: 'insufficient-balance';
      side: Side;
      have: string;
      needs: string;
      asset: string;
      /** Buys: the fee rate in percent the need includes. */
      feePercent: string;
    };

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
  label: PriceLabel,
  out: OrderProblem[],
  relative: boolean,
): Exact | undefined {
  if (text === undefined || text.trim() === '') {
    out.push({ field, code: 'required', label });
    return undefined;
  }
  if (relative && RELATIVE.test(text.trim())) return undefined;
  const value = parse(text);
  if (!value) {
    out.push({ field, code: 'not-a-number', label });
    return undefined;
  }
  if (!isPositive(value)) {
    out.push({ field, code: 'not-positive', label });
    return undefined;
  }
  if (significantDecimals(value) > rules.pairDecimals) {
    out.push({ field, code: 'too-many-decimals', symbol: rules.symbol, decimals: rules.pairDecimals, label });
  } else if (rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(value, rules.tickSize)) {
    out.push({ field, code: 'tick-size', label, tick: rules.tickSize, asset: rules.quote });
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
  const unavailable = {
    field: 'pair',
    code: 'pair-unavailable',
    symbol: rules.symbol,
    status: rules.status.replace('_', '-'),
  } as const;
  if (rules.status !== 'online' && rules.status !== 'limit_only' && rules.status !== 'post_only') {
    problems.push({ ...unavailable, why: 'status' });
  }
  // Trading modes (https://support.kraken.com/hc/en-us/articles/360055614211): "Post Only: only limit orders
  // using the post only option can be submitted"; "Limit Only: only limit orders can be submitted".
  if (rules.status === 'limit_only' && !LIMIT_KINDS.has(draft.ordertype)) {
    problems.push({ ...unavailable, why: 'limit-only' });
  }
  if (rules.status === 'post_only' && !(LIMIT_PRICED.has(draft.ordertype) && draft.postOnly)) {
    problems.push({ ...unavailable, why: 'post-only' });
  }

  let volume = parse(draft.volume);
  if (draft.volume.trim() === '') {
    problems.push({ field: 'volume', code: 'required' });
  } else if (!volume) {
    problems.push({ field: 'volume', code: 'not-a-number' });
  } else if (!isPositive(volume)) {
    problems.push({ field: 'volume', code: 'not-positive' });
    volume = undefined;
  } else if (significantDecimals(volume) > rules.lotDecimals) {
    problems.push({
      field: 'volume',
      code: 'too-many-decimals',
      symbol: rules.symbol,
      decimals: rules.lotDecimals,
    });
  } else if (rules.ordermin && cmp(volume, rules.ordermin) < 0) {
    problems.push({
      field: 'volume',
      code: 'below-minimum',
      symbol: rules.symbol,
      min: rules.ordermin,
      asset: rules.base,
    });
  }

  const relative = context.relativePrices ?? true;
  let price: Exact | undefined;
  if (PRICED.has(draft.ordertype)) {
    const label = LIMIT_PRICED.has(draft.ordertype) ? 'limit' : 'trigger';
    price = checkPrice(rules, 'price', draft.price, label, problems, relative);
  }
  if (NEEDS_PRICE2.has(draft.ordertype)) {
    checkPrice(rules, 'price2', draft.price2, 'limit', problems, relative);
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
      symbol: rules.symbol,
      cost: format(cost, rules.costDecimals),
      min: rules.costmin,
      asset: rules.quote,
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
        side: draft.side,
        have,
        needs: needs.amount,
        asset: needs.asset,
        feePercent,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, cost: format(cost, rules.costDecimals), fee: format(fee, rules.costDecimals), needs };
}
