import { describe, expect, it } from 'vitest';
import { createBalancesTracker, createOrdersTracker } from '../../../lib/kraken/index.ts';
import { fixtureJson } from '../../support/fixtures.ts';

type Frame = { channel?: string; type?: string; data?: unknown };
const doc = fixtureJson<{ examples: { note?: string; msg: Frame }[] }>('official/ws_v2_docs_examples.json');
const executions = doc.examples.filter((e) => e.msg.channel === 'executions').map((e) => e.msg);

describe('executions → open orders and fills (Kraken’s documented sequence)', () => {
  it('pending_new → new → trade (partially_filled quirk), then filled removes the order', () => {
    expect(executions).toHaveLength(3);
    const tracker = createOrdersTracker();
    const fills = executions.flatMap((frame) => tracker.apply(frame));
    const order = tracker.get('OK4GJX-KSTLS-7DZZO5');
    // Fields from the pending_new report survive the later, partial updates.
    expect(order).toMatchObject({
      symbol: 'BTC/USD',
      order_qty: 0.005,
      order_status: 'partially_filled',
      cum_qty: 0.005,
    });
    expect(fills).toEqual([
      expect.objectContaining({
        order_id: 'OK4GJX-KSTLS-7DZZO5',
        last_qty: 0.005,
        last_price: 26599.9,
        liquidity_ind: 't',
      }),
    ]);
    tracker.apply({
      type: 'update',
      data: [{ order_id: 'OK4GJX-KSTLS-7DZZO5', exec_type: 'filled', order_status: 'filled' }],
    });
    expect(tracker.openOrders()).toEqual([]);
  });

  it('a snapshot replaces the map, and its recent trades open nothing', () => {
    const tracker = createOrdersTracker();
    tracker.apply({ type: 'update', data: [{ order_id: 'OLD', order_status: 'new', exec_type: 'new' }] });
    tracker.apply({
      type: 'snapshot',
      data: [
        { order_id: 'A', order_status: 'new', exec_type: 'new', symbol: 'ETH/USD' },
        { order_id: 'T', exec_type: 'trade', last_qty: 1, last_price: 2, order_status: 'filled' },
      ],
    });
    expect(tracker.openOrders().map((o) => o.order_id)).toEqual(['A']);
  });

  it.each([
    [{ type: 'update', data: 'nope' }],
    [{ type: 'update', data: [{ no_order_id: 1 }, null, 5] }],
    [{}],
  ])('skips malformed frames without throwing: %j', (frame) => {
    const tracker = createOrdersTracker();
    expect(tracker.apply(frame)).toEqual([]);
    expect(tracker.openOrders()).toEqual([]);
  });
});

describe('balances → a map of asset balances (Kraken’s documented frames)', () => {
  it('applies the snapshot, then ledger updates carrying the new balance', () => {
    const frames = doc.examples.filter((e) => e.msg.channel === 'balances').map((e) => e.msg);
    expect(frames.length).toBeGreaterThanOrEqual(2);
    const tracker = createBalancesTracker();
    for (const f of frames) tracker.apply(f.type ? f : { ...f, type: 'snapshot' });
    expect(tracker.get('BTC')).toBeTypeOf('number');
    expect(Object.keys(tracker.all()).length).toBeGreaterThan(0);
    expect(
      tracker.apply({ type: 'update', data: [{ asset: 'USD', balance: 42 }, { asset: 7 }, null] }),
    ).toEqual(['USD']);
    expect(tracker.get('USD')).toBe(42);
  });
});
