import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log.ts';
import type { Market, MarketStep } from '../market/market.ts';
import { newConnectionId } from './channels/status.ts';
import { Connection } from './connection.ts';
import { StepFeed } from './step-feed.ts';

/** Heartbeats "about once per second" on connections with a subscription (SPEC §4.3, ccxt pro comment). */
const HEARTBEAT_MS = 1000;
/** Requests are small JSON objects; anything bigger is not a Kraken client. */
const MAX_PAYLOAD = 64 * 1024;

/** The public WS v2 endpoint (`/v2`): accepts upgrades, fans market steps out to connections. */
export class WsGateway {
  // autoPong off: protocol-level pongs must also stop while a connection is silenced.
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: MAX_PAYLOAD });
  private readonly connections = new Set<Connection>();
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private heartbeats = true;

  constructor(
    private readonly market: Market,
    private readonly log: Logger,
  ) {
    this.unsubscribe = market.onStep((step) => this.publish(step));
    this.heartbeatTimer = setInterval(() => {
      if (!this.heartbeats) return;
      for (const connection of this.connections) connection.heartbeat();
    }, HEARTBEAT_MS);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const connection = new Connection(ws, this.market, newConnectionId(), this.log);
    this.connections.add(connection);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) connection.onMessage(data.toString());
    });
    ws.on('ping', (data) => {
      if (!connection.isSilenced()) ws.pong(data);
    });
    ws.on('close', () => this.connections.delete(connection));
    ws.on('error', (error) => this.log(`ws connection error: ${error.message}`));
    connection.start();
  }

  private publish(step: MarketStep): void {
    if (this.connections.size === 0) return;
    const feed = new StepFeed(this.market, step);
    for (const connection of this.connections) connection.publish(feed);
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Test control: every connection dies at once, without close frames. */
  drop(): void {
    for (const connection of this.connections) connection.terminate();
    this.connections.clear();
  }

  /** Test control: existing connections send nothing for `ms`. */
  silence(ms: number): void {
    for (const connection of this.connections) connection.silence(ms);
  }

  /** Test control: heartbeats stop (or resume) on every connection; data keeps flowing. */
  setHeartbeats(enabled: boolean): void {
    this.heartbeats = enabled;
  }

  /** Test control: each connection's next book message carries a wrong checksum. */
  corruptNextChecksum(): void {
    for (const connection of this.connections) connection.corruptNextChecksum = true;
  }

  /** Test control: sends `count` malformed frames (truncated JSON, then non-JSON text) to every connection. */
  sendMalformed(count: number): void {
    const frames = [
      '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":',
      'not json',
      '[1,2',
      '{"channel":',
    ];
    for (const connection of this.connections) {
      for (let i = 0; i < count; i += 1) connection.send(frames[i % frames.length] ?? 'x');
    }
  }

  /** Benchmarks: sends `frames` to every connection subscribed to `symbol`'s book; returns frames sent. */
  flood(symbol: string, frames: readonly string[]): number {
    let sent = 0;
    for (const connection of this.connections) {
      if (!connection.hasBook(symbol)) continue;
      connection.sendBatch(frames);
      sent += frames.length;
    }
    return sent;
  }

  close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    this.unsubscribe();
    this.drop();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
