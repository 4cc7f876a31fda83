import type { JsonValue } from '../../json-raw.ts';
import { OrderError } from '../../trading/engine.ts';
import type { AmendRecord, Order } from '../../trading/order.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';
import { priceText, volumeText } from './render.ts';

function entry(order: Order, record: AmendRecord): JsonValue {
  const spec = order.request.pair;
  return {
    amend_id: record.amendId,
    amend_type: record.type,
    order_qty: volumeText(spec, record.volume),
    remaining_qty: volumeText(spec, record.remaining),
    limit_price: record.limitTick === undefined ? undefined : priceText(spec, record.limitTick),
    trigger_price: record.triggerTick === undefined ? undefined : priceText(spec, record.triggerTick),
    reason: record.type === 'user' ? 'User requested' : undefined,
    post_only: record.postOnly,
    timestamp: record.timeMs,
  };
}

/**
 * `OrderAmends` `{order_id}` (https://docs.kraken.com/api/docs/rest-api/get-order-amends): the audit trail
 * of an order, ascending — the `original` entry at placement, then one `user` entry per AmendOrder or WS
 * amend_order — and `count` (including the original). `display_qty` (iceberg only) is never present; the
 * `reason` text and the millisecond `timestamp` are ours (the schema says "UNIX timestamp", integer).
 */
export const orderAmends: PrivateHandler = ({ params, account }) => {
  const id = params.get('order_id');
  if (id === undefined || id === '') return fail(invalidArguments('order_id'));
  const order = account.engine.get(id);
  if (!order) return fail(OrderError.unknownOrder);
  return ok({ amends: order.amends.map((record) => entry(order, record)), count: order.amends.length });
};
