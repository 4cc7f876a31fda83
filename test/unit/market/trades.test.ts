import { describe, expect, it } from 'vitest';
import type { InstrumentPair, TradeData } from '../../../lib/kraken/index.ts';
import { publicTrades } from '../../../lib/market/trades.ts';

const ETH = { symbol: 'ETH/USD', price_precision: 2, qty_precision: 8 } as InstrumentPair;
const info = (symbol: string) => (symbol === 'ETH/USD' ? ETH : undefined);
const trade = (over: Partial<TradeData>): TradeData => ({
  symbol: 'ETH/USD',
  side: 'buy',
  price: 1797.3,
  qty: 0.001,
  ord_type: 'limit',
  trade_id: 1,
  timestamp: '2025-05-06T10:00:00.000000Z',
  ...over,
});

describe('publicTrades', () => {
  it('groups trades of listed pairs, with exact decimal text at the pair precision', () => {
    const result = publicTrades(
      [trade({}), trade({ symbol: 'XYZ/USD' }), trade({ price: 1797.31, qty: 5.325e-5, trade_id: 2 })],
      info,
      99,
    );
    expect([...result.keys()]).toEqual(['ETH/USD']);
    expect(result.get('ETH/USD')).toEqual([
      { price: '1797.30', qty: '0.00100000', at: Date.parse('2025-05-06T10:00:00.000Z') },
      { price: '1797.31', qty: '0.00005325', at: Date.parse('2025-05-06T10:00:00.000Z') },
    ]);
  });

  it('dates a trade whose timestamp does not parse at `now`', () => {
    expect(publicTrades([trade({ timestamp: 'yesterday' })], info, 99).get('ETH/USD')?.[0]?.at).toBe(99);
  });
});
