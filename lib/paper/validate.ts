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
import type { OrderRequest, PriceOffset, TicketOrderType } from '../orders/types.ts';
import { PaperOrderRefused } from './types.ts';

/** Kraken's per-pair open-order cap at the Starter tier (SPEC.md §4.2, docs.kraken.com/api/docs/guides/spot-ratelimits). */
export const MAX_OPEN_ORDERS_PER_PAIR = 60;

const LIMIT_KINDS: readonly TicketOrderType[] = [
  'limit',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop-limit',
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The pair's status allows this order (AssetPairs `status`; SystemStatus-like market modes, SPEC.md §3). */
function checkStatus(req: OrderRequest, rules: PairRules): void {
  const status = rules.status;
  if (status === 'online') return;
  // "Limit Only: only limit orders can be submitted" (https://support.kraken.com/hc/en-us/articles/360055614211);
  // the -limit forms are limit orders once triggered, as lib/kraken/pairs/validate.ts reads it too.
  if (status === 'limit_only' && LIMIT_KINDS.includes(req.type)) return;
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

export function checkVolume(volume: Decimal, rules: PairRules): void {
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
export function checkPrice(price: Decimal | undefined, label: string, rules: PairRules): Decimal {
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

/** The prices an order carries once checked: its limit (limit, -limit forms) and its trigger (static triggers). */
export interface CheckedPrices {
  limit?: Decimal;
  trigger?: Decimal;
}

/** A trailing offset: positive; a percentage below 100 with at most 2 decimals; a quote amount on the price grid. */
export function checkOffset(offset: PriceOffset | undefined, label: string, rules: PairRules): void {
  if (!offset || !isDecimalText(offset.value) || !isPositive(offset.value)) {
    throw new PaperOrderRefused('EGeneral:Invalid arguments:price', `Enter a ${label} above zero.`);
  }
  if (offset.unit === 'percent') {
    // Kraken's "+5%" form; the ticket sends at most 2 decimals (lib/trading/kraken-order.ts).
    if (significantDecimals(offset.value) > 2 || cmp(offset.value, '100') >= 0) {
      throw new PaperOrderRefused(
        'EOrder:Invalid price',
        `A ${label} in percent must be below 100 with at most 2 decimals.`,
      );
    }
    return;
  }
  checkPrice(offset.value, label, rules);
}

/** The prices each order type takes, checked; a price or offset the type does not take is refused. */
export function orderPrices(req: OrderRequest, rules: PairRules): CheckedPrices {
  const type: TicketOrderType = req.type;
  const none = (field: string) => {
    throw new PaperOrderRefused('EGeneral:Invalid arguments:price', `A ${type} order takes no ${field}.`);
  };
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  if (!trailing && (req.trailOffset !== undefined || req.limitOffset !== undefined)) none('trailing offset');
  if (type !== 'trailing-stop-limit' && req.limitOffset !== undefined) none('limit offset');
  switch (type) {
    case 'market':
      if (req.limitPrice !== undefined || req.triggerPrice !== undefined) none('price');
      return {};
    case 'limit':
      if (req.triggerPrice !== undefined) none('trigger price');
      return { limit: checkPrice(req.limitPrice, 'limit price', rules) };
    case 'stop-loss':
    case 'take-profit':
      if (req.limitPrice !== undefined) none('limit price');
      return { trigger: checkPrice(req.triggerPrice, 'trigger price', rules) };
    case 'stop-loss-limit':
    case 'take-profit-limit':
      return {
        trigger: checkPrice(req.triggerPrice, 'trigger price', rules),
        limit: checkPrice(req.limitPrice, 'limit price', rules),
      };
    case 'trailing-stop':
    case 'trailing-stop-limit':
      if (req.limitPrice !== undefined || req.triggerPrice !== undefined) none('fixed price');
      checkOffset(req.trailOffset, 'trailing offset', rules);
      if (type === 'trailing-stop-limit') checkOffset(req.limitOffset, 'limit offset', rules);
      return {};
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
 * Time in force and the flags (AddOrder `timeinforce`, `oflags`, https://docs.kraken.com/api/docs/rest-api/add-order):
 * post-only is "available when ordertype = limit"; IOC and FOK take what they can now, so they apply to limit
 * orders here as in the ticket (lib/trading/kraken-order.ts), and never with post-only; GTD needs an expiry in
 * the future, and only GTD takes one.
 */
function checkTimeInForce(req: OrderRequest, now: number): void {
  const refuse = (field: string, message: string) => {
    throw new PaperOrderRefused(`EGeneral:Invalid arguments:${field}`, message);
  };
  if (req.postOnly && req.type !== 'limit') refuse('oflags', 'Post-only applies to limit orders only.');
  const tif = req.timeInForce;
  if ((tif === 'IOC' || tif === 'FOK') && req.type !== 'limit')
    refuse(
      'timeinforce',
      `${tif === 'IOC' ? 'Immediate-or-cancel' : 'Fill-or-kill'} applies to limit orders only.`,
    );
  if ((tif === 'IOC' || tif === 'FOK') && req.postOnly)
    refuse('timeinforce', `A post-only order cannot be ${tif}: it never trades on arrival.`);
  if (tif === 'GTD' && req.type === 'market') refuse('timeinforce', 'A market order cannot wait for a date.');
  if ((tif === 'GTD') !== (req.expiresAt !== undefined))
    refuse('expiretm', 'Good-till-date needs an expiry time, and only good-till-date takes one.');
  if (req.expiresAt !== undefined && req.expiresAt <= now)
    refuse('expiretm', 'The expiry time has already passed; choose a later one.');
}

/** The attached close: a type that can close, with the prices it takes, on the pair's grid. */
function checkClose(req: OrderRequest, rules: PairRules): void {
  const close = req.close;
  if (!close) return;
  checkPrice(close.price, close.type === 'limit' ? 'close price' : 'close trigger price', rules);
  const withLimit = close.type === 'stop-loss-limit' || close.type === 'take-profit-limit';
  if (withLimit) checkPrice(close.limitPrice, 'close limit price', rules);
  else if (close.limitPrice !== undefined)
    throw new PaperOrderRefused(
      'EGeneral:Invalid arguments:close',
      `A ${close.type} close takes no limit price.`,
    );
}

/**
 * Everything that does not depend on balances or the book: pair, status, volume, prices, time in force,
 * flags, the attached close, the open-order cap. Returns the order's prices. Throws PaperOrderRefused.
 */
export function checkRequest(
  req: OrderRequest,
  rules: PairRules,
  openOnPair: number,
  now: number,
): CheckedPrices {
  if (req.symbol !== rules.symbol) {
    throw new PaperOrderRefused(
      'EQuery:Unknown asset pair',
      `This order is for ${req.symbol} but the market data is for ${rules.symbol}.`,
    );
  }
  checkStatus(req, rules);
  checkVolume(req.volume, rules);
  const prices = orderPrices(req, rules);
  checkTimeInForce(req, now);
  checkClose(req, rules);
  if (openOnPair >= MAX_OPEN_ORDERS_PER_PAIR) {
    throw new PaperOrderRefused(
      'EOrder:Orders limit exceeded',
      `You already have ${MAX_OPEN_ORDERS_PER_PAIR} open ${rules.symbol} orders; cancel one first.`,
    );
  }
  return prices;
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
