// lib/kraken's REST client against the simulator over real HTTP: signatures, nonces, typed refusals,
// orders never sent twice under dropped responses. The simulator is an independent implementation of
// Kraken's documented protocol (sim/ imports nothing from lib/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKrakenRest,
  createNonceSource,
  createOrderPlacer,
  type FetchLike,
  KrakenError,
  type KrakenRestOptions,
  keyIdOf,
  memoryIntentStore,
  memoryNonceStore,
  type NonceStore,
} from '../../lib/kraken/index.ts';
import { type SimHandle, type SimOptions, startSimulator } from '../../sim/server.ts';
import { simControl } from '../support/sim.ts';

const RELAXED = {
  restLimits: { max: 2000, decayPerSecond: 100 },
  tradingLimits: { max: 18_000, decayPerSecond: 375 },
};
const FAST = { backoff: { baseMs: 5, capMs: 20, floorMs: 1 } };

async function sim(options: SimOptions = {}): Promise<SimHandle> {
  return startSimulator({ port: 0, host: '127.0.0.1', seed: 7, stepMs: 0, ...options });
}

/** A fetch that counts what the server answered, so retries inside the client cannot hide an error. */
function wireCounter() {
  const seen = new Map<string, number>();
  const wrapped: FetchLike = async (url, init) => {
    const response = await fetch(url, init);
    const text = await response.clone().text();
    let errors: string[];
    try {
      errors = (JSON.parse(text) as { error?: string[] }).error ?? [];
    } catch {
      errors = [`HTTP ${response.status} not JSON`];
    }
    for (const e of errors) seen.set(e, (seen.get(e) ?? 0) + 1);
    return response;
  };
  return { fetch: wrapped, seen };
}

