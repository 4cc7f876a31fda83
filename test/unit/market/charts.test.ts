import { describe, expect, it } from 'vitest';
import type { ChannelMessage, OhlcRow } from '../../../lib/kraken/index.ts';
import { createCharts, LEASE_MS } from '../../../lib/market/charts.ts';
import type { ChartCandle, ChartInterval } from '../../../lib/market/types.ts';

type Ohlc = Extract<ChannelMessage, { channel: 'ohlc' }>;

const row = (time: number, close: string, count = 1): OhlcRow => [
  time,
  close,
  close,
  close,
  close,
  close,
  '1',
  count,
];
const wsFrame = (
  symbol: string,
  interval: number,
  beginIso: string,
  close: number,
  trades: number,
): Ohlc => ({
  channel: 'ohlc',
  type: 'update',
  data: [
    {
      symbol,
      open: close,
      high: close,
      low: close,
      close,
      trades,
      volume: 1,
      interval_begin: beginIso,
      interval,
    },
  ],
  raw: {},
});

// The REST history answers when the test says so, so what arrives meanwhile can be scripted.
function harness() {
  let now = 1_700_000_000_000;
  const asked: { pair: string; interval: number }[] = [];
  const pending: ((rows: OhlcRow[]) => void)[] = [];
  const log: string[] = [];
  const candles: { symbol: string; interval: ChartInterval; candle: ChartCandle }[] = [];
  let ohlcWanted: string[] = [];
  let depthWanted: string[] = [];
  const charts = createCharts({
    ohlc: (params) => {
      asked.push(params);
      log.push(`rest ${params.pair} ${params.interval}`);
      return new Promise((resolve) => pending.push((rows) => resolve({ rows })));
    },
    restPair: (s) => s.replace('/', '').replace('BTC', 'XBT'),
    wantOhlc: (subs) => {
      ohlcWanted = subs.map((s) => `${s.symbol}|${s.interval}`).sort();
      log.push(`ws ${ohlcWanted.join(',')}`);
    },
    wantDepth: (symbols) => {
      depthWanted = [...symbols].sort();
    },
    onCandle: (symbol, interval, candle) => candles.push({ symbol, interval, candle }),
    now: () => now,
  });
  return {
    charts,
    asked,
    log,
    candles,
    answer: (rows: OhlcRow[]) => pending.shift()?.(rows),
    ohlc: () => ohlcWanted,
    depth: () => depthWanted,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('charts: watches, candles and books', () => {
  it('subscribes the candles before asking for the history, and merges what the socket sent meanwhile', async () => {
    const h = harness();
    const series = h.charts.watch('v1', 'BTC/USD', 60);
    expect(h.log).toEqual(['ws BTC/USD|60', 'rest XBTUSD 60']);
    expect(h.depth()).toEqual(['BTC/USD']);
    // The forming candle gains a trade before the history arrives; the history's copy of it is older.
    h.charts.onOhlc(wsFrame('BTC/USD', 60, '2023-11-14T22:00:00.000000000Z', 101, 7));
    h.answer([row(1699995600, '99', 3), row(1699999200, '100', 6)]);
    const { candles, limited } = await series;
    expect(candles.map((c) => [c.time, c.close])).toEqual([
      [1699995600, 99],
      [1699999200, 101],
    ]);
    expect(limited).toBe(false);
    expect(h.candles.map((c) => c.candle.close)).toEqual([101]);
  });

  it('says when Kraken cut the history at its 720 rows', async () => {
    const h = harness();
    const series = h.charts.watch('v1', 'ETH/USD', 1);
    h.answer(Array.from({ length: 720 }, (_, i) => row(1_699_000_000 + i * 60, '3000')));
    const { candles, limited } = await series;
    expect(candles).toHaveLength(720);
    expect(limited).toBe(true);
  });

  it('passes on only the candles of watched pairs and intervals', async () => {
    const h = harness();
    const series = h.charts.watch('v1', 'BTC/USD', 60);
    h.answer([]);
    await series;
    h.charts.onOhlc(wsFrame('BTC/USD', 5, '2023-11-14T22:05:00Z', 1, 1));
    h.charts.onOhlc(wsFrame('ETH/USD', 60, '2023-11-14T22:00:00Z', 1, 1));
    h.charts.onOhlc(wsFrame('BTC/USD', 60, '2023-11-14T22:00:00Z', 2, 1));
    expect(h.candles.map((c) => `${c.symbol}|${c.interval}|${c.candle.close}`)).toEqual(['BTC/USD|60|2']);
  });

  it('a viewer switching interval drops the old subscription; two viewers of one chart share it', async () => {
    const h = harness();
    void h.charts.watch('v1', 'BTC/USD', 60);
    void h.charts.watch('v2', 'BTC/USD', 60);
    expect(h.asked).toHaveLength(1); // one history for both
    void h.charts.watch('v1', 'BTC/USD', 5);
    expect(h.ohlc()).toEqual(['BTC/USD|5', 'BTC/USD|60']);
    h.charts.unwatch('v2');
    expect(h.ohlc()).toEqual(['BTC/USD|5']);
  });

  it('a watch not renewed lapses; no page open ends every watch', async () => {
    const h = harness();
    void h.charts.watch('gone', 'BTC/USD', 60);
    h.advance(LEASE_MS - 1000);
    void h.charts.watch('here', 'ETH/USD', 60);
    h.advance(2000);
    h.charts.onOhlc(wsFrame('ETH/USD', 60, '2023-11-14T22:00:00Z', 1, 1));
    expect(h.charts.watching().map((w) => w.viewer)).toEqual(['here']);
    expect(h.ohlc()).toEqual(['ETH/USD|60']);
    expect(h.depth()).toEqual(['ETH/USD']);
    h.charts.clear();
    expect(h.ohlc()).toEqual([]);
    expect(h.depth()).toEqual([]);
  });
});

describe('charts: a chart reopened soon', () => {
  it('draws from the candles kept since it closed (no REST call), and fetches again after a while', async () => {
    const h = harness();
    const first = h.charts.watch('v1', 'BTC/USD', 5);
    h.answer([row(1699999200, '100', 6)]);
    await first;
    h.charts.clear(); // the page closed
    expect(h.ohlc()).toEqual([]);
    // While nobody watches, its frames are not folded in (the subscription is gone; a late frame is ignored).
    h.charts.onOhlc(wsFrame('BTC/USD', 5, '2023-11-14T22:00:00Z', 1, 99));
    h.advance(60_000);
    const again = await h.charts.watch('v2', 'BTC/USD', 5);
    expect(h.asked).toHaveLength(1);
    expect(again.candles.map((c) => c.close)).toEqual([100]);
    expect(h.ohlc()).toEqual(['BTC/USD|5']); // subscribed again: its snapshot fills what was missed
    h.charts.clear();
    h.advance(8 * 5 * 60_000 + 1); // eight 5-minute candles later: too many may be missing
    const later = h.charts.watch('v3', 'BTC/USD', 5);
    expect(h.asked).toHaveLength(2);
    h.answer([row(1699999200, '100', 6), row(1699999500, '101', 1)]);
    expect((await later).candles).toHaveLength(2);
  });
});
