import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../../sim/http/loopback.ts';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, ClientBook, getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 5 });
});
afterAll(() => sim.close());

const post = (path: string, body?: unknown) =>
  getJson(`${sim.rest}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);

describe('dropOrderResponses: the order is executed, its response never arrives', () => {
  it('{"count":1}: AddOrder is applied, the connection is destroyed, the next call answers normally', async () => {
    expect((await post('/_sim/faults', { dropOrderResponses: { count: 1 } })).json).toEqual({ ok: true });
    const params = {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.01',
      price: usd(bid() - 900),
      cl_ord_id: 'drop-me-1',
    };
    await expect(privateCall(sim, 'AddOrder', params)).rejects.toThrow();
    // The order exists: a client that reconciles by cl_ord_id finds it.
    const open = Object.values((await ok(sim, 'OpenOrders', { cl_ord_id: 'drop-me-1' })).open) as AnyJson[];
    expect(open).toHaveLength(1);
    expect(open[0].cl_ord_id).toBe('drop-me-1');
    // Only one response was dropped; reads are never dropped.
    const again = await ok(sim, 'AddOrder', { ...params, cl_ord_id: 'drop-me-2' });
    expect(again.txid).toHaveLength(1);
    await ok(sim, 'CancelAll');
  });

  it('{"probability":1} drops every order response until cleared; {"probability":0} none', async () => {
    await post('/_sim/faults', { dropOrderResponses: { probability: 1 } });
    const params = {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.01',
      price: usd(bid() - 900),
    };
    await expect(privateCall(sim, 'AddOrder', params)).rejects.toThrow();
    await expect(privateCall(sim, 'AddOrder', params)).rejects.toThrow();
    expect(Object.keys((await ok(sim, 'OpenOrders')).open)).toHaveLength(2);
    await post('/_sim/faults', { dropOrderResponses: { probability: 0 } });
    expect((await ok(sim, 'AddOrder', params)).txid).toHaveLength(1);
    await post('/_sim/faults/clear');
    expect(await ok(sim, 'CancelAll')).toEqual({ count: 3 });
  });
});

describe('REST faults', () => {
  it('serviceError answers EService:Unavailable / EService:Busy (HTTP 200) for the next N calls', async () => {
    await post('/_sim/faults', { serviceError: { error: 'EService:Busy', count: 2, methods: ['Balance'] } });
    expect(await errors(sim, 'OpenOrders')).toEqual([]);
    expect(await errors(sim, 'Balance')).toEqual(['EService:Busy']);
    expect(await errors(sim, 'Balance')).toEqual(['EService:Busy']);
    expect(await errors(sim, 'Balance')).toEqual([]);
    await post('/_sim/faults', { serviceError: {} });
    const time = await getJson(`${sim.rest}/0/public/Time`);
    expect(time.json).toEqual({ error: ['EService:Unavailable'] });
  });

  it('httpStatus answers a bare 5xx; cloudflare an HTML error page', async () => {
    await post('/_sim/faults', { httpStatus: { status: 503 } });
    const plain = await fetch(`${sim.rest}/0/public/Time`);
    expect(plain.status).toBe(503);
    expect(plain.headers.get('content-type')).toMatch(/^text\/plain/);
    await plain.text();
    await post('/_sim/faults', { cloudflare: { status: 522 } });
    const html = await fetch(`${sim.rest}/0/public/Time`);
    expect(html.status).toBe(522);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('Error code 522');
    expect((await getJson(`${sim.rest}/0/public/Time`)).status).toBe(200);
  });

  it('delay holds the next response for the given time', async () => {
    await post('/_sim/faults', { delay: { ms: 400, count: 1 } });
    const started = Date.now();
    await getJson(`${sim.rest}/0/public/Time`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    const quick = Date.now();
    await getJson(`${sim.rest}/0/public/Time`);
    expect(Date.now() - quick).toBeLessThan(300);
  });

  it.each([
    [{ nope: {} }],
    [{ delay: { ms: -1 } }],
    [{ httpStatus: { status: 404 } }],
    [{ serviceError: { error: 'EService:Down' } }],
    [{ dropOrderResponses: { probability: 2 } }],
    [{ delay: { ms: 10, methods: 'AddOrder' } }],
  ])('refuses %j with 400 and arms nothing', async (body) => {
    const reply = await post('/_sim/faults', body);
    expect(reply.status).toBe(400);
    expect((await getJson(`${sim.rest}/0/public/Time`)).status).toBe(200);
  });
});

describe('market and WS faults', () => {
  it('/_sim/market/price makes the pair trade at exactly that price (REST Ticker last, WS trade)', async () => {
    const client = await WsClient.open(sim.wsPublic);
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['ETH/USD'] } });
    await client.next(isMethod('subscribe'));
    expect((await post('/_sim/market/price', { symbol: 'ETH/USD', price: '2500.00' })).json).toEqual({
      ok: true,
    });
    const ticker = (await getJson(`${sim.rest}/0/public/Ticker?pair=ETHUSD`)).json.result.XETHZUSD;
    expect(ticker.c[0]).toBe('2500.00000');
    expect(Number(ticker.b[0])).toBeLessThan(2500);
    expect(Number(ticker.a[0])).toBeGreaterThan(2500);
    const frame = JSON.parse(await client.next(isChannel('trade', 'update')));
    expect(frame.data.at(-1).price).toBe(2500);
    await client.close();
    for (const body of [
      { symbol: 'XBT/USD', price: '1.0' },
      { symbol: 'ETH/USD', price: '1.001' },
      { symbol: 'ETH/USD' },
    ]) {
      expect((await post('/_sim/market/price', body)).status).toBe(400);
    }
  });

  it('corrupt-checksum: the next book update carries a checksum that does not match the book', async () => {
    const client = await WsClient.open(sim.wsPublic);
    client.send({ method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 } });
    const local = new ClientBook(10);
    local.apply(await client.next(isChannel('book', 'snapshot')));
    await post('/_sim/ws/corrupt-checksum');
    let corrupted = false;
    for (let i = 0; i < 40 && !corrupted; i += 1) {
      await post('/_sim/market/step');
      const frames = client.frames.filter((f) => f.includes('"channel":"book","type":"update"'));
      for (const frame of frames.slice(-1)) {
        local.apply(frame);
        corrupted = local.checksum() !== JSON.parse(frame).data[0].checksum;
      }
      client.frames.length = 0;
    }
    expect(corrupted).toBe(true);
    await client.close();
  });

  it('malformed sends frames that are not valid JSON; heartbeats can be stopped and resumed', async () => {
    const client = await WsClient.open(sim.wsPublic);
    await client.next(isChannel('status'));
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'], snapshot: false } });
    await client.next(isMethod('subscribe'));
    await post('/_sim/ws/malformed', { count: 2 });
    const bad = [await client.next((f) => !f.startsWith('{"channel":"heartbeat"')), await client.next()];
    for (const frame of bad) expect(() => JSON.parse(frame)).toThrow();
    await post('/_sim/ws/heartbeats', { enabled: false });
    client.drain();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(client.frames.slice(-3).some((f) => f.includes('heartbeat'))).toBe(false);
    await post('/_sim/ws/heartbeats', { enabled: true });
    await client.next(isChannel('heartbeat'), 2500);
    await client.close();
  });
});

describe('the control surface answers loopback callers only', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    ['localhost', false],
    [undefined, false],
  ])('isLoopback(%j) = %j', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  it('a caller on a non-loopback address gets 403 while Kraken endpoints still answer', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!external) return; // no non-loopback interface on this machine
    const open = await startTestSim({ host: '0.0.0.0' });
    try {
      const reply = await getJson(`http://${external}:${open.port}/_sim/market/step`, { method: 'POST' });
      expect(reply.status).toBe(403);
      expect(reply.json.ok).toBe(false);
      expect((await getJson(`http://${external}:${open.port}/0/public/Time`)).status).toBe(200);
      expect(
        (await getJson(`http://127.0.0.1:${open.port}/_sim/market/step`, { method: 'POST' })).status,
      ).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('dropOrderResponses on the authenticated WebSocket', () => {
  it('add_order is applied, then the connection dies without a reply', async () => {
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    await client.next(isChannel('status'));
    // Narrowed to the WS method: a REST AddOrder meanwhile is answered normally.
    await post('/_sim/faults', { dropOrderResponses: { count: 1, methods: ['add_order'] } });
    expect(
      (
        await ok(sim, 'AddOrder', {
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.01',
          price: usd(bid() - 900),
        })
      ).txid,
    ).toHaveLength(1);
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.01,
        limit_price: Number(usd(bid() - 900)),
        symbol: 'BTC/USD',
        cl_ord_id: 'ws-drop-1',
        token,
      },
      req_id: 1,
    });
    expect(await closed).toBe(1006);
    expect(client.frames.some((f) => f.includes('"method":"add_order"'))).toBe(false);
    const open = Object.values((await ok(sim, 'OpenOrders', { cl_ord_id: 'ws-drop-1' })).open) as AnyJson[];
    expect(open).toHaveLength(1);
    expect(await ok(sim, 'CancelAll')).toEqual({ count: 2 });
  });
});

describe('/_sim/dead-man reports the CancelAllOrdersAfter countdown', () => {
  it('armed after a timeout, not after timeout=0', async () => {
    expect((await post('/_sim/dead-man')).json).toEqual({ ok: true, armed: false });
    await ok(sim, 'CancelAllOrdersAfter', { timeout: 60 });
    expect((await post('/_sim/dead-man')).json).toEqual({ ok: true, armed: true });
    await ok(sim, 'CancelAllOrdersAfter', { timeout: 0 });
    expect((await post('/_sim/dead-man')).json).toEqual({ ok: true, armed: false });
  });
});
