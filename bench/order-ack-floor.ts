// The order-ack row's floor: the transports alone, without the extension. The library's own clients in Node
// (lib/kraken: the REST client with its signing, nonces and queue; the WS v2 session with its token) place
// resting limit orders on the same simulator, on an account of their own, and time each from the call to
// Kraken's answer with the order id. What the extension adds on top (the ticket, messaging, the re-check, the
// IndexedDB intent, the rendering) is the row's figure minus this one.
import { WebSocket as NodeWs } from 'ws';
import { createKrakenRest, createWsSession, type WebSocketLike, wsAddOrder } from '../lib/kraken/index.ts';
import type { AddOrderParams } from '../lib/kraken/rest/types-private.ts';
import type { SimProcess } from '../scripts/lib/sim-process.ts';

export interface Floor {
  ws: number[];
  rest: number[];
}

const nodeSocket = (url: string): WebSocketLike => new NodeWs(url) as unknown as WebSocketLike;

/** `n` orders each way, rotating over `orders` (REST pair names, volumes and prices as the ticket sends them). */
export async function transportFloor(sim: SimProcess, orders: AddOrderParams[], n: number): Promise<Floor> {
  const res = await fetch(`${sim.rest}/_sim/accounts`, { method: 'POST' });
  const account = (await res.json()) as { key: string; secret: string };
  const rest = createKrakenRest({
    baseUrl: sim.rest,
    credentials: { apiKey: account.key, secret: account.secret },
    retries: 0,
  });
  const session = createWsSession({
    url: sim.wsPrivate ?? '',
    createSocket: nodeSocket,
    token: async () => (await rest.getWebSocketsToken()).token,
  });
  session.start();
  try {
    const add = wsAddOrder(session);
    await new Promise<void>((resolve) => {
      if (session.getState().kind === 'live') resolve();
      session.on('state', (s) => s.kind === 'live' && resolve());
    });
    const timed = async (send: (p: AddOrderParams) => Promise<{ txid?: string[] }>, i: number) => {
      const params = { ...(orders[i % orders.length] as AddOrderParams), cl_ord_id: crypto.randomUUID() };
      const start = performance.now();
      const answer = await send(params);
      const ms = performance.now() - start;
      if (!answer.txid?.[0]) throw new Error('order-ack floor: an answer without an order id');
      return ms;
    };
    const ws: number[] = [];
    const restMs: number[] = [];
    // Alternating, so both see the same moment of a shared machine; the first of each warms its connection.
    for (let i = -1; i < n; i++) {
      const a = await timed(add, i + 1);
      const b = await timed((p) => rest.addOrder(p), i + 1);
      if (i >= 0) {
        ws.push(a);
        restMs.push(b);
      }
    }
    return { ws, rest: restMs };
  } finally {
    session.stop();
  }
}
