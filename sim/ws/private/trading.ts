import type { Account } from '../../account/account.ts';
import { fixed } from '../../decimal.ts';
import type { RestFaults } from '../../faults/rest-faults.ts';
import type { JsonValue } from '../../json-raw.ts';
import { rfc3339Seconds } from '../../time-format.ts';
import { type TriggerChange, triggerChange } from '../../trading/amend-trigger.ts';
import {
  amendOrder,
  cancelAll,
  cancelOrder,
  deadlineProblem,
  findOrders,
  placeOrder,
} from '../../trading/desk.ts';
import { OrderError } from '../../trading/engine.ts';
import { isOpen, isTrailing, type Order } from '../../trading/order.ts';
import { parseOrder } from '../../trading/order-params.ts';
import { WsError } from '../errors.ts';
import { numberText } from './numbers.ts';
import { priceField, priceType, wsOrderFields } from './order-fields.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export type Reply = (result: JsonValue) => void;
export type Fail = (error: string, symbol?: string) => void;

/**
 * The trading methods of the authenticated WS v2 endpoint (add_order, batch_add, edit_order, amend_order,
 * cancel_order, cancel_all, cancel_all_orders_after, batch_cancel) on one account, through the same desk
 * (engine and per-pair counter) as REST.
 */
export class WsTrading {
  constructor(
    private readonly account: Account,
    private readonly faults: RestFaults,
  ) {}

  private parse(order: Json, symbol: unknown) {
    if (typeof symbol !== 'string' || !this.account.market.listing.pair(symbol)) {
      return { ok: false as const, error: WsError.unknownSymbol(String(symbol)) };
    }
    const fields = wsOrderFields(order, symbol);
    if ('error' in fields) return { ok: false as const, error: fields.error };
    const lastTick = this.account.market.pair(symbol)?.tape.last()?.tick;
    return parseOrder(this.account.market.listing, fields, Math.floor(Date.now() / 1000), lastTick);
  }

  private idResult(order: Order): JsonValue {
    return {
      order_id: order.txid,
      cl_ord_id: order.request.clOrdId,
      order_userref: order.request.userref,
    };
  }

  addOrder(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const parsed = this.parse(params, params.symbol);
    if (!parsed.ok) {
      fail(parsed.error);
      return;
    }
    const late = deadlineProblem(typeof params.deadline === 'string' ? params.deadline : undefined);
    if (late !== undefined) {
      fail(late);
      return;
    }
    const placed = placeOrder(this.account, parsed.value, params.validate === true);
    if (!placed.ok) {
      fail(placed.error);
      return;
    }
    reply(this.idResult(placed.order));
  }

  batchAdd(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const orders = Array.isArray(params.orders) ? params.orders : [];
    if (orders.length < 2 || orders.length > 15) {
      fail('EGeneral:Invalid arguments:orders');
      return;
    }
    const parsed = [];
    for (const order of orders) {
      const one = this.parse(isObject(order) ? order : {}, params.symbol);
      if (!one.ok) {
        fail(one.error);
        return;
      }
      parsed.push(one.value);
    }
    const late = deadlineProblem(typeof params.deadline === 'string' ? params.deadline : undefined);
    if (late !== undefined) {
      fail(late);
      return;
    }
    const results = parsed.map((request, i) => {
      const placed = placeOrder(
        this.account,
        request,
        params.validate === true,
        i === 0 ? parsed.length / 2 : 0,
      );
      return placed.ok ? this.idResult(placed.order) : { error: placed.error };
    });
    reply(results);
  }

  editOrder(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const original =
      typeof params.order_id === 'string' ? this.account.engine.get(params.order_id) : undefined;
    if (!original || !isOpen(original)) {
      fail(OrderError.unknownOrder);
      return;
    }
    const request = original.request;
    const parsed = this.parse(
      {
        order_type: request.type,
        side: request.side,
        order_qty: params.order_qty ?? fixed(request.volume, request.pair.qtyDecimals),
        limit_price:
          params.limit_price ??
          (original.limitTick === undefined
            ? undefined
            : fixed(original.limitTick, request.pair.priceDecimals)),
        post_only: params.post_only ?? request.postOnly,
      },
      request.pair.symbol,
    );
    if (!parsed.ok) {
      fail(parsed.error);
      return;
    }
    this.account.engine.cancel(original);
    const placed = this.account.engine.place({
      ...parsed.value,
      userref: request.userref,
      feeInBase: request.feeInBase,
    });
    if (!placed.ok) {
      fail(placed.error);
      return;
    }
    reply({ order_id: placed.order.txid, original_order_id: original.txid });
  }

