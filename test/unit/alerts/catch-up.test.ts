import { describe, expect, it } from 'vitest';
import { createCatchUp, gapStarted, gapTicks, MINUTE } from '../../../lib/alerts/catch-up.ts';
import type { PriceTick } from '../../../lib/alerts/engine.ts';

const minute = 29_000_000 * MINUTE;

describe('gap', () => {
  it('starts only once a whole minute began after the last tick seen', () => {
    expect(gapStarted(undefined, minute)).toBe(false);
    expect(gapStarted(minute + 1_000, minute + 59_000)).toBe(false);
    expect(gapStarted(minute - 2_000, minute + 2_000)).toBe(true);
  });

  it('replays only the minutes after the one of the last tick, up to now', () => {
    const candle = (time: number) => ({ time, open: 1, high: 2, low: 0.5, close: 1 });
    const ticks = gapTicks('A/B', minute + 30_000, minute + 2 * MINUTE + 10_000, [
      candle(minute), // the minute of the last tick: watched live
      candle(minute + MINUTE),
      candle(minute + 2 * MINUTE), // still forming: its path is spread up to now
      candle(minute + 3 * MINUTE), // in the future
    ]);
    expect(ticks.map((t) => t.at)).toEqual([
      minute + MINUTE,
      minute + MINUTE + 15_000,
      minute + MINUTE + 30_000,
      minute + MINUTE + 45_000,
      minute + 2 * MINUTE,
      minute + 2 * MINUTE + 2_500,
      minute + 2 * MINUTE + 5_000,
      minute + 2 * MINUTE + 7_500,
    ]);
    expect(ticks.every((t) => t.offline)).toBe(true);
  });
});

describe('catch-up', () => {
  it('holds live ticks while due, then applies the replay first and the held ticks after', async () => {
    const applied: PriceTick[][] = [];
    const catchUp = createCatchUp({
      symbols: () => ['A/B'],
      seenAt: () => minute - 2_000,
      fetchCandles: async () => [{ time: minute, open: 1, high: 2, low: 0.5, close: 1 }],
      apply: async (ticks) => void applied.push([...ticks]),
      now: () => minute + 2_000,
    });
    const live: PriceTick = { symbol: 'A/B', last: 1, bid: 1, ask: 1, at: minute + 2_000 };
    expect(catchUp.hold(live)).toBe(true);
    expect(await catchUp.run()).toBe(4);
    expect(applied.map((batch) => batch.length)).toEqual([4, 1]);
    expect(applied[1]).toEqual([live]);
    expect(catchUp.hold(live)).toBe(false); // caught up: live ticks go straight through
    catchUp.suspend();
    expect(catchUp.hold(live)).toBe(true);
  });

  it('a candle fetch that fails replays nothing and still releases the held ticks', async () => {
    const applied: PriceTick[][] = [];
    const catchUp = createCatchUp({
      symbols: () => ['A/B'],
      seenAt: () => minute - 2_000,
      fetchCandles: async () => {
        throw new Error('offline');
      },
      apply: async (ticks) => void applied.push([...ticks]),
      now: () => minute + 2_000,
    });
    catchUp.hold({ symbol: 'A/B', last: 1, bid: 1, ask: 1, at: minute });
    expect(await catchUp.run()).toBe(0);
    expect(applied.map((b) => b.length)).toEqual([0, 1]);
  });
});
