// The chart's readout: one candle's time, open, high, low, close and volume, as a line of text (shown under the
// chart and read by screen readers), in the page's language.
import { formatDecimal, formatPercent, formatPrice } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ChartCandle, ChartInterval } from '../market/types.ts';

/** An interval's short name as the buttons show it ("1h", "1 h"). */
export function intervalLabel(interval: ChartInterval, t: Translate): string {
  switch (interval) {
    case 1:
      return t('chart.interval.1');
    case 5:
      return t('chart.interval.5');
    case 15:
      return t('chart.interval.15');
    case 60:
      return t('chart.interval.60');
    case 240:
      return t('chart.interval.240');
    case 1440:
      return t('chart.interval.1440');
    case 10080:
      return t('chart.interval.10080');
    default: {
      const never: never = interval;
      return String(never);
    }
  }
}

/** The test ids of the interval buttons ("interval-1h"): the same in every language. */
export const INTERVAL_IDS: Record<ChartInterval, string> = {
  1: '1m',
  5: '5m',
  15: '15m',
  60: '1h',
  240: '4h',
  1440: '1d',
  10080: '1w',
};

/** A candle's start in the person's time zone and language: the date alone for daily and weekly candles. */
export function candleTime(time: number, interval: ChartInterval, locale: Locale): string {
  const d = new Date(time * 1000);
  const date = d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  if (interval >= 1440) return date;
  return `${date} ${d.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })}`;
}

/** A candle's volume (a float from Kraken's OHLC): whole above 1,000, four significant digits below. */
function volumeText(v: number, locale: Locale): string {
  const text = v >= 1000 ? v.toFixed(0) : Number(v.toPrecision(4)).toString();
  return formatDecimal(/e/.test(text) ? v.toFixed(8) : text, { locale, maxDecimals: 8 });
}

/** "12 Mar 2026, 14:00 · O 97,000.0 H 97,120.5 L 96,980.0 C 97,100.1 (+0.10%) · V 12.35" */
export function readoutText(
  c: ChartCandle,
  interval: ChartInterval,
  precision: number,
  t: Translate,
  locale: Locale,
): string {
  const p = (x: number) => formatPrice(x.toFixed(precision), precision, locale);
  const change = c.open === 0 ? 0 : ((c.close - c.open) / c.open) * 100;
  return t('chart.readout', {
    time: candleTime(c.time, interval, locale),
    open: p(c.open),
    high: p(c.high),
    low: p(c.low),
    close: p(c.close),
    change: formatPercent(change, locale, { signed: true }),
    volume: volumeText(c.volume, locale),
  });
}
