import type { WebSocket } from 'ws';
import type { Exchange } from '../../account/exchange.ts';
import type { RestFaults } from '../../faults/rest-faults.ts';
import type { Logger } from '../../log.ts';
import { newConnectionId } from '../channels/status.ts';
import { GatewayBase } from '../gateway-base.ts';
import { PrivateConnection } from './connection.ts';

const MALFORMED = ['{"channel":"executions","type":"update","data":[{"order_id":', 'not json', '[1,2'];

/** The authenticated WS v2 endpoint (`/v2-auth`): connections fed by the matching engine's events. */
export class PrivateGateway extends GatewayBase<PrivateConnection> {
  constructor(
    private readonly exchange: Exchange,
    log: Logger,
    private readonly faults: RestFaults,
  ) {
    super(log, 'ws-auth', MALFORMED);
    const stopEvents = exchange.onEngineEvent((account, event) => {
      for (const connection of this.connections) connection.onEngineEvent(account, event);
    });
    const stopStatus = exchange.market.status.onChange((change) => {
      if (change.kind !== 'system') return;
      for (const connection of this.connections) connection.systemChanged(change.status);
    });
    this.stopFeed = () => {
      stopEvents();
      stopStatus();
    };
  }

  protected createConnection(ws: WebSocket): PrivateConnection {
    return new PrivateConnection(ws, this.exchange, newConnectionId(), this.log, this.faults);
  }

  corruptNextChecksum(): void {
    // No book on the private endpoint: nothing to corrupt.
  }
}
