import { useState } from 'preact/hooks';
import type { Locale } from '../../i18n/locales.ts';
import { localeDecimal, numberProblemText, parseLocaleDecimal } from '../../i18n/number-input.ts';
import { translator } from '../../i18n/translate.ts';
import { cmp } from '../../kraken/pairs/exact.ts';
import type { OrderView } from '../../orders/types.ts';
import type { AmendView, TradingMode } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { amount, clockTime, priceText, type Words, wordsOf } from './format.ts';

/**
 * What an open order lets you amend: its amount always; its limit price unless it follows a trailing trigger;
 * its trigger price unless it trails the market or has already fired (Kraken's AmendOrder,
 * https://docs.kraken.com/api/docs/rest-api/amend-order).
 */
export function amendable(o: OrderView): { limitPrice: boolean; triggerPrice: boolean } {
  return {
    limitPrice: o.limitPrice !== undefined && !o.trailOffset,
    triggerPrice: o.triggerPrice !== undefined && !o.trailOffset && !o.triggered,
  };
}

type Change = { volume?: string; limitPrice?: string; triggerPrice?: string };

/**
 * The fields that differ from the order's (compared as numbers), or a reason nothing can be sent. Numbers are
 * read the way `locale` types them ("0,2" in French; "1,000" refused as ambiguous), never guessed.
 */
export function changeOf(o: OrderView, typed: Required<Change>, locale: Locale = 'en'): Change | string {
  const tr = translator(locale);
  const change: Change = {};
  const fields = amendable(o);
  const entries = [
    ['volume', typed.volume, o.volume, true],
    ['limitPrice', typed.limitPrice, o.limitPrice, fields.limitPrice],
    ['triggerPrice', typed.triggerPrice, o.triggerPrice, fields.triggerPrice],
  ] as const;
  for (const [key, text, was, allowed] of entries) {
    if (!allowed) continue;
    const read = parseLocaleDecimal(text, locale);
    if (!read.ok) return numberProblemText(read.problem, text, tr);
    const t = read.value;
    if (cmp(t, '0') <= 0) return tr('amend.aboveZero');
    if (was === undefined || cmp(t, was) !== 0) change[key] = t;
  }
  return Object.keys(change).length > 0 ? change : tr('amend.nothing');
}

/**
 * Amend a resting order in place, after a confirm that says what is kept: Kraken keeps the order id and, where
 * it can, its place in the queue ("Queue priority in the order book will be maintained where possible",
 * https://docs.kraken.com/api/docs/guides/spot-amends). A paper order keeps its id; it has no queue place.
 */
