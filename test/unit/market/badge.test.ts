import { describe, expect, it } from 'vitest';
import {
  BADGE_COLORS,
  badgeText,
  createBadgeController,
  direction,
  STALE_COLOR,
} from '../../../lib/market/badge.ts';

describe('badgeText', () => {
  it.each([
    [97234.5, '97k'],
    [999_499, '999k'],
    [1_234_567, '1.2M'],
    [3456.7, '3457'],
    [183.42, '183'],
    [99.94, '99.9'],
    [12.345, '12.3'],
    [2.314, '2.31'],
    [0.38123, '.381'],
    [0.99951, '1.00'],
    [0.00001234, '1e-5'],
    [0, '0'],
  ])('%s → %s', (price, text) => {
    expect(badgeText(price)).toBe(text);
  });

  it('never exceeds four characters across magnitudes', () => {
    for (let exp = -9; exp <= 12; exp++) {
      for (const m of [1, 1.5, 2.5, 4.99, 5, 9.94, 9.95, 9.9999]) {
        const text = badgeText(m * 10 ** exp);
        expect(text.length, `${m}e${exp} → ${text}`).toBeLessThanOrEqual(4);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('shows nothing for a nonsense price', () => {
    expect(badgeText(Number.NaN)).toBe('');
    expect(badgeText(-1)).toBe('');
  });
});

describe('direction', () => {
  it('compares with the previous price', () => {
    expect(direction(undefined, 1)).toBe('flat');
    expect(direction(1, 2)).toBe('up');
    expect(direction(2, 1)).toBe('down');
    expect(direction(2, 2)).toBe('flat');
    expect(BADGE_COLORS.up).not.toBe(BADGE_COLORS.down);
  });
});

describe('badge controller', () => {
  function harness() {
    const calls: [string, string][] = [];
    const badge = createBadgeController({
      setBadge: async (text, color) => {
        calls.push([text, color]);
      },
    });
    return { badge, calls };
  }

  it('shows the badge pair only, coloured by its direction, and asks the browser only on a change', () => {
    const { badge, calls } = harness();
    badge.setPair('BTC/USD');
    badge.onTicks([{ symbol: 'ETH/USD', last: 3000 }]);
    expect(calls).toEqual([]);
    badge.onTicks([{ symbol: 'BTC/USD', last: 97_000 }]);
    badge.onTicks([{ symbol: 'BTC/USD', last: 97_100 }]);
    badge.onTicks([{ symbol: 'BTC/USD', last: 97_100 }]); // no move: keeps green, nothing to set
    badge.onTicks([{ symbol: 'BTC/USD', last: 96_400 }]);
    expect(calls).toEqual([
      ['97k', BADGE_COLORS.flat],
      ['97k', BADGE_COLORS.up],
      ['96k', BADGE_COLORS.down],
    ]);
  });

  it('starts a new pair without a direction, and clears the text on undefined', () => {
    const { badge, calls } = harness();
    badge.setPair('BTC/USD');
    badge.show(97_000);
    badge.show(98_000); // up: green
    badge.setPair('ETH/USD');
    badge.show(3_000); // compared with nothing, not with 98,000: keeps green rather than turning red
    badge.show(undefined);
    expect(calls).toEqual([
      ['97k', BADGE_COLORS.flat],
      ['98k', BADGE_COLORS.up],
      ['3000', BADGE_COLORS.up],
      ['', BADGE_COLORS.up],
    ]);
    expect(badge.pair()).toBe('ETH/USD');
  });

  it('greys out while the feed is not live, and takes its direction colour back when it is', () => {
    const { badge, calls } = harness();
    badge.setPair('BTC/USD');
    badge.show(97_000);
    badge.show(98_000);
    badge.setStale(true);
    badge.setStale(true); // no change: nothing asked
    badge.show(98_000); // a price shown while stale stays grey
    badge.setStale(false);
    badge.show(96_000);
    expect(calls).toEqual([
      ['97k', BADGE_COLORS.flat],
      ['98k', BADGE_COLORS.up],
      ['98k', STALE_COLOR],
      ['98k', BADGE_COLORS.up],
      ['96k', BADGE_COLORS.down],
    ]);
  });

  it('uses colours that white badge text reads on (WCAG AA 4.5:1)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const color of [...Object.values(BADGE_COLORS), STALE_COLOR])
      expect(1.05 / (lum(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
  });
});
