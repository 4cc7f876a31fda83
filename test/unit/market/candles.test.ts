import { describe, expect, it } from 'vitest';
import type { OhlcRow } from '../../../lib/kraken/index.ts';
import { beginSeconds, candleFromRow, mergeHistory, upsertCandle } from '../../../lib/market/candles.ts';
import type { ChartCandle } from '../../../lib/market/types.ts';

const candle = (time: number, close: number, trades = 1): ChartCandle => ({
  time,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
  trades,
});
// A row shaped like Kraken's REST OHLC answer (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data).
const row = (time: number, close: string, count = 1): OhlcRow => [
  time,
  close,
  close,
  close,
  close,
  close,
  '0.5',
  count,
];

describe('candles from Kraken', () => {
  it('reads a REST row (decimal text) and refuses one whose prices do not read', () => {
    expect(
      candleFromRow([1688671200, '30306.1', '30306.2', '30305.7', '30305.7', '30306.1', '3.39243896', 23]),
    ).toEqual({
      time: 1688671200,
      open: 30306.1,
      high: 30306.2,
      low: 30305.7,
      close: 30305.7,
      volume: 3.39243896,
      trades: 23,
    });
    expect(candleFromRow([1688671200, 'x', '1', '1', '1', '1', '1', 1])).toBeNull();
    expect(candleFromRow([1688671200, '0', '1', '1', '1', '1', '1', 1])).toBeNull();
  });

  it("reads the WebSocket's nanosecond start times to the second", () => {
    expect(beginSeconds('2023-10-04T15:25:00.000000000Z')).toBe(Date.UTC(2023, 9, 4, 15, 25) / 1000);
    expect(beginSeconds('2023-10-04T15:25:00Z')).toBe(Date.UTC(2023, 9, 4, 15, 25) / 1000);
    expect(beginSeconds('yesterday')).toBeNull();
  });
});

describe('upsertCandle', () => {
  it('appends a new candle, inserts a late one in order, and replaces the same start', () => {
    const list = [candle(60, 1), candle(180, 3)];
    expect(upsertCandle(list, candle(240, 4))).toBe(true);
    expect(upsertCandle(list, candle(120, 2))).toBe(true);
    expect(upsertCandle(list, candle(240, 5, 2))).toBe(true);
    expect(list.map((c) => [c.time, c.close])).toEqual([
      [60, 1],
      [120, 2],
      [180, 3],
      [240, 5],
    ]);
  });

  it('keeps the version of a forming candle that has seen more trades (a late REST answer loses)', () => {
    const list = [candle(60, 10, 5)];
    expect(upsertCandle(list, candle(60, 9, 4))).toBe(false);
    expect(list[0]?.close).toBe(10);
  });

  it('keeps at most `max` candles, dropping the oldest', () => {
    const list: ChartCandle[] = [];
    for (let t = 1; t <= 5; t++) upsertCandle(list, candle(t * 60, t), 3);
    expect(list.map((c) => c.time)).toEqual([180, 240, 300]);
  });
});

describe('mergeHistory', () => {
  it('takes the REST rows, then the WebSocket candles that arrived while they were on their way', () => {
    const merged = mergeHistory(
      [row(60, '1'), row(120, '2', 3), row(180, 'bad')],
      [candle(120, 2.5, 4), candle(240, 4)],
    );
    expect(merged.map((c) => [c.time, c.close])).toEqual([
      [60, 1],
      [120, 2.5],
      [240, 4],
    ]);
  });
});
