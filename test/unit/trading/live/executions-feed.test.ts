// Kraken's executions channel as the live account folds it: every report of an order with a cl_ord_id is passed
// on with Kraken's order id (the placer settles a lost answer by it), the cl_ord_id taken from the order's first
// report when a later one leaves it out.
import { describe, expect, it } from 'vitest';
import { memoryFillMarkStore } from '../../../../lib/db/fill-marks.ts';
import { createOrdersTracker } from '../../../../lib/kraken/index.ts';
import { createExecutionsFeed } from '../../../../lib/trading/live/executions-feed.ts';
import { createFillLedger } from '../../../../lib/trading/live/fill-ledger.ts';

describe('executions feed', () => {
  it('passes on each reported order’s cl_ord_id with Kraken’s order id, and none for an order without one', async () => {
    const reported: [string, string][] = [];
    const feed = createExecutionsFeed({
      tracker: createOrdersTracker(),
      ledger: createFillLedger(memoryFillMarkStore(), 'acct'),
      rulesFor: () => undefined,
      now: () => 0,
      onChange: () => {},
      onFills: async () => {},
      onReported: (clOrdId, orderId) => reported.push([clOrdId, orderId]),
    });
    const report = (r: Record<string, unknown>) => ({ channel: 'executions', type: 'update', data: [r] });
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: 0.01,
      limit_price: 30000,
    };
    await feed.apply(
      report({
        ...order,
        order_id: 'OAAAAA-1',
        cl_ord_id: 'c-1',
        exec_type: 'pending_new',
        order_status: 'pending_new',
      }),
    );
    await feed.apply(report({ order_id: 'OAAAAA-1', exec_type: 'new', order_status: 'new' }));
    await feed.apply(report({ ...order, order_id: 'OBBBBB-2', exec_type: 'new', order_status: 'new' }));
    expect(reported).toEqual([
      ['c-1', 'OAAAAA-1'],
      ['c-1', 'OAAAAA-1'],
    ]);
  });
});
