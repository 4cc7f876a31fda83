// AddOrder over WebSocket v2, shaped like the REST client's `addOrder`, so the order placer (intents with
// cl_ord_id, reconcile by cl_ord_id over REST after an ambiguous failure) works the same on either transport:
// an order is never sent twice, whichever way it went. https://docs.kraken.com/api/docs/websocket-v2/add_order
import { toV2Symbol } from '../pairs/symbols.ts';
import { KrakenError } from '../rest/errors.ts';
import type { AddOrderParams, AddOrderResult } from '../rest/types-private.ts';
import { WsRequestError, type WsSession } from '../ws/session.ts';

/**
 * REST AddOrder parameters → WS v2 add_order parameters (SPEC.md §9.10: names and enum spellings differ).
 * Amounts are decimal strings; WS v2 wants JSON numbers, and `Number` of a decimal with ≤ 15 significant
 * digits serialises back to the same digits, so what is sent is what was written.
 */
export function toWsOrder(p: AddOrderParams): Record<string, unknown> {
  const symbol = toV2Symbol(p.pair);
  if (!symbol) throw new RangeError(`unknown pair ${p.pair}`);
  if (p.ordertype !== 'market' && p.ordertype !== 'limit') {
    throw new RangeError(`order type ${p.ordertype} is not sent over WebSocket yet; use REST`);
  }
  const num = (text: string, field: string) => {
    if (!/^\d+(\.\d+)?$/.test(text) || text.replace(/^0+|\./g, '').length > 15) {
      throw new RangeError(`${field} must be a plain decimal with at most 15 significant digits`);
    }
    return Number(text);
  };
  const out: Record<string, unknown> = {
    order_type: p.ordertype,
    side: p.type,
    order_qty: num(p.volume, 'volume'),
    symbol,
  };
  if (p.ordertype === 'limit') {
    if (p.price === undefined) throw new RangeError('a limit order needs a price');
    out.limit_price = num(p.price, 'price');
  }
  if (p.oflags?.includes('post')) out.post_only = true;
  if (p.timeinforce) out.time_in_force = p.timeinforce.toLowerCase();
  if (p.cl_ord_id) out.cl_ord_id = p.cl_ord_id;
  if (p.userref !== undefined) out.order_userref = p.userref;
  if (p.deadline) out.deadline = p.deadline;
  if (p.validate) out.validate = true;
  return out;
}

export function wsAddOrder(session: WsSession): (p: AddOrderParams) => Promise<AddOrderResult> {
  return async (p) => {
    try {
      const ack = await session.privateRequest('add_order', toWsOrder(p));
      const orderId = (ack.result as { order_id?: unknown } | undefined)?.order_id;
      return {
        descr: { order: `${p.type} ${p.volume} ${p.pair} @ ${p.ordertype}` },
        ...(typeof orderId === 'string' ? { txid: [orderId] } : {}),
      };
    } catch (error) {
      if (!(error instanceof WsRequestError)) throw error;
      // Kraken refused the order: a definite answer. A timeout or a dropped connection: outcome unknown,
      // so the placer looks the cl_ord_id up before any resend.
      if (error.reason === 'rejected') throw KrakenError.fromKraken('add_order', [error.detail], Date.now());
      throw KrakenError.transport(
        'add_order',
        error.reason === 'timeout' ? 'timeout' : 'network',
        error.detail,
      );
    }
  };
}
