// The background's own check of an order's pair rules, for every order type the ticket sends.
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../../lib/orders/types.ts';
import { recheckOrder } from '../../../lib/trading/recheck.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

const market = { rulesFor: () => BTC_USD_RULES, lastPrice: () => 45000 };
const order = (over: Partial<OrderRequest>): OrderRequest => ({
  symbol: 'BTC/USD',
  side: 'sell',
  type: 'limit',
  volume: '0.1',
  postOnly: false,
  timeInForce: 'GTC',
  ...over,
});

describe('recheckOrder', () => {
  it('passes each order type with the prices it takes', () => {
    for (const o of [
      order({ type: 'stop-loss-limit', triggerPrice: '44000.0', limitPrice: '43900.0' }),
      order({ type: 'trailing-stop', trailOffset: { value: '5', unit: 'percent' } }),
      order({
        type: 'trailing-stop-limit',
        trailOffset: { value: '500.0', unit: 'quote' },
        limitOffset: { value: '1.5', unit: 'percent' },
      }),
      order({ type: 'market', close: { type: 'stop-loss-limit', price: '40000.0', limitPrice: '39900.0' } }),
    ])
      expect(() => recheckOrder(market, o)).not.toThrow();
  });

  it('refuses a -limit form whose limit is off the tick, and an attached close off the tick', () => {
    expect(() =>
      recheckOrder(
        market,
        order({ type: 'take-profit-limit', triggerPrice: '46000.0', limitPrice: '46000.05' }),
      ),
    ).toThrow(/at most 1 decimal/);
    expect(() =>
      recheckOrder(market, order({ type: 'market', close: { type: 'take-profit', price: '50000.05' } })),
    ).toThrow(/Attached close: .*at most 1 decimal/);
  });
});
