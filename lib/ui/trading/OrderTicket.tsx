import { useEffect, useRef, useState } from 'preact/hooks';
import type { MarketSnapshot } from '../../market/types.ts';
import { STARTER_FEES } from '../../orders/fees.ts';
import type { BookTop, OrderRequest, TicketOrderType } from '../../orders/types.ts';
import { checkTicket, fractionAmount, type TicketContext, type TicketField } from '../../trading/ticket.ts';
import type { TradingView } from '../../trading/types.ts';
import type { TradingActions } from './actions.ts';
import { amount, availableOf, lastText, tradingGate } from './format.ts';
import { TicketPreview } from './TicketPreview.tsx';
import {
  FEES_LABEL,
  fieldMessages,
  type KeyTarget,
  keyAction,
  newerBook,
  swallowsEnter,
  toggleUnit,
} from './ticket-form.ts';
import { canConfirm, draftOf, type TicketForm } from './ticket-state.ts';
import { usePairDetails, useTicketMachine } from './use-ticket.ts';

const TYPES: readonly { value: TicketOrderType; label: string }[] = [
  { value: 'market', label: 'Market' },
  { value: 'limit', label: 'Limit' },
  { value: 'stop-loss', label: 'Stop-loss' },
  { value: 'take-profit', label: 'Take-profit' },
];
const FRACTIONS = [25, 50, 100] as const;
const SHARE = { 25: 0.25, 50: 0.5, 100: 1 } as const;

const textOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/**
 * The quick order ticket: checked on every change (lib/trading/ticket.ts), previewed, confirmed once.
 * Keyboard: Enter in a field previews, Enter on "Confirm" sends, Esc goes back (or clears the form).
 */
