import { describe, expect, it } from 'vitest';
import { createTickStore } from '../../../lib/market/ticks.ts';
import type { Tick } from '../../../lib/market/types.ts';
import { virtualTimers } from '../../support/fake-ws.ts';

const tick = (symbol: string, last: number): Tick => ({
  symbol,
  last,
  bid: last,
  ask: last,
  change: 0,
  changePct: 0,
  high: last,
  low: last,
  volume: 1,
  receivedAt: 1,
});

function harness(stored: Record<string, unknown> = {}) {
  const clock = virtualTimers();
  const saves: Record<string, Tick>[] = [];
  const store = createTickStore({
    load: async () => stored as Record<string, Tick>,
    save: async (t) => {
      saves.push(structuredClone(t));
    },
    timers: clock.timers,
  });
  return { clock, saves, store };
}

describe('tick store', () => {
  it('saves at most once per interval, with the ticks as they are when it saves', () => {
    const h = harness();
    h.store.put([tick('BTC/USD', 1)], 10);
    h.clock.advance(1_000);
    h.store.put([tick('BTC/USD', 2), tick('ETH/USD', 3)], 20);
    expect(h.saves).toEqual([]);
    h.clock.advance(1_000);
    expect(h.saves).toHaveLength(1);
    expect(Object.values(h.saves[0] ?? {}).map((t) => t.last)).toEqual([2, 3]);
    expect(h.store.lastTickAt()).toBe(20);
  });

  it('keeps a tick for "__proto__" as data: it neither replaces the prototype nor leaks into other names', () => {
    const h = harness();
    h.store.put([tick('__proto__', 5)], 1);
    expect(h.store.get('__proto__')?.last).toBe(5);
    // Inherited names are not ticks.
    for (const key of ['last', 'symbol', 'constructor', 'toString']) expect(h.store.get(key)).toBeUndefined();
    const picked = h.store.pick(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(Object.keys(picked)).toEqual(['__proto__']);
    h.clock.advance(2_000);
    expect(Object.keys(h.saves[0] ?? {})).toEqual(['__proto__']);
  });

  it('loads what was saved, skipping what is not a tick', async () => {
    const h = harness({ 'BTC/USD': tick('BTC/USD', 7), 'ETH/USD': 'garbage', 'SOL/USD': null });
    await h.store.load();
    expect(h.store.get('BTC/USD')?.last).toBe(7);
    expect(h.store.get('ETH/USD')).toBeUndefined();
    expect(h.store.pick(['BTC/USD', 'ETH/USD', 'SOL/USD'])).toEqual({ 'BTC/USD': tick('BTC/USD', 7) });
  });

  it.each<[string, unknown]>([
    ['a tick stored under another symbol', { 'ETH/USD': tick('BTC/USD', 1) }],
    ['a key that is not a symbol', { 'btc usd': tick('btc usd', 1) }],
    [
      'a "__proto__" key (JSON keeps it as an own key)',
      JSON.parse(`{"__proto__": ${JSON.stringify(tick('__proto__', 1))}}`),
    ],
    ['a "constructor" key', { constructor: tick('constructor', 1) }],
    ['a price that is not a number', { 'BTC/USD': { ...tick('BTC/USD', 1), last: '100' } }],
    ['a price that is not finite', { 'BTC/USD': { ...tick('BTC/USD', 1), bid: Number.POSITIVE_INFINITY } }],
    ['a NaN volume', { 'BTC/USD': { ...tick('BTC/USD', 1), volume: Number.NaN } }],
    ['a missing field', { 'BTC/USD': { symbol: 'BTC/USD', last: 1 } }],
    ['an array of ticks instead of a record', [tick('BTC/USD', 1)]],
    ['a string instead of a record', 'garbage'],
  ])('drops %s when loading; a good tick beside it still loads', async (_name, stored) => {
    const bad = createTickStore({ load: async () => stored as Record<string, Tick>, save: async () => {} });
    await bad.load();
    expect(bad.pick(['BTC/USD', 'ETH/USD', '__proto__', 'constructor', 'btc usd', '0'])).toEqual({});
    expect(bad.get('__proto__')).toBeUndefined();
    expect(Object.getPrototypeOf(bad.pick(['__proto__']))).toBe(Object.prototype);
    const withGood =
      typeof stored === 'object' && stored !== null && !Array.isArray(stored)
        ? Object.assign(Object.create(null), stored, { 'SOL/USD': { ...tick('SOL/USD', 3), extra: 'x' } })
        : { 'SOL/USD': tick('SOL/USD', 3) };
    const mixed = createTickStore({ load: async () => withGood, save: async () => {} });
    await mixed.load();
    // Only the known fields are kept.
    expect(mixed.pick(['SOL/USD', 'BTC/USD', 'ETH/USD', '__proto__'])).toEqual({
      'SOL/USD': tick('SOL/USD', 3),
    });
  });

  it('clear forgets every tick and saves that at once', async () => {
    const h = harness();
    h.store.put([tick('BTC/USD', 1)], 10);
    await h.store.clear();
    expect(h.store.get('BTC/USD')).toBeUndefined();
    expect(h.store.lastTickAt()).toBeNull();
    expect(h.saves).toEqual([{}]);
  });
});
