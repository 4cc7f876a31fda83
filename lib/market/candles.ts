// Candles for the chart and the sparklines, from Kraken's two sources: REST OHLC for history
// (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data: rows of [time (s), open, high, low, close, vwap,
// volume, count], prices as decimal text, at most 720 rows, the last one the forming candle) and the WebSocket
// `ohlc` channel for what happens next (https://docs.kraken.com/api/docs/websocket-v2/ohlc: the forming candle
// on every trade). Both describe the same candles, so they are merged by start time.
import type { OhlcData, OhlcRow } from '../kraken/index.ts';
import type { ChartCandle } from './types.ts';

/** Kraken's REST OHLC answers with at most this many rows. */
export const KRAKEN_OHLC_ROWS = 720;
/** A series never holds more than this many candles (the history plus a long session of new ones). */
export const MAX_CANDLES = 1500;

const finitePositive = (x: number) => Number.isFinite(x) && x > 0;

/** A REST row as a candle, or null when its numbers do not read (left out rather than drawn wrong). */
export function candleFromRow(row: OhlcRow): ChartCandle | null {
  const [time, open, high, low, close, , volume, trades] = row;
  const c: ChartCandle = {
    time,
    open: Number(open),
    high: Number(high),
    low: Number(low),
    close: Number(close),
    volume: Number(volume),
    trades,
  };
  const ok =
    Number.isSafeInteger(c.time) &&
    [c.open, c.high, c.low, c.close].every(finitePositive) &&
    Number.isFinite(c.volume) &&
    c.volume >= 0;
  return ok ? c : null;
}

/** "2023-10-04T15:25:00.000000000Z" → 1696433100 (s). Kraken sends nanoseconds; Date.parse wants at most ms. */
export function beginSeconds(text: string): number | null {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(text);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}Z`);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** A WebSocket candle (already checked by the parser) as a chart candle, or null when its start is unreadable. */
export function candleFromWs(d: OhlcData): ChartCandle | null {
  const time = beginSeconds(d.interval_begin);
  if (time === null) return null;
  return { time, open: d.open, high: d.high, low: d.low, close: d.close, volume: d.volume, trades: d.trades };
}

/**
 * Puts `c` into `candles` (oldest first) in place: a new start time is inserted in order, the same start time
 * replaced — unless the candle already held has seen more trades (a REST answer that left before a WebSocket
 * update can arrive after it; a forming candle only ever gains trades). Returns whether anything changed.
 */
export function upsertCandle(candles: ChartCandle[], c: ChartCandle, max = MAX_CANDLES): boolean {
  let i = candles.length - 1;
  while (i >= 0 && (candles[i] as ChartCandle).time > c.time) i -= 1;
  const held = candles[i];
  if (held && held.time === c.time) {
    if (held.trades > c.trades) return false;
    candles[i] = c;
    return true;
  }
  candles.splice(i + 1, 0, c);
  if (candles.length > max) candles.splice(0, candles.length - max);
  return true;
}

/** Candles from REST rows, oldest first, merged with WebSocket candles that arrived meanwhile. */
export function mergeHistory(rows: readonly OhlcRow[], live: readonly ChartCandle[]): ChartCandle[] {
  const candles: ChartCandle[] = [];
  for (const row of rows) {
    const c = candleFromRow(row);
    if (c) upsertCandle(candles, c);
  }
  for (const c of live) upsertCandle(candles, c);
  return candles;
}
