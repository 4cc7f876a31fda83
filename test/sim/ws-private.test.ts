import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok } from './private-helpers.ts';

let sim: SimHandle;
let token: string;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 31 });
  token = (await ok(sim, 'GetWebSocketsToken')).token;
});
afterAll(() => sim.close());

const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const price = (tick: number) => Number((tick / 10).toFixed(1));
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

async function open(): Promise<WsClient> {
  const client = await WsClient.open(sim.wsPrivate ?? '');
  await client.next(isChannel('status'));
  return client;
}

const execution = (predicate: (report: AnyJson) => boolean) => (frame: string) => {
  const message = JSON.parse(frame);
  return message.channel === 'executions' && message.data.some(predicate);
};

describe('WS v2 private endpoint', () => {
  it('is served at wsPrivate (/v2-auth) and refuses a bad token with ESession:Invalid session', async () => {
    expect(sim.wsPrivate).toBe(`ws://127.0.0.1:${sim.port}/v2-auth`);
    const client = await open();
    client.send({ method: 'subscribe', params: { channel: 'executions', token: 'nope' }, req_id: 5 });
    const reply = JSON.parse(await client.next(isMethod('subscribe')));
    expect(reply).toMatchObject({
      error: 'ESession:Invalid session',
      method: 'subscribe',
      req_id: 5,
      success: false,
    });
    client.send({
      method: 'add_order',
      params: { order_type: 'market', side: 'buy', order_qty: 0.001, symbol: 'BTC/USD' },
      req_id: 6,
    });
    expect(JSON.parse(await client.next(isMethod('add_order')))).toMatchObject({
      error: 'ESession:Invalid session',
      req_id: 6,
    });
    await client.close();
  });

  it('executions: ack with maxratecount, snapshot of open orders (REST orders too), order life of a WS limit order', async () => {
    const restOrder = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: price(bid() - 900),
        userref: 9,
      })
    ).txid[0];
    const client = await open();
    client.send({
      method: 'subscribe',
      params: { channel: 'executions', token, snap_trades: true },
      req_id: 1,
    });
    const ack = JSON.parse(await client.next(isMethod('subscribe')));
    expect(ack).toMatchObject({
      method: 'subscribe',
      req_id: 1,
      success: true,
      result: { channel: 'executions', maxratecount: 60, snap_orders: true, snap_trades: true },
    });
    expect(ack.time_in).toMatch(RFC3339);
    const snapshot = JSON.parse(await client.next(isChannel('executions', 'snapshot')));
    expect(snapshot.data.find((r: AnyJson) => r.order_id === restOrder)).toMatchObject({
      order_status: 'new',
      order_userref: 9,
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
    });

    const limit = price(bid() - 800);
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.02,
        limit_price: limit,
        symbol: 'BTC/USD',
        token,
        cl_ord_id: 'ws-1',
      },
      req_id: 2,
    });
    const added = JSON.parse(await client.next(isMethod('add_order')));
    expect(added).toMatchObject({
      method: 'add_order',
      req_id: 2,
      success: true,
      result: { order_id: expect.stringMatching(/^O/), cl_ord_id: 'ws-1' },
    });
    const id = added.result.order_id;
    const pending = JSON.parse(
      await client.next(execution((r) => r.order_id === id && r.exec_type === 'pending_new')),
    ).data[0];
    expect(pending).toMatchObject({
      order_qty: 0.02,
      limit_price: limit,
      time_in_force: 'GTC',
      order_status: 'pending_new',
      cl_ord_id: 'ws-1',
    });
    await client.next(
      execution((r) => r.order_id === id && r.exec_type === 'new' && r.order_status === 'new'),
    );
    // REST sees the WS order: one engine.
    expect((await ok(sim, 'QueryOrders', { txid: id }))[id].status).toBe('open');

    client.send({
      method: 'cancel_order',
      params: { order_id: [id, restOrder, 'OXXXXX-XXXXX-XXXXXX'], token },
      req_id: 3,
    });
    const replies = [
      await client.next(isMethod('cancel_order')),
      await client.next(isMethod('cancel_order')),
      await client.next(isMethod('cancel_order')),
    ].map((f) => JSON.parse(f));
    expect(replies.map((r) => r.result?.order_id ?? r.error)).toEqual([
      id,
      restOrder,
      'EOrder:Unknown order',
    ]);
    expect(replies.every((r) => r.req_id === 3)).toBe(true);
    const cancelled = JSON.parse(
      await client.next(execution((r) => r.order_id === id && r.exec_type === 'canceled')),
    ).data[0];
    expect(cancelled).toMatchObject({ order_status: 'canceled', reason: 'User requested', cum_qty: 0 });
    await client.close();
  });

  it('a market fill: trade report says partially_filled (the quirk), then filled; balances update from the ledger', async () => {
    const client = await open();
    client.send({ method: 'subscribe', params: { channel: 'executions', token, snap_orders: false } });
    await client.next(isMethod('subscribe'));
    client.send({ method: 'subscribe', params: { channel: 'balances', token } });
    await client.next(isMethod('subscribe'));
    const snapshot = JSON.parse(await client.next(isChannel('balances', 'snapshot')));
    expect(snapshot.data.find((b: AnyJson) => b.asset === 'BTC')).toMatchObject({
      asset_class: 'currency',
      wallets: [{ type: 'spot', id: 'main' }],
    });
    const btcBefore = snapshot.data.find((b: AnyJson) => b.asset === 'BTC').balance;

    client.send({
      method: 'add_order',
      params: { order_type: 'market', side: 'buy', order_qty: 0.003, symbol: 'BTC/USD', token },
      req_id: 10,
    });
    const id = JSON.parse(await client.next(isMethod('add_order'))).result.order_id;
    const trade = JSON.parse(
      await client.next(execution((r) => r.order_id === id && r.exec_type === 'trade')),
    ).data[0];
    expect(trade).toMatchObject({
      order_status: 'partially_filled',
      liquidity_ind: 't',
      symbol: 'BTC/USD',
      side: 'buy',
      fees: [{ asset: 'USD' }],
    });
    expect(trade.exec_id).toMatch(/^T/);
    expect(trade.fees[0].qty).toBeCloseTo(trade.cost * 0.004, 3);
    const filled = JSON.parse(
      await client.next(execution((r) => r.order_id === id && r.exec_type === 'filled')),
    ).data[0];
    expect(filled).toMatchObject({ order_status: 'filled', cum_qty: 0.003 });
    // The ledger updates were sent with the fill, before the `filled` report.
    const ledger = JSON.parse(
      client.frames.find(
        (f) => f.includes('"channel":"balances","type":"update"') && f.includes('"asset":"BTC"'),
      ) ?? '{}',
    );
    expect(ledger).toMatchObject({
      type: 'update',
      data: [{ type: 'trade', category: 'trade', asset: 'BTC', wallet_type: 'spot', wallet_id: 'main' }],
    });
    expect(ledger.data[0].ref_id).toMatch(/^T/);
    expect(ledger.data[0].balance).toBeCloseTo(btcBefore + 0.003, 10);
    await client.close();
  });

  it('batch_add, amend_order, batch_cancel, cancel_all, cancel_all_orders_after; refusals with Kraken strings', async () => {
    const client = await open();
    const p1 = price(bid() - 1200);
    client.send({
      method: 'batch_add',
      params: {
        symbol: 'BTC/USD',
        token,
        orders: [
          { order_type: 'limit', side: 'buy', order_qty: 0.01, limit_price: p1, order_userref: 1 },
          { order_type: 'limit', side: 'buy', order_qty: 0.01, limit_price: p1, order_userref: 2 },
        ],
      },
      req_id: 20,
    });
    const batch = JSON.parse(await client.next(isMethod('batch_add')));
    expect(batch).toMatchObject({
      success: true,
      req_id: 20,
      result: [{ order_userref: 1 }, { order_userref: 2 }],
    });
    const [first, second] = batch.result.map((r: AnyJson) => r.order_id);
    client.send({
      method: 'amend_order',
      params: { order_id: first, limit_price: price(bid() - 1300), token },
      req_id: 21,
    });
    expect(JSON.parse(await client.next(isMethod('amend_order')))).toMatchObject({
      success: true,
      result: { amend_id: expect.any(String), order_id: first },
    });
    client.send({ method: 'amend_order', params: { order_id: first, limit_price: 1.05, token }, req_id: 22 });
    expect(JSON.parse(await client.next(isMethod('amend_order'))).error).toBe(
      'EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.',
    );
    client.send({ method: 'batch_cancel', params: { orders: [first, second], token }, req_id: 23 });
    expect(JSON.parse(await client.next(isMethod('batch_cancel')))).toMatchObject({
      success: true,
      result: { count: 2 },
    });
    client.send({
      method: 'add_order',
      params: { order_type: 'limit', side: 'buy', order_qty: 40, limit_price: p1, symbol: 'BTC/USD', token },
      req_id: 24,
    });
    expect(JSON.parse(await client.next(isMethod('add_order')))).toMatchObject({
      error: 'EOrder:Insufficient funds',
      success: false,
      req_id: 24,
    });
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.01,
        limit_price: p1,
        symbol: 'XBT/USD',
        token,
      },
      req_id: 25,
    });
    expect(JSON.parse(await client.next(isMethod('add_order'))).error).toBe(
      'Currency pair not supported XBT/USD',
    );
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.01,
        limit_price: p1,
        symbol: 'BTC/USD',
        token,
      },
      req_id: 26,
    });
    await client.next(isMethod('add_order'));
    client.send({ method: 'cancel_all_orders_after', params: { timeout: 60, token }, req_id: 27 });
    const after = JSON.parse(await client.next(isMethod('cancel_all_orders_after')));
    expect(Date.parse(after.result.triggerTime) - Date.parse(after.result.currentTime)).toBe(60_000);
    client.send({ method: 'cancel_all_orders_after', params: { timeout: 0, token } });
    await client.next(isMethod('cancel_all_orders_after'));
    client.send({ method: 'cancel_all', params: { token }, req_id: 28 });
    expect(JSON.parse(await client.next(isMethod('cancel_all')))).toMatchObject({
      result: { count: 1 },
      req_id: 28,
    });
    await client.close();
  });

  it('WS and REST orders share one per-pair rate counter', async () => {
    const strict = await startTestSim({ seed: 32 });
    try {
      const wsToken = (await ok(strict, 'GetWebSocketsToken')).token;
      const order = { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.001', price: '50000.0' };
      for (let i = 0; i < 6; i += 1) {
        expect(await errors(strict, 'AddOrder', order)).toEqual([]);
        expect(await errors(strict, 'CancelAll')).toEqual([]);
      }
      const client = await WsClient.open(strict.wsPrivate ?? '');
      client.send({
        method: 'add_order',
        params: {
          order_type: 'limit',
          side: 'buy',
          order_qty: 0.001,
          limit_price: 50000,
          symbol: 'BTC/USD',
          token: wsToken,
        },
      });
      await client.next(isMethod('add_order'));
      client.send({ method: 'cancel_all', params: { token: wsToken } });
      await client.next(isMethod('cancel_all'));
      client.send({
        method: 'add_order',
        params: {
          order_type: 'limit',
          side: 'buy',
          order_qty: 0.001,
          limit_price: 50000,
          symbol: 'BTC/USD',
          token: wsToken,
        },
      });
      expect(JSON.parse(await client.next(isMethod('add_order'))).error).toBe('EOrder:Rate limit exceeded');
      await client.close();
    } finally {
      await strict.close();
    }
  });
});