export function OrderTicket({
  snapshot,
  books,
  trading,
  actions,
  epoch = 0,
  newId = () => crypto.randomUUID(),
  prefill,
}: {
  snapshot: MarketSnapshot;
  books: Readonly<Record<string, BookTop>>;
  trading: TradingView;
  actions: Pick<TradingActions, 'watch' | 'preview' | 'place' | 'check'>;
  /** MarketView.epoch: a new stream connection re-asks the background to watch the pair. */
  epoch?: number;
  newId?: () => string;
  /** An order to start a new ticket from (a not-placed one); `key` changes for each request. */
  prefill?: { key: number; order: OrderRequest };
}) {
  const pairs = snapshot.watchlist;
  const preferred =
    snapshot.badgePair && pairs.includes(snapshot.badgePair) ? snapshot.badgePair : (pairs[0] ?? '');
  const [state, dispatch] = useTicketMachine(preferred, actions);
  const { form, phase } = state;
  const [details, retry] = usePairDetails(
    form.symbol,
    actions.watch,
    epoch,
    Object.hasOwn(snapshot.pairs, form.symbol),
  );
  const [note, setNote] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  // A pair removed from the watchlist leaves the ticket; the mode switching withdraws a confirmation.
  const symbolGone = form.symbol === '' || !pairs.includes(form.symbol);
  useEffect(() => {
    if (symbolGone && preferred) dispatch({ type: 'pair', symbol: preferred });
  }, [symbolGone, preferred, dispatch]);
  useEffect(() => dispatch({ type: 'mode', mode: trading.mode }), [trading.mode, dispatch]);
  // A new ticket from a not-placed order: the form filled as it was, to review and confirm anew.
  useEffect(() => {
    if (!prefill) return;
    const o = prefill.order;
    dispatch({ type: 'pair', symbol: o.symbol });
    dispatch({
      type: 'set',
      patch: {
        side: o.side,
        type: o.type,
        amount: o.volume,
        amountIn: 'base',
        limitPrice: o.limitPrice ?? '',
        triggerPrice: o.triggerPrice ?? '',
        postOnly: o.postOnly,
        timeInForce: o.timeInForce,
      },
    });
  }, [prefill?.key]);
  // An unknown outcome settles in the background (it keeps asking Kraken): when the order leaves the list of
  // unconfirmed ones, or shows as not placed, ask for its ending.
  const checkingId = phase.kind === 'checking' ? phase.confirmation.clOrdId : null;
  const listed = checkingId ? trading.intents.find((i) => i.clOrdId === checkingId) : undefined;
  useEffect(() => {
    if (checkingId && (!listed || listed.state === 'expired'))
      dispatch({ type: 'check', clOrdId: checkingId });
  }, [checkingId, listed?.state]);

  const ready = details.kind === 'ready' && details.symbol === form.symbol ? details : null;
  const ctx: TicketContext | null = ready && {
    rules: ready.rules,
    book: newerBook(books[form.symbol], ready.book),
    last: lastText(snapshot.ticks[form.symbol]?.last, ready.rules.pairDecimals),
    available: availableOf(trading.balances),
    fees: STARTER_FEES,
  };
  const check = ctx ? checkTicket(draftOf(form), ctx) : null;
  const messages = check ? fieldMessages(state, check.problems) : {};
  const gate = tradingGate(trading);

  // Focus follows the flow: confirm when it can be pressed, the preview while Kraken checks, the amount after.
  const confirmation = phase.kind === 'editing' ? null : phase.confirmation;
  const confirmable = phase.kind === 'preview' && canConfirm(phase.confirmation);
  useEffect(() => {
    if (confirmable) confirmRef.current?.focus();
    else if (confirmation && phase.kind === 'preview') previewRef.current?.focus();
  }, [confirmation?.clOrdId, confirmable]);
  const wasEditing = useRef(true);
  useEffect(() => {
    if (phase.kind === 'editing' && !wasEditing.current) amountRef.current?.focus();
    wasEditing.current = phase.kind === 'editing';
  }, [phase.kind]);

  if (pairs.length === 0) {
    return (
      <section class="ticket" data-testid="ticket">
        <p class="hint">Add a pair to the watchlist to trade it.</p>
      </section>
    );
  }

  const set = (patch: Partial<TicketForm>) => {
    setNote(null);
    dispatch({ type: 'set', patch });
  };
  const submit = () => {
    if (check) dispatch({ type: 'submit', check, mode: trading.mode, gate, newId });
  };
  const confirm = () => dispatch({ type: 'confirm', gate });
  const fraction = (pct: (typeof FRACTIONS)[number]) => {
    if (!ctx) return;
    const amount = fractionAmount(SHARE[pct], draftOf(form), ctx);
    if (amount === '') {
      setNote(
        form.type === 'market' ? 'There is no price yet to size this order.' : 'Enter the price first.',
      );
    } else set({ amount });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    const where: KeyTarget =
      t === confirmRef.current
        ? 'confirm'
        : t.tagName === 'INPUT' || t.tagName === 'SELECT'
          ? 'field'
          : 'other';
    if (swallowsEnter(e.key, where)) e.preventDefault();
    const action = keyAction(e.key, where, { repeat: e.repeat, composing: e.isComposing });
    switch (action) {
      case 'submit':
        submit();
        return;
      case 'confirm':
        confirm();
        return;
      case 'escape':
        e.preventDefault();
        setNote(null);
        dispatch({ type: 'escape' });
        return;
      case null:
        return;
      default: {
        const never: never = action;
        throw new RangeError(`unknown key action ${String(never)}`);
      }
    }
  };

  const [symBase = '', symQuote = ''] = form.symbol.split('/');
  const base = ready?.rules.base ?? symBase;
  const quote = ready?.rules.quote ?? symQuote;
  const spend = form.side === 'buy' ? quote : base;
  const available = availableOf(trading.balances)[spend];
  const isLimit = form.type === 'limit';
  const isStop = form.type === 'stop-loss' || form.type === 'take-profit';
  const message = (field: TicketField) => {
    const p = messages[field];
    return p ? (
      <p
        class={p.level === 'error' ? 'error' : 'warn'}
        data-testid={`ticket-${p.level}-${field}`}
        data-code={p.code}
      >
        {p.message}
      </p>
    ) : null;
  };

  return (
    <section class="ticket" data-testid="ticket">
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <fieldset disabled={phase.kind !== 'editing'}>
          <div class="ticket-row">
            <select
              data-testid="ticket-pair"
              aria-label="Pair"
              value={form.symbol}
              onChange={(e) => set({ symbol: textOf(e) })}
            >
              {pairs.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <fieldset class="segmented" aria-label="Side">
              {(['buy', 'sell'] as const).map((side) => (
                <button
                  key={side}
                  type="button"
                  class={`side-${side} ${form.side === side ? 'on' : ''}`}
                  data-testid={`ticket-side-${side}`}
                  aria-pressed={form.side === side}
                  onClick={() => set({ side })}
                >
                  {side === 'buy' ? 'Buy' : 'Sell'}
                </button>
              ))}
            </fieldset>
            <select
              data-testid="ticket-type"
              aria-label="Order type"
              value={form.type}
              onChange={(e) => set({ type: textOf(e) as TicketOrderType })}
            >
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {message('pair')}
          {details.kind === 'loading' && details.symbol === form.symbol && (
            <p class="hint" data-testid="ticket-loading">
              Loading {form.symbol} trading rules…
            </p>
          )}
          {details.kind === 'unknown' && details.symbol === form.symbol && (
            <p class="error" data-testid="ticket-error-pair">
              Kraken has no trading rules for {form.symbol}.
            </p>
          )}
          {details.kind === 'error' && details.symbol === form.symbol && (
            <p class="error" data-testid="ticket-error-pair">
              {details.message}{' '}
              <button type="button" class="link" onClick={retry}>
                Retry
              </button>
            </p>
          )}
          <div class="ticket-row">
            <input
              ref={amountRef}
              class="amount"
              data-testid="ticket-amount"
              aria-label={`Amount in ${form.amountIn === 'base' ? base : quote}`}
              aria-invalid={messages.amount?.level === 'error'}
              placeholder="Amount"
              inputMode="decimal"
              autoComplete="off"
              value={form.amount}
              onInput={(e) => set({ amount: textOf(e) })}
            />
            <button
              type="button"
              class="unit"
              data-testid="ticket-unit"
              data-unit={form.amountIn}
              title={`Amount in ${form.amountIn === 'base' ? base : quote}: switch to ${form.amountIn === 'base' ? quote : base}`}
              onClick={() => set(toggleUnit(form, check?.preview))}
            >
              {form.amountIn === 'base' ? base : quote} ⇄
            </button>
          </div>
          <div class="ticket-row fractions">
            {FRACTIONS.map((pct) => (
              <button
                key={pct}
                type="button"
                class="small"
                data-testid={`ticket-fraction-${pct}`}
                disabled={!ctx}
                onClick={() => fraction(pct)}
              >
                {pct} %
              </button>
            ))}
            <span class="hint avail" data-testid="ticket-available">
              {available === undefined ? `No ${spend}` : `${amount(available)} ${spend}`} available
            </span>
          </div>
          {message('amount')}
          {note && <p class="hint">{note}</p>}
          {isLimit && (
            <input
              data-testid="ticket-limit"
              aria-label={`Limit price in ${quote}`}
              aria-invalid={messages.limitPrice?.level === 'error'}
              placeholder={`Limit price (${quote})`}
              inputMode="decimal"
              autoComplete="off"
              value={form.limitPrice}
              onInput={(e) => set({ limitPrice: textOf(e) })}
            />
          )}
          {isLimit && message('limitPrice')}
          {isStop && (
            <input
              data-testid="ticket-trigger"
              aria-label={`Trigger price in ${quote}`}
              aria-invalid={messages.triggerPrice?.level === 'error'}
              placeholder={`Trigger price (${quote}, last trade)`}
              inputMode="decimal"
              autoComplete="off"
              value={form.triggerPrice}
              onInput={(e) => set({ triggerPrice: textOf(e) })}
            />
          )}
          {isStop && message('triggerPrice')}
          {isLimit && (
            <div class="ticket-row">
              <label class="check">
                <input
                  type="checkbox"
                  data-testid="ticket-post-only"
                  checked={form.postOnly}
                  onChange={(e) => set({ postOnly: (e.currentTarget as HTMLInputElement).checked })}
                />
                Post-only
              </label>
              <select
                data-testid="ticket-tif"
                aria-label="Time in force"
                value={form.timeInForce}
                onChange={(e) => set({ timeInForce: textOf(e) === 'IOC' ? 'IOC' : 'GTC' })}
              >
                <option value="GTC">Good till cancelled</option>
                <option value="IOC">Immediate or cancel</option>
              </select>
            </div>
          )}
          {isLimit && message('postOnly')}
          {isLimit && message('timeInForce')}
          {message('balance')}
        </fieldset>
        {phase.kind === 'editing' && check?.preview && (
          <p class="hint" data-testid="ticket-estimate">
            ≈ {check.preview.total} {check.preview.totalAsset} for {check.preview.receive}{' '}
            {check.preview.receiveAsset} (fee {check.preview.fee} {check.preview.feeAsset})
          </p>
        )}
        <p class="hint">{FEES_LABEL}</p>
        {gate !== null && (
          <p class="warn" data-testid="ticket-gate">
            Live orders are off: {gate}.
          </p>
        )}
        {state.blocked !== null && state.blocked !== gate && <p class="warn">{state.blocked}</p>}
        {phase.kind === 'editing' && (
          <button
            type="submit"
            class={`primary ${form.side}`}
            data-testid="ticket-submit"
            disabled={!ctx || gate !== null}
          >
            Preview {form.side} (Enter)
          </button>
        )}
        {confirmation && (
          <div ref={previewRef} tabIndex={-1} class="preview-focus">
            <TicketPreview
              confirmation={confirmation}
              stage={phase.kind === 'editing' ? 'preview' : phase.kind}
              confirmRef={confirmRef}
              onConfirm={confirm}
              onCheck={() => dispatch({ type: 'check', clOrdId: confirmation.clOrdId })}
              onBack={() => dispatch({ type: 'escape' })}
            />
          </div>
        )}
        {state.result && (
          <p
            class={`result result-${state.result.kind} ${state.result.kind === 'placed' ? 'pos' : state.result.kind === 'unknown' ? 'warn' : 'error'}`}
            data-testid="ticket-result"
            data-kind={state.result.kind}
            role="status"
          >
            {state.result.text}
          </p>
        )}
      </form>
    </section>
  );
}
