import { describe, expect, it } from 'vitest';
import type { Sparkline, Tick } from '../../../lib/market/types.ts';
import {
  nearestPoint,
  sparkCoords,
  sparkDirection,
  sparkPath,
  sparkPoints,
} from '../../../lib/ui/sparkline.ts';

const line: Sparkline = { times: [0, 900_000, 1_800_000], closes: [100, 90, 110], at: 1_800_000 };
const tick = (last: number, receivedAt: number): Tick => ({
  symbol: 'BTC/USD',
  last,
  bid: last,
  ask: last,
  change: 0,
  changePct: 0,
  high: last,
  low: last,
  volume: 0,
  receivedAt,
});

describe('sparkline', () => {
  it('appends the live price when it is newer than the last close', () => {
    expect(sparkPoints(line, tick(95, 2_000_000)).map((p) => p.price)).toEqual([100, 90, 110, 95]);
    expect(sparkPoints(line, tick(95, 1_000_000)).map((p) => p.price)).toEqual([100, 90, 110]);
    expect(sparkPoints(undefined, undefined)).toEqual([]);
  });

  it('is coloured by the 24 h direction: down only when it ends below where it began', () => {
    expect(sparkDirection(sparkPoints(line, tick(99.9, 2_000_000)))).toBe('down');
    expect(sparkDirection(sparkPoints(line, tick(100, 2_000_000)))).toBe('up');
  });

  it('fits the box: time across, the highest price at the top, the lowest at the bottom', () => {
    const coords = sparkCoords(sparkPoints(line, undefined), 64, 22, 2);
    expect(coords).toEqual([
      { x: 2, y: 11 },
      { x: 32, y: 20 },
      { x: 62, y: 2 },
    ]);
    expect(sparkPath(coords)).toBe('M2.0 11.0L32.0 20.0L62.0 2.0');
    expect(nearestPoint(coords, 40)).toBe(1);
    expect(nearestPoint(coords, 60)).toBe(2);
  });

  it('draws a flat line through the middle when the price never moved', () => {
    const flat = { times: [0, 1], closes: [5, 5], at: 1 };
    expect(sparkCoords(sparkPoints(flat, undefined), 64, 22).map((c) => c.y)).toEqual([11, 11]);
  });
});
