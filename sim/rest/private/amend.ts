import { tradingCost } from '../../ratelimit/trading-limiter.ts';
import { triggerChange } from '../../trading/amend-trigger.ts';
import { amendOrder, deadlineProblem, findOrders, LimitError } from '../../trading/desk.ts';
import { OrderError } from '../../trading/engine.ts';
import { isOpen, type OrderRequest } from '../../trading/order.ts';
import { parseOrder } from '../../trading/order-params.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';
import { describeOrder, priceText, volumeText } from './render.ts';

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * `AmendOrder` → `{"amend_id":"TEZA4R-DSDGT-IJBOJK"}`: in place, same txid
 * (https://docs.kraken.com/api/docs/rest-api/amend-order). Supports `order_qty`, `limit_price` and
 * `trigger_price` (absolute or relative, amend-trigger.ts); not `display_qty` (no iceberg orders here).
 */
export const amendOrderHandler: PrivateHandler = ({ params, account }) => {
  const txid = params.get('txid');
  const clOrdId = params.get('cl_ord_id');
  if (!txid && !clOrdId) return fail(invalidArguments('txid'));
  const order = findOrders(account, txid, clOrdId || undefined).find(isOpen);
  if (!order) return fail(OrderError.unknownOrder);
  const late = deadlineProblem(params.get('deadline'));
  if (late !== undefined) return fail(late);
  // Re-validate through the AddOrder rules so tick size, lot decimals and minimums apply to amends too.
  const qty = params.get('order_qty');
  const limit = params.get('limit_price');
  if (qty !== undefined && !DECIMAL.test(qty)) return fail(invalidArguments('order_qty'));
  if (limit !== undefined && !DECIMAL.test(limit)) return fail(invalidArguments('limit_price'));
  if (limit !== undefined && order.request.type !== 'limit' && !order.request.type.endsWith('-limit')) {
    return fail(invalidArguments('limit_price'));
  }
  const request = order.request;
  const checked = parseOrder(
    account.market.listing,
    {
      pair: request.pair.restId,
      type: request.side,
      ordertype: 'limit',
      volume: qty ?? volumeText(request.pair, request.volume),
      price: limit ?? priceText(request.pair, order.limitTick ?? request.priceTick),
    },
    Math.floor(Date.now() / 1000),
  );
  if (!checked.ok)
    return fail(checked.error.replace(':volume', ':order_qty').replace(':price', ':limit_price'));
  const triggerText = params.get('trigger_price');
  const lastTick = account.market.pair(request.pair.symbol)?.tape.last()?.tick;
  const trigger =
    triggerText === undefined
      ? {}
      : triggerChange(account.market.listing, order, triggerText, Math.floor(Date.now() / 1000), lastTick);
  if (typeof trigger === 'string') return fail(trigger);
  const problem = amendOrder(account, order, {
    volume: qty === undefined ? undefined : checked.value.volume,
    limitTick: limit === undefined ? undefined : checked.value.priceTick,
    ...trigger,
  });
  if (problem !== undefined) return fail(problem);
  return ok({ amend_id: order.amends.at(-1)?.amendId });
};

/**
 * `EditOrder`: cancel and replace with a new txid (https://docs.kraken.com/api/docs/rest-api/edit-order) →
 * `{"status":"ok","txid":…,"originaltxid":…,"volume":…,"price":…,"price2":…,"orders_cancelled":1,"descr":{…}}`.
 */
export const editOrder: PrivateHandler = ({ params, account }) => {
  const txid = params.get('txid');
  const pair = params.get('pair');
  if (!txid) return fail(invalidArguments('txid'));
  if (!pair) return fail(invalidArguments('pair'));
  const original = findOrders(account, txid, undefined).find(isOpen);
  if (!original) return fail(OrderError.unknownOrder);
  const request = original.request;
  const parsed = parseOrder(
    account.market.listing,
    {
      pair,
      type: request.side,
      ordertype: request.type,
      volume: params.get('volume') ?? volumeText(request.pair, request.volume),
      price:
        params.get('price') ??
        (request.priceTick === undefined ? undefined : priceText(request.pair, request.priceTick)),
      price2:
        params.get('price2') ??
        (request.price2Tick === undefined ? undefined : priceText(request.pair, request.price2Tick)),
      oflags: params.get('oflags') ?? (request.postOnly ? 'post' : undefined),
      userref: params.get('userref') ?? (request.userref === undefined ? undefined : String(request.userref)),
    },
    Math.floor(Date.now() / 1000),
  );
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.value.pair.restId !== request.pair.restId) return fail(invalidArguments('pair'));
  const late = deadlineProblem(params.get('deadline'));
  if (late !== undefined) return fail(late);
  const replacement: OrderRequest = { ...parsed.value, feeInBase: request.feeInBase, clOrdId: undefined };
  const validate = params.get('validate') === 'true';
  const cost = tradingCost('edit', Date.now() - original.changedMs);
  if (!account.tradingLimiter.charge(request.pair.restId, cost, 'edit')) return fail(LimitError.rate);
  if (validate) return ok({ status: 'ok', descr: { order: describeOrder(replacement) } });
  // Release the original's hold first, so a same-size edit never fails for funds it already reserved.
  account.engine.cancel(original);
  const placed = account.engine.place(replacement);
  if (!placed.ok) return fail(placed.error);
  return ok({
    status: 'ok',
    txid: placed.order.txid,
    originaltxid: original.txid,
    volume: volumeText(replacement.pair, replacement.volume),
    price: priceText(replacement.pair, replacement.priceTick),
    price2: priceText(replacement.pair, replacement.price2Tick),
    orders_cancelled: 1,
    descr: { order: describeOrder(replacement) },
  });
};
