// A checked ticket order → Kraken REST AddOrder parameters (SPEC.md §1.3; the official OpenAPI request schema
// `schemas/requests/trading/orders/add.yaml` of krakenfx/api-specs). The order placer adds the cl_ord_id.
import { isDecimalText, isPositive, normalize, significantDecimals } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { AddOrderParams, OrderFlag } from '../kraken/rest/types-private.ts';
import type { OrderRequest } from '../orders/types.ts';

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

/**
 * The AddOrder fields for an order `checkTicket` produced. Throws RangeError on an order that could not have
 * come from it (wrong pair, a price the type does not take, post-only or IOC off a limit order), so nothing
 * malformed reaches the signer.
 *
 * - `pair` is the altname ("XBTUSD"): AddOrder takes the id or the altname, and rules built from AssetPairs
 *   and from the v2 instrument channel agree on the altname (the per-pair trading counter keys on it).
 * - `price` carries the limit price for limit orders and the trigger price for stop-loss and take-profit
 *   (OpenAPI `price`: "Trigger price for stop-loss, … take-profit …"); market orders send none.
 * - `oflags` always holds `fciq` (fee in the quote currency), plus `post` for post-only. The OpenAPI says
 *   `fcib` (fee in base) is the default when selling, while Kraken's executions example shows a sell with
 *   `fee_ccy_pref: "fciq"`; pinning it makes the ticket's preview (fee in quote) true either way.
 * - `timeinforce` is sent only for IOC; GTC is Kraken's default.
 */
export function toAddOrderParams(order: OrderRequest, rules: PairRules): TicketAddOrderParams {
  if (order.symbol !== rules.symbol) {
    throw new RangeError(`order for ${order.symbol} given the rules of ${rules.symbol}`);
  }
  const isLimit = order.type === 'limit';
  const isStop = order.type === 'stop-loss' || order.type === 'take-profit';
  if (order.limitPrice !== undefined && !isLimit)
    throw new RangeError(`a ${order.type} order takes no limit price`);
  if (order.triggerPrice !== undefined && !isStop)
    throw new RangeError(`a ${order.type} order takes no trigger price`);
  if (order.postOnly && !isLimit) throw new RangeError('post-only applies to limit orders only');
  if (order.timeInForce === 'IOC' && !isLimit) throw new RangeError('IOC applies to limit orders only');

  const params: TicketAddOrderParams = {
    pair: rules.altname,
    type: order.side,
    ordertype: order.type,
    volume: decimal(order.volume, 'volume', rules.lotDecimals),
  };
  if (isLimit) params.price = decimal(order.limitPrice, 'limit price', rules.pairDecimals);
  if (isStop) params.price = decimal(order.triggerPrice, 'trigger price', rules.pairDecimals);
  const oflags: OrderFlag[] = order.postOnly ? ['post', 'fciq'] : ['fciq'];
  params.oflags = oflags;
  if (order.timeInForce === 'IOC') params.timeinforce = 'IOC';
  return params;
}
