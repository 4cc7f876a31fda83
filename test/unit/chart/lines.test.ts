import { describe, expect, it } from 'vitest';
import type { AlertsView } from '../../../lib/alerts/service.ts';
import { alertDirection, alertLines, lineAt, orderLines, pickedPrice } from '../../../lib/chart/lines.ts';
import { translator } from '../../../lib/i18n/translate.ts';
import type { OrderView } from '../../../lib/orders/types.ts';

const EN = { t: translator('en'), locale: 'en' } as const;
const FR = { t: translator('fr'), locale: 'fr' } as const;

const order = (o: Partial<OrderView>): OrderView => ({
  id: 'O1',
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  volume: '0.01',
  filled: '0',
  status: 'new',
  createdAt: 0,
  ...o,
});

describe('chart lines', () => {
  it('one line per open order of the pair, at its trigger when it has one', () => {
    const lines = orderLines(
      [
        order({ id: 'A', limitPrice: '95000.0' }),
        order({ id: 'B', type: 'stop-loss', side: 'sell', triggerPrice: '90000.0' }),
        order({ id: 'C', limitPrice: '1.0', symbol: 'ETH/USD' }),
        order({ id: 'D', limitPrice: '96000.0', status: 'filled' }),
        order({ id: 'E', type: 'market' }),
      ],
      'BTC/USD',
      EN,
    );
    expect(lines.map((l) => [l.id, l.priceText, l.kind === 'order' && l.field, l.label])).toEqual([
      ['A', '95000.0', 'limitPrice', 'Buy 0.01'],
      ['B', '90000.0', 'triggerPrice', 'stop-loss sell 0.01'],
    ]);
  });

  it('names the lines in French, amounts written the French way', () => {
    const lines = orderLines(
      [
        order({ id: 'A', limitPrice: '95000.0', volume: '1250.5' }),
        order({ id: 'B', type: 'stop-loss', side: 'sell', triggerPrice: '90000.0' }),
      ],
      'BTC/USD',
      FR,
    );
    expect(lines.map((l) => l.label)).toEqual(['Achat 1\u202f250,5', 'stop-loss vente 0,01']);
  });

  it('a line per level alert that can still fire', () => {
    const rule = (id: string, status: string, extra = {}) => ({
      rule: {
        id,
        kind: 'cross',
        symbol: 'BTC/USD',
        direction: 'above',
        level: '100000',
        rearmBand: '0',
        source: 'last',
        repeat: { kind: 'once' },
        expiresAt: null,
        paused: false,
        snoozedUntil: null,
        createdAt: 0,
        ...extra,
      },
      description: '',
      status,
      fires: 0,
      lastFiredAt: null,
    });
    const view = {
      rules: [rule('a', 'armed'), rule('b', 'done'), rule('c', 'paused')],
      log: [],
      notifyFailures: 0,
    };
    expect(alertLines(view as unknown as AlertsView, 'BTC/USD', EN).map((l) => [l.id, l.label])).toEqual([
      ['a', 'Alert above'],
      ['c', 'Alert above (paused)'],
    ]);
    expect(alertLines(view as unknown as AlertsView, 'BTC/USD', FR).map((l) => l.label)).toEqual([
      'Alerte au-dessus',
      'Alerte au-dessus (en pause)',
    ]);
  });

  it('finds the nearest line within the tolerance', () => {
    const lines = orderLines(
      [order({ id: 'A', limitPrice: '100' }), order({ id: 'B', limitPrice: '110' })],
      'BTC/USD',
      EN,
    );
    const toY = (p: number) => 500 - p * 2; // 100 → 300, 110 → 280
    expect(lineAt(lines, 297, toY)?.id).toBe('A');
    expect(lineAt(lines, 283, toY)?.id).toBe('B');
    expect(lineAt(lines, 290, toY)).toBeNull();
  });

  it('a picked price is decimal text at the pair’s decimals, never zero or negative', () => {
    expect(pickedPrice(97123.456, 1)).toBe('97123.5');
    expect(pickedPrice(0.38123456, 7)).toBe('0.3812346');
    expect(pickedPrice(0.00001, 2)).toBeNull();
    expect(pickedPrice(null, 2)).toBeNull();
  });

  it('an alert moved across the price watches the other way', () => {
    expect(alertDirection(101, 100, 'below')).toBe('above');
    expect(alertDirection(99, 100, 'above')).toBe('below');
    expect(alertDirection(99, undefined, 'above')).toBe('above');
  });
});
