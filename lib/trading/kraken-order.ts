// A checked ticket order → Kraken REST AddOrder parameters (SPEC.md §1.3; the official OpenAPI request schema
// `schemas/requests/trading/orders/add.yaml` of krakenfx/api-specs). The order placer adds the cl_ord_id.
import { isDecimalText, isPositive, normalize, significantDecimals } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { AddOrderParams, CloseOrder, OrderFlag } from '../kraken/rest/types-private.ts';
import type { AttachedClose, OrderRequest, PriceOffset, TicketOrderType } from '../orders/types.ts';

export type TicketAddOrderParams = Omit<AddOrderParams, 'cl_ord_id'>;

function decimal(text: string | undefined, field: string, decimals: number): string {
  if (text === undefined || !isDecimalText(text) || !isPositive(text)) {
    throw new RangeError(`${field} must be a positive plain decimal, got ${JSON.stringify(text)}`);
  }
  if (significantDecimals(text) > decimals) {
    throw new RangeError(`${field} ${text} has more than ${decimals} decimals`);
  }
  // Trailing zeros carry nothing: "0.10000000" is sent as Kraken's own examples write it, "0.1".
  return normalize(text);
}

const TRIGGERED: readonly TicketOrderType[] = [
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
];
const WITH_LIMIT: readonly TicketOrderType[] = ['limit', 'stop-loss-limit', 'take-profit-limit'];
const TRAILING: readonly TicketOrderType[] = ['trailing-stop', 'trailing-stop-limit'];

/** Kraken's relative price: `+5%` or `+50` (an offset; `sign` says which way). */
function relative(o: PriceOffset | undefined, field: string, decimals: number, sign: '+' | '-'): string {
  if (!o) throw new RangeError(`${field} is required`);
  const value = decimal(o.value, field, o.unit === 'percent' ? 2 : decimals);
  return `${sign}${value}${o.unit === 'percent' ? '%' : ''}`;
}

function closeParams(close: AttachedClose, rules: PairRules): CloseOrder {
  const price = decimal(close.price, 'close price', rules.pairDecimals);
  const withLimit = close.type === 'stop-loss-limit' || close.type === 'take-profit-limit';
  if (withLimit !== (close.limitPrice !== undefined))
    throw new RangeError(`a ${close.type} close ${withLimit ? 'needs' : 'takes no'} limit price`);
  return {
    ordertype: close.type,
    price,
    ...(close.limitPrice !== undefined
      ? { price2: decimal(close.limitPrice, 'close limit price', rules.pairDecimals) }
      : {}),
  };
}

/**
 * The AddOrder fields for an order `checkTicket` produced. Throws RangeError on an order that could not have
 * come from it (wrong pair, a price the type does not take, an option the type does not allow), so nothing
 * malformed reaches the signer.
 *
 * - `pair` is the altname ("XBTUSD"): AddOrder takes the id or the altname, and rules built from AssetPairs
 *   and from the v2 instrument channel agree on the altname (the per-pair trading counter keys on it).
 * - `price` carries the limit price for limit orders and the trigger price for the stop and take-profit
 *   types; `price2` the limit price of their `-limit` forms (OpenAPI `price`, `price2`). Trailing stops send
 *   their offset as `price` ("+5%" or "+50": the trigger follows the best price since placement by that
 *   much), and a trailing-stop-limit its limit offset from the trigger as `price2`, signed away from the
 *   market: `-` for a sell, `+` for a buy (https://docs.kraken.com/api/docs/rest-api/add-order, `price2`).
 * - `oflags` always holds `fciq` (fee in the quote currency), plus `post` for post-only. The OpenAPI says
 *   `fcib` (fee in base) is the default when selling, while Kraken's executions example shows a sell with
 *   `fee_ccy_pref: "fciq"`; pinning it makes the ticket's preview (fee in quote) true either way.
 * - `timeinforce` is sent unless GTC (Kraken's default); GTD with `expiretm` in Unix seconds.
 * - `close[…]`: Kraken's conditional close, placed by Kraken when this order fills.
 */
export function toAddOrderParams(order: OrderRequest, rules: PairRules): TicketAddOrderParams {
  if (order.symbol !== rules.symbol) {
    throw new RangeError(`order for ${order.symbol} given the rules of ${rules.symbol}`);
  }
  const type = order.type;
  const hasLimit = WITH_LIMIT.includes(type);
  const hasTrigger = TRIGGERED.includes(type);
  const trailing = TRAILING.includes(type);
  if (order.limitPrice !== undefined && !hasLimit)
    throw new RangeError(`a ${type} order takes no limit price`);
  if (order.triggerPrice !== undefined && !hasTrigger)
    throw new RangeError(`a ${type} order takes no trigger price`);
  if (order.trailOffset !== undefined && !trailing)
    throw new RangeError(`a ${type} order takes no trailing offset`);
  if (order.limitOffset !== undefined && type !== 'trailing-stop-limit')
    throw new RangeError(`a ${type} order takes no limit offset`);
  if (order.postOnly && type !== 'limit') throw new RangeError('post-only applies to limit orders only');
  if ((order.timeInForce === 'IOC' || order.timeInForce === 'FOK') && type !== 'limit')
    throw new RangeError(`${order.timeInForce} applies to limit orders only`);
  if (order.postOnly && (order.timeInForce === 'IOC' || order.timeInForce === 'FOK'))
    throw new RangeError(`a post-only order cannot be ${order.timeInForce}`);
  if ((order.timeInForce === 'GTD') !== (order.expiresAt !== undefined))
    throw new RangeError('GTD needs an expiry, and only GTD takes one');

  const params: TicketAddOrderParams = {
    pair: rules.altname,
    type: order.side,
    ordertype: type,
    volume: decimal(order.volume, 'volume', rules.lotDecimals),
  };
  if (type === 'limit') params.price = decimal(order.limitPrice, 'limit price', rules.pairDecimals);
  if (hasTrigger) params.price = decimal(order.triggerPrice, 'trigger price', rules.pairDecimals);
  if (hasTrigger && hasLimit) params.price2 = decimal(order.limitPrice, 'limit price', rules.pairDecimals);
  if (trailing) params.price = relative(order.trailOffset, 'trailing offset', rules.pairDecimals, '+');
  if (type === 'trailing-stop-limit')
    params.price2 = relative(
      order.limitOffset,
      'limit offset',
      rules.pairDecimals,
      order.side === 'sell' ? '-' : '+',
    );
  const oflags: OrderFlag[] = order.postOnly ? ['post', 'fciq'] : ['fciq'];
  params.oflags = oflags;
  if (order.timeInForce !== 'GTC') params.timeinforce = order.timeInForce;
  if (order.expiresAt !== undefined) params.expiretm = String(Math.floor(order.expiresAt / 1000));
  if (order.close) params.close = closeParams(order.close, rules);
  return params;
}
