import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { OrderView } from '../../orders/types.ts';
import type { TradingMode } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
import { AmendForm, AmendHistory } from './Amend.tsx';
import type { TradingActions } from './actions.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { Confirmed } from './Confirmed.tsx';
import { filledOf, formatAge, openOrders, orderPricePieces, pairsOf, typeWord, wordsOf } from './format.ts';

/**
 * Open orders, newest first, each with its trigger, cancellable and amendable in place (the amend history on
 * demand); "cancel all" per pair. A card per order, not a table row: its buttons stay in sight from 320 px
 * (five columns scrolled the popup sideways, Amend and Cancel out of view). Every cancel and amend asks
 * first. When the account's feed is not live, the list is greyed and says when it was last confirmed.
 */
export function OpenOrders({
  orders,
  actions,
  now,
  mode,
  confirmedAt = null,
}: {
  orders: readonly OrderView[];
  actions: Pick<TradingActions, 'cancel' | 'cancelAll' | 'amend' | 'amends'>;
  now: number;
  /** Which account the orders are in: the amend confirmation says it (never assumed). */
  mode: TradingMode;
  /** Null while the list is live; else when it was last known to be right (ms, 0: never). */
  confirmedAt?: number | null;
}) {
  const t = useT();
  const w = wordsOf(useLocale());
  const open = openOrders(orders);
  const [asking, setAsking] = useState<string | null>(null);
  const [amending, setAmending] = useState<string | null>(null);
  const ask = (key: string) => ({
    asking: asking === key,
    onAsking: (on: boolean) => setAsking(on ? key : null),
  });
  const side = (o: OrderView) => t(o.side === 'buy' ? 'order.side.buy' : 'order.side.sell');
  return (
    <section
      class={`trading-panel${confirmedAt !== null ? ' stale' : ''}`}
      data-testid="open-orders"
      data-stale={confirmedAt !== null ? 'true' : undefined}
      aria-labelledby="open-orders-title"
    >
      <h2 id="open-orders-title">{t('orders.title')}</h2>
      <Confirmed at={confirmedAt} />
      {open.length === 0 ? (
        <p class="hint">{t('orders.none')}</p>
      ) : (
        <>
          <ul class="order-list" aria-labelledby="open-orders-title">
            {open.map((o) => (
              <li
                key={o.id}
                class="order-card"
                data-testid="order-row"
                data-order-id={o.id}
                data-status={o.status}
                data-type={o.type}
              >
                <span class="order-what">
                  <span class={o.side === 'buy' ? 'pos' : 'neg'}>{side(o)}</span> <b>{o.symbol}</b>{' '}
                  <span class="quote nobr">{typeWord(o.type, w)}</span>
                </span>
                <span class="order-actions">
                  <button
                    type="button"
                    class="small"
                    data-testid="order-amend"
                    aria-label={t('orders.amendLabel', { side: side(o), symbol: o.symbol })}
                    aria-expanded={amending === o.id}
                    onClick={() => setAmending(amending === o.id ? null : o.id)}
                  >
                    {t('orders.amend')}
                  </button>
                  <ConfirmAction
                    label={t('orders.cancel')}
                    ariaLabel={t('orders.cancelLabel', { side: side(o), symbol: o.symbol })}
                    question={t('orders.cancelQuestion')}
                    yes={t('orders.cancelYes')}
                    no={t('orders.cancelNo')}
                    testId="order-cancel"
                    onConfirm={() => actions.cancel(o.id)}
                    {...ask(`order:${o.id}`)}
                  />
                </span>
                <span class="order-price num" data-testid="order-price">
                  {orderPricePieces(o, w).map((p) => (
                    <Fragment key={p.text}>
                      {p.joiner}
                      <span class="nobr">{p.text}</span>
                    </Fragment>
                  ))}
                </span>
                <span class="order-progress num quote">
                  {t('orders.filledOf', { amount: filledOf(o, w.locale) })} ·{' '}
                  <span title={t('orders.age')}>{formatAge(now - o.createdAt, w)}</span>
                </span>
                {amending === o.id && (
                  <div class="order-amend" data-testid="amend-row" data-order-id={o.id}>
                    <AmendForm order={o} mode={mode} actions={actions} onDone={() => setAmending(null)} />
                    <AmendHistory id={o.id} actions={actions} />
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div class="cancel-all">
            {pairsOf(open).map((symbol) => (
              <span key={symbol} data-symbol={symbol}>
                <ConfirmAction
                  label={t('orders.cancelAll', { symbol })}
                  question={t('orders.cancelAllQuestion', { symbol })}
                  yes={t('orders.cancelAllYes')}
                  no={t('orders.cancelAllNo')}
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
