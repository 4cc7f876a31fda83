import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createKrakenRest,
  createOrdersTracker,
  createTokenSource,
  createWsSession,
  type Fill,
  type WsSession,
} from '../../lib/kraken/index.ts';
import type { SimHandle } from '../../sim/server.ts';
import { nodeSocket, withSim } from '../support/sim.ts';

describe('private WebSocket v2 against the simulator', () => {
  let sim: SimHandle;
  const sessions: WsSession[] = [];
  beforeAll(async () => {
    sim = await withSim({ stepMs: 100 });
  });
  afterAll(async () => sim.close());
  afterEach(() => {
    for (const s of sessions.splice(0)) s.stop();
  });

  const rest = () =>
    createKrakenRest({
      baseUrl: sim.rest,
      credentials: { apiKey: sim.apiKey ?? '', secret: sim.apiSecret ?? '' },
    });

  function privateSession(token: () => Promise<string>) {
    if (!sim.wsPrivate) throw new Error('the simulator has no private endpoint');
    const session = createWsSession({ url: sim.wsPrivate, createSocket: nodeSocket, token });
    sessions.push(session);
    const tracker = createOrdersTracker();
    const fills: Fill[] = [];
    session.on('data', (m) => {
      if (m.channel === 'other' && m.name === 'executions') fills.push(...tracker.apply(m.raw));
    });
    session.subscribe({ channel: 'executions' });
    session.start();
    return { session, tracker, fills };
  }

  it('GetWebSocketsToken is single-flight: concurrent callers share one request', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const [a, b, c] = await Promise.all([source.fresh(), source.fresh(), source.fresh()]);
    expect(source.requests).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    await source.fresh();
    expect(source.requests).toBe(2); // a new connection gets a fresh token
  });

  it('an order placed over WS shows up in executions and the open-orders map, and leaves it when cancelled', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session, tracker } = privateSession(() => source.fresh());
    await expect.poll(() => session.getState().kind).toBe('live');
    const ack = await session.privateRequest('add_order', {
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.001,
      symbol: 'BTC/USD',
      limit_price: 50_000,
      cl_ord_id: 'ws-rest-1',
    });
    expect(ack).toMatchObject({
      method: 'add_order',
      success: true,
      result: { order_id: expect.any(String) },
    });
    const orderId = (ack.result as { order_id: string }).order_id;
    await expect.poll(() => tracker.get(orderId)?.order_status).toBe('new');
    expect(tracker.get(orderId)).toMatchObject({ symbol: 'BTC/USD', side: 'buy', cl_ord_id: 'ws-rest-1' });
    await session.privateRequest('cancel_order', { order_id: [orderId] });
    await expect.poll(() => tracker.get(orderId)).toBeUndefined();
  });

  it('a market order fills: fills are reported and the order never stays open', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session, tracker, fills } = privateSession(() => source.fresh());
    await expect.poll(() => session.getState().kind).toBe('live');
    const ack = await session.privateRequest('add_order', {
      order_type: 'market',
      side: 'buy',
      order_qty: 0.01,
      symbol: 'ETH/USD',
    });
    const orderId = (ack.result as { order_id: string }).order_id;
    await expect.poll(() => fills.filter((f) => f.order_id === orderId).length).toBeGreaterThan(0);
    const filled = fills.filter((f) => f.order_id === orderId).reduce((q, f) => q + f.last_qty, 0);
    expect(filled).toBeCloseTo(0.01, 8);
    expect(fills[0]).toMatchObject({ symbol: 'ETH/USD', side: 'buy', liquidity_ind: 't' });
    await expect.poll(() => tracker.get(orderId)).toBeUndefined();
  });

  it('a refused token is refetched once (ESession:Invalid session)', async () => {
    let calls = 0;
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session, tracker } = privateSession(async () => {
      calls += 1;
      return calls === 1 ? 'not-a-real-token' : source.fresh();
    });
    await expect.poll(() => session.getState().kind).toBe('live');
    const ack = await session.privateRequest('add_order', {
      order_type: 'limit',
      side: 'sell',
      order_qty: 0.001,
      symbol: 'BTC/USD',
      limit_price: 500_000,
    });
    expect(ack.success).toBe(true);
    expect(calls).toBe(2);
    await expect.poll(() => tracker.openOrders().length).toBeGreaterThan(0);
  });
});
