import { WebSocket } from 'ws';
import type { Exchange } from '../../account/exchange.ts';
import type { ApiKey, Permission } from '../../account/keys.ts';
import { assetByV2 } from '../../data/assets.ts';
import { pairBySymbol } from '../../data/pairs.ts';
import { fixed } from '../../decimal.ts';
import type { RestFaults } from '../../faults/rest-faults.ts';
import { type JsonValue, toJson } from '../../json-raw.ts';
import type { Logger } from '../../log.ts';
import { rfc3339Seconds } from '../../time-format.ts';
import {
  amendOrder,
  cancelAll,
  cancelOrder,
  deadlineProblem,
  findOrders,
  placeOrder,
} from '../../trading/desk.ts';
import { type EngineEvent, OrderError } from '../../trading/engine.ts';
import { krakenId } from '../../trading/ids.ts';
import { isOpen, type Order } from '../../trading/order.ts';
import { parseOrder } from '../../trading/order-params.ts';
import { HEARTBEAT, statusMessage } from '../channels/status.ts';
import { corruptChecksum } from '../connection.ts';
import { errorReply, pongReply, successReply } from '../envelope.ts';
import { WsError } from '../errors.ts';
import {
  balancesSnapshot,
  ledgerUpdate,
  orderReport,
  type ReportFilter,
  reportsFor,
  snapshotTrade,
} from './executions.ts';
import { numberText } from './numbers.ts';
import { wsOrderFields } from './order-fields.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Kraken's answer to a missing, unknown or expired token (ccxt maps it to AuthenticationError). */
export const INVALID_SESSION = 'ESession:Invalid session';

/** Trades in an `executions` snapshot with `snap_trades` ("last 50 trades"). */
const SNAP_TRADES = 50;

interface ExecutionsSub {
  readonly filter: ReportFilter;
  readonly rateCounter: boolean;
  sequence: number;
}

/**
 * One client of the authenticated endpoint (`/v2-auth`, Kraken's wss://ws-auth.kraken.com/v2): private
 * channels `executions` and `balances`, and the trading methods. Every request carries a token from
 * GetWebSocketsToken; REST and WS share one engine, so REST orders show up on `executions` too.
 */
