// A trigger amend: REST AmendOrder `trigger_price` — "The new trigger price to activate the order (for triggered
// order types only). The relative pricing can be set by using the `+`, `-` prefixes and/or `%` suffix"
// (https://docs.kraken.com/api/docs/rest-api/amend-order; the same text in the OpenAPI's
// schemas/requests/trading/orders/amend.yaml) — and WS v2 amend_order `trigger_price` with `trigger_price_type`
// (https://docs.kraken.com/api/docs/websocket-v2/amend_order), mapped to the same text by the WS layer.
import type { Listing } from '../data/listing.ts';
import { fixed } from '../decimal.ts';
import { isTrailing, isTrigger, type Order } from './order.ts';
import { parseOrder } from './order-params.ts';
import { type Offset, offsetText } from './relative-price.ts';

/** A stop's or take-profit's new trigger price, or a trailing stop's new offset from its peak. */
export type TriggerChange = { readonly triggerTick: number } | { readonly trail: Offset };

const INVALID = 'EGeneral:Invalid arguments:trigger_price';

/**
 * The new trigger, checked as AddOrder checks a `price` of the order's type, so the same text means the same
 * thing when placing and when amending: absolute, or relative to the last trade (`+`/`-`/`#`, `%`); a trailing
 * stop's as `+offset[%]` from its peak (AddOrder: trailing stops "must use … the `+` prefix"), anything else
 * `EOrder:Invalid price:Invalid price argument`. Kraken's docs do not say what amending the trigger of an
 * order that has already triggered (it rests as a limit or has gone to market) does: refused here (ours).
 */
export function triggerChange(
  listing: Listing,
  order: Order,
  text: string,
  nowSec: number,
  lastTick: number | undefined,
): TriggerChange | string {
  const request = order.request;
  if (!isTrigger(request.type) || order.triggered) return INVALID;
  const spec = request.pair;
  const checked = parseOrder(
    listing,
    {
      pair: spec.restId,
      type: request.side,
      ordertype: request.type,
      volume: fixed(request.volume, spec.qtyDecimals),
      price: text,
      price2: request.limitOffset
        ? offsetText(request.limitOffset, spec)
        : request.price2Tick === undefined
          ? undefined
          : fixed(request.price2Tick, spec.priceDecimals),
    },
    nowSec,
    lastTick,
  );
  if (!checked.ok) return checked.error.replace(/:price$/, ':trigger_price');
  if (isTrailing(request.type)) {
    const trail = checked.value.trail;
    return trail ? { trail } : INVALID;
  }
  const tick = checked.value.priceTick;
  return tick === undefined ? INVALID : { triggerTick: tick };
}