describe('REST client against the simulator', () => {
  let s: SimHandle;
  // Every client on one key shares the persisted mark, as the extension's clients share IndexedDB: two
  // clients with separate marks can hand out the same millisecond (the hazard docs/nonce.md describes).
  const marks = memoryNonceStore();
  const client = (extra: Partial<KrakenRestOptions> = {}) =>
    createKrakenRest({
      baseUrl: s.rest,
      credentials: { apiKey: s.keys.trading.key, secret: s.keys.trading.secret },
      nonce: createNonceSource({
        store: marks,
        keyId: keyIdOf(extra.credentials?.apiKey ?? s.keys.trading.key),
      }),
      tier: 'pro',
      ...RELAXED,
      ...FAST,
      ...extra,
    });

  beforeAll(async () => {
    s = await sim({ tier: 'pro', rateLimit: 'relaxed' });
  });
  afterAll(async () => s.close());

  it('public calls: Time, AssetPairs, Ticker keyed by the pair id', async () => {
    const rest = client({ credentials: undefined });
    const time = await rest.time();
    expect(Math.abs(time.unixtime * 1000 - Date.now())).toBeLessThan(5_000);
    const pairs = await rest.assetPairs({ pair: ['XBTUSD'] });
    expect(pairs.XXBTZUSD?.ordermin).toBe('0.0001');
    const ticker = await rest.ticker({ pair: ['XBTUSD'] });
    expect(ticker.XXBTZUSD?.c[0]).toMatch(/^\d+\.\d+$/);
  });

  it('signed calls are accepted: Balance, TradeBalance, OpenOrders, a validate-only AddOrder, a token', async () => {
    const rest = client();
    const balance = await rest.balance();
    expect(balance.ZUSD).toMatch(/^\d+\.\d{4}$/);
    const preview = await rest.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.001',
      price: '50000.0',
      validate: true,
    });
    expect(preview.txid).toBeUndefined();
    expect(preview.descr.order).toContain('buy');
    expect(await rest.openOrders()).toHaveProperty('open');
    expect((await rest.getWebSocketsToken()).token.length).toBeGreaterThan(10);
  });

  it('places, finds by cl_ord_id, and cancels an order', async () => {
    const rest = client();
    const placed = await rest.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.001',
      price: '40000.0',
      cl_ord_id: 'it-place-cancel-1',
    });
    const txid = placed.txid?.[0] ?? '';
    expect(txid).toMatch(/^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$/);
    const open = await rest.openOrders({ cl_ord_id: 'it-place-cancel-1' });
    expect(Object.keys(open.open)).toEqual([txid]);
    expect(await rest.cancelOrder({ txid })).toMatchObject({ count: 1 });
    await expect(rest.cancelOrder({ txid })).rejects.toMatchObject({ code: 'unknown-order' });
  });

  // Each refusal the simulator produces with Kraken's exact string, mapped to our typed error.
  it.each([
    [
      'invalid key',
      () => client({ credentials: { apiKey: 'nope', secret: 'c2VjcmV0' } }).balance(),
      'invalid-key',
    ],
    [
      'invalid signature (wrong secret)',
      () =>
        client({
          credentials: { apiKey: s.keys.trading.key, secret: Buffer.alloc(64, 7).toString('base64') },
        }).balance(),
      'invalid-signature',
    ],
    [
      'insufficient funds',
      () =>
        client().addOrder({
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '100',
          price: '90000.0',
        }),
      'insufficient-funds',
    ],
    [
      'order minimum',
      () =>
        client().addOrder({
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.00001',
          price: '50000.0',
        }),
      'order-minimum',
    ],
    [
      'unknown pair',
      () => client().addOrder({ pair: 'FOOBAR', type: 'buy', ordertype: 'limit', volume: '1', price: '1' }),
      'unknown-pair',
    ],
    [
      'permission denied (query-only key places an order)',
      () =>
        client({ credentials: { apiKey: s.keys.query.key, secret: s.keys.query.secret } }).addOrder({
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.001',
          price: '50000.0',
        }),
      'permission-denied',
    ],
    ['unknown order', () => client().cancelOrder({ txid: 'OAAAAA-BBBBB-CCCCCC' }), 'unknown-order'],
  ])('refusal: %s', async (_, call, code) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KrakenError);
    expect(error).toMatchObject({ code });
    expect((error as KrakenError).kraken[0]).toMatch(/^E[A-Za-z]+:/);
  });

  it('refusal: a nonce below the last accepted one is EAPI:Invalid nonce (after one retry)', async () => {
    // Its own key: afterwards the key is at ns scale and every ms-scale nonce is too small (docs/nonce.md).
    const credentials = { apiKey: s.keys.nows.key, secret: s.keys.nows.secret };
    const nsSource = createNonceSource({ store: memoryNonceStore(), keyId: 'k', scale: 'ns' });
    await client({ credentials, nonce: nsSource }).balance();
    const wire = wireCounter();
    const error = await client({ credentials, fetch: wire.fetch })
      .balance()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-nonce', category: 'auth', retryable: false });
    expect(wire.seen.get('EAPI:Invalid nonce')).toBe(2);
  });

  it.each([
    [{ cloudflare: { status: 522, count: 1 } }, 'http-status'],
    [{ serviceError: { error: 'EService:Unavailable', count: 1 } }, 'unavailable'],
    [{ httpStatus: { status: 502, count: 1 } }, 'http-status'],
  ])('fault %j on a non-idempotent call becomes a typed %s error', async (fault, code) => {
    await simControl(s, 'faults', {
      ...fault,
      [Object.keys(fault)[0] as string]: { ...Object.values(fault)[0], methods: ['CancelAll'] },
    });
    const error = await client()
      .cancelAll()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code, retryable: true });
    await simControl(s, 'faults/clear');
  });

  it('an idempotent call rides out a Cloudflare page and an EService:Busy with retries', async () => {
    // Each call takes at most one fault of each kind, so count 2 means the first two calls fail.
    await simControl(s, 'faults', { cloudflare: { status: 522, count: 2, methods: ['Balance'] } });
    const wire = wireCounter();
    expect((await client({ fetch: wire.fetch }).balance()).ZUSD).toBeDefined();
    expect(wire.seen.get('HTTP 522 not JSON')).toBe(2);
    await simControl(s, 'faults', {
      serviceError: { error: 'EService:Busy', count: 2, methods: ['Balance'] },
    });
    expect((await client({ fetch: wire.fetch }).balance()).ZUSD).toBeDefined();
    expect(wire.seen.get('EService:Busy')).toBe(2);
    await simControl(s, 'faults/clear');
  });
});

