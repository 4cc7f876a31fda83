import { describe, expect, it } from 'vitest';
import {
  deadManDetail,
  deadManText,
  describeOrder,
  filledOf,
  formatAge,
  formatUsd,
  liveStatusText,
  openOrders,
  orderPrice,
  pairsOf,
  priceText,
  wordsOf,
} from '../../../../lib/ui/trading/format.ts';
import { order } from './fixtures.ts';

describe('orders', () => {
  it('describes orders the way the result line shows them', () => {
    expect(describeOrder(order({ type: 'market', limitPrice: undefined, volume: '0.01' }))).toBe(
      'buy 0.01 BTC/USD market',
    );
    expect(describeOrder(order({ side: 'sell' }))).toBe('sell 0.01 BTC/USD limit at 45,000.0');
    expect(describeOrder(order({ type: 'stop-loss', limitPrice: undefined, triggerPrice: '44000.0' }))).toBe(
      'buy 0.01 BTC/USD stop-loss at 44,000.0',
    );
  });

  it('lists only orders still open, newest first', () => {
    const orders = [
      order({ id: 'old', createdAt: 1 }),
      order({ id: 'done', status: 'filled', createdAt: 5 }),
      order({ id: 'gone', status: 'canceled', createdAt: 6 }),
      order({ id: 'expired', status: 'expired', createdAt: 7 }),
      order({ id: 'part', status: 'partially_filled', createdAt: 3 }),
      order({ id: 'sent', status: 'pending', createdAt: 4 }),
    ];
    expect(openOrders(orders).map((o) => o.id)).toEqual(['sent', 'part', 'old']);
  });

  it('names each pair once, for one "cancel all" each', () => {
    expect(pairsOf([order(), order({ symbol: 'ETH/USD' }), order()])).toEqual(['BTC/USD', 'ETH/USD']);
  });

  it.each([
    [{ limitPrice: '45000.0' }, '45,000.0'],
    [{ limitPrice: undefined, triggerPrice: '1700.25' }, 'trigger 1,700.25'],
    [{ limitPrice: undefined }, 'market'],
    [{ limitPrice: '43900.0', triggerPrice: '44000.0' }, 'trigger 44,000.0, limit 43,900.0'],
    [
      {
        limitPrice: undefined,
        triggerPrice: '92150.5',
        trailOffset: { value: '5', unit: 'percent' as const },
      },
      'trigger 92,150.5 (trails 5 %)',
    ],
    [{ limitPrice: undefined, trailOffset: { value: '500.0', unit: 'quote' as const } }, 'trails 500 USD'],
  ])('price column of %o is %s', (patch, expected) => {
    expect(orderPrice(order(patch))).toBe(expected);
  });

  it('shows filled / total without trailing zeros', () => {
    expect(filledOf(order({ filled: '0.00250000', volume: '0.01000000' }))).toBe('0.0025 / 0.01');
    expect(filledOf(order({ filled: '1250.5', volume: '10000.00' }))).toBe('1,250.5 / 10,000');
    expect(filledOf(order({ filled: '1250.5', volume: '10000.00' }), 'fr')).toBe(
      '1\u202f250,5 / 10\u202f000',
    );
  });

  it('speaks French with French numbers', () => {
    const fr = wordsOf('fr');
    expect(describeOrder(order({ side: 'sell' }), fr)).toBe('vente de 0,01 BTC/USD, limite à 45\u202f000,0');
    expect(orderPrice(order({ limitPrice: undefined, triggerPrice: '1700.25' }), fr)).toBe(
      'déclenchement 1\u202f700,25',
    );
  });
});

describe('numbers and times', () => {
  it.each([
    ['45283.50', '45,283.50'],
    ['1234567', '1,234,567'],
    ['999', '999'],
    ['0.00012345', '0.00012345'],
    ['-1000.5', '−1,000.5'],
    ['n/a', 'n/a'],
  ])('writes the price %s as %s (grouped, its decimals kept)', (text, grouped) => {
    expect(priceText(text)).toBe(grouped);
  });

  it.each([
    [-5, 'now'],
    [999, 'now'],
    [42_000, '42 s'],
    [5 * 60_000 + 10, '5 min'],
    [3 * 3_600_000, '3 h'],
    [50 * 3_600_000, '2 d'],
  ])('age %i ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it.each([
    ['12345.678', '12,345.68'],
    ['0.004', '0.00'],
    ['1000000', '1,000,000.00'],
    ['-1234.5', '−1,234.50'],
    ['abc', undefined],
    [undefined, undefined],
  ])('USD %s → %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });
});

describe('live status and the dead man switch', () => {
  it("words each live status, preferring the background's message", () => {
    expect(liveStatusText({ kind: 'no-key', message: '' })).toBe('Add an API key in Settings to trade live.');
    expect(liveStatusText({ kind: 'locked', message: '' })).toBe('Unlock the vault to trade live.');
    // The background's English message is not shown on a French page: the French fallback is.
    expect(liveStatusText({ kind: 'locked', message: 'Vault locked' }, wordsOf('fr'))).toBe(
      'Déverrouillez le coffre pour trader en réel.',
    );
    expect(liveStatusText({ kind: 'locked', message: 'Vault locked' })).toBe('Vault locked');
    expect(liveStatusText({ kind: 'connecting' })).toBe('Connecting to Kraken…');
    expect(liveStatusText({ kind: 'error', message: 'EAPI:Invalid key' })).toBe('EAPI:Invalid key');
  });

  it('says whether the switch is armed, and whenever it is not "off", when Kraken would cancel', () => {
    const at = new Date(2026, 0, 1, 14, 3, 7).getTime();
    expect(deadManText({ kind: 'off' }, 0)).toBe('off');
    expect(deadManText({ kind: 'armed', triggerAt: at, refreshedAt: at - 60_000 }, at - 59_500)).toBe(
      'armed · refreshed just now · Kraken cancels all orders at 14:03:07 (in 60 s) if the extension stops',
    );
    expect(deadManText({ kind: 'armed', triggerAt: at, refreshedAt: 1000 }, 21_000)).toContain(
      'refreshed 20 s ago',
    );
    expect(
      deadManText({ kind: 'refresh-failing', triggerAt: at, refreshedAt: 0, error: 'Failed to fetch' }, 0),
    ).toBe('could not be refreshed. Kraken will cancel all your orders at 14:03:07 unless this recovers');
    expect(
      deadManText({ kind: 'disarming', triggerAt: at, attempts: 2, error: 'EService:Unavailable' }, 0),
    ).toBe(
      'still armed, retrying. Kraken will cancel all your orders at 14:03:07 unless turning it off gets through',
    );
    // The technical reason is kept for a "details" line, never the headline.
    expect(
      deadManDetail({ kind: 'refresh-failing', triggerAt: at, refreshedAt: 0, error: 'Failed to fetch' }),
    ).toBe('Failed to fetch');
    expect(deadManText({ kind: 'lapsed', at }, 0)).toContain('Kraken cancelled your open orders');
    expect(
      deadManText({ kind: 'arm-failed', message: 'Kraken refused to arm it: EGeneral:Permission denied' }, 0),
    ).toBe('Kraken refused to arm it: EGeneral:Permission denied');
  });
});
