// Order entry over WebSocket v2, shaped like the REST client's `addOrder` and `amendOrder`, so the order placer
// (intents with cl_ord_id and a deadline, reconciled by cl_ord_id over REST after an ambiguous failure) works the
// same on either transport: an order is never sent twice, whichever way it went.
// https://docs.kraken.com/api/docs/websocket-v2/add_order · https://docs.kraken.com/api/docs/websocket-v2/amend_order
import { toV2Symbol } from '../pairs/symbols.ts';
import { krakenErrorFrom, transportError } from '../rest/error-from.ts';
import type { AddOrderParams, AddOrderResult, AmendOrderParams, CloseOrder } from '../rest/types-private.ts';
import { WsRequestError, type WsSession } from '../ws/session.ts';

type PriceType = 'static' | 'pct' | 'quote';

/**
 * Amounts are decimal strings; WS v2 wants JSON numbers, and `Number` of a decimal with ≤ 15 significant digits
 * serialises back to the same digits, so what is sent is what was written.
 */
function num(text: string, field: string): number {
  if (!/^\d+(\.\d+)?$/.test(text) || text.replace(/^0+|\./g, '').length > 15) {
    throw new RangeError(`${field} must be a plain decimal with at most 15 significant digits`);
  }
  return Number(text);
}

/**
 * REST price text → WS price and its type: "97000.1" static; "+50"/"-1.5" an offset in the quote currency;
 * "+5%"/"-2%" (or "5%") an offset in percent. The sign is kept (a trailing-stop-limit's limit offset is signed).
 */
function priceOf(text: string, field: string): { price: number; type: PriceType } {
  const m = /^([+-]?)(\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!m) throw new RangeError(`${field} "${text}" is not a price Kraken accepts over WebSocket`);
  const [, sign = '', digits = '', pct = ''] = m;
  const value = num(digits, field) * (sign === '-' ? -1 : 1);
  if (pct) return { price: value, type: 'pct' };
  return { price: value, type: sign ? 'quote' : 'static' };
}

const TRIGGERED = new Set([
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
]);

/** REST `close[...]` (a conditional close) → WS `conditional`. */
function conditional(close: CloseOrder): Record<string, unknown> {
  const out: Record<string, unknown> = { order_type: close.ordertype };
  if (close.ordertype === 'limit') {
    if (close.price === undefined) throw new RangeError('a limit close needs a price');
    const p = priceOf(close.price, 'close price');
    Object.assign(out, { limit_price: p.price, limit_price_type: p.type });
    return out;
  }
  if (close.price !== undefined) {
    const p = priceOf(close.price, 'close trigger');
    Object.assign(out, { trigger_price: Math.abs(p.price), trigger_price_type: p.type });
  }
  if (close.price2 !== undefined) {
    const p = priceOf(close.price2, 'close limit');
    Object.assign(out, { limit_price: p.price, limit_price_type: p.type });
  }
  return out;
}

