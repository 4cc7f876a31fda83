// The chart's readout line and interval names in both languages, numbers through the one formatter.
import { describe, expect, it } from 'vitest';
import { candleTime, intervalLabel, readoutText } from '../../../lib/chart/readout.ts';
import { translator } from '../../../lib/i18n/translate.ts';
import { CHART_INTERVALS } from '../../../lib/market/types.ts';

// 12 March 2026, 14:00 in the machine's time zone (the readout shows local time).
const time = new Date(2026, 2, 12, 14, 0).getTime() / 1000;
const candle = { time, open: 97000, high: 97120.5, low: 96980, close: 97097, volume: 12.3456, trades: 42 };

describe('chart readout', () => {
  it('English: grouped prices at the pair’s decimals, a signed change, the volume to four digits', () => {
    expect(readoutText(candle, 60, 1, translator('en'), 'en')).toMatch(
      /^Mar 12, 2026,? 2:00\sPM · O 97,000\.0 H 97,120\.5 L 96,980\.0 C 97,097\.0 \(\+0\.10%\) · V 12\.35$/,
    );
  });

  it('French: “B” for the low, comma decimals, narrow no-break spaces, a space before %', () => {
    expect(readoutText({ ...candle, close: 96903 }, 60, 1, translator('fr'), 'fr')).toBe(
      '12 mars 2026 14:00 · O 97\u202f000,0 H 97\u202f120,5 B 96\u202f980,0 C 96\u202f903,0 (\u22120,10\u00a0%) · V 12,35',
    );
  });

  it('a daily candle shows its date alone', () => {
    expect(candleTime(time, 1440, 'fr')).toBe('12 mars 2026');
  });

  it('names every interval in both languages', () => {
    const en = translator('en');
    const fr = translator('fr');
    expect(CHART_INTERVALS.map((i) => intervalLabel(i, en))).toEqual([
      '1m',
      '5m',
      '15m',
      '1h',
      '4h',
      '1d',
      '1w',
    ]);
    expect(CHART_INTERVALS.map((i) => intervalLabel(i, fr))).toEqual([
      '1 min',
      '5 min',
      '15 min',
      '1 h',
      '4 h',
      '1 j',
      '1 sem.',
    ]);
  });
});
