import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { ok } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ seed: 91 });
});
afterAll(() => sim.close());

const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);

async function subscribe(token: string, ratecounter: boolean): Promise<WsClient> {
  const client = await WsClient.open(sim.wsPrivate ?? '');
  await client.next(isChannel('status'));
  client.send({
    method: 'subscribe',
    params: { channel: 'executions', token, snap_orders: false, ratecounter },
  });
  await client.next(isMethod('subscribe'));
  return client;
}

const report = (client: WsClient, execType: string): Promise<AnyJson> =>
  client
    .next((f) => JSON.parse(f).channel === 'executions' && JSON.parse(f).data[0].exec_type === execType)
    .then((f) => JSON.parse(f).data[0]);

/**
 * The counter decays by 1 per second at the starter tier (sim/ratelimit/tiers.ts), so a reading is its
 * expected value less at most the seconds since the first order (a loaded machine makes those seconds long).
 */
function near(value: unknown, expected: number, since: number): void {
  const decayed = (performance.now() - since) / 1000;
  expect(value).toBeLessThanOrEqual(expected + 0.01);
  expect(value).toBeGreaterThanOrEqual(expected - decayed - 0.01);
}

describe('executions ratecounter', () => {
  it('ratecounter:true adds the per-pair trading counter to order reports; without it there is none', async () => {
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const counting = await subscribe(token, true);
    const plain = await subscribe(token, false);
    const params = {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.01',
      price: usd(bid() - 900),
    };
    const start = performance.now();
    const first = (await ok(sim, 'AddOrder', params)).txid[0];
    const firstReport = await report(counting, 'pending_new');
    expect(firstReport.order_id).toBe(first);
    near(firstReport.ratecount, 1, start);
    await ok(sim, 'AddOrder', params);
    near((await report(counting, 'pending_new')).ratecount, 2, start);
    // A cancel within 5 s of placing costs 8 (Kraken's penalty table).
    await ok(sim, 'CancelOrder', { txid: first });
    near((await report(counting, 'canceled')).ratecount, 10, start);
    const plainReport = await report(plain, 'canceled');
    expect(plainReport.ratecount).toBeUndefined();
    await counting.close();
    await plain.close();
  });
});