/** REST AddOrder parameters → WS v2 add_order parameters (names and enum spellings differ: docs/kraken-protocol.md §5.5). */
export function toWsOrder(p: AddOrderParams): Record<string, unknown> {
  const symbol = toV2Symbol(p.pair);
  if (!symbol) throw new RangeError(`unknown pair ${p.pair}`);
  const type = p.ordertype;
  if (type !== 'market' && type !== 'limit' && !TRIGGERED.has(type)) {
    throw new RangeError(`order type ${type} is not sent over WebSocket; use REST`);
  }
  const out: Record<string, unknown> = {
    order_type: type,
    side: p.type,
    order_qty: num(p.volume, 'volume'),
    symbol,
  };
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  if (type === 'limit') {
    if (p.price === undefined) throw new RangeError('a limit order needs a price');
    const limit = priceOf(p.price, 'price');
    out.limit_price = limit.price;
    if (limit.type !== 'static') out.limit_price_type = limit.type;
  } else if (TRIGGERED.has(type)) {
    if (p.price === undefined) throw new RangeError(`a ${type} order needs a trigger price`);
    const trigger = priceOf(p.price, 'trigger price');
    // A trailing stop's trigger is an offset from the best price since placement, always written "+x[%]".
    const price_type = trailing && trigger.type === 'static' ? 'quote' : trigger.type;
    out.triggers = { reference: p.trigger ?? 'last', price: Math.abs(trigger.price), price_type };
    if (type.endsWith('-limit')) {
      if (p.price2 === undefined) throw new RangeError(`a ${type} order needs a limit price`);
      const limit = priceOf(p.price2, 'limit price');
      out.limit_price = limit.price;
      if (limit.type !== 'static' || trailing)
        out.limit_price_type = limit.type === 'static' ? 'quote' : limit.type;
    }
  }
  if (p.oflags?.includes('post')) out.post_only = true;
  // Fees in the base currency must be asked for; the quote currency (our `fciq`) is the WS default.
  if (p.oflags?.includes('fcib')) out.fee_preference = 'base';
  if (p.reduce_only) out.reduce_only = true;
  if (p.timeinforce) out.time_in_force = p.timeinforce.toLowerCase();
  if (p.expiretm) {
    const at = /^\+\d+$/.test(p.expiretm)
      ? Date.now() + Number(p.expiretm.slice(1)) * 1000
      : Number(p.expiretm) * 1000;
    if (!Number.isFinite(at)) throw new RangeError('expiretm must be a Unix time or +seconds');
    out.expire_time = new Date(at).toISOString();
  }
  if (p.close) out.conditional = conditional(p.close);
  if (p.cl_ord_id) out.cl_ord_id = p.cl_ord_id;
  if (p.userref !== undefined) out.order_userref = p.userref;
  if (p.deadline) out.deadline = p.deadline;
  if (p.validate) out.validate = true;
  return out;
}

/** A refusal is definite; a timeout or a dropped connection is an unknown outcome (looked up before any resend). */
function asKrakenError(method: string, error: unknown): unknown {
  if (!(error instanceof WsRequestError)) return error;
  if (error.reason === 'rejected') return krakenErrorFrom(method, [error.detail], Date.now());
  return transportError(method, error.reason === 'timeout' ? 'timeout' : 'network', error.detail);
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
      throw asKrakenError('add_order', error);
    }
  };
}

/** amend_order: new quantity and/or prices for a resting order, keeping its place in the queue where Kraken can. */
export function wsAmendOrder(session: WsSession): (p: AmendOrderParams) => Promise<{ amend_id: string }> {
  return async (p) => {
    const params: Record<string, unknown> = 'txid' in p ? { order_id: p.txid } : { cl_ord_id: p.cl_ord_id };
    if (p.order_qty !== undefined) params.order_qty = num(p.order_qty, 'order_qty');
    if (p.display_qty !== undefined) params.display_qty = num(p.display_qty, 'display_qty');
    if (p.limit_price !== undefined) params.limit_price = num(p.limit_price, 'limit_price');
    if (p.trigger_price !== undefined) {
      // REST's text ("86000.0", "+1%", "+500") → WS v2's positive number with its unit: amend_order's
      // `trigger_price` with `trigger_price_type` static, pct or quote — a trailing stop's new offset is its pct
      // or quote form (https://docs.kraken.com/api/docs/websocket-v2/amend_order).
      const trigger = priceOf(p.trigger_price, 'trigger_price');
      params.trigger_price = Math.abs(trigger.price);
      if (trigger.type !== 'static') params.trigger_price_type = trigger.type;
    }
    if (p.post_only !== undefined) params.post_only = p.post_only;
    if (p.deadline !== undefined) params.deadline = p.deadline;
    try {
      const ack = await session.privateRequest('amend_order', params);
      const amendId = (ack.result as { amend_id?: unknown } | undefined)?.amend_id;
      return { amend_id: typeof amendId === 'string' ? amendId : '' };
    } catch (error) {
      throw asKrakenError('amend_order', error);
    }
  };
}