export function AmendForm({
  order,
  mode,
  actions,
  onDone,
}: {
  order: OrderView;
  mode: TradingMode;
  actions: Pick<TradingActions, 'amend'>;
  onDone(): void;
}) {
  const t = useT();
  const locale = useLocale();
  const fields = amendable(order);
  // Written the page's way ("0,2" in French), read back the same way by changeOf.
  const [typed, setTyped] = useState<Required<Change>>({
    volume: localeDecimal(order.volume, locale),
    limitPrice: localeDecimal(order.limitPrice ?? '', locale),
    triggerPrice: localeDecimal(order.triggerPrice ?? '', locale),
  });
  const [review, setReview] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = (key: keyof Change, label: string, testId: string) => (
    <label class="amend-field">
      <span class="hint">{label}</span>
      <input
        data-testid={testId}
        inputMode="decimal"
        autoComplete="off"
        disabled={review !== null}
        value={typed[key]}
        onInput={(e) => setTyped({ ...typed, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  const send = async (change: Change) => {
    setBusy(true);
    setError(null);
    try {
      await actions.amend(order.id, change);
      onDone();
    } catch (e) {
      setError(messageOf(e));
      setReview(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="amend" data-testid="amend-form">
      <div class="ticket-row">
        {input('volume', t('amend.amount'), 'amend-volume')}
        {fields.limitPrice && input('limitPrice', t('amend.limit'), 'amend-limit')}
        {fields.triggerPrice && input('triggerPrice', t('amend.trigger'), 'amend-trigger')}
      </div>
      {review === null ? (
        <div class="ticket-row">
          <button
            type="button"
            class="small"
            data-testid="amend-review"
            onClick={() => {
              const change = changeOf(order, typed, locale);
              if (typeof change === 'string') setError(change);
              else {
                setError(null);
                setReview(change);
              }
            }}
          >
            {t('amend.review')}
          </button>
          <button type="button" class="link" data-testid="amend-close" onClick={onDone}>
            {t('common.close')}
          </button>
        </div>
      ) : (
        <div class="confirm-ask">
          <span data-testid="amend-confirm-text">
            {mode === 'live' ? t('amend.inPlaceLive') : t('amend.inPlacePaper')}{' '}
            {describeChange(review, wordsOf(locale))}
          </span>
          <button
            type="button"
            class="danger"
            data-testid="amend-yes"
            disabled={busy}
            onClick={() => send(review)}
          >
            {busy ? t('common.working') : t('amend.yes')}
          </button>
          <button
            type="button"
            class="link"
            data-testid="amend-back"
            disabled={busy}
            onClick={() => setReview(null)}
          >
            {t('amend.back')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert" data-testid="amend-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** "New amount 0.2, limit 44,100.0." */
function describeChange(c: Change, w: Words): string {
  return w.t('amend.new', { what: changeParts(c, w) });
}

/** "amount 0.2, limit 44,100.0, trigger 43,000.0": the parts an amend (or its history) names. */
function changeParts(c: Change, { t, locale }: Words): string {
  return [
    c.volume !== undefined ? t('amend.part.amount', { value: amount(c.volume, locale) }) : '',
    c.limitPrice !== undefined ? t('amend.part.limit', { value: priceText(c.limitPrice, locale) }) : '',
    c.triggerPrice !== undefined ? t('amend.part.trigger', { value: priceText(c.triggerPrice, locale) }) : '',
  ]
    .filter((p) => p !== '')
    .join(', ');
}

/** An order's amend history on demand (live: Kraken's OrderAmends; paper: the paper account's record). */
export function AmendHistory({ id, actions }: { id: string; actions: Pick<TradingActions, 'amends'> }) {
  const t = useT();
  const w = wordsOf(useLocale());
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'loading' }
    | { kind: 'shown'; amends: AmendView[] }
    | { kind: 'error'; message: string }
  >({ kind: 'idle' });
  if (state.kind === 'idle' || state.kind === 'error') {
    return (
      <span>
        <button
          type="button"
          class="link"
          data-testid="order-history"
          onClick={() => {
            setState({ kind: 'loading' });
            actions.amends(id).then(
              ({ amends }) => setState({ kind: 'shown', amends }),
              (e: unknown) => setState({ kind: 'error', message: messageOf(e) }),
            );
          }}
        >
          {t('amend.history')}
        </button>
        {state.kind === 'error' && <span class="error"> {state.message}</span>}
      </span>
    );
  }
  if (state.kind === 'loading') return <span class="hint">{t('common.loading')}</span>;
  return (
    <ol class="amend-history" data-testid="amend-history">
      {state.amends.length === 0 && <li class="hint">{t('amend.never')}</li>}
      {state.amends.map((a) => (
        <li key={`${a.at}:${a.kind}`} data-testid="amend-entry" data-kind={a.kind}>
          {t(`amend.kind.${a.kind}`, {
            time: clockTime(a.at),
            what: changeParts(
              {
                ...(a.volume !== undefined ? { volume: a.volume } : {}),
                ...(a.limitPrice !== undefined ? { limitPrice: a.limitPrice } : {}),
                ...(a.triggerPrice !== undefined ? { triggerPrice: a.triggerPrice } : {}),
              },
              w,
            ),
          })}
          {a.reason ? ` (${a.reason})` : ''}
        </li>
      ))}
    </ol>
  );
}
