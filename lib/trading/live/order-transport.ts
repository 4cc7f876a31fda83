// Which way a live order goes: over the private WebSocket while it is live and authenticated (Kraken's advice
// for trading: one round trip, nothing to sign), over REST otherwise — both under the placer's intent, deadline
// and lookup-before-resend, and both waiting their turn in the same per-pair trading counter (a wait, never a
// refusal). Nothing leaves once the account is no longer the vault's and the endpoint's.
import {
  KrakenError,
  type KrakenRest,
  transportError,
  type WsSession,
  wsAddOrder,
} from '../../kraken/index.ts';
import type { AddOrderParams, AddOrderResult } from '../../kraken/rest/types-private.ts';

export interface OrderTransportDeps {
  rest: Pick<KrakenRest, 'addOrder' | 'tradingLimiter'>;
  session(): WsSession | null;
  ordersVia?(): 'websocket' | 'rest';
  isCurrent?(): boolean;
  /**
   * Whether the private socket can carry orders: open is not enough, its token must be had too (a key without
   * "WebSocket API", Kraken refusing GetWebSocketsToken). Default: yes.
   */
  wsUsable?(): boolean;
}

/**
 * The connection's token could not be had (GetWebSocketsToken failed): the session asks for it before it
 * writes the request (lib/kraken/ws/session.ts privateRequest), so nothing reached Kraken.
 */
export const tokenNeverCame = (error: unknown): boolean =>
  error instanceof KrakenError && error.endpoint === 'GetWebSocketsToken';

/** Whether the private socket carries orders now. */
export function viaWebSocket(
  deps: Pick<OrderTransportDeps, 'session' | 'ordersVia' | 'wsUsable'>,
): WsSession | null {
  const ws = deps.session();
  if ((deps.ordersVia?.() ?? 'websocket') !== 'websocket' || !ws) return null;
  return ws.getState().kind === 'live' && (deps.wsUsable?.() ?? true) ? ws : null;
}

export function orderTransport(deps: OrderTransportDeps) {
  async function overWs(
    ws: WsSession,
    params: AddOrderParams,
    signal?: AbortSignal,
  ): Promise<AddOrderResult> {
    const settle = await deps.rest.tradingLimiter.acquire(params.pair, 'add', undefined, signal);
    try {
      const result = await wsAddOrder(ws)(params);
      for (const txid of result.txid ?? []) deps.rest.tradingLimiter.remember(txid, params.pair);
      return result;
    } finally {
      settle();
    }
  }
  return async (params: AddOrderParams, signal?: AbortSignal): Promise<AddOrderResult> => {
    if (deps.isCurrent && !deps.isCurrent())
      throw transportError('AddOrder', 'not-sent', 'the live account changed');
    const ws = viaWebSocket(deps);
    if (!ws) return deps.rest.addOrder(params, { signal });
    try {
      return await overWs(ws, params, signal);
    } catch (error) {
      // Never sent over the socket: REST takes it now, under the same cl_ord_id and deadline.
      if (!tokenNeverCame(error)) throw error;
      if (deps.isCurrent && !deps.isCurrent())
        throw transportError('AddOrder', 'not-sent', 'the live account changed');
      return deps.rest.addOrder(params, { signal });
    }
  };
}
