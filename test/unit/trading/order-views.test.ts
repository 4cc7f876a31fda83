// Kraken's executions reports as the open-orders list shows them: a trailing stop's trigger is the one it has now.
import { describe, expect, it } from 'vitest';
import type { OrderReport } from '../../../lib/kraken/index.ts';
import { orderView } from '../../../lib/trading/live/order-views.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

const report = (over: Partial<OrderReport>): OrderReport =>
  ({
    order_id: 'OABC-1',
    symbol: 'BTC/USD',
    side: 'sell',
    order_qty: 0.1,
    cum_qty: 0,
    order_status: 'new',
    timestamp: '2026-11-20T10:00:00.000000Z',
    ...over,
  }) as OrderReport;

describe('live order views', () => {
  it('a trailing stop shows its offset and its trigger now (actual_price), not the offset as a price', () => {
    const view = orderView(
      report({
        order_type: 'trailing-stop',
        time_in_force: 'GTC',
        triggers: {
          reference: 'last',
          price: 5,
          price_type: 'pct',
          actual_price: 92150.5,
          status: 'untriggered',
        },
      }),
      BTC_USD_RULES,
    );
    expect(view).toMatchObject({ triggerPrice: '92150.5', trailOffset: { value: '5', unit: 'percent' } });
    expect(view.timeInForce).toBeUndefined();
  });

  it('a stop-loss-limit keeps its static trigger and limit; GTD and post-only are carried', () => {
    const view = orderView(
      report({
        order_type: 'stop-loss-limit',
        limit_price: 43900,
        time_in_force: 'GTD',
        post_only: true,
        triggers: {
          reference: 'last',
          price: 44000,
          price_type: 'static',
          actual_price: 44000,
          status: 'triggered',
        },
      }),
      BTC_USD_RULES,
    );
    expect(view).toMatchObject({
      triggerPrice: '44000.0',
      limitPrice: '43900.0',
      timeInForce: 'GTD',
      postOnly: true,
      triggered: true,
    });
    expect(view.trailOffset).toBeUndefined();
  });
});
