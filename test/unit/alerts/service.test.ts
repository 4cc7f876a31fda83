import { describe, expect, it } from 'vitest';
import { type Candle, createAlertService } from '../../../lib/alerts/service.ts';
import type { AlertLogEntry } from '../../../lib/db/schema.ts';
import { memoryAlertStore } from '../../support/alert-store.ts';

const MINUTE = 60_000;

describe('alert service catch-up', () => {
  it('replays a minute that began after the last tick, however short the stop (4 s across a boundary)', async () => {
    const minute = 29_000_000 * MINUTE; // some minute boundary
    const lastSeen = minute - 2_000; // the worker stopped 2 s before it
    const now = minute + 2_000; // and came back 2 s after
    // The minute that began meanwhile spiked to 105 and came back: a crossing of 102 nobody saw live.
    const candles: Candle[] = [{ time: minute, open: 100, high: 105, low: 99.5, close: 100 }];
    const store = memoryAlertStore();
    const notified: AlertLogEntry[] = [];
    const deps = {
      store,
      notify: async (e: AlertLogEntry) => void notified.push(e),
      fetchCandles: async (_symbol: string, since: number) => candles.filter((c) => c.time + MINUTE > since),
      watchSymbols: () => {},
      latestTick: () => ({ symbol: 'BTC/USD', last: 100, bid: 100, ask: 100, at: lastSeen }),
      newId: () => 'r1',
    };
    const first = createAlertService({ ...deps, now: () => lastSeen });
    await first.start();
    await first.create({
      kind: 'cross',
      symbol: 'BTC/USD',
      direction: 'above',
      level: '102',
      rearmBand: '0',
      source: 'last',
      repeat: { kind: 'once' },
      expiresAt: null,
    });
    const restarted = createAlertService({ ...deps, now: () => now });
    await restarted.start();
    await restarted.onTick({ symbol: 'BTC/USD', last: 100, bid: 100, ask: 100, at: now }); // held back
    expect(await restarted.catchUp()).toBe(4);
    expect(notified.map((e) => [e.text, e.offline])).toEqual([
      [expect.stringMatching(/^BTC\/USD > 102: 105 · \d\d:\d\d$/), true],
    ]);
  });

  it('asks nothing while still in the minute of the last tick (that minute was watched live)', async () => {
    const minute = 29_000_000 * MINUTE;
    let asked = 0;
    const service = createAlertService({
      store: memoryAlertStore(),
      notify: async () => {},
      fetchCandles: async () => {
        asked += 1;
        return [];
      },
      watchSymbols: () => {},
      latestTick: () => undefined,
      now: () => minute + 10_000,
      newId: () => 'r1',
    });
    await service.start();
    await service.create({
      kind: 'cross',
      symbol: 'BTC/USD',
      direction: 'above',
      level: '102',
      rearmBand: '0',
      source: 'last',
      repeat: { kind: 'once' },
      expiresAt: null,
    });
    expect(await service.catchUp()).toBe(0);
    expect(asked).toBe(0);
  });
});
