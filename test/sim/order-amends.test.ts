import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 81 });
});
afterAll(() => sim.close());

const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);

describe('OrderAmends', () => {
  it('an original entry at placement, then one user entry per AmendOrder and WS amend_order', async () => {
    const start = bid() - 1000;
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: usd(start),
      })
    ).txid[0];
    const first = await ok(sim, 'OrderAmends', { order_id: txid });
    expect(first).toEqual({
      amends: [
        {
          amend_id: expect.stringMatching(/^T[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/),
          amend_type: 'original',
          order_qty: '0.01000000',
          remaining_qty: '0.01000000',
          limit_price: usd(start),
          post_only: false,
          timestamp: expect.any(Number),
        },
      ],
      count: 1,
    });
    const amended = await ok(sim, 'AmendOrder', { txid, order_qty: '0.02' });
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    await client.next(isChannel('status'));
    client.send({
      method: 'amend_order',
      params: { order_id: txid, limit_price: Number(usd(start - 10)), token },
    });
    const wsReply = JSON.parse(await client.next(isMethod('amend_order')));
    expect(wsReply.success).toBe(true);
    await client.close();
    const history = await ok(sim, 'OrderAmends', { order_id: txid });
    expect(history.count).toBe(3);
    expect(history.amends.map((a: { amend_type: string }) => a.amend_type)).toEqual([
      'original',
      'user',
      'user',
    ]);
    expect(history.amends[1]).toMatchObject({
      amend_id: amended.amend_id,
      order_qty: '0.02000000',
      reason: 'User requested',
    });
    expect(history.amends[2]).toMatchObject({
      amend_id: wsReply.result.amend_id,
      limit_price: usd(start - 10),
    });
    expect(await errors(sim, 'OrderAmends', { order_id: 'OAAAAA-AAAAA-AAAAAA' })).toEqual([
      'EOrder:Unknown order',
    ]);
    expect(await errors(sim, 'OrderAmends')).toEqual(['EGeneral:Invalid arguments:order_id']);
    // Another account cannot read it.
    const other = await privateCall(sim, 'OrderAmends', { order_id: txid }, sim.keys.second);
    expect(other.json.error).toEqual(['EOrder:Unknown order']);
  });
});
