import { useState } from 'preact/hooks';
import type { OrderView } from '../../orders/types.ts';
import type { TradingActions } from './actions.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { filledOf, formatAge, openOrders, orderPrice, pairsOf } from './format.ts';

/** Open orders, newest first, each cancellable; "cancel all" per pair. Every cancel asks first. */
export function OpenOrders({
  orders,
  actions,
  now,
}: {
  orders: readonly OrderView[];
  actions: Pick<TradingActions, 'cancel' | 'cancelAll'>;
  now: number;
}) {
  const open = openOrders(orders);
  const [asking, setAsking] = useState<string | null>(null);
  const ask = (key: string) => ({
    asking: asking === key,
    onAsking: (on: boolean) => setAsking(on ? key : null),
  });
  return (
    <section class="trading-panel" data-testid="open-orders">
      <h2>Open orders</h2>
      {open.length === 0 ? (
        <p class="hint">No open orders.</p>
      ) : (
        <>
          <table class="grid">
            <thead>
              <tr>
                <th>Order</th>
                <th class="num">Price</th>
                <th class="num">Filled</th>
                <th class="num">Age</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {open.map((o) => (
                <tr key={o.id} data-testid="order-row" data-order-id={o.id} data-status={o.status}>
                  <td>
                    <span class={o.side === 'buy' ? 'pos' : 'neg'}>{o.side}</span> <b>{o.symbol}</b>
                    <br />
                    <span class="quote">{o.type}</span>
                  </td>
                  <td class="num">{orderPrice(o)}</td>
                  <td class="num">{filledOf(o)}</td>
                  <td class="num quote">{formatAge(now - o.createdAt)}</td>
                  <td class="actions">
                    <ConfirmAction
                      label="Cancel"
                      ariaLabel={`Cancel ${o.side} ${o.symbol} order`}
                      question="Cancel?"
                      testId="order-cancel"
                      onConfirm={() => actions.cancel(o.id)}
                      {...ask(`order:${o.id}`)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="cancel-all">
            {pairsOf(open).map((symbol) => (
              <span key={symbol} data-symbol={symbol}>
                <ConfirmAction
                  label={`Cancel all ${symbol}`}
                  question={`Cancel every open ${symbol} order?`}
                  testId="orders-cancel-all"
                  onConfirm={() => actions.cancelAll(symbol)}
                  {...ask(`all:${symbol}`)}
                />
              </span>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