  cancelMethods(
    method: 'amend_order' | 'cancel_order' | 'cancel_all' | 'cancel_all_orders_after' | 'batch_cancel',
    params: Json,
    reply: (result: JsonValue) => void,
    fail: (error: string) => void,
  ): void {
    switch (method) {
      case 'amend_order':
        this.amend(params, reply, fail);
        return;
      case 'cancel_order': {
        // One response per order (https://docs.kraken.com/api/docs/websocket-v2/cancel_order).
        const ids = [
          ...(Array.isArray(params.order_id) ? params.order_id : []).map((id) => ({
            id: String(id),
            cl: undefined,
          })),
          ...(Array.isArray(params.order_userref) ? params.order_userref : []).map((id) => ({
            id: String(id),
            cl: undefined,
          })),
          ...(Array.isArray(params.cl_ord_id) ? params.cl_ord_id : []).map((id) => ({
            id: undefined,
            cl: String(id),
          })),
        ];
        if (ids.length === 0) {
          fail('EGeneral:Invalid arguments');
          return;
        }
        for (const { id, cl } of ids) {
          const orders = findOrders(this.account, id, cl).filter(isOpen);
          if (orders.length === 0) {
            fail(OrderError.unknownOrder);
            continue;
          }
          for (const order of orders) {
            cancelOrder(this.account, order);
            reply({ order_id: order.txid, cl_ord_id: order.request.clOrdId });
          }
        }
        return;
      }
      case 'cancel_all':
        reply({ count: cancelAll(this.account) });
        return;
      case 'cancel_all_orders_after': {
        if (this.faults.deadManFails()) {
          fail('EService:Unavailable');
          return;
        }
        const timeout = params.timeout;
        if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0 || timeout >= 86400) {
          fail('EGeneral:Invalid arguments:timeout');
          return;
        }
        const now = Date.now();
        const trigger = this.account.deadMan.arm(timeout, now);
        reply({
          currentTime: rfc3339Seconds(BigInt(now) * 1_000_000n),
          triggerTime: timeout === 0 ? '0' : rfc3339Seconds(BigInt(trigger) * 1_000_000n),
        });
        return;
      }
      case 'batch_cancel': {
        const ids = (Array.isArray(params.orders) ? params.orders : []).map(String);
        const cls = (Array.isArray(params.cl_ord_id) ? params.cl_ord_id : []).map(String);
        if (ids.length + cls.length < 1 || ids.length + cls.length > 50) {
          fail('EGeneral:Invalid arguments:orders');
          return;
        }
        let count = 0;
        for (const id of ids)
          for (const order of findOrders(this.account, id, undefined))
            if (cancelOrder(this.account, order)) count += 1;
        for (const cl of cls)
          for (const order of findOrders(this.account, undefined, cl))
            if (cancelOrder(this.account, order)) count += 1;
        reply({ count });
        return;
      }
      default: {
        const never: never = method;
        fail(`unknown method ${String(never)}`);
      }
    }
  }

  /**
   * amend_order's `trigger_price` with `trigger_price_type` (static, pct, quote; static by default), read as
   * add_order reads `triggers.price` (order-fields.ts) and then checked as REST AmendOrder's (amend-trigger.ts).
   */
  private triggerOf(order: Order, params: Json): TriggerChange | Record<string, never> | string {
    if (params.trigger_price === undefined) return {};
    const type = priceType(params.trigger_price_type);
    const trailing = isTrailing(order.request.type) ? 'trigger' : false;
    const text = type && priceField(params.trigger_price, type, trailing);
    if (!text) return 'EGeneral:Invalid arguments:trigger_price';
    const lastTick = this.account.market.pair(order.request.pair.symbol)?.tape.last()?.tick;
    return triggerChange(this.account.market.listing, order, text, Math.floor(Date.now() / 1000), lastTick);
  }

  amend(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const id = typeof params.order_id === 'string' ? params.order_id : undefined;
    const cl = typeof params.cl_ord_id === 'string' ? params.cl_ord_id : undefined;
    const order = findOrders(this.account, id, cl).find(isOpen);
    if (!order) {
      fail(OrderError.unknownOrder);
      return;
    }
    const spec = order.request.pair;
    const qty = params.order_qty === undefined ? undefined : numberText(params.order_qty);
    const limit = params.limit_price === undefined ? undefined : numberText(params.limit_price);
    if (params.order_qty !== undefined && qty === undefined) {
      fail('EGeneral:Invalid arguments:order_qty');
      return;
    }
    if (params.limit_price !== undefined && limit === undefined) {
      fail('EGeneral:Invalid arguments:limit_price');
      return;
    }
    const checked = parseOrder(
      this.account.market.listing,
      {
        pair: spec.restId,
        type: order.request.side,
        ordertype: 'limit',
        volume: qty ?? fixed(order.request.volume, spec.qtyDecimals),
        price: limit ?? fixed(order.limitTick ?? order.request.priceTick ?? 1, spec.priceDecimals),
      },
      Math.floor(Date.now() / 1000),
    );
    if (!checked.ok) {
      fail(checked.error.replace(':volume', ':order_qty').replace(':price', ':limit_price'));
      return;
    }
    const trigger = this.triggerOf(order, params);
    if (typeof trigger === 'string') {
      fail(trigger);
      return;
    }
    const problem = amendOrder(this.account, order, {
      volume: qty === undefined ? undefined : checked.value.volume,
      limitTick: limit === undefined ? undefined : checked.value.priceTick,
      ...trigger,
    });
    if (problem !== undefined) {
      fail(problem);
      return;
    }
    reply({ amend_id: order.amends.at(-1)?.amendId, order_id: id, cl_ord_id: cl });
  }
}
