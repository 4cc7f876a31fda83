import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Exchange } from '../../account/exchange.ts';
import type { RestFaults } from '../../faults/rest-faults.ts';
import type { Logger } from '../../log.ts';
import { newConnectionId } from '../channels/status.ts';
import { PrivateConnection } from './connection.ts';

const HEARTBEAT_MS = 1000;
const MAX_PAYLOAD = 64 * 1024;
const MALFORMED = ['{"channel":"executions","type":"update","data":[{"order_id":', 'not json', '[1,2'];

/** The authenticated WS v2 endpoint (`/v2-auth`): connections, engine fan-out, heartbeats, test controls. */
export class PrivateGateway {
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: MAX_PAYLOAD });
  private readonly connections = new Set<PrivateConnection>();
  private readonly heartbeatTimer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private heartbeats = true;

  constructor(
    private readonly exchange: Exchange,
    private readonly log: Logger,
    private readonly faults: RestFaults,
  ) {
    this.unsubscribe = exchange.engine.onEvent((event) => {
      for (const connection of this.connections) connection.onEngineEvent(event);
    });
    this.heartbeatTimer = setInterval(() => {
      if (!this.heartbeats) return;
      for (const connection of this.connections) connection.heartbeat();
    }, HEARTBEAT_MS);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const connection = new PrivateConnection(ws, this.exchange, newConnectionId(), this.log, this.faults);
    this.connections.add(connection);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) connection.onMessage(data.toString());
    });
    ws.on('ping', (data) => {
      if (!connection.isSilenced()) ws.pong(data);
    });
    ws.on('close', () => this.connections.delete(connection));
    ws.on('error', (error) => this.log(`ws-auth connection error: ${error.message}`));
    connection.start();
  }

  drop(): void {
    for (const connection of this.connections) connection.terminate();
    this.connections.clear();
  }

  silence(ms: number): void {
    for (const connection of this.connections) connection.silence(ms);
  }

  setHeartbeats(enabled: boolean): void {
    this.heartbeats = enabled;
  }

  corruptNextChecksum(): void {
    // No book on the private endpoint: nothing to corrupt.
  }

  sendMalformed(count: number): void {
    for (const connection of this.connections) {
      for (let i = 0; i < count; i += 1) connection.send(MALFORMED[i % MALFORMED.length] ?? 'x');
    }
  }

  close(): Promise<void> {
    clearInterval(this.heartbeatTimer);
    this.unsubscribe();
    this.drop();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
