import { NS_PER_MINUTE } from '../../clock.ts';
import { type JsonValue, toJson } from '../../json-raw.ts';
import type { OhlcInterval } from '../../market/intervals.ts';
import type { PairMarket } from '../../market/pair-market.ts';
import { rfc3339Micro, rfc3339Nano } from '../../time-format.ts';
import { wsPrice, wsQty, wsVwap } from '../numbers.ts';

/**
 * Candles in a snapshot. A recorded ETH/USD snapshot taken at 11:21:16 began with the 11:12 candle, i.e.
 * ten 1-minute candles; the simulator sends the ten newest candles of the interval.
 */
const SNAPSHOT_CANDLES = 10;

function candleData(pair: PairMarket, interval: OhlcInterval, start: number): JsonValue | undefined {
  const spec = pair.spec;
  const candle = pair.minutes.aggregate(start, start + interval - 1);
  if (!candle) return undefined;
  return {
    symbol: spec.symbol,
    open: wsPrice(spec, candle.open),
    high: wsPrice(spec, candle.high),
    low: wsPrice(spec, candle.low),
    close: wsPrice(spec, candle.close),
    trades: candle.count,
    volume: wsQty(spec, candle.volume),
    vwap: wsVwap(spec, candle),
    interval_begin: rfc3339Nano(BigInt(start) * NS_PER_MINUTE),
    interval,
    timestamp: rfc3339Micro(BigInt(start + interval) * NS_PER_MINUTE),
  };
}

/**
 * `{"channel":"ohlc","type":…,"timestamp":<ns>,"data":[{symbol, open, high, low, close, trades, volume,
 * vwap, interval_begin (ns), interval, timestamp (interval end)}]}` — the shape of recorded messages
 * (ccxt pro kraken sample; https://docs.kraken.com/api/docs/websocket-v2/ohlc). Updates carry the current
 * candle and are sent when a trade changes it.
 */
export function ohlcMessage(
  pair: PairMarket,
  interval: OhlcInterval,
  type: 'snapshot' | 'update',
  nowNs: bigint,
): string {
  const currentMinute = Number(nowNs / NS_PER_MINUTE);
  pair.minutes.extendTo(currentMinute);
  const currentStart = currentMinute - (currentMinute % interval);
  const count = type === 'snapshot' ? SNAPSHOT_CANDLES : 1;
  const data: JsonValue[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const candle = candleData(pair, interval, currentStart - i * interval);
    if (candle !== undefined) data.push(candle);
  }
  return toJson({ channel: 'ohlc', type, timestamp: rfc3339Nano(nowNs), data });
}
