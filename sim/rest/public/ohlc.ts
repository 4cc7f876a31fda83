import { NS_PER_MINUTE } from '../../clock.ts';
import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import { isOhlcInterval } from '../../market/intervals.ts';
import type { PublicHandler } from '../context.ts';
import { lotVolume, pairPrice, vwapText } from '../numbers.ts';
import { intParam } from '../params.ts';
import { fail, ok, RestError } from '../reply.ts';
import { isReply, resolvePair } from './single-pair.ts';

const MAX_ROWS = 720;

/**
 * GET /0/public/OHLC (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data): up to 720 most recent rows
 * `[time, open, high, low, close, vwap, volume, count]` at pair_decimals, the last row being the current,
 * uncommitted candle (always present, whatever `since` says); `since` keeps rows with time > since; `last`
 * is the start of the newest committed candle (one interval before the last row, as in recorded replies).
 * Candles are aligned to multiples of the interval since the Unix epoch.
 */
export const ohlc: PublicHandler = (params, context) => {
  const resolved = resolvePair(params, context);
  if (isReply(resolved)) return resolved;
  const interval = intParam(params, 'interval');
  const minutes = interval.kind === 'absent' ? 1 : interval.kind === 'value' ? interval.value : -1;
  // Intervals outside the documented enum → "EGeneral:Invalid arguments" (as recorded, e.g. interval=120).
  if (!isOhlcInterval(minutes)) return fail(RestError.invalidArguments);
  const since = intParam(params, 'since');
  if (since.kind === 'invalid') return fail(RestError.invalidArguments);

  const { spec } = resolved.market;
  const series = resolved.market.minutes;
  const currentMinute = Number(context.market.nowNs() / NS_PER_MINUTE);
  series.extendTo(currentMinute);
  const currentStart = currentMinute - (currentMinute % minutes);
  const rows: JsonValue[] = [];
  for (let start = currentStart - (MAX_ROWS - 1) * minutes; start <= currentStart; start += minutes) {
    const isCurrent = start === currentStart;
    if (!isCurrent && since.kind === 'value' && start * 60 <= since.value) continue;
    const candle = series.aggregate(start, start + minutes - 1);
    if (!candle) continue;
    rows.push([
      start * 60,
      pairPrice(spec, candle.open),
      pairPrice(spec, candle.high),
      pairPrice(spec, candle.low),
      pairPrice(spec, candle.close),
      candle.volume === 0n ? fixed(0, spec.priceDecimals) : vwapText(spec, candle, spec.priceDecimals),
      lotVolume(spec, candle.volume),
      candle.count,
    ]);
  }
  return ok({ [resolved.named.key]: rows, last: (currentStart - minutes) * 60 });
};