export class PrivateConnection {
  private executions: ExecutionsSub | undefined;
  private balances: { sequence: number } | undefined;
  private silencedUntil = 0;
  corruptNextChecksum = false;
  /**
   * While this connection's own request runs, its engine reports wait, so the method's reply goes out
   * first and the order's life follows on `executions` ("the ack only means accepted").
   */
  private deferred: string[] | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly exchange: Exchange,
    private readonly connectionId: bigint,
    private readonly log: Logger,
    private readonly faults: RestFaults,
  ) {}

  start(): void {
    this.send(statusMessage(this.connectionId));
  }

  silence(ms: number): void {
    this.silencedUntil = Math.max(this.silencedUntil, Date.now() + ms);
  }

  isSilenced(): boolean {
    return Date.now() < this.silencedUntil;
  }

  terminate(): void {
    this.socket.terminate();
  }

  private sendReport(text: string): void {
    if (this.deferred) this.deferred.push(text);
    else this.send(text);
  }

  send(text: string): void {
    if (this.socket.readyState !== WebSocket.OPEN || this.isSilenced()) return;
    this.socket.send(this.corruptNextChecksum && text.includes('"checksum"') ? corruptChecksum(text) : text);
  }

  heartbeat(): void {
    if (this.executions || this.balances) this.send(HEARTBEAT);
  }

  private now(): bigint {
    return this.exchange.market.nowNs();
  }

  /** Engine events fan out here: executions reports and balance ledger updates. */
  onEngineEvent(event: EngineEvent): void {
    if (event.kind === 'ledger') {
      if (!this.balances) return;
      this.balances.sequence += 1;
      this.sendReport(
        toJson({
          channel: 'balances',
          type: 'update',
          data: [ledgerUpdate(event)],
          sequence: this.balances.sequence,
        }),
      );
      return;
    }
    const subscription = this.executions;
    if (!subscription) return;
    const reports = reportsFor(event, this.now(), subscription.filter);
    for (const report of reports) {
      subscription.sequence += 1;
      this.sendReport(
        toJson({ channel: 'executions', type: 'update', data: [report], sequence: subscription.sequence }),
      );
    }
  }

  onMessage(text: string): void {
    const timeInNs = this.now();
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.log(`ws-auth: unparseable request ${text.slice(0, 80)}`);
      this.send(errorReply({ error: WsError.malformed }, { timeInNs, timeOutNs: this.now() }));
      return;
    }
    if (!isObject(message) || typeof message.method !== 'string') {
      this.send(errorReply({ error: WsError.malformed }, { timeInNs, timeOutNs: this.now() }));
      return;
    }
    const method = message.method;
    const reqId = typeof message.req_id === 'number' ? message.req_id : undefined;
    const params = isObject(message.params) ? message.params : {};
    const reply = (result: JsonValue) =>
      this.send(successReply(method, reqId, result, { timeInNs, timeOutNs: this.now() }));
    const fail = (error: string, symbol?: string) =>
      this.send(errorReply({ error, method, reqId, symbol }, { timeInNs, timeOutNs: this.now() }));
    if (method === 'ping') {
      this.send(pongReply(reqId, { timeInNs, timeOutNs: this.now() }));
      return;
    }
    const key = this.exchange.tokens.redeem(params.token);
    if (!key) {
      fail(INVALID_SESSION);
      return;
    }
    const lateMs = this.faults.takeLate(method);
    if (lateMs !== undefined) {
      // Fault: the connection dies at once; the order reaches the engine `lateMs` later, unanswered.
      this.log(`fault: ${method} held back ${lateMs} ms, connection terminated`);
      this.socket.terminate();
      setTimeout(
        () =>
          this.dispatch(
            method,
            params,
            key,
            () => {},
            () => {},
          ),
        lateMs,
      ).unref();
      return;
    }
    this.deferred = [];
    try {
      if (this.faults.takeDrop(method)) {
        // Fault: the order is applied, then the connection dies before the reply (idempotency tests).
        this.dispatch(
          method,
          params,
          key,
          () => {},
          () => {},
        );
        this.log(`fault: dropped the reply to ${method} and the connection`);
        this.socket.terminate();
        return;
      }
      this.dispatch(method, params, key, reply, fail);
    } finally {
      const reports = this.deferred;
      this.deferred = undefined;
      for (const report of reports) this.send(report);
    }
  }

  private can(key: ApiKey, permission: Permission): boolean {
    return key.permissions.has(permission);
  }

  private dispatch(
    method: string,
    params: Json,
    key: ApiKey,
    reply: (result: JsonValue) => void,
    fail: (error: string, symbol?: string) => void,
  ): void {
    switch (method) {
      case 'subscribe':
      case 'unsubscribe':
        this.subscription(method, params, key, reply, fail);
        return;
      case 'add_order':
      case 'batch_add':
      case 'edit_order':
        if (!this.can(key, 'orders-create')) {
          fail('EGeneral:Permission denied');
          return;
        }
        if (method === 'add_order') this.addOrder(params, reply, fail);
        else if (method === 'batch_add') this.batchAdd(params, reply, fail);
        else this.editOrder(params, reply, fail);
        return;
      case 'amend_order':
      case 'cancel_order':
      case 'cancel_all':
      case 'cancel_all_orders_after':
      case 'batch_cancel':
        if (!this.can(key, 'orders-cancel')) {
          fail('EGeneral:Permission denied');
          return;
        }
        this.cancelMethods(method, params, reply, fail);
        return;
      default:
        fail(WsError.unsupportedEvent);
    }
  }

  private subscription(
    method: 'subscribe' | 'unsubscribe',
    params: Json,
    key: ApiKey,
    reply: (result: JsonValue) => void,
    fail: (error: string) => void,
  ): void {
    const channel = params.channel;
    if (channel === 'executions') {
      if (!this.can(key, 'orders-query-open')) {
        fail('EGeneral:Permission denied');
        return;
      }
      if (method === 'unsubscribe') {
        if (!this.executions) {
          fail(WsError.notSubscribed);
          return;
        }
        this.executions = undefined;
        reply({ channel: 'executions' });
        return;
      }
      if (this.executions) {
        fail(WsError.alreadySubscribed);
        return;
      }
      const snapOrders = params.snap_orders !== false && params.snapshot !== false;
      const snapTrades = params.snap_trades === true || params.snapshot_trades === true;
      const rateCounter = params.ratecounter === true;
      this.executions = { filter: params.order_status === false ? 'main' : 'all', rateCounter, sequence: 0 };
      reply({
        channel: 'executions',
        maxratecount: this.exchange.tradingLimiter.threshold / 100,
        snap_orders: snapOrders,
        snap_trades: snapTrades,
      });
      if (snapOrders || snapTrades) this.sendExecutionsSnapshot(snapOrders, snapTrades);
      return;
    }
    if (channel === 'balances') {
      if (!this.can(key, 'funds-query')) {
        fail('EGeneral:Permission denied');
        return;
      }
      if (method === 'unsubscribe') {
        if (!this.balances) {
          fail(WsError.notSubscribed);
          return;
        }
        this.balances = undefined;
        reply({ channel: 'balances' });
        return;
      }
      if (this.balances) {
        fail(WsError.alreadySubscribed);
        return;
      }
      const snapshot = params.snapshot !== false;
      this.balances = { sequence: 0 };
      reply({ channel: 'balances', snapshot });
      if (snapshot) {
        this.balances.sequence += 1;
        const wallet = this.exchange.wallet;
        this.send(
          toJson({
            channel: 'balances',
            type: 'snapshot',
            data: balancesSnapshot((v2) => wallet.balance(assetByV2(v2))),
            sequence: this.balances.sequence,
          }),
        );
      }
      return;
    }
    if (channel === 'level3') {
      fail(WsError.unsupportedEvent);
      return;
    }
    // Public channels are served on the public endpoint (/v2) in the simulator.
    fail(WsError.unsupportedEvent);
  }

  private sendExecutionsSnapshot(orders: boolean, trades: boolean): void {
    const subscription = this.executions;
    if (!subscription) return;
    const nowNs = this.now();
    const data: JsonValue[] = [];
    if (trades)
      for (const fill of this.exchange.engine.trades().slice(-SNAP_TRADES)) data.push(snapshotTrade(fill));
    if (orders) {
      for (const order of this.exchange.engine.open()) {
        data.push(orderReport(order, 'new', order.filled > 0n ? 'partially_filled' : 'new', nowNs));
      }
    }
    subscription.sequence += 1;
    this.send(toJson({ channel: 'executions', type: 'snapshot', data, sequence: subscription.sequence }));
  }

  // ---- trading ----

  private parse(order: Json, symbol: unknown) {
    if (typeof symbol !== 'string' || !pairBySymbol(symbol)) {
      return { ok: false as const, error: WsError.unknownSymbol(String(symbol)) };
    }
    const fields = wsOrderFields(order, symbol);
    if ('error' in fields) return { ok: false as const, error: fields.error };
    return parseOrder(fields, Math.floor(Date.now() / 1000));
  }

  private idResult(order: Order): JsonValue {
    return {
      order_id: order.txid,
      cl_ord_id: order.request.clOrdId,
      order_userref: order.request.userref,
    };
  }

  private addOrder(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
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
    const placed = placeOrder(this.exchange, parsed.value, params.validate === true);
    if (!placed.ok) {
      fail(placed.error);
      return;
    }
    reply(this.idResult(placed.order));
  }

  private batchAdd(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
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
        this.exchange,
        request,
        params.validate === true,
        i === 0 ? parsed.length / 2 : 0,
      );
      return placed.ok ? this.idResult(placed.order) : { error: placed.error };
    });
    reply(results);
  }

  private editOrder(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const original =
      typeof params.order_id === 'string' ? this.exchange.engine.get(params.order_id) : undefined;
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
    this.exchange.engine.cancel(original);
    const placed = this.exchange.engine.place({
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

  private cancelMethods(
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
          const orders = findOrders(this.exchange, id, cl).filter(isOpen);
          if (orders.length === 0) {
            fail(OrderError.unknownOrder);
            continue;
          }
          for (const order of orders) {
            cancelOrder(this.exchange, order);
            reply({ order_id: order.txid, cl_ord_id: order.request.clOrdId });
          }
        }
        return;
      }
      case 'cancel_all':
        reply({ count: cancelAll(this.exchange) });
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
        const trigger = this.exchange.deadMan.arm(timeout, now);
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
          for (const order of findOrders(this.exchange, id, undefined))
            if (cancelOrder(this.exchange, order)) count += 1;
        for (const cl of cls)
          for (const order of findOrders(this.exchange, undefined, cl))
            if (cancelOrder(this.exchange, order)) count += 1;
        reply({ count });
        return;
      }
      default: {
        const never: never = method;
        fail(`unknown method ${String(never)}`);
      }
    }
  }

  private amend(params: Json, reply: (result: JsonValue) => void, fail: (error: string) => void): void {
    const id = typeof params.order_id === 'string' ? params.order_id : undefined;
    const cl = typeof params.cl_ord_id === 'string' ? params.cl_ord_id : undefined;
    const order = findOrders(this.exchange, id, cl).find(isOpen);
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
    const problem = amendOrder(this.exchange, order, {
      volume: qty === undefined ? undefined : checked.value.volume,
      limitTick: limit === undefined ? undefined : checked.value.priceTick,
    });
    if (problem !== undefined) {
      fail(problem);
      return;
    }
    reply({ amend_id: krakenId('T'), order_id: id, cl_ord_id: cl });
  }
}