describe('orders are never sent twice (simulator drops 30% of order responses after executing them)', () => {
  let s: SimHandle;
  beforeAll(async () => {
    s = await sim({ tier: 'pro', rateLimit: 'relaxed', seed: 11 });
  });
  afterAll(async () => s.close());

  it('200 order intents → exactly 200 orders on the exchange, none lost, none doubled', async () => {
    const wire = wireCounter();
    const rest = createKrakenRest({
      baseUrl: s.rest,
      credentials: { apiKey: s.keys.trading.key, secret: s.keys.trading.secret },
      tier: 'pro',
      fetch: wire.fetch,
      ...RELAXED,
      ...FAST,
    });
    const store = memoryIntentStore();
    const placer = createOrderPlacer({
      rest,
      store,
      // Sleeps shortened: the fault only drops answers of executed orders, so an early lookup finds them.
      clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) },
      account: { keyId: 'integration', keyVersion: 1, endpoint: s.rest },
      settleMarginMs: 0,
      maxAttempts: 50,
    });
    await simControl(s, 'faults', { dropOrderResponses: { probability: 0.3 } });
    // Limit buys far below the market (≈97,000) so they rest on the book and can be counted.
    const intents = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        placer.place({
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.0001',
          price: `${40000 + i}.0`,
        }),
      ),
    );
    await simControl(s, 'faults/clear');

    expect(intents.every((i) => i.state === 'placed')).toBe(true);
    const dropped = intents.filter((i) => i.attempts > 1 || i.error !== undefined).length;
    expect(dropped).toBeGreaterThan(20); // the fault really fired (expected ≈ 60)

    const open = (await rest.openOrders()).open;
    const ours = Object.entries(open).filter(([, o]) => intents.some((i) => i.clOrdId === o.cl_ord_id));
    expect(ours).toHaveLength(200);
    expect(new Set(ours.map(([, o]) => o.cl_ord_id)).size).toBe(200);
    for (const intent of intents) {
      const match = ours.filter(([, o]) => o.cl_ord_id === intent.clOrdId);
      expect(match.map(([txid]) => txid)).toEqual(intent.txid);
    }
    expect(wire.seen.get('EAPI:Invalid nonce') ?? 0).toBe(0);
  });
});

describe('orders with a deadline', () => {
  it('Kraken accepts our deadline; after a dropped answer the lookup waits past it and finds the one order', async () => {
    const s = await sim({ tier: 'pro', rateLimit: 'relaxed', seed: 5 });
    try {
      const rest = createKrakenRest({
        baseUrl: s.rest,
        credentials: { apiKey: s.keys.trading.key, secret: s.keys.trading.secret },
        ...RELAXED,
      });
      const placer = createOrderPlacer({
        rest,
        store: memoryIntentStore(),
        clock: { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
        account: { keyId: 'integration', keyVersion: 1, endpoint: s.rest },
        deadlineMs: 2_000,
        settleMarginMs: 0,
      });
      await simControl(s, 'faults', { dropOrderResponses: { count: 1 } });
      const t0 = Date.now();
      const intent = await placer.place({
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.0001',
        price: '41000.0',
      });
      expect(intent).toMatchObject({ state: 'placed', attempts: 1 });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(2_000);
      const open = await rest.openOrders({ cl_ord_id: intent.clOrdId });
      expect(Object.keys(open.open)).toEqual(intent.txid);
    } finally {
      await s.close();
    }
  });
});

describe('nonces under load', () => {
  let s: SimHandle;
  beforeAll(async () => {
    s = await sim({ tier: 'pro', rateLimit: 'off', seed: 3 });
  });
  afterAll(async () => s.close());

  it('1,000 calls from 5 concurrent callers across 4 worker restarts and a clock that jumps back: zero invalid nonces', async () => {
    const wire = wireCounter();
    // One persisted store (IndexedDB in the extension) outlives every "service worker".
    const store: NonceStore = memoryNonceStore();
    let skew = 0;
    let ok = 0;
    for (let life = 0; life < 4; life++) {
      if (life === 2) skew = -60_000; // the OS clock is corrected backwards between two lives
      const rest = createKrakenRest({
        baseUrl: s.rest,
        credentials: { apiKey: s.keys.trading.key, secret: s.keys.trading.secret },
        fetch: wire.fetch,
        nonce: createNonceSource({ store, keyId: keyIdOf(s.keys.trading.key), now: () => Date.now() + skew }),
        restLimits: { max: 1e9, decayPerSecond: 1e9 },
        ...FAST,
      });
      const caller = async (n: number) => {
        for (let i = 0; i < n; i++) {
          await (i % 2 === 0 ? rest.balance() : rest.openOrders());
          ok++;
        }
      };
      await Promise.all([caller(50), caller(50), caller(50), caller(50), caller(50)]);
    }
    expect(ok).toBe(1000);
    expect(wire.seen.get('EAPI:Invalid nonce') ?? 0).toBe(0);
  });
});
