// Keys sign only for the endpoint they were added for: live access refuses a key bound to another endpoint
// ('no-key-for-endpoint', shown as "Add a key for this endpoint…"), and the fetch every signed request of a
// live account goes through sends nothing to another endpoint — not even the dead man's switch's disarm.
import { describe, expect, it } from 'vitest';
import { memoryFillMarkStore } from '../../../lib/db/fill-marks.ts';
import {
  createKrakenRest,
  type FetchLike,
  type KrakenRest,
  memoryIntentStore,
  type OrderIntent,
  OrderOutcomeUnknown,
  systemClock,
  type WsSession,
} from '../../../lib/kraken/index.ts';
import { defaultSettings } from '../../../lib/settings/schema.ts';
import { createSettingsStore } from '../../../lib/settings/store.ts';
import {
  type ActiveKeyMaterial,
  createLiveAccess,
  type LiveAccess,
} from '../../../lib/trading/live/access.ts';
import type { LiveAccount } from '../../../lib/trading/live/account.ts';
import { revocableFetch } from '../../../lib/trading/live/revocable-fetch.ts';
import type { PaperAccount } from '../../../lib/trading/paper-account.ts';
import { createTradingService } from '../../../lib/trading/service.ts';
import { memoryIdbIntentStore } from '../../support/intent-store.ts';

const SIM = 'http://127.0.0.1:8787';
const KRAKEN = 'https://api.kraken.com';
const KEY: ActiveKeyMaterial = {
  apiKey: 'K'.repeat(56),
  apiSecret: Buffer.alloc(64, 1).toString('base64'),
  id: 'key-1',
  keyVersion: 1,
  endpoint: SIM,
};

function access(configured: { rest: string; wsPrivate: string | null }, key = KEY) {
  const made: { fetch?: FetchLike } = {};
  const active = { id: key.id, keyVersion: key.keyVersion };
  const get = createLiveAccess({
    vault: { status: async () => 'unlocked', activeSecrets: async () => key, activeKey: () => active },
    endpoints: () => configured,
    restFor: (_secrets, fetch): KrakenRest => {
      made.fetch = fetch;
      return createKrakenRest({ baseUrl: key.endpoint, fetch });
    },
    createSession: () => ({}) as WsSession,
    intents: memoryIntentStore(),
    fillMarks: memoryFillMarkStore(),
    clock: systemClock,
    rulesFor: () => undefined,
    onChange: () => {},
    onFill: async () => {},
    onIntent: () => {},
    fetch: async () => new Response('{"error":[],"result":{}}'),
  });
  return { get, made };
}

describe('live access and the key’s endpoint', () => {
  it('a key added for the simulator has no live account when Kraken is configured, and vice versa', async () => {
    expect(await access({ rest: KRAKEN, wsPrivate: 'wss://ws-auth.kraken.com/v2' }).get()).toEqual({
      kind: 'no-key-for-endpoint',
      keyEndpoint: SIM,
    });
    const krakenKey = { ...KEY, endpoint: KRAKEN };
    const other = access(
      { rest: 'http://localhost:8787', wsPrivate: 'ws://localhost:8787/v2-auth' },
      krakenKey,
    );
    expect((await other.get()).kind).toBe('no-key-for-endpoint');
    // The same simulator under another name is another endpoint too.
    expect(
      (await access({ rest: 'http://localhost:8787', wsPrivate: 'ws://localhost:8787/v2-auth' }).get()).kind,
    ).toBe('no-key-for-endpoint');
  });

  it('the key’s own endpoint: ready, and its fetch sends only there', async () => {
    const a = access({ rest: SIM, wsPrivate: `${SIM.replace('http', 'ws')}/v2-auth` });
    const ready = (await a.get()) as Extract<LiveAccess, { kind: 'ready' }>;
    expect(ready).toMatchObject({ kind: 'ready', account: { endpoint: SIM, keyVersion: 1 } });
    ready.create();
    const fetch = a.made.fetch as FetchLike;
    await expect(
      fetch(`${SIM}/0/private/Balance`, { method: 'POST', body: 'nonce=1' }),
    ).resolves.toBeInstanceOf(Response);
    for (const url of [`${KRAKEN}/0/private/Balance`, 'http://localhost:8787/0/private/Balance']) {
      await expect(fetch(url, { method: 'POST', body: 'nonce=2' })).rejects.toMatchObject({
        code: 'not-sent',
        detail: `this key signs only for ${SIM}`,
      });
    }
  });
});

