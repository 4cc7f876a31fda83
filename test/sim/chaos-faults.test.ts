import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

let sim: SimHandle;
let token: string;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 12 });
  token = (await ok(sim, 'GetWebSocketsToken')).token;
});
afterAll(() => sim.close());
afterEach(async () => {
  await post('/_sim/faults/clear');
  await ok(sim, 'CancelAll');
});

const post = (path: string, body?: unknown) =>
  getJson(`${sim.rest}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);
const restingBuy = (clOrdId: string) => ({
  pair: 'XBTUSD',
  type: 'buy',
  ordertype: 'limit',
  volume: '0.01',
  price: usd(bid() - 900),
  cl_ord_id: clOrdId,
});
const openByClId = async (clOrdId: string) =>
  Object.values((await ok(sim, 'OpenOrders', { cl_ord_id: clOrdId })).open) as AnyJson[];
const closedByClId = async (clOrdId: string) =>
  Object.values((await ok(sim, 'ClosedOrders', { cl_ord_id: clOrdId })).closed) as AnyJson[];

async function openWs(): Promise<WsClient> {
  const client = await WsClient.open(sim.wsPrivate ?? '');
  await client.next(isChannel('status'));
  return client;
}

describe('lateExecution: the connection dies at once, the order reaches the engine later', () => {
  it('REST AddOrder: no answer, invisible by cl_ord_id until it executes, then open exactly once', async () => {
    expect((await post('/_sim/faults', { lateExecution: { ms: 400 } })).json).toEqual({ ok: true });
    const started = Date.now();
    await expect(privateCall(sim, 'AddOrder', restingBuy('late-1'))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(300);
    expect(await openByClId('late-1')).toEqual([]);
    expect(await closedByClId('late-1')).toEqual([]);
    await sleep(550);
    const open = await openByClId('late-1');
    expect(open).toHaveLength(1);
    // count defaults to 1: the next order is answered normally.
    expect((await ok(sim, 'AddOrder', restingBuy('late-2'))).txid).toHaveLength(1);
  });

  it('an order whose Kraken `deadline` passed before it reached the engine is never executed', async () => {
    await post('/_sim/faults', { lateExecution: { ms: 400 } });
    const deadline = new Date(Date.now() + 150).toISOString();
    await expect(privateCall(sim, 'AddOrder', { ...restingBuy('late-dl'), deadline })).rejects.toThrow();
    await sleep(550);
    expect(await openByClId('late-dl')).toEqual([]);
    expect(await closedByClId('late-dl')).toEqual([]);
  });

  it('WS add_order: the socket is terminated without a reply; the order appears later', async () => {
    await post('/_sim/faults', { lateExecution: { ms: 300, methods: ['add_order'] } });
    // REST AddOrder is not narrowed in: answered normally.
    expect((await ok(sim, 'AddOrder', restingBuy('late-rest'))).txid).toHaveLength(1);
    const client = await openWs();
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.01,
        limit_price: Number(usd(bid() - 900)),
        symbol: 'BTC/USD',
        cl_ord_id: 'late-ws',
        token,
      },
      req_id: 9,
    });
    expect(await closed).toBe(1006);
    expect(client.frames.some((frame) => isMethod('add_order')(frame))).toBe(false);
    expect(await openByClId('late-ws')).toEqual([]);
    await sleep(450);
    expect(await openByClId('late-ws')).toHaveLength(1);
  });
});

describe('failLookups and deadManFail', () => {
  it('failLookups: OpenOrders/ClosedOrders/QueryOrders fail for N ms, other calls do not', async () => {
    await post('/_sim/faults', { failLookups: { ms: 300 } });
    expect(await errors(sim, 'OpenOrders')).toEqual(['EService:Unavailable']);
    expect(await errors(sim, 'ClosedOrders')).toEqual(['EService:Unavailable']);
    expect(await errors(sim, 'QueryOrders', { txid: 'OAAAAA-AAAAA-AAAAAA' })).toEqual([
      'EService:Unavailable',
    ]);
    expect(await errors(sim, 'Balance')).toEqual([]);
    expect((await ok(sim, 'AddOrder', restingBuy('lookup-1'))).txid).toHaveLength(1);
    await sleep(350);
    expect(await openByClId('lookup-1')).toHaveLength(1);
  });

  it('failLookups error "EService:Busy" and "http5xx" (503 text/plain)', async () => {
    await post('/_sim/faults', { failLookups: { ms: 200, error: 'EService:Busy' } });
    expect(await errors(sim, 'OpenOrders')).toEqual(['EService:Busy']);
    await post('/_sim/faults', { failLookups: { ms: 200, error: 'http5xx' } });
    const reply = await fetch(`${sim.rest}/0/private/ClosedOrders`, { method: 'POST' });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
    await reply.text();
  });

  it('deadManFail: REST and WS dead man calls answer EService:Unavailable while it lasts; the countdown is untouched', async () => {
    await ok(sim, 'CancelAllOrdersAfter', { timeout: 60 });
    await post('/_sim/faults', { deadManFail: { ms: 300 } });
    expect(await errors(sim, 'CancelAllOrdersAfter', { timeout: 0 })).toEqual(['EService:Unavailable']);
    const client = await openWs();
    client.send({ method: 'cancel_all_orders_after', params: { timeout: 0, token }, req_id: 4 });
    const reply = JSON.parse(await client.next(isMethod('cancel_all_orders_after')));
    expect(reply).toMatchObject({ success: false, error: 'EService:Unavailable', req_id: 4 });
    expect((await post('/_sim/dead-man')).json.armed).toBe(true);
    await sleep(350);
    expect((await ok(sim, 'CancelAllOrdersAfter', { timeout: 0 })).triggerTime).toBe('0');
    expect((await post('/_sim/dead-man')).json.armed).toBe(false);
    await client.close();
  });

  it('the body is validated as a whole: one bad member arms nothing', async () => {
    const reply = await post('/_sim/faults', { failLookups: { ms: 500 }, lateExecution: { ms: -1 } });
    expect(reply.status).toBe(400);
    expect(await errors(sim, 'OpenOrders')).toEqual([]);
    expect((await post('/_sim/faults', { lateExecution: { ms: 10, methods: ['Balance'] } })).status).toBe(
      400,
    );
    expect((await post('/_sim/faults', { failLookups: { ms: 10, error: 'EGeneral:Nope' } })).status).toBe(
      400,
    );
  });
});
