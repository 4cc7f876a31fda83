// Rate limits and lockouts as the simulator enforces them (Kraken's documented counters), seen through
// lib/kraken's client: pacing instead of failing, snapping to the cap when another app spent the budget,
// typed refusals for the engine counter and the lockout, and the dead man's switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDeadManSwitch,
  createKrakenRest,
  createNonceSource,
  type FetchLike,
  type KrakenRestOptions,
  keyIdOf,
  memoryNonceStore,
  systemClock,
} from '../../lib/kraken/index.ts';
import { type SimHandle, startSimulator } from '../../sim/server.ts';

describe('limits enforced by the simulator (Pro tier, rate limits on)', () => {
  let s: SimHandle;
  const marks = memoryNonceStore();
  const client = (extra: Partial<KrakenRestOptions> = {}) =>
    createKrakenRest({
      baseUrl: s.rest,
      credentials: { apiKey: s.keys.trading.key, secret: s.keys.trading.secret },
      nonce: createNonceSource({ store: marks, keyId: keyIdOf(s.keys.trading.key) }),
      tier: 'pro',
      backoff: { baseMs: 5, capMs: 20, floorMs: 1 },
      ...extra,
    });

  beforeAll(async () => {
    s = await startSimulator({ port: 0, host: '127.0.0.1', stepMs: 0, tier: 'pro', rateLimit: 'on' });
  });
  afterAll(async () => s.close());

  it('another app spent the budget: Kraken says rate-limited, our counter snaps to its cap, the call waits and succeeds', async () => {
    // The "other app" shares the key (and, to keep nonces valid, the mark) but not our counter.
    const other = client();
    await Promise.all(Array.from({ length: 20 }, () => other.balance()));
    const answers: string[] = [];
    const watching: FetchLike = async (url, init) => {
      const r = await fetch(url, init);
      answers.push((await r.clone().json()).error.join(',') || 'ok');
      return r;
    };
    const ours = client({ fetch: watching });
    const t0 = Date.now();
    expect((await ours.balance()).ZUSD).toBeDefined();
    expect(answers).toEqual(['EAPI:Rate limit exceeded', 'ok']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // one point drains in 1 s at Pro
    expect(ours.restCounterLevel()).toBeGreaterThan(19);
  });

  it('EOrder:Rate limit exceeded (engine counter) is typed and snaps the pair counter', async () => {
    // A client that believes the engine allows far more than Pro's 180: the server disagrees.
    const greedy = client({ tradingLimits: { max: 10_000, decayPerSecond: 1 } });
    const orders = Array.from({ length: 200 }, (_, i) =>
      greedy
        .addOrder({
          pair: 'ETHUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.01',
          price: `${1000 + i}.00`,
        })
        .then(
          () => 'ok',
          (e: { code: string }) => e.code,
        ),
    );
    const results = await Promise.all(orders);
    // 180 plus what decays (3.75/s) while the 200 requests go through one by one.
    expect(results.filter((r) => r === 'ok').length).toBeLessThanOrEqual(190);
    expect(results).toContain('order-rate-limit');
    expect(greedy.tradingCounterLevel('ETHUSD')).toBeGreaterThanOrEqual(10_000 - 50);
    await client().cancelAll();
  });

  it('adds, amends and cancels as fast as the pair counter allows are never refused by it', async () => {
    // Each round: an add (1), an amend of the young order (1 + 3) and its cancel (8): Pro's 180 fill within
    // 14 rounds, then every round waits for the counter. Kraken charges on receipt, after our booking: the model
    // re-dates each booking to the answer, or it runs a hair below Kraken's and the add that it waited for is
    // refused at the threshold.
    const trader = client();
    const refusals: string[] = [];
    for (let round = 0; round < 18; round++) {
      try {
        const placed = await trader.addOrder({
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.0001',
          price: '40000.0',
        });
        const txid = placed.txid?.[0] ?? '';
        await trader.amendOrder({ txid, order_qty: '0.0002' });
        await trader.cancelOrder({ txid });
      } catch (e) {
        refusals.push((e as { code?: string }).code ?? String(e));
      }
    }
    expect(refusals).toEqual([]);
    expect(trader.tradingCounterLevel('XBTUSD')).toBeGreaterThan(160);
  }, 30_000);

  it("the dead man's switch arms CancelAllOrdersAfter and disarms it on stop", async () => {
    const rest = client();
    const seen: string[] = [];
    const dms = createDeadManSwitch({
      rest: {
        cancelAllOrdersAfter: async (p, o) => {
          const r = await rest.cancelAllOrdersAfter(p, o);
          seen.push(`${p.timeout}:${r.triggerTime}`);
          return r;
        },
      },
      clock: systemClock,
      timeoutSec: 60,
      refreshMs: 100,
    });
    await dms.arm();
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(3);
    await dms.stop();
    expect(seen.at(-1)).toBe('0:0');
    expect(seen[0]).toMatch(/^60:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe('lockout after repeated invalid nonces', () => {
  it('is EGeneral:Temporary lockout, typed as auth and not retried', async () => {
    const s = await startSimulator({ port: 0, host: '127.0.0.1', stepMs: 0 });
    try {
      const credentials = { apiKey: s.keys.query.key, secret: s.keys.query.secret };
      // A broken generator that always sends the same nonce: the first call passes, then every one fails.
      const stuck = { scale: 'ms' as const, next: async () => '1700000000000' };
      const rest = createKrakenRest({ baseUrl: s.rest, credentials, nonce: stuck });
      await rest.balance();
      const codes: string[] = [];
      for (let i = 0; i < 8; i++)
        codes.push(
          await rest.balance().then(
            () => 'ok',
            (e: { code: string }) => e.code,
          ),
        );
      expect(codes).toContain('invalid-nonce');
      expect(codes.at(-1)).toBe('lockout');
      const error = await rest.balance().catch((e) => e);
      expect(error).toMatchObject({ code: 'lockout', category: 'auth', retryable: false });
      expect(error.hint).toMatch(/15 minutes/);
    } finally {
      await s.close();
    }
  });
});
