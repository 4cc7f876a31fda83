import type { OrderFields } from '../../trading/order-params.ts';
import { numberText } from './numbers.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Maps WS v2 `add_order` / `batch_add` order parameters onto the REST AddOrder fields the engine validates
 * (SPEC §5.5, https://docs.kraken.com/api/docs/websocket-v2/add_order): `order_qty` → volume,
 * `limit_price` → price (price2 for the -limit trigger types), `triggers.price` → price, `post_only` →
 * oflags post, `fee_preference:"base"` → fcib, `cash_order_qty` → viqc volume, lower-case
 * `time_in_force` → upper case, `expire_time` (RFC 3339) → expiretm.
 */
export function wsOrderFields(order: Json, symbol: unknown): OrderFields | { readonly error: string } {
  const type = order.order_type;
  const triggers = isObject(order.triggers) ? order.triggers : undefined;
  const triggerPrice = triggers ? numberText(triggers.price) : undefined;
  const limit = numberText(order.limit_price);
  const isTrigger = typeof type === 'string' && type !== 'market' && type !== 'limit';
  if (isTrigger && triggerPrice === undefined) return { error: 'EGeneral:Invalid arguments:triggers' };
  const flags: string[] = [];
  if (order.post_only === true) flags.push('post');
  if (order.fee_preference === 'base') flags.push('fcib');
  const cash = numberText(order.cash_order_qty);
  if (cash !== undefined) flags.push('viqc');
  let expiretm: string | undefined;
  if (typeof order.expire_time === 'string') {
    const ms = Date.parse(order.expire_time);
    if (Number.isNaN(ms)) return { error: 'EGeneral:Invalid arguments:expire_time' };
    expiretm = String(Math.floor(ms / 1000));
  }
  const qty = cash ?? numberText(order.order_qty);
  if (order.order_qty !== undefined && qty === undefined)
    return { error: 'EGeneral:Invalid arguments:order_qty' };
  return {
    pair: typeof symbol === 'string' ? symbol : undefined,
    type: typeof order.side === 'string' ? order.side : undefined,
    ordertype: typeof type === 'string' ? type : undefined,
    volume: qty,
    price: isTrigger ? triggerPrice : limit,
    price2: isTrigger ? limit : undefined,
    oflags: flags.join(','),
    timeinforce: typeof order.time_in_force === 'string' ? order.time_in_force.toUpperCase() : undefined,
    expiretm,
    userref: order.order_userref === undefined ? undefined : String(order.order_userref),
    cl_ord_id: typeof order.cl_ord_id === 'string' ? order.cl_ord_id : undefined,
  };
}
