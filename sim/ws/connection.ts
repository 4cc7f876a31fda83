import { WebSocket } from 'ws';
import { assertNever } from '../assert-never.ts';
import type { Logger } from '../log.ts';
import type { Market } from '../market/market.ts';
import type { StatusChange } from '../market/status-board.ts';
import { subscribeResult, unsubscribeResult } from './acks.ts';
import { bookSnapshot } from './channels/book.ts';
import { instrumentSnapshot, instrumentStatusUpdate } from './channels/instrument.ts';
import { ohlcMessage } from './channels/ohlc.ts';
import { HEARTBEAT, statusMessage } from './channels/status.ts';
import { tickerMessage } from './channels/ticker.ts';
import { tradeMessage } from './channels/trade.ts';
import { type ErrorDetails, errorReply, pongReply, successReply } from './envelope.ts';
import { WsError } from './errors.ts';
import { type ChannelRequest, parseRequest } from './requests.ts';
import type { StepFeed } from './step-feed.ts';
import { type Subscription, subscriptionKey, subscriptionsOf } from './subscription.ts';

/** Trades in a `trade` snapshot (docs: "snapshot … last 50 trades"). */
const TRADE_SNAPSHOT = 50;

/** Flips the low bit of a book message's checksum (stays a valid u32). */
export function corruptChecksum(message: string): string {
  return message.replace(
    /"checksum":(\d+)/,
    (_, digits: string) => `"checksum":${(Number(digits) ^ 1) >>> 0}`,
  );
}

