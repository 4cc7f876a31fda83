import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, FIXTURES, startTestSim } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

const EXAMPLES = new URL('official/krakenfx-api-specs_spot-rest/examples/responses/', FIXTURES);
const example = (path: string): AnyJson => parse(readFileSync(new URL(path, EXAMPLES), 'utf8'));
const ccxtReplies: AnyJson[] = JSON.parse(
  readFileSync(new URL('ccxt/kraken_static_response_httpResponses.json', FIXTURES), 'utf8'),
).responses;

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off' });
});
afterAll(() => sim.close());

const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
const bestAsk = () => sim.exchange.market.pair('BTC/USD')?.best().ask?.tick ?? 0;
const bestBid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);

describe('account endpoints, shaped like the official examples', () => {
  it('Balance: REST asset ids, strings at each asset precision (ZUSD 4, XXBT 10, XXRP 8)', async () => {
    const official = example('user/account/balance.yaml').result;
    const result = await ok(sim, 'Balance');
    expect(Object.keys(result).sort()).toEqual(['SOL', 'XETH', 'XXBT', 'XXDG', 'XXRP', 'ZUSD']);
    for (const id of ['ZUSD', 'XXBT', 'XETH', 'XXRP']) {
      expect(typeof result[id]).toBe('string');
      expect(decimals(result[id])).toBe(decimals(official[id]));
    }
    expect(result.ZUSD).toBe('100000.0000');
    expect(result.XXBT).toBe('2.0000000000');
    expect(result.XXDG).toBe('200000.00000000');
  });

  it('BalanceEx: {balance, hold_trade} strings per asset', async () => {
    const result = await ok(sim, 'BalanceEx');
    expect(Object.keys(result.ZUSD)).toEqual(['balance', 'hold_trade']);
    expect(typeof result.XXBT.hold_trade).toBe('string');
  });

  it('TradeBalance: the official example fields, equity in ZUSD', async () => {
    const official = example('user/trades/balance.yaml').result;
    const result = await ok(sim, 'TradeBalance');
    expect(Object.keys(result)).toEqual(Object.keys(official));
    expect(Number(result.eb)).toBeGreaterThan(100000 + 2 * 50000);
    expect(result.m).toBe('0.0000');
  });

  it('GetWebSocketsToken: {token, expires: 900}', async () => {
    const result = await ok(sim, 'GetWebSocketsToken');
    expect(result.expires).toBe(900);
    expect(result.token).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });
});

describe('AddOrder refusals with the real mistake', () => {
  const base = { pair: 'XBTUSD', type: 'buy', ordertype: 'limit' };
  it.each([
    ['volume over the balance', { ...base, volume: '50', price: '90000.0' }, 'EOrder:Insufficient funds'],
    [
      'volume under ordermin 0.0001',
      { ...base, volume: '0.00005', price: '90000.0' },
      'EOrder:Order minimum not met',
    ],
    ['cost under costmin 0.5', { ...base, volume: '0.0001', price: '1000.0' }, 'EOrder:Cost minimum not met'],
    [
      'price finer than the 0.1 tick',
      { ...base, volume: '0.01', price: '90000.05' },
      'EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.',
    ],
    [
      'volume beyond lot_decimals 8',
      { ...base, volume: '0.001000001', price: '90000.0' },
      'EGeneral:Invalid arguments:volume',
    ],
    ['no ordertype', { pair: 'XBTUSD', type: 'buy', volume: '0.01' }, 'EGeneral:Invalid arguments:ordertype'],
    [
      'bad side',
      { ...base, type: 'hold', volume: '0.01', price: '90000.0' },
      'EGeneral:Invalid arguments:type',
    ],
    [
      'unknown pair',
      { ...base, pair: 'XBT/USD', volume: '0.01', price: '90000.0' },
      'EQuery:Unknown asset pair',
    ],
    [
      'a deadline in the past',
      { ...base, volume: '0.01', price: '90000.0', deadline: '2020-01-01T00:00:00Z' },
      'EService:Deadline elapsed',
    ],
  ])('%s', async (_name, params, error) => {
    expect(await errors(sim, 'AddOrder', params)).toEqual([error]);
  });

  it('post-only that would take → EOrder:Post only order', async () => {
    const price = usd(bestAsk() + 5);
    expect(await errors(sim, 'AddOrder', { ...base, volume: '0.001', price, oflags: 'post' })).toEqual([
      'EOrder:Post only order',
    ]);
  });

  it('cancelling an unknown txid → EOrder:Unknown order', async () => {
    expect(await errors(sim, 'CancelOrder', { txid: 'OAAAAA-BBBBB-CCCCCC' })).toEqual([
      'EOrder:Unknown order',
    ]);
  });

  it('validate=true checks and describes without placing', async () => {
    const result = await ok(sim, 'AddOrder', { ...base, volume: '0.01', price: '50000.0', validate: true });
    expect(result).toEqual({ descr: { order: 'buy 0.01000000 XBTUSD @ limit 50000.0' } });
    expect(Object.keys((await ok(sim, 'OpenOrders')).open)).toHaveLength(0);
  });
});