describe('revocableFetch', () => {
  const ok: FetchLike = async () => new Response('{}');
  const disarm = { method: 'POST', body: 'nonce=5&timeout=0' };

  it('once the account is no longer current, only the disarm leaves, and only for the key’s endpoint', async () => {
    const f = revocableFetch(ok, () => false, SIM);
    await expect(f(`${SIM}/0/private/AddOrder`, { method: 'POST', body: 'nonce=1' })).rejects.toMatchObject({
      code: 'not-sent',
    });
    await expect(f(`${SIM}/0/private/CancelAllOrdersAfter`, disarm)).resolves.toBeInstanceOf(Response);
    await expect(f(`${KRAKEN}/0/private/CancelAllOrdersAfter`, disarm)).rejects.toMatchObject({
      detail: `this key signs only for ${SIM}`,
    });
  });

  it('while current, nothing leaves for another endpoint either', async () => {
    const f = revocableFetch(ok, () => true, SIM);
    await expect(f(`${KRAKEN}/0/private/Balance`, { method: 'POST' })).rejects.toMatchObject({
      code: 'not-sent',
    });
    await expect(f('http://127.0.0.1:9999/0/private/Balance', { method: 'POST' })).rejects.toMatchObject({
      code: 'not-sent',
    });
  });
});

describe('trading service: a key for another endpoint', () => {
  it('says what to do, keeps paper trading, and lists the key’s unsettled orders as another account’s', async () => {
    const settings = createSettingsStore({
      load: async () => ({ ...defaultSettings(), tradingMode: 'live' }),
      save: async () => {},
    });
    await settings.load();
    const intents = memoryIdbIntentStore();
    const account = { keyId: 'k', keyVersion: 1, endpoint: SIM };
    const intent: OrderIntent = {
      clOrdId: '0b0d3c1e-5f61-4a7e-9c1d-2f3a4b5c6d7e',
      params: { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.001', price: '1.0' },
      state: 'unknown',
      account,
      confirmedAt: Date.now(),
      attempts: 1,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await intents.put(intent);
    let answer: LiveAccess = {
      kind: 'ready',
      id: 'a',
      account,
      create: () =>
        ({
          start: async () => {},
          stop: async () => {},
          status: () => ({ kind: 'ready' }),
          deadMan: () => ({ kind: 'off' }),
          deadManState: () => ({ kind: 'off' }),
          deadManSettled: async () => {},
          orders: () => [],
          fills: () => [],
          balances: () => [],
          fees: () => ({ source: 'starter', makerPercent: '0.25', takerPercent: '0.40' }),
          rates: () => [],
        }) as unknown as LiveAccount,
    };
    const service = createTradingService({
      settings,
      market: {
        rulesFor: () => undefined,
        book: () => undefined,
        watchTicket: () => {},
        lastPrice: () => undefined,
        watchTickers: () => {},
      },
      paper: {
        start: async () => {},
        notice: () => undefined,
        orders: () => [],
        fills: () => [],
        balances: () => [],
      } as unknown as PaperAccount,
      intents,
      now: Date.now,
      liveAccess: async () => answer,
    });
    await service.start();
    expect(service.view().intents).toMatchObject([{ account: 'current', state: 'unknown' }]);
    answer = { kind: 'no-key-for-endpoint', keyEndpoint: SIM };
    await service.refresh();
    expect(service.view().live).toEqual({ kind: 'no-key', otherEndpoint: true });
    expect(service.view().intents).toMatchObject([{ account: 'other', where: '127.0.0.1:8787' }]);
    // Never sent here: asking about it says it is still unknown (it is checked once its own endpoint is back).
    expect(() => service.check(intent.clOrdId)).toThrow(OrderOutcomeUnknown);
  });
});
