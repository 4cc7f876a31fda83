import type { JsonValue } from '../../json-raw.ts';
import { isOpen, type Order } from '../../trading/order.ts';
import type { Params } from '../params.ts';
import { fail, ok } from '../reply.ts';
import { invalidArguments, type PrivateHandler } from './context.ts';
import { renderOrder, renderTrade } from './render.ts';

/** Kraken pages ClosedOrders and TradesHistory by 50, newest first. */
const PAGE = 50;

function flag(params: Params, name: string): boolean {
  return params.get(name) === 'true' || params.get(name) === '1';
}

function matchesRefs(order: Order, params: Params): boolean {
  const userref = params.get('userref');
  if (userref !== undefined && userref !== '' && order.request.userref !== Number(userref)) return false;
  const clOrdId = params.get('cl_ord_id');
  return clOrdId === undefined || clOrdId === '' || order.request.clOrdId === clOrdId;
}

function offset(params: Params): number | undefined {
  const text = params.get('ofs') ?? '0';
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export const openOrders: PrivateHandler = ({ params, account }) => {
  const open: Record<string, JsonValue> = {};
  for (const order of account.engine.open()) {
    if (matchesRefs(order, params)) open[order.txid] = renderOrder(order, flag(params, 'trades'));
  }
  return ok({ open });
};

export const closedOrders: PrivateHandler = ({ params, account }) => {
  const ofs = offset(params);
  if (ofs === undefined) return fail(invalidArguments('ofs'));
  const closed = account.engine
    .all()
    .filter((order) => !isOpen(order) && matchesRefs(order, params))
    .sort((a, b) => Number((b.closeNs ?? 0n) - (a.closeNs ?? 0n)));
  const page: Record<string, JsonValue> = {};
  for (const order of closed.slice(ofs, ofs + PAGE))
    page[order.txid] = renderOrder(order, flag(params, 'trades'));
  return ok({ closed: page, count: closed.length });
};

/** `txid` (comma list, ≤ 50) is required; unknown ids are left out of the result. */
export const queryOrders: PrivateHandler = ({ params, account }) => {
  const ids = (params.get('txid') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > 50) return fail(invalidArguments('txid'));
  const result: Record<string, JsonValue> = {};
  for (const id of ids) {
    const order = account.engine.get(id);
    if (order && matchesRefs(order, params)) result[id] = renderOrder(order, flag(params, 'trades'));
  }
  return ok(result);
};

export const tradesHistory: PrivateHandler = ({ params, account }) => {
  const ofs = offset(params);
  if (ofs === undefined) return fail(invalidArguments('ofs'));
  const fills = [...account.engine.trades()].reverse();
  const trades: Record<string, JsonValue> = {};
  for (const fill of fills.slice(ofs, ofs + PAGE)) trades[fill.txid] = renderTrade(fill);
  return ok({ trades, count: fills.length });
};
