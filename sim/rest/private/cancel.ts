import { rfc3339Seconds } from '../../time-format.ts';
import { cancelAll, cancelOrder, findOrders } from '../../trading/desk.ts';
import { OrderError } from '../../trading/engine.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';

/** `CancelOrder` → `{"count":1}` (examples/responses/trading/orders/cancel.yaml); `txid` = txid or userref, or `cl_ord_id`. */
export const cancelOrderHandler: PrivateHandler = ({ params, account }) => {
  const txid = params.get('txid');
  const clOrdId = params.get('cl_ord_id');
  if ((txid === undefined || txid === '') && (clOrdId === undefined || clOrdId === '')) {
    return fail(invalidArguments('txid'));
  }
  const orders = findOrders(account, txid, clOrdId);
  let count = 0;
  for (const order of orders) if (cancelOrder(account, order)) count += 1;
  if (count === 0) return fail(OrderError.unknownOrder);
  return ok({ count, pending: false });
};

/** `CancelOrderBatch` → `{"count":2}`: `orders` (txids or userrefs) and/or `cl_ord_ids`, at most 50 ids. */
export const cancelOrderBatch: PrivateHandler = ({ params, json, account }) => {
  let ids: string[] = [];
  let clOrdIds: string[] = [];
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const body = json as Record<string, unknown>;
    if (Array.isArray(body.orders)) ids = body.orders.map(String);
    if (Array.isArray(body.cl_ord_ids)) clOrdIds = body.cl_ord_ids.map(String);
  } else {
    for (const [key, value] of params) {
      if (/^orders\[\d+\]$/.test(key)) ids.push(value);
      if (/^cl_ord_ids\[\d+\]$/.test(key)) clOrdIds.push(value);
    }
  }
  if (ids.length + clOrdIds.length === 0 || ids.length + clOrdIds.length > 50)
    return fail(invalidArguments('orders'));
  let count = 0;
  for (const id of ids)
    for (const order of findOrders(account, id, undefined)) if (cancelOrder(account, order)) count += 1;
  for (const id of clOrdIds)
    for (const order of findOrders(account, undefined, id)) if (cancelOrder(account, order)) count += 1;
  return ok({ count });
};

export const cancelAllHandler: PrivateHandler = ({ account }) => ok({ count: cancelAll(account) });

/**
 * `CancelAllOrdersAfter` → `{"currentTime":"2023-03-24T17:41:56Z","triggerTime":"2023-03-24T17:42:56Z"}`;
 * `timeout` in seconds below 86400, 0 disarms (triggerTime is then "0").
 */
export const cancelAllOrdersAfter: PrivateHandler = ({ params, account }) => {
  const text = params.get('timeout') ?? '';
  if (!/^\d{1,5}$/.test(text) || Number(text) >= 86400) return fail(invalidArguments('timeout'));
  const now = Date.now();
  const timeout = Number(text);
  const trigger = account.deadMan.arm(timeout, now);
  return ok({
    currentTime: rfc3339Seconds(BigInt(now) * 1_000_000n),
    triggerTime: timeout === 0 ? '0' : rfc3339Seconds(BigInt(trigger) * 1_000_000n),
  });
};
