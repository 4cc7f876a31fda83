import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCandleSource } from '../../lib/alerts/candle-source.ts';
import { type Candle, createAlertService } from '../../lib/alerts/service.ts';
import type { AlertLogEntry } from '../../lib/db/schema.ts';
import { createKrakenRest, restPairName } from '../../lib/kraken/index.ts';
import type { SimHandle } from '../../sim/server.ts';
import { memoryAlertStore as memoryStore } from '../support/alert-store.ts';
import { withSim } from '../support/sim.ts';

describe('alert catch-up from the simulator’s 1-minute candles (real REST)', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await withSim({ stepMs: 0 });
  });
  afterAll(async () => sim.close());

  // The background's candle source over a real REST client to the simulator.
  const fetchCandles = (symbol: string, sinceMs: number): Promise<Candle[]> =>
    createCandleSource({
      ohlc: (params) => createKrakenRest({ baseUrl: sim.rest }).ohlc(params),
      restPair: restPairName,
    })(symbol, sinceMs);

  it('fires once, marked offline, for a level the market crossed while we were away', async () => {
    const now = Date.now();
    const since = now - 10 * 60_000;
    const candles = await fetchCandles('BTC/USD', since);
    const afterSince = candles.filter((c) => c.time >= Math.floor(since / 60_000) * 60_000 + 60_000);
    expect(afterSince.length).toBeGreaterThanOrEqual(5);
    // A level between the lowest low and the highest high of those minutes: the market crossed it.
    const low = Math.min(...afterSince.map((c) => c.low));
    const high = Math.max(...afterSince.map((c) => c.high));
    const level = ((low + high) / 2).toFixed(1);

    const store = memoryStore();
    const notified: AlertLogEntry[] = [];
    const service = createAlertService({
      store,
      notify: async (e) => void notified.push(e),
      fetchCandles,
      watchSymbols: () => {},
      latestTick: () => undefined,
      now: () => now,
      newId: () => 'rule-1',
    });
    await service.start();
    await service.create({
      kind: 'cross',
      symbol: 'BTC/USD',
      direction: 'above',
      level,
      rearmBand: (high - low).toFixed(1), // wider than the whole range: one crossing can fire only once
      source: 'last',
      repeat: { kind: 'repeat', cooldownMs: 0 },
      expiresAt: null,
    });
    // Last seen 10 minutes ago, below the level.
    await store.saveStates(
      new Map([
        [
          'rule-1',
          { lastPrice: low - 1, armed: true, lastFiredAt: null, fires: 0, done: false, minQ: [], maxQ: [] },
        ],
      ]),
    );
    await store.saveSeen({ 'BTC/USD': since });
    const restarted = createAlertService({
      store,
      notify: async (e) => void notified.push(e),
      fetchCandles,
      watchSymbols: () => {},
      latestTick: () => undefined,
      now: () => now,
      newId: () => 'unused',
    });
    await restarted.start();
    // The restarted worker's first live tick (back below the level) lands before the catch-up runs: it must
    // wait, or it would move "last seen" past the gap and the crossing in between would never be replayed.
    await restarted.onTick({ symbol: 'BTC/USD', last: low - 1, bid: low - 1, ask: low - 1, at: now });
    expect(notified).toHaveLength(0);
    expect(await restarted.catchUp()).toBeGreaterThan(0);
    expect(notified).toHaveLength(1);
    expect(notified[0]?.text).toMatch(/^BTC\/USD > [\d.]+: [\d.]+ · \d\d:\d\d$/);
    expect(notified[0]?.offline).toBe(true);
    // Catching up again (another reconnect) finds nothing new to fire.
    await restarted.catchUp();
    expect(notified).toHaveLength(1);
  });
});
