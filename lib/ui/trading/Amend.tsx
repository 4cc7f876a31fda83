import { useState } from 'preact/hooks';
import type { Locale } from '../../i18n/locales.ts';
import { localeDecimal, numberProblemText, parseLocaleDecimal } from '../../i18n/number-input.ts';
import { translator } from '../../i18n/translate.ts';
import { cmp, normalize, significantDecimals } from '../../kraken/pairs/exact.ts';
import type { OrderView, PriceOffset } from '../../orders/types.ts';
import type { AmendView, TradingMode } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { amount, clockTime, offsetText, priceText, type Words, wordsOf } from './format.ts';

/**
 * What an open order lets you amend: its amount always; its limit price unless it follows a trailing trigger;
 * its trigger price unless it trails the market or has already fired (Kraken's AmendOrder,
 * https://docs.kraken.com/api/docs/rest-api/amend-order).
 */
export function amendable(o: OrderView): {
  limitPrice: boolean;
  triggerPrice: boolean;
  trailOffset: boolean;
} {
  return {
    limitPrice: o.limitPrice !== undefined && !o.trailOffset,
    triggerPrice: o.triggerPrice !== undefined && !o.trailOffset && !o.triggered,
    // A trailing stop's offset, until it triggers: AmendOrder's `trigger_price` takes it as "+2%" / "+500"
    // (https://docs.kraken.com/api/docs/rest-api/amend-order; lib/trading/live/amend.ts trailTriggerText).
    trailOffset: o.trailOffset !== undefined && !o.triggered,
  };
}

type Change = { volume?: string; limitPrice?: string; triggerPrice?: string; trailOffset?: PriceOffset };
/** What the form holds: the texts as typed (the trailing offset and its unit only for trailing stops). */
export type Typed = {
  volume: string;
  limitPrice: string;
  triggerPrice: string;
  trail?: string;
  trailUnit?: OffsetUnit;
};
type OffsetUnit = PriceOffset['unit'];

/**
 * The trailing offset's own check, shown under its field as it is typed: a number above zero; in percent below
 * 100 with at most 2 decimals (what the ticket places, lib/paper/validate.ts checkOffset). Its decimals in the
 * quote currency are the pair's, checked by the background, which knows them.
 */
export function trailProblem(text: string, unit: OffsetUnit, locale: Locale = 'en'): string | null {
  const tr = translator(locale);
  const read = parseLocaleDecimal(text, locale);
  if (!read.ok) return numberProblemText(read.problem, text, tr);
  if (cmp(read.value, '0') <= 0) return tr('amend.aboveZero');
  if (unit === 'percent' && (cmp(read.value, '100') >= 0 || significantDecimals(read.value) > 2))
    return tr('amend.trailPercent');
  return null;
}

/**
 * The fields that differ from the order's (compared as numbers), or a reason nothing can be sent. Numbers are
 * read the way `locale` types them ("0,2" in French; "1,000" refused as ambiguous), never guessed.
 */
export function changeOf(o: OrderView, typed: Typed, locale: Locale = 'en'): Change | string {
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
  if (fields.trailOffset && o.trailOffset && typed.trail !== undefined) {
    const unit = typed.trailUnit ?? o.trailOffset.unit;
    const problem = trailProblem(typed.trail, unit, locale);
    if (problem) return problem;
    const read = parseLocaleDecimal(typed.trail, locale);
    const value = read.ok ? read.value : typed.trail;
    if (unit !== o.trailOffset.unit || cmp(value, o.trailOffset.value) !== 0)
      change.trailOffset = { value, unit };
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
  const [typed, setTyped] = useState<Typed>({
    volume: localeDecimal(normalize(order.volume), locale),
    limitPrice: localeDecimal(order.limitPrice ?? '', locale),
    triggerPrice: localeDecimal(order.triggerPrice ?? '', locale),
    ...(order.trailOffset
      ? {
          trail: localeDecimal(normalize(order.trailOffset.value), locale),
          trailUnit: order.trailOffset.unit,
        }
      : {}),
  });
  const [review, setReview] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trailError =
    fields.trailOffset && typed.trail !== undefined
      ? trailProblem(typed.trail, typed.trailUnit ?? 'percent', locale)
      : null;
  const trailField = () => (
    <label class="amend-field">
      <span class="hint">{t('amend.trail')}</span>
      <span class="ticket-row">
        <input
          data-testid="amend-trail"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={trailError !== null}
          disabled={review !== null}
          value={typed.trail ?? ''}
          onInput={(e) => setTyped({ ...typed, trail: (e.currentTarget as HTMLInputElement).value })}
        />
        <select
          data-testid="amend-trail-unit"
          aria-label={t('ticket.offsetUnit', { label: t('amend.trail') })}
          disabled={review !== null}
          value={typed.trailUnit ?? 'percent'}
          onChange={(e) =>
            setTyped({
              ...typed,
              trailUnit: (e.currentTarget as HTMLSelectElement).value === 'quote' ? 'quote' : 'percent',
            })
          }
        >
          <option value="percent">%</option>
          <option value="quote">{order.symbol.split('/')[1] ?? ''}</option>
        </select>
      </span>
      {trailError && (
        <span class="error" data-testid="amend-trail-error">
          {trailError}
        </span>
      )}
    </label>
  );
  const input = (key: 'volume' | 'limitPrice' | 'triggerPrice', label: string, testId: string) => (
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
      setError(messageOf(e, t));
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
        {fields.trailOffset && trailField()}
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
            {describeChange(review, wordsOf(locale), order.symbol)}
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
function describeChange(c: Change, w: Words, symbol: string): string {
  return w.t('amend.new', { what: changeParts(c, w, symbol) });
}

/** "amount 0.2, limit 44,100.0, trigger 43,000.0": the parts an amend (or its history) names. */
function changeParts(c: Change, { t, locale }: Words, symbol = ''): string {
  return [
    c.volume !== undefined ? t('amend.part.amount', { value: amount(c.volume, locale) }) : '',
    c.trailOffset !== undefined
      ? t('amend.part.trail', { value: offsetText(c.trailOffset, symbol, locale) })
      : '',
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
              (e: unknown) => setState({ kind: 'error', message: messageOf(e, t) }),
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
