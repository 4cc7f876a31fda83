// The checks Kraken's engine makes before accepting an order, with Kraken's error strings (SPEC.md §3, §7;
// https://docs.kraken.com/api/docs/guides/spot-errors), so paper refuses what live would refuse, in the
// same words, plus one plain sentence for the person.
import {
  cmp,
  isDecimalText,
  isMultipleOf,
  isPositive,
  mul,
  normalize,
  round,
  significantDecimals,
} from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { OrderRequest, TicketOrderType } from '../orders/types.ts';
import { PaperOrderRefused } from './types.ts';

/** Kraken's per-pair open-order cap at the Starter tier (SPEC.md §4.2, docs.kraken.com/api/docs/guides/spot-ratelimits). */
export const MAX_OPEN_ORDERS_PER_PAIR = 60;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The pair's status allows this order (AssetPairs `status`; SystemStatus-like market modes, SPEC.md §3). */
function checkStatus(req: OrderRequest, rules: PairRules): void {
  const status = rules.status;
  if (status === 'online') return;
  if (status === 'limit_only' && req.type === 'limit') return;
  if (status === 'post_only' && req.type === 'limit' && req.postOnly) return;
  if (status === 'cancel_only' || status === 'post_only' || status === 'limit_only') {
    const allowed =
      status === 'cancel_only'
        ? 'is only accepting cancellations'
        : status === 'post_only'
          ? 'is only accepting post-only limit orders'
          : 'is only accepting limit orders';
    throw new PaperOrderRefused(`EService:Market in ${status} mode`, `${rules.symbol} ${allowed} right now.`);
  }
  throw new PaperOrderRefused(
    'EService:Unavailable',
    `${rules.symbol} is not accepting new orders right now (${status.replaceAll('_', '-')}).`,
  );
}

function checkVolume(volume: Decimal, rules: PairRules): void {
  if (!isDecimalText(volume) || !isPositive(volume)) {
    throw new PaperOrderRefused(
      'EGeneral:Invalid arguments:volume',
      'The amount must be a number above zero.',
    );
  }
  if (significantDecimals(volume) > rules.lotDecimals) {
    throw new PaperOrderRefused(
      'EGeneral:Invalid arguments:volume',
      `${rules.symbol} amounts take at most ${plural(rules.lotDecimals, 'decimal')}.`,
    );
  }
  if (rules.ordermin && cmp(volume, rules.ordermin) < 0) {
    throw new PaperOrderRefused(
      'EOrder:Order minimum not met',
      `The smallest ${rules.symbol} order is ${rules.ordermin} ${rules.base}.`,
    );
  }
}

/** A limit or trigger price: present, positive, at the pair's decimals and tick. */
function checkPrice(price: Decimal | undefined, label: string, rules: PairRules): Decimal {
  if (price === undefined || !isDecimalText(price) || !isPositive(price)) {
    // REST's `price` carries both the limit price and the trigger price (SPEC.md §1.3 AddOrder).
    throw new PaperOrderRefused('EGeneral:Invalid arguments:price', `Enter a ${label} above zero.`);
  }
  if (significantDecimals(price) > rules.pairDecimals) {
    throw new PaperOrderRefused(
      'EOrder:Invalid price',
      `${rules.symbol} prices take at most ${plural(rules.pairDecimals, 'decimal')}.`,
    );
  }
  if (rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(price, rules.tickSize)) {
    throw new PaperOrderRefused(
      'EOrder:Tick size check failed',
      `The ${label} must be a multiple of ${rules.tickSize} ${rules.quote}.`,
    );
  }
  return price;
}

/** The price an order is priced at before it fills (limit, trigger), or undefined for market orders. */
export function orderPrice(req: OrderRequest, rules: PairRules): Decimal | undefined {
  const type: TicketOrderType = req.type;
  switch (type) {
    case 'market':
      return undefined;
    case 'limit':
      return checkPrice(req.limitPrice, 'limit price', rules);
    case 'stop-loss':
    case 'take-profit':
      return checkPrice(req.triggerPrice, 'trigger price', rules);
    case 'stop-loss-limit':
    case 'take-profit-limit':
    case 'trailing-stop':
    case 'trailing-stop-limit':
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
}

/**
 * Everything that does not depend on balances or the book: pair, status, volume, price, flags, the open-order
 * cap. Returns the order's price (undefined for market). Throws PaperOrderRefused.
 */
export function checkRequest(req: OrderRequest, rules: PairRules, openOnPair: number): Decimal | undefined {
  if (req.symbol !== rules.symbol) {
    throw new PaperOrderRefused(
      'EQuery:Unknown asset pair',
      `This order is for ${req.symbol} but the market data is for ${rules.symbol}.`,
    );
  }
  checkStatus(req, rules);
  checkVolume(req.volume, rules);
  const price = orderPrice(req, rules);
  // `post` is "available when ordertype = limit" (AddOrder oflags, SPEC.md §1.3).
  if (req.postOnly && req.type !== 'limit') {
    throw new PaperOrderRefused(
      'EGeneral:Invalid arguments:oflags',
      'Post-only applies to limit orders only.',
    );
  }
  if (openOnPair >= MAX_OPEN_ORDERS_PER_PAIR) {
    throw new PaperOrderRefused(
      'EOrder:Orders limit exceeded',
      `You already have ${MAX_OPEN_ORDERS_PER_PAIR} open ${rules.symbol} orders; cancel one first.`,
    );
  }
  return price;
}

/** costmin: volume × price (the limit, the trigger, or the book's best price for market orders). */
export function checkCost(volume: Decimal, price: Decimal, rules: PairRules): void {
  if (!rules.costmin) return;
  const cost = mul(volume, price);
  if (cmp(cost, rules.costmin) < 0) {
    throw new PaperOrderRefused(
      'EOrder:Cost minimum not met',
      `${rules.symbol} orders must be worth at least ${rules.costmin} ${rules.quote}; this one is worth about ${normalize(round(cost, rules.costDecimals, 'down'))} ${rules.quote}.`,
    );
  }
}