describe('orders: resting, querying, cancelling', () => {
  it('a resting limit: AddOrder shape, OpenOrders/QueryOrders fields like the recorded replies, hold, cancel', async () => {
    const price = usd(bestBid() - 1000);
    const added = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.1',
      price,
      userref: 42,
      close: undefined,
    });
    expect(Object.keys(added)).toEqual(Object.keys(example('trading/orders/add.yaml').result));
    expect(added.descr).toEqual({ order: `buy 0.10000000 XBTUSD @ limit ${price}` });
    const [txid] = added.txid;
    expect(txid).toMatch(/^O[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/);

    const open = (await ok(sim, 'OpenOrders')).open;
    const order = open[txid];
    const recorded = ccxtReplies.find((r) => r.description === 'fetch spot limit order').httpResponse.result;
    const recordedOrder: AnyJson = Object.values(recorded)[0];
    for (const key of Object.keys(recordedOrder)) expect(order).toHaveProperty(key);
    expect(Object.keys(order.descr)).toEqual(Object.keys(recordedOrder.descr));
    expect(order).toMatchObject({
      status: 'open',
      userref: 42,
      vol: '0.10000000',
      vol_exec: '0.00000000',
      oflags: 'fciq',
    });
    expect(order.descr).toMatchObject({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      price,
      leverage: 'none',
    });
    expect(typeof order.opentm).toBe('number');

    const ex = await ok(sim, 'BalanceEx');
    // 0.1 × price reserved plus the taker fee, in USD units of 10^-4.
    const expectedHold = Math.ceil(Number(price) * 0.1 * 1.004 * 10_000) / 10_000;
    expect(Number(ex.ZUSD.hold_trade)).toBeCloseTo(expectedHold, 3);

    expect(Object.keys(await ok(sim, 'QueryOrders', { txid }))).toEqual([txid]);
    const cancelled = await ok(sim, 'CancelOrder', { txid });
    expect(cancelled).toEqual({ count: 1, pending: false });
    expect(Object.keys(example('trading/orders/cancel.yaml').result).every((k) => k in cancelled)).toBe(true);
    expect((await ok(sim, 'BalanceEx')).ZUSD.hold_trade).toBe('0.0000');
    const closed = (await ok(sim, 'ClosedOrders')).closed[txid];
    expect(closed).toMatchObject({ status: 'canceled', reason: 'User requested' });
    expect(typeof closed.closetm).toBe('number');
    expect(await errors(sim, 'CancelOrder', { txid })).toEqual(['EOrder:Unknown order']);
  });

  it('CancelOrder by userref and by cl_ord_id; CancelOrderBatch; CancelAll', async () => {
    const price = usd(bestBid() - 2000);
    const place = (extra: Record<string, unknown>) =>
      ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price,
        ...extra,
      });
    await place({ userref: 7 });
    await place({ userref: 7 });
    expect(await ok(sim, 'CancelOrder', { txid: '7' })).toEqual({ count: 2, pending: false });
    await place({ cl_ord_id: 'my-order-1' });
    expect(await ok(sim, 'CancelOrder', { cl_ord_id: 'my-order-1' })).toEqual({ count: 1, pending: false });
    const a = (await place({})).txid[0];
    const b = (await place({})).txid[0];
    const batch = await privateCall(sim, 'CancelOrderBatch', { orders: [a, b] }, { json: true });
    expect(batch.json).toEqual({ error: [], result: { count: 2 } });
    await place({});
    await place({});
    expect(await ok(sim, 'CancelAll')).toEqual({ count: 2 });
  });

  it('AddOrderBatch (JSON, as ccxt sends): one result per order in request order; funding refusals per order', async () => {
    const price = usd(bestBid() - 3000);
    const reply = await privateCall(
      sim,
      'AddOrderBatch',
      {
        pair: 'XBTUSD',
        orders: [
          { ordertype: 'limit', type: 'buy', volume: '0.01', price },
          { ordertype: 'limit', type: 'sell', volume: '1000', price: usd(bestAsk() + 3000) },
        ],
      },
      { json: true },
    );
    expect(reply.json.error).toEqual([]);
    const [first, second] = reply.json.result.orders;
    expect(first.txid).toMatch(/^O/);
    expect(first.descr.order).toBe(`buy 0.01000000 XBTUSD @ limit ${price}`);
    expect(second).toEqual({ error: 'EOrder:Insufficient funds' });
    expect(
      await errors(
        sim,
        'AddOrderBatch',
        {
          pair: 'XBTUSD',
          orders: [
            { ordertype: 'limit', type: 'buy', volume: '0.01', price: '1.01' },
            { ordertype: 'limit', type: 'buy', volume: '0.01', price },
          ],
        },
        { json: true },
      ),
    ).toEqual(['EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.']);
    await ok(sim, 'CancelAll');
  });

  it('AmendOrder keeps the txid; EditOrder replaces it', async () => {
    const price = usd(bestBid() - 1500);
    const txid = (
      await ok(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.02', price })
    ).txid[0];
    const newPrice = usd(bestBid() - 1600);
    const amended = await ok(sim, 'AmendOrder', { txid, limit_price: newPrice, order_qty: '0.03' });
    expect(amended.amend_id).toMatch(/^T/);
    const order = (await ok(sim, 'QueryOrders', { txid }))[txid];
    expect(order).toMatchObject({
      vol: '0.03000000',
      descr: { price: newPrice },
      limitprice: expect.stringMatching(/^\d+\.\d{5}$/),
    });
    expect(await errors(sim, 'AmendOrder', { txid, limit_price: '1.05' })).toEqual([
      'EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.',
    ]);
    const edited = await ok(sim, 'EditOrder', { txid, pair: 'XBTUSD', volume: '0.01' });
    expect(Object.keys(edited)).toEqual(Object.keys(example('trading/orders/edit.yaml').result));
    expect(edited).toMatchObject({
      status: 'ok',
      originaltxid: txid,
      volume: '0.01000000',
      orders_cancelled: 1,
    });
    expect(edited.txid).not.toBe(txid);
    expect((await ok(sim, 'QueryOrders', { txid }))[txid].status).toBe('canceled');
    await ok(sim, 'CancelAll');
  });
});
