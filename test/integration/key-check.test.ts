// What a key may do, asked of the simulator (which answers like Kraken for each permission set): Kraken's
// GetApiKeyInfo first (permissions, expiry, IP restriction), and where it is unavailable the probe —
// funds, trading (validate-only), the WebSocket token the private feed needs, and WithdrawStatus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest, type FetchLike } from '../../lib/kraken/index.ts';
import { boundFetch } from '../../lib/vault/binding.ts';
import { checkKey } from '../../lib/vault/key-check.ts';
import type { SimHandle } from '../../sim/server.ts';
import { withSim } from '../support/sim.ts';

/** A fetch that answers GetApiKeyInfo as an exchange without it would (Kraken's error for an unknown method). */
const withoutKeyInfo: FetchLike = (url, init) =>
  url.endsWith('/0/private/GetApiKeyInfo')
    ? Promise.resolve(new Response(JSON.stringify({ error: ['EGeneral:Unknown method'] }), { status: 200 }))
    : fetch(url, init);

describe('checkKey against the simulator', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await withSim();
  });
  afterAll(async () => sim.close());

  const check = (key: { key: string; secret: string }, fetchFn?: FetchLike) =>
    checkKey(
      createKrakenRest({
        baseUrl: sim.rest,
        credentials: { apiKey: key.key, secret: key.secret },
        ...(fetchFn ? { fetch: fetchFn } : {}),
      }),
      () => 1,
    );
  const issue = async (body: Record<string, unknown>) => {
    const res = await fetch(`${sim.rest}/_sim/keys`, { method: 'POST', body: JSON.stringify(body) });
    const { key, secret } = (await res.json()) as { key: string; secret: string };
    return { key, secret };
  };

  it('a trading key with WebSocket access can do everything the extension needs (GetApiKeyInfo)', async () => {
    expect(await check(sim.keys.trading)).toEqual({
      status: 'verified',
      at: 1,
      canQuery: true,
      canTrade: true,
      canWebSocket: true,
      notes: [],
      source: 'key-info',
      permissions: [
        'query-funds',
        'query-open-trades',
        'query-closed-trades',
        'modify-trades',
        'close-trades',
        'query-ledger',
        'create-ws-token',
      ],
      withdraw: 'no',
      validUntil: 0,
      ipAllowlist: [],
    });
  });

  it('a key that can withdraw says so, with its expiry and IP restriction', async () => {
    expect(await check(sim.keys.withdraw)).toMatchObject({ withdraw: 'yes', canTrade: true });
    const limited = await issue({
      permissions: ['query-funds', 'withdraw-funds', 'add-funds'],
      validUntil: 4_102_444_800,
      ipAllowlist: ['127.0.0.1'],
    });
    const result = await check(limited);
    expect(result).toMatchObject({
      status: 'verified',
      withdraw: 'yes',
      canTrade: false,
      validUntil: 4_102_444_800,
      ipAllowlist: ['127.0.0.1'],
    });
    expect(result.status === 'verified' && result.notes.join(' ')).toMatch(/never uses \(add-funds\)/);
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

  describe('without GetApiKeyInfo: the probe', () => {
    it('finds query, trade and WebSocket rights; withdraw stays unknown when WithdrawStatus answers', async () => {
      const result = await check(sim.keys.trading, withoutKeyInfo);
      expect(result).toMatchObject({
        status: 'verified',
        source: 'probe',
        canQuery: true,
        canTrade: true,
        canWebSocket: true,
        withdraw: 'unknown',
      });
      expect(result.status === 'verified' && result.notes).toEqual([
        'The exchange could not say whether this key may withdraw funds: make sure “Withdraw Funds” is off for it on Kraken.',
      ]);
    });

    it('a key refused WithdrawStatus cannot withdraw', async () => {
      const key = await issue({
        permissions: ['query-funds', 'modify-trades', 'close-trades', 'create-ws-token'],
      });
      expect(await check(key, withoutKeyInfo)).toMatchObject({
        source: 'probe',
        withdraw: 'no',
        canTrade: true,
      });
    });

    it('a wrong private key is still refused, not probed further', async () => {
      const wrong = { key: sim.keys.trading.key, secret: Buffer.alloc(64, 9).toString('base64') };
      expect(await check(wrong, withoutKeyInfo)).toMatchObject({ status: 'rejected' });
    });
  });

  it('a key bound to another endpoint is never sent: the check says it was not reached', async () => {
    const seen: string[] = [];
    const spy: FetchLike = (url, init) => {
      seen.push(url);
      return fetch(url, init);
    };
    const result = await check(sim.keys.trading, boundFetch(spy, 'https://api.kraken.com'));
    expect(result).toMatchObject({ status: 'unverified', reason: expect.stringContaining('signs only for') });
    expect(seen).toEqual([]);
  });
});
