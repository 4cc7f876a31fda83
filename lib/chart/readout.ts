// The chart's readout: one candle's time, open, high, low, close and volume, as a line of text (shown under the
// chart and read by screen readers).
import { formatPrice } from '../market/format.ts';
import type { ChartCandle, ChartInterval } from '../market/types.ts';

export const INTERVAL_LABELS: Record<ChartInterval, string> = {
  1: '1m',
  5: '5m',
  15: '15m',
  60: '1h',
  240: '4h',
  1440: '1d',
  10080: '1w',
};

/** A candle's start in the person's time zone: the date alone for daily and weekly candles. */
export function candleTime(time: number, interval: ChartInterval): string {
  const d = new Date(time * 1000);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  if (interval >= 1440) return date;
  return `${date} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

const volumeText = (v: number) =>
  v >= 1000
    ? v.toLocaleString('en-US', { maximumFractionDigits: 0 })
    : v.toLocaleString('en-US', { maximumSignificantDigits: 4 });

/** "12 Mar 2026 14:00 · O 97,000.0 H 97,120.5 L 96,980.0 C 97,100.1 (+0.10 %) · V 12.35" */
export function readoutText(c: ChartCandle, interval: ChartInterval, precision: number): string {
  const p = (x: number) => formatPrice(x, precision);
  const change = ((c.close - c.open) / c.open) * 100;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  return `${candleTime(c.time, interval)} · O ${p(c.open)} H ${p(c.high)} L ${p(c.low)} C ${p(c.close)} (${sign}${Math.abs(change).toFixed(2)} %) · V ${volumeText(c.volume)}`;
}
