import { NS_PER_MINUTE } from '../clock.ts';
import type { Candle, MinuteSeries } from './minute-series.ts';

/**
 * Rolling statistics for tickers, aggregated from the 1-minute candles (which are built from the trades).
 * "Today" starts at 00:00 UTC (official Ticker docs: "Today's prices start at midnight UTC"); "24h" is
 * the last 1,440 minutes including the current one.
 */
export interface TickerWindows {
  readonly today: Candle | undefined;
  readonly last24h: Candle | undefined;
}

export function tickerWindows(minutes: MinuteSeries, nowNs: bigint): TickerWindows {
  const currentMinute = Number(nowNs / NS_PER_MINUTE);
  minutes.extendTo(currentMinute);
  const midnight = currentMinute - (currentMinute % 1440);
  return {
    today: minutes.aggregate(midnight, currentMinute),
    last24h: minutes.aggregate(currentMinute - 1439, currentMinute),
  };
}
