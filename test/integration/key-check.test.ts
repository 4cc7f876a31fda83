// What a key may do, asked of the simulator (which answers like Kraken for each permission set): funds,
// trading (validate-only), and the WebSocket token the private feed needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest } from '../../lib/kraken/index.ts';
import { checkKey } from '../../lib/vault/key-check.ts';
import type { SimHandle } from '../../sim/server.ts';
import { withSim } from '../support/sim.ts';

describe('checkKey against the simulator', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await withSim();
  });
  afterAll(async () => sim.close());

  const check = (key: { key: string; secret: string }) =>
    checkKey(
      createKrakenRest({ baseUrl: sim.rest, credentials: { apiKey: key.key, secret: key.secret } }),
      () => 1,
    );

  it('a trading key with WebSocket access can do everything the extension needs', async () => {
    expect(await check(sim.keys.trading)).toEqual({
      status: 'verified',
      at: 1,
      canQuery: true,
      canTrade: true,
      canWebSocket: true,
      notes: [],
    });
  });

  it('a key without WebSocket access is named on save, with what to add', async () => {
    const result = await check(sim.keys.nows);
    expect(result).toMatchObject({ status: 'verified', canTrade: true, canWebSocket: false });
    expect(result.status === 'verified' && result.notes).toEqual([
      'The key cannot open Kraken’s private feed: open orders and fills will not show live. Add “WebSocket API” to it on Kraken.',
    ]);
  });

  it('a query-only key cannot trade', async () => {
    expect(await check(sim.keys.query)).toMatchObject({
      status: 'verified',
      canQuery: true,
      canTrade: false,
    });
  });

  it('a wrong private key is refused by the exchange itself', async () => {
    const wrong = { key: sim.keys.trading.key, secret: Buffer.alloc(64, 7).toString('base64') };
    expect(await check(wrong)).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('EAPI:Invalid signature'),
    });
  });
});
