import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { OrderView } from '../../orders/types.ts';
import type { TradingMode } from '../../trading/types.ts';
import { AmendForm, AmendHistory } from './Amend.tsx';
import type { TradingActions } from './actions.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { filledOf, formatAge, openOrders, orderPrice, pairsOf } from './format.ts';

/**
 * Open orders, newest first, each with its trigger, cancellable and amendable in place (the amend history on
 * demand); "cancel all" per pair. Every cancel and amend asks first.
 */
export function OpenOrders({
  orders,
  actions,
  now,
  mode,
}: {
  orders: readonly OrderView[];
  actions: Pick<TradingActions, 'cancel' | 'cancelAll' | 'amend' | 'amends'>;
  now: number;
  /** Which account the orders are in: the amend confirmation says it (never assumed). */
  mode: TradingMode;
}) {
  const open = openOrders(orders);
  const [asking, setAsking] = useState<string | null>(null);
  const [amending, setAmending] = useState<string | null>(null);
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
                <Fragment key={o.id}>
                  <tr data-testid="order-row" data-order-id={o.id} data-status={o.status} data-type={o.type}>
                    <td>
                      <span class={o.side === 'buy' ? 'pos' : 'neg'}>{o.side}</span> <b>{o.symbol}</b>
                      <br />
                      <span class="quote">{o.type}</span>
                    </td>
                    <td class="num" data-testid="order-price">
                      {orderPrice(o)}
                    </td>
                    <td class="num">{filledOf(o)}</td>
                    <td class="num quote">{formatAge(now - o.createdAt)}</td>
                    <td class="actions">
                      <button
                        type="button"
                        class="small"
                        data-testid="order-amend"
                        aria-label={`Amend ${o.side} ${o.symbol} order`}
                        aria-expanded={amending === o.id}
                        onClick={() => setAmending(amending === o.id ? null : o.id)}
                      >
                        Amend
                      </button>
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
                  {amending === o.id && (
                    <tr data-testid="amend-row" data-order-id={o.id}>
                      <td colSpan={5}>
                        <AmendForm order={o} mode={mode} actions={actions} onDone={() => setAmending(null)} />
                        <AmendHistory id={o.id} actions={actions} />
                      </td>
                    </tr>
                  )}
                </Fragment>
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
