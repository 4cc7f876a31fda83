import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AddOrderParams,
  createBalancesTracker,
  createKrakenRest,
  createOrderPlacer,
  createOrdersTracker,
  createTokenSource,
  createWsSession,
  type Fill,
  memoryIntentStore,
  type OrderIntent,
  toWsOrder,
  type WsSession,
  wsAddOrder,
  wsAmendOrder,
} from '../../lib/kraken/index.ts';
import { type SimHandle, startSimulator } from '../../sim/server.ts';
import { nodeSocket, simControl, withSim } from '../support/sim.ts';

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
      if (m.channel === 'executions') fills.push(...tracker.apply(m));
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

  it('orders placed over WS are never sent twice: 60 intents under 30 % dropped answers → exactly 60 orders', async () => {
    // Pro tier with a relaxed REST counter: each dropped answer costs a reconnect (a new token) and a lookup.
    const strict = await startSimulator({
      port: 0,
      host: '127.0.0.1',
      stepMs: 100,
      tier: 'pro',
      rateLimit: 'relaxed',
    });
    // The simulator's limits are relaxed for this run; our client's counters match them (the nonce stays strict).
    const rest = createKrakenRest({
      baseUrl: strict.rest,
      credentials: { apiKey: strict.apiKey ?? '', secret: strict.apiSecret ?? '' },
      tier: 'pro',
      restLimits: { max: 2000, decayPerSecond: 100 },
      tradingLimits: { max: 18_000, decayPerSecond: 375 },
    });
    const tokens = createTokenSource(() => rest.getWebSocketsToken());
    const session = createWsSession({
      url: strict.wsPrivate ?? '',
      createSocket: nodeSocket,
      token: () => tokens.fresh(),
      backoff: { baseMs: 20, capMs: 100, floorMs: 5 },
    });
    sessions.push(session);
    session.start();
    try {
      await expect.poll(() => session.getState().kind).toBe('live');
      const placer = createOrderPlacer({
        rest,
        store: memoryIntentStore(),
        clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) },
        account: { keyId: 'ws', keyVersion: 1, endpoint: strict.rest },
        send: (p) => wsAddOrder(session)(p),
        settleMarginMs: 0,
        maxAttempts: 60,
      });
      await simControl(strict, 'faults', { dropOrderResponses: { probability: 0.3 } });
      const intents: OrderIntent[] = [];
      for (let i = 0; i < 60; i++) {
        intents.push(
          await placer.place({
            pair: 'BTC/USD',
            type: 'buy',
            ordertype: 'limit',
            volume: '0.0001',
            price: `${40000 + i}.0`,
          }),
        );
      }
      await simControl(strict, 'faults/clear');
      expect(intents.every((i) => i.state === 'placed')).toBe(true);
      expect(intents.filter((i) => i.attempts > 1 || i.error !== undefined).length).toBeGreaterThan(5);
      const open = Object.values((await rest.openOrders()).open);
      const ours = open.filter((o) => intents.some((i) => i.clOrdId === o.cl_ord_id));
      expect(ours).toHaveLength(60);
      expect(new Set(ours.map((o) => o.cl_ord_id)).size).toBe(60);
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('maps REST order parameters to WS v2 and refuses what it cannot send exactly', () => {
    expect(
      toWsOrder({
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'limit',
        volume: '0.12345678',
        price: '97000.1',
        oflags: ['post'],
        timeinforce: 'GTC',
        cl_ord_id: 'x1',
      }),
    ).toEqual({
      order_type: 'limit',
      side: 'sell',
      order_qty: 0.12345678,
      symbol: 'BTC/USD',
      limit_price: 97000.1,
      post_only: true,
      time_in_force: 'gtc',
      cl_ord_id: 'x1',
    });
    expect(() =>
      toWsOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'settle-position' as never, volume: '1' }),
    ).toThrow(/use REST/);
    expect(() =>
      toWsOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'stop-loss', volume: '1', price: '#5' }),
    ).toThrow(/not a price/);
    expect(() => toWsOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '1e-3' })).toThrow(
      RangeError,
    );
    expect(() =>
      toWsOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.1234567890123456' }),
    ).toThrow(/15 significant/);
  });

  /** A simulator of its own at the Pro tier: these tests place many orders (the shared one's trading counter is Starter). */
  async function proSession() {
    const own = await startSimulator({ port: 0, tier: 'pro', seed: 11, stepMs: 0 });
    const r = createKrakenRest({
      baseUrl: own.rest,
      credentials: { apiKey: own.apiKey ?? '', secret: own.apiSecret ?? '' },
      tier: 'pro',
    });
    const source = createTokenSource(() => r.getWebSocketsToken());
    const session = createWsSession({
      url: own.wsPrivate ?? '',
      createSocket: nodeSocket,
      token: () => source.fresh(),
    });
    sessions.push(session);
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    return { own, r, session };
  }

  it('every order type the ticket sends reads the same at the exchange whether sent over WS or REST', async () => {
    const { own, r, session } = await proSession();
    const cases: AddOrderParams[] = [
      { pair: 'XBTUSD', type: 'sell', ordertype: 'stop-loss', volume: '0.001', price: '20000.0' },
      {
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'stop-loss-limit',
        volume: '0.001',
        price: '20000.0',
        price2: '19900.0',
      },
      { pair: 'XBTUSD', type: 'sell', ordertype: 'take-profit', volume: '0.001', price: '500000.0' },
      {
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'take-profit-limit',
        volume: '0.001',
        price: '500000.0',
        price2: '499000.0',
      },
      { pair: 'XBTUSD', type: 'sell', ordertype: 'trailing-stop', volume: '0.001', price: '+5%' },
      { pair: 'XBTUSD', type: 'sell', ordertype: 'trailing-stop', volume: '0.001', price: '+500' },
      {
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'trailing-stop-limit',
        volume: '0.001',
        price: '+5%',
        price2: '-10',
      },
      {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.001',
        price: '30000.0',
        timeinforce: 'GTD',
        expiretm: String(Math.floor(Date.now() / 1000) + 3600),
      },
      {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.001',
        price: '30000.0',
        close: { ordertype: 'stop-loss-limit', price: '25000.0', price2: '24900.0' },
      },
    ];
    const seen = async (txid: string) => {
      const o = (await r.queryOrders({ txid: [txid] }))[txid];
      return {
        descr: { ...o?.descr, order: undefined, pair: undefined },
        expiretm: o?.expiretm && Math.round(Number(o.expiretm)),
      };
    };
    try {
      for (const c of cases) {
        const viaRest = await r.addOrder(c);
        const viaWs = await wsAddOrder(session)(c);
        const [a, b] = [viaRest.txid?.[0] ?? '', viaWs.txid?.[0] ?? ''];
        expect(await seen(b), `${c.ordertype} ${c.price}`).toEqual(await seen(a));
      }
    } finally {
      await own.close();
    }
  });

  it('amend over WS keeps the order id and is listed in its amend history', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session } = privateSession(() => source.fresh());
    await expect.poll(() => session.getState().kind).toBe('live');
    const placed = await rest().addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.001',
      price: '30000.0',
    });
    const txid = placed.txid?.[0] ?? '';
    const { amend_id } = await wsAmendOrder(session)({ txid, limit_price: '30100.0', order_qty: '0.002' });
    expect(amend_id).not.toBe('');
    const open = (await rest().openOrders()).open[txid];
    expect([open?.descr.price, open?.vol]).toEqual(['30100.0', '0.00200000']);
    const history = await rest().orderAmends({ order_id: txid });
    expect(history.amends.map((a) => a.amend_type)).toEqual(['original', 'user']);
    await rest().cancelOrder({ txid });
  });

  it('balances fold into a map that moves with a fill; several cancels each get their own answer', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session } = privateSession(() => source.fresh());
    const balances = createBalancesTracker();
    session.on('data', (m) => {
      if (m.channel === 'balances') balances.apply(m);
    });
    session.subscribe({ channel: 'balances' });
    await expect.poll(() => balances.get('USD')).toBeTypeOf('number');
    const usdBefore = balances.get('USD') ?? 0;
    await session.privateRequest('add_order', {
      order_type: 'market',
      side: 'buy',
      order_qty: 0.5, // SOL/USD's minimum is 0.05
      symbol: 'SOL/USD',
    });
    await expect.poll(() => balances.get('USD')).toBeLessThan(usdBefore);

    const place = async (price: number) =>
      (
        (
          await session.privateRequest('add_order', {
            order_type: 'limit',
            side: 'buy',
            order_qty: 0.001,
            symbol: 'BTC/USD',
            limit_price: price,
          })
        ).result as { order_id: string }
      ).order_id;
    const a = await place(41_000);
    const b = await place(41_001);
    const results = await session.cancelOrders([a, b, 'OUNKNW-XXXXX-XXXXXX']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain('EOrder:Unknown order');
  });

  it('counts malformed frames instead of throwing', async () => {
    const session = createWsSession({ url: sim.wsPublic, createSocket: nodeSocket });
    sessions.push(session);
    session.subscribe({ channel: 'ticker', symbol: 'BTC/USD' });
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    await simControl(sim, 'ws/malformed', { count: 3 });
    await expect.poll(() => session.stats().invalidFrames).toBe(3);
    expect(session.getState().kind).toBe('live');
  });

  it('batch_add, edit_order, batch_cancel and cancel_all_orders_after: acks resolve, executions follow', async () => {
    const source = createTokenSource(() => rest().getWebSocketsToken());
    const { session, tracker } = privateSession(() => source.fresh());
    await expect.poll(() => session.getState().kind).toBe('live');
    const batch = await session.privateRequest('batch_add', {
      symbol: 'BTC/USD',
      orders: [
        { order_type: 'limit', side: 'buy', order_qty: 0.001, limit_price: 42_000 },
        { order_type: 'limit', side: 'buy', order_qty: 0.001, limit_price: 42_001 },
      ],
    });
    const ids = (batch.result as unknown as { order_id: string }[]).map((o) => o.order_id);
    expect(ids).toHaveLength(2);
    await expect.poll(() => ids.every((id) => tracker.get(id)?.order_status === 'new')).toBe(true);
    const edited = await session.privateRequest('edit_order', {
      order_id: ids[0],
      symbol: 'BTC/USD',
      limit_price: 42_002,
    });
    const newId = (edited.result as { order_id: string }).order_id;
    await expect.poll(() => tracker.get(newId)?.limit_price).toBe(42_002);
    await expect.poll(() => tracker.get(ids[0] ?? '')).toBeUndefined(); // edit = cancel + replace
    const cancelled = await session.privateRequest('batch_cancel', { orders: [newId, ids[1]] });
    expect(cancelled.result).toMatchObject({ count: 2 });
    await expect
      .poll(() => tracker.openOrders().filter((o) => [newId, ids[1]].includes(o.order_id)))
      .toEqual([]);
    const armed = await session.privateRequest('cancel_all_orders_after', { timeout: 60 });
    expect(armed.result).toMatchObject({ currentTime: expect.any(String), triggerTime: expect.any(String) });
    await session.privateRequest('cancel_all_orders_after', { timeout: 0 });
  });
});
