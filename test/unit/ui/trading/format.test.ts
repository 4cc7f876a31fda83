import { describe, expect, it } from 'vitest';
import {
  describeOrder,
  filledOf,
  formatAge,
  formatUsd,
  openOrders,
  orderPrice,
  orderPricePieces,
  pairsOf,
  priceText,
  typeWord,
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

  it('cuts the price column into pieces a narrow list wraps between, never inside', () => {
    const stopLimit = order({ limitPrice: '43900.0', triggerPrice: '44000.0' });
    expect(orderPricePieces(stopLimit)).toEqual([
      { joiner: '', text: 'trigger 44,000.0' },
      { joiner: ', ', text: 'limit 43,900.0' },
    ]);
    const trailing = order({
      limitPrice: undefined,
      triggerPrice: '92150.5',
      trailOffset: { value: '5', unit: 'percent' },
    });
    expect(orderPricePieces(trailing)).toEqual([
      { joiner: '', text: 'trigger 92,150.5' },
      { joiner: ' ', text: '(trails 5 %)' },
    ]);
  });

  it('names the order type in the page language, and keeps a type it does not know as Kraken wrote it', () => {
    expect(typeWord('stop-loss-limit')).toBe('stop-loss-limit');
    expect(typeWord('stop-loss-limit', wordsOf('fr'))).toBe('stop de perte limite');
    expect(typeWord('settle-position', wordsOf('fr'))).toBe('settle-position');
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
