import { WebSocket } from 'ws';
import type { Account } from '../../account/account.ts';
import type { Exchange } from '../../account/exchange.ts';
import type { ApiKey, Permission } from '../../account/keys.ts';
import type { RestFaults } from '../../faults/rest-faults.ts';
import { type JsonValue, toJson } from '../../json-raw.ts';
import type { Logger } from '../../log.ts';
import type { SystemStatus } from '../../market/status-board.ts';
import type { EngineEvent } from '../../trading/engine.ts';
import { HEARTBEAT, statusMessage } from '../channels/status.ts';
import { corruptChecksum } from '../connection.ts';
import { errorReply, pongReply, successReply } from '../envelope.ts';
import { WsError } from '../errors.ts';
import {
  balancesSnapshot,
  executionsSnapshot,
  ledgerUpdate,
  type ReportFilter,
  rateCountOf,
  reportsFor,
} from './executions.ts';
import { WsTrading } from './trading.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Kraken's answer to a missing, unknown or expired token (ccxt maps it to AuthenticationError). */
export const INVALID_SESSION = 'ESession:Invalid session';

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
  /** The account whose feeds this connection subscribed to (a token's key decides it). */
  private account: Account | undefined;
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
    this.send(statusMessage(this.connectionId, this.exchange.market.status.system));
  }

  /** `POST /_sim/status` changed the system status: a `status` update, as on connect. */
  systemChanged(system: SystemStatus): void {
    this.send(statusMessage(this.connectionId, system));
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
  onEngineEvent(account: Account, event: EngineEvent): void {
    if (account !== this.account) return;
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
    const ratecount = subscription.rateCounter ? rateCountOf(account, event) : undefined;
    for (const report of reports) {
      subscription.sequence += 1;
      const data = ratecount !== undefined && isObject(report) ? { ...report, ratecount } : report;
      this.sendReport(
        toJson({ channel: 'executions', type: 'update', data: [data], sequence: subscription.sequence }),
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
    if (this.exchange.market.status.system === 'maintenance') {
      fail('EService:Unavailable');
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

  private trading(key: ApiKey): WsTrading {
    return new WsTrading(this.exchange.accountOf(key), this.faults);
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
        if (!this.can(key, 'modify-trades')) {
          fail('EGeneral:Permission denied');
          return;
        }
        if (method === 'add_order') this.trading(key).addOrder(params, reply, fail);
        else if (method === 'batch_add') this.trading(key).batchAdd(params, reply, fail);
        else this.trading(key).editOrder(params, reply, fail);
        return;
      case 'amend_order':
      case 'cancel_order':
      case 'cancel_all':
      case 'cancel_all_orders_after':
      case 'batch_cancel':
        if (!this.can(key, 'close-trades')) {
          fail('EGeneral:Permission denied');
          return;
        }
        this.trading(key).cancelMethods(method, params, reply, fail);
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
      if (!this.can(key, 'query-open-trades')) {
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
      this.account = this.exchange.accountOf(key);
      this.executions = { filter: params.order_status === false ? 'main' : 'all', rateCounter, sequence: 0 };
      reply({
        channel: 'executions',
        maxratecount: this.account.tradingLimiter.threshold / 100,
        snap_orders: snapOrders,
        snap_trades: snapTrades,
      });
      if (snapOrders || snapTrades) this.sendExecutionsSnapshot(snapOrders, snapTrades);
      return;
    }
    if (channel === 'balances') {
      if (!this.can(key, 'query-funds')) {
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
      this.account = this.exchange.accountOf(key);
      this.balances = { sequence: 0 };
      reply({ channel: 'balances', snapshot });
      if (snapshot) {
        this.balances.sequence += 1;
        const account = this.exchange.accountOf(key);
        this.send(
          toJson({
            channel: 'balances',
            type: 'snapshot',
            data: balancesSnapshot(account.market.listing.assets, (asset) => account.wallet.balance(asset)),
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
    const account = this.account;
    if (!subscription || !account) return;
    const data = executionsSnapshot(account, { orders, trades }, this.now());
    subscription.sequence += 1;
    this.send(toJson({ channel: 'executions', type: 'snapshot', data, sequence: subscription.sequence }));
  }
}
