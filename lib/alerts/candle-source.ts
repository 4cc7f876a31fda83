// 1-minute candles for the catch-up, from Kraken's REST OHLC endpoint
// (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data): rows of
// [time (s), open, high, low, close, vwap, volume, count] with prices as decimal text.
import type { OhlcRow } from '../kraken/index.ts';
import type { Candle } from './types.ts';

export interface CandleSourceDeps {
  /** REST OHLC (KrakenRest.ohlc, or the simulator's): the rows since `since` (seconds). */
  ohlc(params: { pair: string; interval: 1; since: number }): Promise<{ rows: readonly OhlcRow[] }>;
  /** The REST pair name for a v2 symbol ("BTC/USD" → "XBTUSD"): restPairName in lib/kraken. */
  restPair(symbol: string): string;
}

/**
 * Returns fetchCandles(symbol, sinceMs) for the alert service: candles oldest first, times in ms, prices as
 * numbers (alert levels are compared as numbers; display-only, never used for orders). A row whose prices
 * do not read as positive numbers is left out rather than replayed as a price.
 */
export function createCandleSource(deps: CandleSourceDeps) {
  return async (symbol: string, sinceMs: number): Promise<Candle[]> => {
    const series = await deps.ohlc({
      pair: deps.restPair(symbol),
      interval: 1,
      since: Math.floor(sinceMs / 1000),
    });
    return series.rows.flatMap(([t, o, h, l, c]) => {
      const candle = { time: t * 1000, open: Number(o), high: Number(h), low: Number(l), close: Number(c) };
      const prices = [candle.open, candle.high, candle.low, candle.close];
      return Number.isFinite(candle.time) && prices.every((p) => Number.isFinite(p) && p > 0) ? [candle] : [];
    });
  };
}
