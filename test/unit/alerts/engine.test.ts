import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candleTicks,
  evaluate,
  type Firing,
  initialState,
  type PriceTick,
  type RuleState,
  seededState,
} from '../../../lib/alerts/engine.ts';
import { type AlertRule, type CrossRule, type MoveRule, parseRule } from '../../../lib/alerts/rules.ts';

const cross = (over: Partial<CrossRule> = {}): CrossRule => ({
  id: 'r1',
  symbol: 'BTC/USD',
  source: 'last',
  repeat: { kind: 'repeat', cooldownMs: 0 },
  expiresAt: null,
  paused: false,
  snoozedUntil: null,
  createdAt: 0,
  kind: 'cross',
  direction: 'above',
  level: '100',
  rearmBand: '0',
  ...over,
});

const move = (over: Partial<MoveRule> = {}): MoveRule => ({
  id: 'm1',
  symbol: 'BTC/USD',
  source: 'last',
  repeat: { kind: 'repeat', cooldownMs: 0 },
  expiresAt: null,
  paused: false,
  snoozedUntil: null,
  createdAt: 0,
  kind: 'move',
  percent: 5,
  windowMs: 15 * 60_000,
  ...over,
});

const tick = (last: number, at: number): PriceTick => ({ symbol: 'BTC/USD', last, bid: last, ask: last, at });

/** Runs a price path through the engine; returns the firings and the final state. */
function run(
  rules: AlertRule[],
  prices: number[],
  opts: { start?: Map<string, RuleState>; t0?: number; dt?: number } = {},
) {
  let states = new Map(opts.start ?? []);
  const fired: Firing[] = [];
  prices.forEach((p, i) => {
    const r = evaluate(rules, states, tick(p, (opts.t0 ?? 0) + i * (opts.dt ?? 1000)));
    states = new Map([...states, ...r.changed]);
    fired.push(...r.fired);
  });
  return { fired, states };
}

// Prices on a small grid around the level, so paths cross it often.
const path = fc.array(fc.integer({ min: 80, max: 120 }), { minLength: 2, maxLength: 300 });

describe('cross rules (properties)', () => {
  it('never fires without a crossing against the previous observed price', () => {
    fc.assert(
      fc.property(path, fc.constantFrom<'above' | 'below'>('above', 'below'), (prices, direction) => {
        const { fired } = run([cross({ direction })], prices);
        for (const f of fired) {
          const i = f.at / 1000;
          const prev = prices[i - 1] as number;
          if (direction === 'above') expect(prev < 100 && f.price >= 100).toBe(true);
          else expect(prev > 100 && f.price <= 100).toBe(true);
        }
      }),
    );
  });

  it('fires exactly once per crossing under oscillation with a re-arm band', () => {
    fc.assert(
      fc.property(path, fc.integer({ min: 0, max: 10 }), (prices, band) => {
        const { fired } = run([cross({ rearmBand: String(band) })], prices);
        // Reference: a crossing counts when the price came from below and, since the last counted one,
        // it has been below level − band.
        let expected = 0;
        let armed = true;
        for (let i = 1; i < prices.length; i++) {
          const prev = prices[i - 1] as number;
          const p = prices[i] as number;
          if (!armed && p < 100 - band) armed = true;
          if (prev < 100 && p >= 100 && armed) {
            expected += 1;
            armed = false;
            if (p < 100 - band) armed = true;
          }
        }
        expect(fired).toHaveLength(expected);
      }),
    );
  });

  it('a price hovering at the line fires once when the band is wider than the hover', () => {
    const hover = [95, 101, 99.5, 100.2, 99.9, 100.4, 99.1, 100.8];
    expect(run([cross({ rearmBand: '2' })], hover).fired).toHaveLength(1);
    expect(run([cross({ rearmBand: '0' })], hover).fired.length).toBeGreaterThan(1);
  });

  it('respects the cooldown and "once"', () => {
    fc.assert(
      fc.property(path, fc.integer({ min: 0, max: 20_000 }), (prices, cooldownMs) => {
        const { fired } = run([cross({ repeat: { kind: 'repeat', cooldownMs } })], prices);
        for (let i = 1; i < fired.length; i++) {
          expect((fired[i] as Firing).at - (fired[i - 1] as Firing).at).toBeGreaterThanOrEqual(cooldownMs);
        }
        expect(run([cross({ repeat: { kind: 'once' } })], prices).fired.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never fires after expiry, nor while paused', () => {
    fc.assert(
      fc.property(path, fc.integer({ min: 0, max: 300_000 }), (prices, expiresAt) => {
        for (const f of run([cross({ expiresAt })], prices).fired)
          expect(f.at).toBeLessThanOrEqual(expiresAt);
        expect(run([cross({ paused: true })], prices).fired).toEqual([]);
        for (const f of run([cross({ snoozedUntil: 100_000 })], prices).fired)
          expect(f.at).toBeGreaterThanOrEqual(100_000);
      }),
    );
  });

  it('state survives serialisation: a restart in the middle neither re-fires nor misses', () => {
    fc.assert(
      fc.property(path, fc.nat(), fc.integer({ min: 0, max: 10 }), (prices, cut, band) => {
        const rules = [
          cross({ rearmBand: String(band) }),
          cross({ id: 'r2', direction: 'below', level: '95' }),
        ];
        const straight = run(rules, prices).fired;
        const at = cut % prices.length;
        const first = run(rules, prices.slice(0, at));
        const restored = new Map(JSON.parse(JSON.stringify([...first.states])) as [string, RuleState][]);
        const second = run(rules, prices.slice(at), { start: restored, t0: at * 1000 });
        expect([...first.fired, ...second.fired]).toEqual(straight);
      }),
    );
  });

  it('judges mid-price rules on (bid + ask) / 2', () => {
    const rule = cross({ source: 'mid' });
    let states = new Map<string, RuleState>();
    const step = (bid: number, ask: number, at: number) => {
      const r = evaluate([rule], states, { symbol: 'BTC/USD', last: 0.5, bid, ask, at });
      states = new Map([...states, ...r.changed]);
      return r.fired;
    };
    expect(step(98, 99, 1)).toEqual([]);
    expect(step(99.5, 100.5, 2)).toMatchObject([{ price: 100 }]);
  });

  it('ignores ticks of other pairs and nonsense prices', () => {
    const r = evaluate([cross()], new Map(), { symbol: 'ETH/USD', last: 200, bid: 1, ask: 1, at: 1 });
    expect(r.changed.size).toBe(0);
    const states = new Map([['r1', { ...initialState(), lastPrice: 90 }]]);
    expect(evaluate([cross()], states, tick(Number.NaN, 2)).fired).toEqual([]);
    expect(evaluate([cross()], states, tick(-5, 3)).fired).toEqual([]);
  });
});

it('a new rule starts from the current price, so the first tick past the level fires', () => {
  const rule = cross();
  const states = new Map([['r1', seededState(rule, tick(99, 0))]]);
  expect(evaluate([rule], states, tick(101, 1)).fired).toHaveLength(1);
  expect(seededState(rule, { ...tick(99, 0), symbol: 'ETH/USD' }).lastPrice).toBeNull();
});

describe('move rules', () => {
  it('fires on a 5 % rise within the window, once, then restarts the window', () => {
    const prices = [100, 101, 102, 104, 105.1, 106, 107];
    const { fired } = run([move()], prices, { dt: 60_000 });
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ price: 105.1 });
    expect(fired[0]?.changePct).toBeCloseTo(5.1, 5);
  });

  it('fires on a fall as well', () => {
    const { fired } = run([move()], [100, 99, 97, 94.9], { dt: 60_000 });
    expect(fired).toHaveLength(1);
    expect(fired[0]?.changePct).toBeCloseTo(-5.1, 5);
  });

  it('does not fire when the move is spread over more than the window', () => {
    // +6 % over 30 minutes, 1 % per 5 minutes: never 5 % within 15 minutes.
    const prices = [100, 101, 102, 103, 104, 105, 106];
    expect(run([move()], prices, { dt: 5 * 60_000 }).fired).toEqual([]);
  });

  it('never fires while every price in the window stays within the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 100, max: 104.9, noNaN: true }), { maxLength: 200 }),
        (prices) => {
          expect(run([move()], prices, { dt: 10_000 }).fired).toEqual([]);
        },
      ),
    );
  });
});

