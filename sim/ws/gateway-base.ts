import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { ControlledGateway } from '../http/control.ts';
import type { Logger } from '../log.ts';

/** Heartbeats "about once per second" on connections with a subscription (SPEC §4.3, ccxt pro comment). */
const HEARTBEAT_MS = 1000;
/** Requests are small JSON objects; anything bigger is not a Kraken client. */
const MAX_PAYLOAD = 64 * 1024;

/** What a gateway needs of one of its connections (public or private). */
export interface GatewayConnection {
  start(): void;
  onMessage(text: string): void;
  isSilenced(): boolean;
  silence(ms: number): void;
  terminate(): void;
  send(text: string): void;
  heartbeat(): void;
}

/**
 * What the public (`/v2`) and private (`/v2-auth`) endpoints share: accepting upgrades, the connection set,
 * heartbeats, and the test controls (drop, silence, heartbeats off, malformed frames).
 */
export abstract class GatewayBase<C extends GatewayConnection> implements ControlledGateway {
  // autoPong off: protocol-level pongs must also stop while a connection is silenced.
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: MAX_PAYLOAD });
  protected readonly connections = new Set<C>();
  private readonly heartbeatTimer: NodeJS.Timeout;
  private heartbeats = true;
  /** Set by the subclass: stops its feed (market steps, engine events) on close. */
  protected stopFeed: () => void = () => {};

  constructor(
    protected readonly log: Logger,
    /** For log lines: "ws", "ws-auth". */
    private readonly label: string,
    /** What sendMalformed sends, in turn. */
    private readonly malformed: readonly string[],
  ) {
    this.heartbeatTimer = setInterval(() => {
      if (!this.heartbeats) return;
      for (const connection of this.connections) connection.heartbeat();
    }, HEARTBEAT_MS);
  }

  protected abstract createConnection(ws: WebSocket): C;

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const connection = this.createConnection(ws);
    this.connections.add(connection);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) connection.onMessage(data.toString());
    });
    ws.on('ping', (data) => {
      if (!connection.isSilenced()) ws.pong(data);
    });
    ws.on('close', () => this.connections.delete(connection));
    ws.on('error', (error) => this.log(`${this.label} connection error: ${error.message}`));
    connection.start();
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

  abstract corruptNextChecksum(): void;

  /** Test control: sends `count` malformed frames (truncated JSON, then non-JSON text) to every connection. */
  sendMalformed(count: number): void {
    for (const connection of this.connections) {
      for (let i = 0; i < count; i += 1) connection.send(this.malformed[i % this.malformed.length] ?? 'x');
    }
  }

  close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    this.stopFeed();
    this.drop();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
