import { useState } from 'preact/hooks';
import type { PlainKey } from '../../i18n/translate.ts';
import type { OrderRequest } from '../../orders/types.ts';
import type { IntentView } from '../../trading/types.ts';
import { errorText } from '../error-text.ts';
import { useLocale, useT } from '../locale.ts';
import type { TradingActions } from './actions.ts';
import { describeOrder, wordsOf } from './format.ts';

const TITLE: Record<IntentView['state'], PlainKey> = {
  sending: 'intents.sending',
  unknown: 'intents.unknown',
  expired: 'intents.expired',
};

/**
 * Live orders whose ending the person must know: being sent, not yet confirmed by Kraken (never to be placed
 * again by hand), not placed (with a way to open a new ticket from it), and other accounts' (never sent here).
 */
export function IntentsPanel({
  intents,
  actions,
  onReopen,
}: {
  intents: readonly IntentView[];
  actions: Pick<TradingActions, 'check' | 'dismissIntent'>;
  onReopen(order: OrderRequest): void;
}) {
  const t = useT();
  const w = wordsOf(useLocale());
  const [error, setError] = useState<string | null>(null);
  if (intents.length === 0) return null;
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(errorText(e, t)));
  };
  return (
    <section class="intents" data-testid="intents" aria-label={t('intents.label')}>
      <h2>{t('intents.title')}</h2>
      <ul>
        {intents.map((i) => (
          <li
            key={i.clOrdId}
            data-testid="intent"
            data-state={i.state}
            data-account={i.account}
            data-id={i.clOrdId}
          >
            <p>
              <b>{i.account === 'other' ? t('intents.other') : t(TITLE[i.state])}</b>
              {i.order ? ` · ${describeOrder({ ...i.order, volume: i.order.volume }, w)}` : ''}
            </p>
            <p class="hint">{i.message}</p>
            <div class="row-actions">
              {i.account === 'current' && i.state === 'unknown' && (
                <button
                  type="button"
                  class="small"
                  data-testid="intent-check"
                  onClick={() => run(() => actions.check(i.clOrdId))}
                >
                  {t('preview.checkAgain')}
                </button>
              )}
              {i.account === 'current' && i.state === 'expired' && i.order && (
                <button
                  type="button"
                  class="small"
                  data-testid="intent-reopen"
                  onClick={() => i.order && onReopen(i.order)}
                >
                  {t('intents.reopen')}
                </button>
              )}
              {(i.state === 'expired' || i.account === 'other') && (
                <button
                  type="button"
                  class="small link"
                  data-testid="intent-dismiss"
                  onClick={() => run(() => actions.dismissIntent(i.clOrdId))}
                >
                  {t('intents.dismiss')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
