// Which way a live order goes: over the private WebSocket while it is live (Kraken's advice for trading: one
// round trip, nothing to sign), over REST otherwise — both under the placer's intent, deadline and
// lookup-before-resend, and both waiting their turn in the same per-pair trading counter (a wait, never a
// refusal). Nothing leaves once the account is no longer the vault's and the endpoint's.
import { KrakenError, type KrakenRest, type WsSession, wsAddOrder } from '../../kraken/index.ts';
import type { AddOrderParams, AddOrderResult } from '../../kraken/rest/types-private.ts';

export interface OrderTransportDeps {
  rest: Pick<KrakenRest, 'addOrder' | 'tradingLimiter'>;
  session(): WsSession | null;
  ordersVia?(): 'websocket' | 'rest';
  isCurrent?(): boolean;
}

export function orderTransport(deps: OrderTransportDeps) {
  async function overWs(
    ws: WsSession,
    params: AddOrderParams,
    signal?: AbortSignal,
  ): Promise<AddOrderResult> {
    await deps.rest.tradingLimiter.acquire(params.pair, 'add', undefined, signal);
    const result = await wsAddOrder(ws)(params);
    for (const txid of result.txid ?? []) deps.rest.tradingLimiter.remember(txid, params.pair);
    return result;
  }
  return (params: AddOrderParams, signal?: AbortSignal): Promise<AddOrderResult> => {
    if (deps.isCurrent && !deps.isCurrent())
      return Promise.reject(KrakenError.transport('AddOrder', 'not-sent', 'the live account changed'));
    const ws = deps.session();
    if ((deps.ordersVia?.() ?? 'websocket') === 'websocket' && ws && ws.getState().kind === 'live')
      return overWs(ws, params, signal);
    return deps.rest.addOrder(params, { signal });
  };
}
