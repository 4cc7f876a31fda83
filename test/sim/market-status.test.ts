import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 101 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await status({ system: 'online', pair: 'BTC/USD', pairStatus: 'online' });
});

const status = (body: unknown) =>
  getJson(`${sim.rest}/_sim/status`, { method: 'POST', body: JSON.stringify(body) });
const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);
const limit = (extra: Record<string, string> = {}) => ({
  pair: 'XBTUSD',
  type: 'buy',
  ordertype: 'limit',
  volume: '0.01',
  price: usd(bid() - 900),
  ...extra,
});

describe('market status on command', () => {
  it('system status: SystemStatus and WS status reflect it; entry is refused per Kraken, cancels pass', async () => {
    const client = await WsClient.open(sim.wsPublic);
    expect(JSON.parse(await client.next(isChannel('status'))).data[0].system).toBe('online');
    const txid = (await ok(sim, 'AddOrder', limit())).txid[0];
    expect((await status({ system: 'cancel_only' })).json).toEqual({ ok: true });
    expect((await getJson(`${sim.rest}/0/public/SystemStatus`)).json.result.status).toBe('cancel_only');
    expect(JSON.parse(await client.next(isChannel('status'))).data[0].system).toBe('cancel_only');
    expect(await errors(sim, 'AddOrder', limit())).toEqual(['EService:Market in cancel_only mode']);
    await status({ system: 'post_only' });
    expect(await errors(sim, 'AddOrder', limit())).toEqual(['EService:Market in post_only mode']);
    expect((await ok(sim, 'AddOrder', limit({ oflags: 'post' }))).txid).toHaveLength(1);
    expect(await ok(sim, 'CancelOrder', { txid })).toMatchObject({ count: 1 });
    await status({ system: 'maintenance' });
    expect(await errors(sim, 'CancelAll')).toEqual(['EService:Unavailable']);
    expect(await errors(sim, 'Balance')).toEqual(['EService:Unavailable']);
    await status({ system: 'online' });
    expect(
      JSON.parse(await client.next((f) => isChannel('status')(f) && f.includes('"online"'))).data[0].system,
    ).toBe('online');
    expect((await ok(sim, 'CancelAll')).count).toBe(1);
    await client.close();
  });

  it('pair status: AssetPairs status, a WS instrument update, and the mode each status enforces', async () => {
    const client = await WsClient.open(sim.wsPublic);
    client.send({ method: 'subscribe', params: { channel: 'instrument' } });
    await client.next(isChannel('instrument', 'snapshot'));
    await status({ pair: 'BTC/USD', pairStatus: 'limit_only' });
    const update = JSON.parse(await client.next(isChannel('instrument', 'update')));
    expect(update.data.pairs).toEqual([expect.objectContaining({ symbol: 'BTC/USD', status: 'limit_only' })]);
    const pairs = await getJson(`${sim.rest}/0/public/AssetPairs?pair=XBTUSD,ETHUSD`);
    expect(pairs.json.result.XXBTZUSD.status).toBe('limit_only');
    expect(pairs.json.result.XETHZUSD.status).toBe('online');
    expect(
      await errors(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.01' }),
    ).toEqual(['EService:Market in limit_only mode']);
    expect((await ok(sim, 'AddOrder', limit())).txid).toHaveLength(1);
    await status({ pair: 'BTC/USD', pairStatus: 'cancel_only' });
    expect(await errors(sim, 'AddOrder', limit())).toEqual(['EService:Market in cancel_only mode']);
    expect((await ok(sim, 'AddOrder', { ...limit(), pair: 'ETHUSD', price: '1000.00' })).txid).toHaveLength(
      1,
    );
    expect((await ok(sim, 'CancelAll')).count).toBe(2);
    await status({ pair: 'BTC/USD', pairStatus: 'maintenance' });
    expect(await errors(sim, 'AddOrder', limit())).toEqual(['EService:Unavailable']);
    expect((await status({ pair: 'BTC/USD', pairStatus: 'halted' })).status).toBe(400);
    expect((await status({ system: 'closed' })).status).toBe(400);
    await client.close();
  });

  it('WS add_order gets the same refusal', async () => {
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    await status({ system: 'cancel_only' });
    const client = await WsClient.open(sim.wsPrivate ?? '');
    expect(JSON.parse(await client.next(isChannel('status'))).data[0].system).toBe('cancel_only');
    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'buy',
        order_qty: 0.01,
        limit_price: 1000,
        symbol: 'BTC/USD',
        token,
      },
    });
    expect(JSON.parse(await client.next(isMethod('add_order')))).toMatchObject({
      success: false,
      error: 'EService:Market in cancel_only mode',
    });
    await client.close();
  });
});
