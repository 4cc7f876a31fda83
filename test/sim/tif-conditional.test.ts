import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { ok } from './private-helpers.ts';

let sim: SimHandle;
let client: WsClient;
let token: string;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 71 });
  token = (await ok(sim, 'GetWebSocketsToken')).token;
  client = await WsClient.open(sim.wsPrivate ?? '');
  await client.next(isChannel('status'));
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

const book = () => sim.exchange.market.pair('BTC/USD')?.book;
const usd = (tick: number) => (tick / 10).toFixed(1);
const query = async (txid: string): Promise<AnyJson> => (await ok(sim, 'QueryOrders', { txid }))[txid];
let reqId = 100;
async function wsAdd(params: Record<string, unknown>): Promise<AnyJson> {
  reqId += 1;
  client.send({ method: 'add_order', params: { symbol: 'BTC/USD', token, ...params }, req_id: reqId });
  const id = reqId;
  return JSON.parse(await client.next((f) => isMethod('add_order')(f) && JSON.parse(f).req_id === id));
}

describe('time in force FOK and GTD, conditional close on WS', () => {
  it('REST timeinforce=FOK: fills entirely at once, or is cancelled with nothing filled', async () => {
    const best = book()?.asks.best();
    if (!best) throw new Error('no ask');
    const tooBig = (Number(best.qty) / 1e8 + 0.5).toFixed(8);
    const killed = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: tooBig,
      price: usd(best.tick),
      timeinforce: 'FOK',
    });
    expect(await query(killed.txid[0])).toMatchObject({ status: 'canceled', vol_exec: '0.00000000' });
    const filled = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '0.01',
      timeinforce: 'FOK',
    });
    expect(await query(filled.txid[0])).toMatchObject({ status: 'closed', vol_exec: '0.01000000' });
  });

  it('WS time_in_force "fok" is accepted and never rests; "gtd" with expire_time expires', async () => {
    const bid = book()?.bids.best()?.tick ?? 0;
    const fok = await wsAdd({
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.01,
      limit_price: Number(usd(bid - 500)),
      time_in_force: 'fok',
    });
    expect(fok.success).toBe(true);
    expect((await query(fok.result.order_id)).status).toBe('canceled');
    const gtd = await wsAdd({
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.01,
      limit_price: Number(usd(bid - 500)),
      time_in_force: 'gtd',
      expire_time: new Date(Date.now() + 1000).toISOString(),
    });
    expect(gtd.success).toBe(true);
    expect((await query(gtd.result.order_id)).status).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await query(gtd.result.order_id)).status).toBe('expired');
  });

  it('WS conditional {order_type, trigger_price, limit_price} places the close order when the parent fills', async () => {
    const ask = book()?.asks.best()?.tick ?? 0;
    const stop = Number(usd(ask - 3000));
    const limit = Number(usd(ask - 3100));
    const parent = await wsAdd({
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.01,
      limit_price: Number(usd(ask + 50)),
      conditional: { order_type: 'stop-loss-limit', trigger_price: stop, limit_price: limit },
    });
    expect(parent.success).toBe(true);
    const placed = await query(parent.result.order_id);
    expect(placed.status).toBe('closed');
    expect(placed.descr.close).toBe(
      `close position @ stop loss ${stop.toFixed(1)} -> limit ${limit.toFixed(1)}`,
    );
    const open = Object.values((await ok(sim, 'OpenOrders')).open) as AnyJson[];
    expect(open.map((order) => order.descr.order)).toContain(
      `sell 0.01000000 XBTUSD @ stop loss ${stop.toFixed(1)} -> limit ${limit.toFixed(1)}`,
    );
    const bad = await wsAdd({
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.01,
      limit_price: 1000,
      conditional: 'stop',
    });
    expect(bad).toMatchObject({ success: false, error: 'EGeneral:Invalid arguments:conditional' });
  });
});
