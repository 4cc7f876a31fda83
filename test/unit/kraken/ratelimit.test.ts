import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDecayingCounter,
  createTradingLimiter,
  REST_LIMITS,
  restCost,
  tradingCost,
} from '../../../lib/kraken/index.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

describe('REST call counter', () => {
  it('lets a burst up to the cap through at once, then paces at the decay rate (Pro: 20, 1/s)', async () => {
    const clock = virtualClock();
    const counter = createDecayingCounter(REST_LIMITS.pro, clock);
    const t0 = clock.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, () => counter.acquire(1).then(() => times.push(clock.now() - t0))),
    );
    expect(times.slice(0, 20)).toEqual(Array(20).fill(0));
    expect(times.slice(20)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
  });

  it('Starter drains 0.33 per second: the 16th call waits about 3 s', async () => {
    const clock = virtualClock();
    const counter = createDecayingCounter(REST_LIMITS.starter, clock);
    for (let i = 0; i < 15; i++) await counter.acquire(1);
    const t0 = clock.now();
    await counter.acquire(1);
    expect(clock.now() - t0).toBe(Math.ceil(1000 / 0.33));
  });

  it('history calls cost 2, order entry 0 (engine counter), everything else 1; costs are configurable', () => {
    expect(restCost('TradesHistory')).toBe(2);
    expect(restCost('Ledgers')).toBe(2);
    expect(restCost('Balance')).toBe(1);
    expect(restCost('AddOrder')).toBe(0);
    expect(restCost('CancelOrder')).toBe(0);
    expect(restCost('TradesHistory', { TradesHistory: 4 })).toBe(4);
  });

  it('snaps to its cap when the server says rate-limited, so the next call waits a full point', async () => {
    const clock = virtualClock();
    const counter = createDecayingCounter(REST_LIMITS.pro, clock);
    await counter.acquire(1);
    counter.snapToCap();
    expect(counter.level()).toBe(20);
    const t0 = clock.now();
    await counter.acquire(1);
    expect(clock.now() - t0).toBe(1000);
  });

  it('re-dates a charge to when the answer came, so a slow first request cannot put the server ahead', async () => {
    const clock = virtualClock();
    const counter = createDecayingCounter(REST_LIMITS.pro, clock);
    await counter.acquire(1);
    clock.advance(300); // the answer took 300 ms: the server may have charged it just now
    counter.redate(1, 300);
    expect(counter.level()).toBeCloseTo(1, 9);
    counter.redate(1, 60_000); // never more than the cost itself
    expect(counter.level()).toBeCloseTo(2, 9);
  });

  it('a waiting caller can give up through its AbortSignal', async () => {
    const clock = virtualClock();
    const counter = createDecayingCounter(REST_LIMITS.pro, clock);
    counter.snapToCap();
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(counter.acquire(1, controller.signal)).rejects.toThrow('stop');
  });

  it('property: over any schedule the counter never exceeds its cap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 2 })), {
          maxLength: 60,
        }),
        fc.constantFrom('starter', 'intermediate', 'pro' as const),
        async (calls, tier) => {
          const clock = virtualClock();
          const counter = createDecayingCounter(REST_LIMITS[tier], clock);
          for (const [gap, cost] of calls) {
            clock.advance(gap);
            await counter.acquire(cost);
            expect(counter.level()).toBeLessThanOrEqual(REST_LIMITS[tier].max + 1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('per-pair trading counter (SPEC.md §4.2)', () => {
  it.each([
    ['add', undefined, 1],
    ['amend', 2_000, 4],
    ['amend', 7_000, 3],
    ['amend', 20_000, 1],
    ['edit', 1_000, 7],
    ['edit', 60_000, 2],
    ['cancel', 1_000, 8],
    ['cancel', 7_000, 6],
    ['cancel', 12_000, 5],
    ['cancel', 36_000, 4],
    ['cancel', 60_000, 2],
    ['cancel', 200_000, 1],
    ['cancel', 300_000, 0],
  ] as const)('%s at age %s ms costs %i', (action, age, cost) => {
    expect(tradingCost(action, age)).toBe(cost);
  });

  it("reproduces Kraken's worked example: add, amend after 7 s, cancel 36 s later → 8", () => {
    // The cancel's age counts from the amendment (SPEC.md §4.2).
    expect(tradingCost('add', undefined) + tradingCost('amend', 7_000) + tradingCost('cancel', 36_000)).toBe(
      8,
    );
  });

  it('decays per tier: 50 adds then 10 s at Intermediate leaves 26.6', async () => {
    const clock = virtualClock();
    const limiter = createTradingLimiter('intermediate', clock);
    for (let i = 0; i < 50; i++) await limiter.acquire('XBTUSD', 'add');
    clock.advance(10_000);
    expect(limiter.level('XBTUSD')).toBeCloseTo(26.6, 6);
  });

  it('prices a cancel by the age of the order it remembers, and pairs are independent', async () => {
    const clock = virtualClock();
    const limiter = createTradingLimiter('pro', clock);
    await limiter.acquire('XBTUSD', 'add');
    limiter.remember('O1', 'XBTUSD');
    await limiter.acquire('XBTUSD', 'cancel', 'O1');
    expect(limiter.level('XBTUSD')).toBe(9);
    expect(limiter.level('ETHUSD')).toBe(0);
  });

  it('waits instead of exceeding the threshold (Starter 60, −1/s)', async () => {
    const clock = virtualClock();
    const limiter = createTradingLimiter('starter', clock);
    for (let i = 0; i < 60; i++) await limiter.acquire('XBTUSD', 'add');
    const t0 = clock.now();
    await limiter.acquire('XBTUSD', 'add');
    expect(clock.now() - t0).toBe(1000);
  });

  it('re-dates a booking to when Kraken answered, so a full counter here is never over at Kraken', async () => {
    const clock = virtualClock();
    const limiter = createTradingLimiter('starter', clock);
    for (let i = 0; i < 59; i++) await limiter.acquire('XBTUSD', 'add');
    // Kraken charges the 60th on receipt: its answer comes 500 ms after our booking, so Kraken's counter
    // holds the point 0.5 higher than a model dated at the booking.
    const settle = await limiter.acquire('XBTUSD', 'add');
    clock.advance(500);
    settle();
    expect(limiter.level('XBTUSD')).toBeCloseTo(60, 9);
    const t0 = clock.now();
    await limiter.acquire('XBTUSD', 'amend');
    expect(clock.now() - t0).toBe(1000);
  });
});
