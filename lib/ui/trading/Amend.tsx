import { useState } from 'preact/hooks';
import { cmp, isDecimalText } from '../../kraken/pairs/exact.ts';
import type { OrderView } from '../../orders/types.ts';
import type { AmendView, TradingMode } from '../../trading/types.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { amount, clockTime, group } from './format.ts';

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

/** The fields that differ from the order's (compared as numbers), or a reason nothing can be sent. */
export function changeOf(o: OrderView, typed: Required<Change>): Change | string {
  const change: Change = {};
  const fields = amendable(o);
  const entries = [
    ['volume', typed.volume, o.volume, true],
    ['limitPrice', typed.limitPrice, o.limitPrice, fields.limitPrice],
    ['triggerPrice', typed.triggerPrice, o.triggerPrice, fields.triggerPrice],
  ] as const;
  for (const [key, text, was, allowed] of entries) {
    if (!allowed) continue;
    const t = text.trim();
    if (!isDecimalText(t) || cmp(t, '0') <= 0) return 'Enter numbers above zero, like 0.01 or 45000.5.';
    if (was === undefined || cmp(t, was) !== 0) change[key] = t;
  }
  return Object.keys(change).length > 0 ? change : 'Nothing changed: type a new amount or price.';
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
  const fields = amendable(order);
  const [typed, setTyped] = useState<Required<Change>>({
    volume: order.volume,
    limitPrice: order.limitPrice ?? '',
    triggerPrice: order.triggerPrice ?? '',
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
        {input('volume', 'Amount', 'amend-volume')}
        {fields.limitPrice && input('limitPrice', 'Limit', 'amend-limit')}
        {fields.triggerPrice && input('triggerPrice', 'Trigger', 'amend-trigger')}
      </div>
      {review === null ? (
        <div class="ticket-row">
          <button
            type="button"
            class="small"
            data-testid="amend-review"
            onClick={() => {
              const change = changeOf(order, typed);
              if (typeof change === 'string') setError(change);
              else {
                setError(null);
                setReview(change);
              }
            }}
          >
            Review amend
          </button>
          <button type="button" class="link" data-testid="amend-close" onClick={onDone}>
            Close
          </button>
        </div>
      ) : (
        <div class="confirm-ask">
          <span data-testid="amend-confirm-text">
            {mode === 'live'
              ? 'Amend in place: Kraken keeps the order id and, where possible, its place in the queue.'
              : 'Amend in place: the paper order keeps its id.'}{' '}
            {describeChange(review)}
          </span>
          <button
            type="button"
            class="danger"
            data-testid="amend-yes"
            disabled={busy}
            onClick={() => send(review)}
          >
            {busy ? '…' : 'Amend'}
          </button>
          <button
            type="button"
            class="link"
            data-testid="amend-back"
            disabled={busy}
            onClick={() => setReview(null)}
          >
            Back
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

/** "Amount 0.2, limit 44,100.0." */
function describeChange(c: Change): string {
  const parts = [
    c.volume !== undefined ? `amount ${amount(c.volume)}` : '',
    c.limitPrice !== undefined ? `limit ${group(c.limitPrice)}` : '',
    c.triggerPrice !== undefined ? `trigger ${group(c.triggerPrice)}` : '',
  ].filter((p) => p !== '');
  const text = parts.join(', ');
  return `New ${text}.`;
}

/** An order's amend history on demand (live: Kraken's OrderAmends; paper: the paper account's record). */
export function AmendHistory({ id, actions }: { id: string; actions: Pick<TradingActions, 'amends'> }) {
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
          Amend history
        </button>
        {state.kind === 'error' && <span class="error"> {state.message}</span>}
      </span>
    );
  }
  if (state.kind === 'loading') return <span class="hint">Loading…</span>;
  return (
    <ol class="amend-history" data-testid="amend-history">
      {state.amends.length === 0 && <li class="hint">Never amended.</li>}
      {state.amends.map((a) => (
        <li key={`${a.at}:${a.kind}`} data-testid="amend-entry" data-kind={a.kind}>
          {clockTime(a.at)} {a.kind === 'original' ? 'placed' : a.kind === 'user' ? 'amended' : 'restated'}:{' '}
          {a.volume !== undefined ? `amount ${amount(a.volume)}` : ''}
          {a.limitPrice !== undefined ? `, limit ${group(a.limitPrice)}` : ''}
          {a.triggerPrice !== undefined ? `, trigger ${group(a.triggerPrice)}` : ''}
          {a.reason ? ` (${a.reason})` : ''}
        </li>
      ))}
    </ol>
  );
}
