import type { OrderFields } from '../../trading/order-params.ts';
import { numberText } from './numbers.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

type PriceType = 'static' | 'pct' | 'quote';

export function priceType(value: unknown): PriceType | undefined {
  if (value === undefined) return 'static';
  return value === 'static' || value === 'pct' || value === 'quote' ? value : undefined;
}

/** A signed JSON number → REST relative text (`+5%`, `-10`), from the sign of the value. */
function relative(value: unknown, type: 'pct' | 'quote'): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const magnitude = numberText(Math.abs(value));
  if (magnitude === undefined) return undefined;
  return `${value < 0 ? '-' : '+'}${magnitude}${type === 'pct' ? '%' : ''}`;
}

/**
 * A WS price with its `*_type` → the REST `price`/`price2` text. `static` = an absolute price; `pct`/`quote`
 * = relative to the last trade (`+`/`-` by sign). Trailing stops: `triggers.price` is the offset from the
 * peak (always `+`; `static` read as a quote amount, ours), and a trailing-stop-limit's `limit_price` the
 * offset from the trigger ("0 would set a limit price the same as the trigger price").
 */
export function priceField(
  value: unknown,
  type: PriceType,
  trailing: 'trigger' | 'limit' | false,
): string | undefined {
  if (trailing === 'trigger') {
    const text = typeof value === 'number' && value > 0 ? numberText(value) : undefined;
    return text === undefined ? undefined : `+${text}${type === 'pct' ? '%' : ''}`;
  }
  if (trailing === 'limit') return relative(value, type === 'pct' ? 'pct' : 'quote');
  return type === 'static' ? numberText(value) : relative(value, type);
}

/** WS `conditional` (one-triggers-other close) → REST `close[ordertype]`, `close[price]`, `close[price2]`. */
function closeFields(
  conditional: Json,
): Pick<OrderFields, 'closeOrdertype' | 'closePrice' | 'closePrice2'> | string {
  const type = conditional.order_type;
  if (typeof type !== 'string') return 'EGeneral:Invalid arguments:conditional';
  const trigger = conditional.trigger_price;
  const limit = conditional.limit_price;
  const triggerType = priceType(conditional.trigger_price_type);
  const limitType = priceType(conditional.limit_price_type);
  if (!triggerType || !limitType) return 'EGeneral:Invalid arguments:conditional';
  const isTrigger = type !== 'limit';
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  const price = isTrigger
    ? priceField(trigger, triggerType, trailing ? 'trigger' : false)
    : priceField(limit, limitType, false);
  const price2 =
    isTrigger && limit !== undefined ? priceField(limit, limitType, trailing ? 'limit' : false) : undefined;
  return { closeOrdertype: type, closePrice: price, closePrice2: price2 };
}

/**
 * Maps WS v2 `add_order` / `batch_add` order parameters onto the REST AddOrder fields the engine validates
 * (https://docs.kraken.com/api/docs/websocket-v2/add_order): `order_qty` → volume, `limit_price`
 * (+`limit_price_type`) → price (price2 for the trigger types), `triggers.price` (+`price_type`) → price,
 * `post_only` → oflags post, `fee_preference:"base"` → fcib, `cash_order_qty` → viqc volume, lower-case
 * `time_in_force` (gtc, gtd, ioc, fok) → upper case, `expire_time` (RFC 3339) → expiretm, `conditional`
 * → close[…].
 */
export function wsOrderFields(order: Json, symbol: unknown): OrderFields | { readonly error: string } {
  const type = order.order_type;
  const triggers = isObject(order.triggers) ? order.triggers : undefined;
  const isTrigger = typeof type === 'string' && type !== 'market' && type !== 'limit';
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  const triggerType = priceType(triggers?.price_type);
  const limitType = priceType(order.limit_price_type);
  if (!triggerType) return { error: 'EGeneral:Invalid arguments:triggers' };
  if (!limitType) return { error: 'EGeneral:Invalid arguments:limit_price_type' };
  if (
    triggers &&
    triggers.reference !== undefined &&
    triggers.reference !== 'last' &&
    triggers.reference !== 'index'
  )
    return { error: 'EGeneral:Invalid arguments:triggers' };
  const triggerPrice = triggers
    ? priceField(triggers.price, triggerType, trailing ? 'trigger' : false)
    : undefined;
  if (isTrigger && triggerPrice === undefined) return { error: 'EGeneral:Invalid arguments:triggers' };
  const limit =
    order.limit_price === undefined
      ? undefined
      : priceField(order.limit_price, limitType, trailing && isTrigger ? 'limit' : false);
  if (order.limit_price !== undefined && limit === undefined)
    return { error: 'EGeneral:Invalid arguments:limit_price' };
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
  const close =
    order.conditional === undefined
      ? {}
      : isObject(order.conditional)
        ? closeFields(order.conditional)
        : undefined;
  if (close === undefined) return { error: 'EGeneral:Invalid arguments:conditional' };
  if (typeof close === 'string') return { error: close };
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
    ...close,
  };
}
