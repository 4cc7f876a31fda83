import type { WebSocket } from 'ws';
import type { Logger } from '../log.ts';
import type { Market, MarketStep } from '../market/market.ts';
import { newConnectionId } from './channels/status.ts';
import { Connection } from './connection.ts';
import { GatewayBase } from './gateway-base.ts';
import { StepFeed } from './step-feed.ts';

const MALFORMED = [
  '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":',
  'not json',
  '[1,2',
  '{"channel":',
];

/** The public WS v2 endpoint (`/v2`): fans market steps out to connections. */
export class WsGateway extends GatewayBase<Connection> {
  constructor(
    private readonly market: Market,
    log: Logger,
  ) {
    super(log, 'ws', MALFORMED);
    const stopSteps = market.onStep((step) => this.publish(step));
    const stopStatus = market.status.onChange((change) => {
      for (const connection of this.connections) connection.statusChanged(change);
    });
    this.stopFeed = () => {
      stopSteps();
      stopStatus();
    };
  }

  protected createConnection(ws: WebSocket): Connection {
    return new Connection(ws, this.market, newConnectionId(), this.log);
  }

  private publish(step: MarketStep): void {
    if (this.connections.size === 0) return;
    const feed = new StepFeed(this.market, step);
    for (const connection of this.connections) connection.publish(feed);
  }

  /** Test control: each connection's next book message carries a wrong checksum. */
  corruptNextChecksum(): void {
    for (const connection of this.connections) connection.corruptNextChecksum = true;
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
}