describe('catch-up from candles', () => {
  it('turns a candle into open → nearer extreme → other extreme → close', () => {
    const up = candleTicks('BTC/USD', { time: 0, open: 10, high: 12, low: 9, close: 11 }, 60_000);
    expect(up.map((t) => t.last)).toEqual([10, 9, 12, 11]);
    expect(up.every((t) => t.offline)).toBe(true);
    const down = candleTicks('BTC/USD', { time: 0, open: 10, high: 12, low: 9, close: 9.5 }, 60_000);
    expect(down.map((t) => t.last)).toEqual([10, 12, 9, 9.5]);
  });

  it('spreads the candle still forming over the time that has passed, not the whole minute', () => {
    const whole = candleTicks('BTC/USD', { time: 60_000, open: 10, high: 12, low: 9, close: 11 }, 60_000);
    expect(whole.map((t) => t.at)).toEqual([60_000, 75_000, 90_000, 105_000]);
    const forming = candleTicks(
      'BTC/USD',
      { time: 60_000, open: 10, high: 12, low: 9, close: 11 },
      60_000,
      64_000,
    );
    expect(forming.map((t) => t.at)).toEqual([60_000, 61_000, 62_000, 63_000]);
    expect(forming.map((t) => t.last)).toEqual([10, 9, 12, 11]);
  });

  it('a spike inside a candle fires once, marked offline', () => {
    let states = new Map<string, RuleState>([['r1', { ...initialState(), lastPrice: 95 }]]);
    const fired: Firing[] = [];
    for (const t of candleTicks(
      'BTC/USD',
      { time: 60_000, open: 96, high: 103, low: 95, close: 97 },
      60_000,
    )) {
      const r = evaluate([cross()], states, t);
      states = new Map([...states, ...r.changed]);
      fired.push(...r.fired);
    }
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ offline: true, price: 103 });
  });
});

describe('rule validation', () => {
  const valid = { ...cross() } as unknown as Record<string, unknown>;
  it('accepts valid rules', () => {
    expect(parseRule(valid)).toEqual(cross());
    expect(parseRule({ ...move() })).toEqual(move());
  });
  it.each([
    ['symbol', { symbol: 'btcusd' }],
    ['level', { level: '-5' }],
    ['level', { level: 'abc' }],
    ['level', { level: 100 }],
    ['direction', { direction: 'sideways' }],
    ['repeat', { repeat: { kind: 'often' } }],
    ['source', { source: 'close' }],
    ['kind', { kind: 'weird' }],
    ['expiresAt', { expiresAt: 'tomorrow' }],
    ['rearmBand', { rearmBand: '-1' }],
  ])('names the bad field %s', (field, patch) => {
    expect(() => parseRule({ ...valid, ...patch })).toThrowError(expect.objectContaining({ field }));
  });
  it('checks move windows and percentages', () => {
    expect(() => parseRule({ ...move(), percent: 0 })).toThrowError(
      expect.objectContaining({ field: 'percent' }),
    );
    expect(() => parseRule({ ...move(), windowMs: 10 })).toThrowError(
      expect.objectContaining({ field: 'windowMs' }),
    );
  });
});
