import type { Account } from '../../account/account.ts';
import type { JsonValue } from '../../json-raw.ts';
import { deadlineProblem, placeOrder } from '../../trading/desk.ts';
import type { OrderRequest } from '../../trading/order.ts';
import { type OrderFields, parseOrder } from '../../trading/order-params.ts';
import { lookupPair } from '../pair-names.ts';
import type { Params } from '../params.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';
import { describeClose, describeOrder } from './render.ts';

function fieldsOf(get: (name: string) => string | undefined, pair: string | undefined): OrderFields {
  return {
    pair,
    type: get('type'),
    ordertype: get('ordertype'),
    volume: get('volume'),
    price: get('price'),
    price2: get('price2'),
    oflags: get('oflags'),
    timeinforce: get('timeinforce'),
    expiretm: get('expiretm'),
    userref: get('userref'),
    cl_ord_id: get('cl_ord_id'),
    closeOrdertype: get('close[ordertype]'),
    closePrice: get('close[price]'),
    closePrice2: get('close[price2]'),
  };
}

const nowSec = () => Math.floor(Date.now() / 1000);

/** The pair's last trade: the reference of relative prices and trailing stops. */
function lastTick(account: Account, pairName: string | undefined): number | undefined {
  const named = lookupPair(pairName ?? '', account.market.listing);
  return named ? account.market.pair(named.spec.symbol)?.tape.last()?.tick : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

function descr(request: OrderRequest): JsonValue {
  const close = describeClose(request);
  return close === '' ? { order: describeOrder(request) } : { order: describeOrder(request), close };
}

/**
 * `AddOrder` → `{"descr":{"order":"buy 1.45 XBTUSD @ limit 27500.0"},"txid":["OU22CG-KLAF2-FWUDD7"]}`;
 * with `validate=true` only `descr` (nothing is placed). https://docs.kraken.com/api/docs/rest-api/add-order
 */
export const addOrder: PrivateHandler = ({ params, account }) => {
  const parsed = parseOrder(
    account.market.listing,
    fieldsOf((name) => params.get(name), params.get('pair')),
    nowSec(),
    lastTick(account, params.get('pair')),
  );
  if (!parsed.ok) return fail(parsed.error);
  const late = deadlineProblem(params.get('deadline'));
  if (late !== undefined) return fail(late);
  const validate = isTrue(params.get('validate'));
  const placed = placeOrder(account, parsed.value, validate);
  if (!placed.ok) return fail(placed.error);
  if (validate) return ok({ descr: descr(parsed.value) });
  return ok({ descr: descr(parsed.value), txid: [placed.order.txid] });
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Batch orders from a JSON body (`"orders":[{…}]`, as ccxt sends) or form fields `orders[0][volume]=…`. */
function batchOrders(params: Params, json: unknown): ((name: string) => string | undefined)[] | undefined {
  if (isObject(json)) {
    const orders = json.orders;
    if (!Array.isArray(orders)) return undefined;
    return orders.map((order) => (name: string) => {
      if (!isObject(order)) return undefined;
      const close = name.match(/^close\[(\w+)\]$/);
      if (close) return isObject(order.close) ? text(order.close[close[1] ?? '']) : undefined;
      return text(order[name]);
    });
  }
  const count = new Set(
    [...params.keys()].map((key) => /^orders\[(\d+)\]/.exec(key)?.[1]).filter((i) => i !== undefined),
  ).size;
  if (count === 0) return undefined;
  return Array.from(
    { length: count },
    (_, i) => (name: string) => params.get(`orders[${i}][${name.replace(/\[(\w+)\]$/, '][$1')}]`),
  );
}

/**
 * `AddOrderBatch` (2…15 orders, one pair): the whole batch is refused when any order fails validation;
 * funding failures are reported per order, in request order
 * (https://docs.kraken.com/api/docs/rest-api/add-order-batch).
 */
export const addOrderBatch: PrivateHandler = ({ params, json, account }) => {
  const pair = params.get('pair');
  if (!pair) return fail(invalidArguments('pair'));
  const orders = batchOrders(params, json);
  if (!orders || orders.length < 2 || orders.length > 15) return fail(invalidArguments('orders'));
  const requests: OrderRequest[] = [];
  for (const get of orders) {
    const parsed = parseOrder(account.market.listing, fieldsOf(get, pair), nowSec(), lastTick(account, pair));
    if (!parsed.ok) return fail(parsed.error);
    requests.push(parsed.value);
  }
  const late = deadlineProblem(params.get('deadline'));
  if (late !== undefined) return fail(late);
  const validate = isTrue(params.get('validate'));
  // Batch add costs n/2 on the pair's counter (spot-ratelimits), charged once for the batch.
  const results = requests.map((request, i) => {
    const placed = placeOrder(account, request, validate, i === 0 ? requests.length / 2 : 0);
    if (!placed.ok) return { error: placed.error };
    const description = descr(request);
    return validate ? { descr: description } : { txid: placed.order.txid, descr: description };
  });
  return ok({ orders: results });
};