/** One client of the public WS v2 endpoint: its subscriptions, replies and (test-controlled) silence. */
export class Connection {
  private readonly subs = new Map<string, Subscription>();
  private silencedUntil = 0;
  /** Test control: the next book message goes out with a wrong checksum. */
  corruptNextChecksum = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly market: Market,
    private readonly connectionId: bigint,
    private readonly log: Logger,
  ) {}

  /** The `status` message Kraken sends as soon as a connection opens. */
  start(): void {
    this.send(statusMessage(this.connectionId, this.market.status.system));
  }

  /** `POST /_sim/status`: a `status` update (system) or an `instrument` update (pair) to subscribers. */
  statusChanged(change: StatusChange): void {
    if (change.kind === 'system') {
      this.send(statusMessage(this.connectionId, change.status));
      return;
    }
    if (![...this.subs.values()].some((sub) => sub.channel === 'instrument')) return;
    const update = instrumentStatusUpdate(this.market.listing, change.symbol, change.status);
    if (update !== undefined) this.send(update);
  }

  /** True if this connection has a book subscription for `symbol` (benchmark floods go only there). */
  hasBook(symbol: string): boolean {
    for (const sub of this.subs.values()) if (sub.channel === 'book' && sub.symbol === symbol) return true;
    return false;
  }

  get subscriptionCount(): number {
    return this.subs.size;
  }

  /** Drops every outgoing frame (data, heartbeats, pongs) for `ms`, as if the network stalled. */
  silence(ms: number): void {
    this.silencedUntil = Math.max(this.silencedUntil, Date.now() + ms);
  }

  isSilenced(): boolean {
    return Date.now() < this.silencedUntil;
  }

  /** An abrupt network drop: no close frame. */
  terminate(): void {
    this.socket.terminate();
  }

  send(text: string): void {
    if (this.socket.readyState !== WebSocket.OPEN || this.isSilenced()) return;
    this.socket.send(text);
  }

  /**
   * Sends many frames in one go (benchmark floods): the TCP socket is corked so the frames leave in a few
   * large writes instead of one syscall each. `_socket` is ws's documented-in-source handle on the net.Socket.
   */
  sendBatch(frames: readonly string[]): void {
    if (this.socket.readyState !== WebSocket.OPEN || this.isSilenced()) return;
    const tcp = (this.socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    tcp?.cork();
    for (const frame of frames) this.socket.send(frame);
    tcp?.uncork();
  }

  heartbeat(): void {
    if (this.subs.size > 0) this.send(HEARTBEAT);
  }

  publish(feed: StepFeed): void {
    for (const sub of this.subs.values()) {
      let message = this.updateFor(sub, feed);
      if (message !== undefined && sub.channel === 'book' && this.corruptNextChecksum) {
        this.corruptNextChecksum = false;
        message = corruptChecksum(message);
      }
      if (message !== undefined) this.send(message);
    }
  }

  private updateFor(sub: Subscription, feed: StepFeed): string | undefined {
    switch (sub.channel) {
      case 'ticker':
        return feed.ticker(sub.symbol, sub.eventTrigger);
      case 'book':
        return feed.book(sub.symbol, sub.depth);
      case 'trade':
        return feed.trade(sub.symbol);
      case 'ohlc':
        return feed.ohlc(sub.symbol, sub.interval);
      case 'instrument':
        return undefined;
      default:
        return assertNever(sub);
    }
  }

  onMessage(text: string): void {
    const timeInNs = this.market.nowNs();
    const request = parseRequest(text);
    switch (request.kind) {
      case 'ping':
        this.send(pongReply(request.reqId, { timeInNs, timeOutNs: this.market.nowNs() }));
        return;
      case 'invalid':
        this.log(`ws request rejected: ${request.error}`);
        this.sendError({ error: request.error, method: request.method, reqId: request.reqId }, timeInNs);
        return;
      case 'subscription':
        if (request.method === 'subscribe') this.subscribe(request.request, request.reqId, timeInNs);
        else this.unsubscribe(request.request, request.reqId, timeInNs);
        return;
      default:
        assertNever(request);
    }
  }

  private sendError(details: ErrorDetails, timeInNs: bigint): void {
    this.send(errorReply(details, { timeInNs, timeOutNs: this.market.nowNs() }));
  }

  private symbolProblem(sub: Subscription): string | undefined {
    if (sub.channel === 'instrument') return undefined;
    return this.market.listing.pair(sub.symbol) ? undefined : WsError.unknownSymbol(sub.symbol);
  }

  /** One ack per symbol, each followed by its snapshot (as in the recorded ETH/USD book session). */
  private subscribe(request: ChannelRequest, reqId: number | undefined, timeInNs: bigint): void {
    for (const sub of subscriptionsOf(request)) {
      const symbol = sub.channel === 'instrument' ? undefined : sub.symbol;
      const problem =
        this.symbolProblem(sub) ??
        (this.subs.has(subscriptionKey(sub)) ? WsError.alreadySubscribed : undefined);
      if (problem !== undefined) {
        this.sendError({ error: problem, method: 'subscribe', reqId, symbol }, timeInNs);
        continue;
      }
      this.subs.set(subscriptionKey(sub), sub);
      const times = { timeInNs, timeOutNs: this.market.nowNs() };
      this.send(successReply('subscribe', reqId, subscribeResult(sub, request.snapshot), times));
      if (request.snapshot) {
        const snapshot = this.snapshotFor(sub);
        if (snapshot !== undefined) this.send(snapshot);
      }
    }
  }

  private unsubscribe(request: ChannelRequest, reqId: number | undefined, timeInNs: bigint): void {
    for (const sub of subscriptionsOf(request)) {
      const symbol = sub.channel === 'instrument' ? undefined : sub.symbol;
      const key = subscriptionKey(sub);
      const existing = this.subs.get(key);
      const problem = this.symbolProblem(sub) ?? (existing ? undefined : WsError.notSubscribed);
      if (problem !== undefined || !existing) {
        this.sendError(
          { error: problem ?? WsError.notSubscribed, method: 'unsubscribe', reqId, symbol },
          timeInNs,
        );
        continue;
      }
      this.subs.delete(key);
      const times = { timeInNs, timeOutNs: this.market.nowNs() };
      this.send(successReply('unsubscribe', reqId, unsubscribeResult(existing), times));
    }
  }

  private snapshotFor(sub: Subscription): string | undefined {
    if (sub.channel === 'instrument') return instrumentSnapshot(this.market.listing);
    const pair = this.market.pair(sub.symbol);
    if (!pair) return undefined;
    const nowNs = this.market.nowNs();
    switch (sub.channel) {
      case 'ticker':
        return tickerMessage(pair, 'snapshot', nowNs);
      case 'book':
        return bookSnapshot(pair.spec, pair.book, sub.depth, nowNs);
      case 'trade':
        return tradeMessage(pair.spec, pair.tape.recent(TRADE_SNAPSHOT), 'snapshot');
      case 'ohlc':
        return ohlcMessage(pair, sub.interval, 'snapshot', nowNs);
      default:
        return assertNever(sub);
    }
  }
}
