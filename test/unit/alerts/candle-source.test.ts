import { describe, expect, it } from 'vitest';
import { createCandleSource } from '../../../lib/alerts/candle-source.ts';
import type { OhlcRow } from '../../../lib/kraken/index.ts';

describe('candle source', () => {
  it('asks OHLC for the REST pair from the minute in seconds, and returns candles in ms with number prices', async () => {
    const asked: unknown[] = [];
    const rows: OhlcRow[] = [
      [1_700_000_040, '97000.1', '97010.0', '96990.5', '97005.0', '97001.0', '1.5', 12],
      [1_700_000_100, '97005.0', '97020.0', '97000.0', '97019.9', '97010.0', '0.7', 5],
    ];
    const fetchCandles = createCandleSource({
      ohlc: async (params) => {
        asked.push(params);
        return { rows };
      },
      restPair: (symbol) => (symbol === 'BTC/USD' ? 'XBTUSD' : symbol),
    });
    const candles = await fetchCandles('BTC/USD', 1_700_000_040_999);
    expect(asked).toEqual([{ pair: 'XBTUSD', interval: 1, since: 1_700_000_040 }]);
    expect(candles).toEqual([
      { time: 1_700_000_040_000, open: 97000.1, high: 97010, low: 96990.5, close: 97005 },
      { time: 1_700_000_100_000, open: 97005, high: 97020, low: 97000, close: 97019.9 },
    ]);
  });

  it('leaves out a row whose prices are not positive numbers', async () => {
    const fetchCandles = createCandleSource({
      ohlc: async () => ({
        rows: [
          [60, 'x', '1', '1', '1', '1', '1', 1],
          [120, '1', '1', '0', '1', '1', '1', 1],
          [180, '2', '3', '1', '2', '2', '1', 1],
        ],
      }),
      restPair: (s) => s,
    });
    expect((await fetchCandles('A/B', 0)).map((c) => c.time)).toEqual([180_000]);
  });

  it('passes a REST failure on (the catch-up treats it as no candles)', async () => {
    const fetchCandles = createCandleSource({
      ohlc: async () => {
        throw new Error('EService:Unavailable');
      },
      restPair: (s) => s,
    });
    await expect(fetchCandles('A/B', 0)).rejects.toThrow('EService:Unavailable');
  });
});
