import { describe, expect, it } from 'vitest';
import type { MarketSnapshot, Tick } from '../../../lib/market/types.ts';
import { applyStreamEvent, describeConnection } from '../../../lib/ui/market-model.ts';
import { focusedPair } from '../../../lib/ui/WatchlistTable.tsx';

const tick = (symbol: string, last: number, receivedAt = 1000): Tick => ({
  symbol,
  last,
  bid: last - 1,
  ask: last + 1,
  change: 0,
  changePct: 0,
  high: last,
  low: last,
  volume: 1,
  receivedAt,
});

const snapshot = (over: Partial<MarketSnapshot> = {}): MarketSnapshot => ({
  connection: { kind: 'live', since: 0 },
  watchlist: ['BTC/USD', 'ETH/USD'],
  badgePair: 'BTC/USD',
  ticks: {},
  pairs: {},
  rejected: {},
  lastTickAt: null,
  endpointLabel: 'Kraken',
  focus: null,
  ...over,
});

describe('popup view model', () => {
  it('ignores deltas before the first snapshot', () => {
    expect(applyStreamEvent(null, { type: 'ticks', ticks: [tick('BTC/USD', 1)] })).toBeNull();
  });

  it('folds ticks into the snapshot and records the direction of each move', () => {
    let view = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
    view = applyStreamEvent(view, { type: 'ticks', ticks: [tick('BTC/USD', 100, 1000)] });
    view = applyStreamEvent(view, {
      type: 'ticks',
      ticks: [tick('BTC/USD', 99, 2000), tick('ETH/USD', 5, 2000)],
    });
    expect(view?.snapshot.ticks['BTC/USD']?.last).toBe(99);
    expect(view?.moves['BTC/USD']).toBe('down');
    expect(view?.snapshot.lastTickAt).toBe(2000);
    view = applyStreamEvent(view, { type: 'ticks', ticks: [tick('BTC/USD', 99, 3000)] });
    expect(view?.moves['BTC/USD']).toBe('down'); // an unchanged price keeps the last direction
    view = applyStreamEvent(view, { type: 'ticks', ticks: [tick('SOL/USD', 150, 4000)] });
    expect(view?.snapshot.ticks['SOL/USD']).toBeUndefined(); // not on the watchlist
  });

  it('counts stream connections (each begins with a snapshot), keeping books across market updates', () => {
    let view = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
    expect(view?.epoch).toBe(1);
    const book = { symbol: 'BTC/USD', bids: [], asks: [{ price: '1.0', qty: '2' }], at: 5 };
    view = applyStreamEvent(view, { type: 'book', book });
    view = applyStreamEvent(view, { type: 'market', snapshot: snapshot() });
    expect(view?.epoch).toBe(1);
    expect(view?.books['BTC/USD']).toEqual(book);
    view = applyStreamEvent(view, { type: 'snapshot', snapshot: snapshot() }); // a reconnected port
    expect(view?.epoch).toBe(2);
  });

  it('replaces the connection state', () => {
    const view = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
    const next = applyStreamEvent(view, { type: 'connection', connection: { kind: 'offline', reason: 'x' } });
    expect(next?.snapshot.connection).toEqual({ kind: 'offline', reason: 'x' });
  });
});

it('keeps a fatal startup error for the popup to show', () => {
  const view = applyStreamEvent(null, { type: 'fatal', message: 'Settings were written by a newer version' });
  expect(view?.fatal).toBe('Settings were written by a newer version');
  expect(view?.snapshot.watchlist).toEqual([]);
});

it('keeps the alerts view across ticks, connection changes and market snapshots', () => {
  const alerts = { rules: [], log: [], notifyFailures: 0 };
  let view = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
  view = applyStreamEvent(view, { type: 'alerts', alerts });
  view = applyStreamEvent(view, { type: 'ticks', ticks: [tick('BTC/USD', 1)] });
  view = applyStreamEvent(view, { type: 'connection', connection: { kind: 'connecting' } });
  view = applyStreamEvent(view, { type: 'market', snapshot: snapshot() });
  expect(view?.alerts).toBe(alerts);
});

describe('status line', () => {
  it.each([
    [{ kind: 'live', since: 0 } as const, 9_000, 'live', 'Live · last tick 1 s ago'],
    [{ kind: 'live', since: 0 } as const, 200_000, 'warn', 'Live · last tick 3 min ago'],
    [{ kind: 'connecting' } as const, 8_000, 'warn', 'Connecting… · last tick just now'],
    [
      { kind: 'reconnecting', attempt: 3, retryAt: 12_000, reason: 'connection closed (1006)' } as const,
      8_500,
      'warn',
      'Reconnecting (attempt 3, in 4 s) · last tick just now',
    ],
    [{ kind: 'offline', reason: 'refused' } as const, 8_000, 'down', 'Offline: refused · last tick just now'],
  ])('%j at %i → %s %s', (connection, now, tone, text) => {
    expect(describeConnection(snapshot({ connection, lastTickAt: 8_000 }), now)).toEqual({ tone, text });
  });

  it('says when no tick has arrived yet', () => {
    expect(describeConnection(snapshot(), 0).text).toBe('Live · no tick yet');
  });
});

describe('focused pair (a clicked alert notification)', () => {
  it('is the asked pair for a minute, and only if it is on the watchlist', () => {
    const at = 1_000_000;
    expect(focusedPair(snapshot({ focus: { symbol: 'ETH/USD', at } }), at + 5_000)).toBe('ETH/USD');
    expect(focusedPair(snapshot({ focus: { symbol: 'ETH/USD', at } }), at + 61_000)).toBeNull();
    expect(focusedPair(snapshot({ focus: { symbol: 'SOL/USD', at } }), at)).toBeNull();
    expect(focusedPair(snapshot(), at)).toBeNull();
  });
});

describe('charts and sparklines in the view', () => {
  const c = (time: number, close: number, trades = 1) => ({
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
    trades,
  });
  it('keeps the newest few candles of each chart, a newer version of a candle replacing it', () => {
    let v = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
    for (const [time, close] of [
      [60, 1],
      [120, 2],
      [120, 2.5],
      [180, 3],
      [240, 4],
    ] as const)
      v = applyStreamEvent(v, { type: 'candle', symbol: 'BTC/USD', interval: 1, candle: c(time, close) });
    v = applyStreamEvent(v, { type: 'candle', symbol: 'BTC/USD', interval: 60, candle: c(3600, 9) });
    expect(v?.candles['BTC/USD|1']?.map((x) => [x.time, x.close])).toEqual([
      [120, 2.5],
      [180, 3],
      [240, 4],
    ]);
    expect(v?.candles['BTC/USD|60']?.map((x) => x.close)).toEqual([9]);
  });

  it('takes the sparklines whole, and keeps them across a new snapshot', () => {
    let v = applyStreamEvent(null, { type: 'snapshot', snapshot: snapshot() });
    const sparklines = { 'BTC/USD': { times: [1, 2], closes: [3, 4], at: 2 } };
    v = applyStreamEvent(v, { type: 'sparklines', sparklines });
    v = applyStreamEvent(v, { type: 'market', snapshot: snapshot() });
    expect(v?.sparklines).toEqual(sparklines);
  });
});
