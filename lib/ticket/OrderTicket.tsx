import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MarketSnapshot } from '../market/types.ts';
import type { BookTop, OrderRequest } from '../orders/types.ts';
import type { TradingView } from '../trading/types.ts';
import { useLocale, useT } from '../ui/locale.ts';
import type { TradingActions } from '../ui/trading/actions.ts';
import type { CheckInputs } from './check-memo.ts';
import { contextOf } from './check-memo.ts';
import {
  feesLabel,
  formOfOrder,
  type KeyTarget,
  keyAction,
  lastText,
  newerBook,
  pricePatch,
  spendKindOf,
  swallowsEnter,
  toggleUnit,
  tradingGate,
} from './form.ts';
import { availableByAsset, fractionAmount } from './funds.ts';
import { marketGate, takesNoOrders } from './market-status.ts';
import { canConfirm, draftOf, type TicketForm } from './state.ts';
import { type Fraction, type Spendable, TicketFields } from './TicketFields.tsx';
import { TicketPreview } from './TicketPreview.tsx';
import { Estimate, quotesOf, TicketQuotes } from './TicketQuotes.tsx';
import { TicketResultLine } from './TicketResult.tsx';
import { readDraft, shown } from './typed.ts';
import { useFieldMessages, useTicketCheck } from './use-check.ts';
import { usePairDetails, useTicketMachine } from './use-ticket.ts';

const SHARE = { 25: 0.25, 50: 0.5, 100: 1 } as const;

/**
 * The quick order ticket: checked whenever what the check reads changes (check-memo.ts), previewed, confirmed
 * once. Keyboard: Enter in a field previews, Enter on "Confirm" sends, Esc closes the confirmation (never
 * the typed form). Numbers are typed the page's language's way (typed.ts). `visible`: the Trade tab is shown;
 * while it is hidden the check does not run.
 */
export function OrderTicket({
  snapshot,
  books,
  trading,
  actions,
  epoch = 0,
  newId = () => crypto.randomUUID(),
  prefill,
  fill,
  reset = 0,
  visible = true,
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
  /** A limit price picked elsewhere (a chart's axis, the depth ladder); `key` changes for each pick. */
  fill?: { key: number; symbol: string; limitPrice: string };
  /** Changes when the account was reset: the last result and any confirmation belong to the old one. */
  reset?: number;
  visible?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const pairs = snapshot.watchlist;
  const preferred =
    snapshot.badgePair && pairs.includes(snapshot.badgePair) ? snapshot.badgePair : (pairs[0] ?? '');
  const [state, dispatch] = useTicketMachine(preferred, actions, t);
  const { form, phase } = state;
  const [details, retry] = usePairDetails(
    form.symbol,
    actions.watch,
    epoch,
    Object.hasOwn(snapshot.pairs, form.symbol),
    t,
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
  useEffect(() => {
    if (reset > 0) dispatch({ type: 'reset' });
  }, [reset]);
  // A new ticket from a not-placed order: the form filled as it was, to review and confirm anew.
  useEffect(() => {
    if (!prefill) return;
    const o = prefill.order;
    dispatch({ type: 'reset' });
    dispatch({ type: 'pair', symbol: o.symbol });
    dispatch({ type: 'set', patch: formOfOrder(o, locale) });
  }, [prefill?.key]);
  // A picked price fills the limit field (a market order becomes a limit); the rest of the form stays.
  useEffect(() => {
    if (!fill) return;
    if (fill.symbol !== form.symbol) dispatch({ type: 'pair', symbol: fill.symbol });
    const takesLimit =
      form.type === 'limit' || form.type === 'stop-loss-limit' || form.type === 'take-profit-limit';
    dispatch({
      type: 'set',
      patch: { limitPrice: shown(fill.limitPrice, locale), ...(takesLimit ? {} : { type: 'limit' }) },
    });
  }, [fill?.key]);
  // An unknown outcome settles in the background (it keeps asking Kraken): when the order leaves the list of
  // unconfirmed ones, or shows as not placed, ask for its ending.
  const checkingId = phase.kind === 'checking' ? phase.confirmation.clOrdId : null;
  const listed = checkingId ? trading.intents.find((i) => i.clOrdId === checkingId) : undefined;
  useEffect(() => {
    if (checkingId && (!listed || listed.state === 'expired'))
      dispatch({ type: 'check', clOrdId: checkingId });
  }, [checkingId, listed?.state]);

  const ready = details.kind === 'ready' && details.symbol === form.symbol ? details : null;
  const available = availableByAsset(trading.balances);
  // The pair's status as the market has it now (an instrument update), not as it was when the ticket opened.
  const status = snapshot.pairs[form.symbol]?.status ?? ready?.rules.status ?? 'online';
  const rules = useMemo(
    () => ready && (ready.rules.status === status ? ready.rules : { ...ready.rules, status }),
    [ready?.rules, status],
  );
  const { makerPercent, takerPercent } = trading.fees;
  const fees = useMemo(() => ({ makerPercent, takerPercent }), [makerPercent, takerPercent]);
  const system = trading.system?.status;
  const market = useMemo(() => marketGate(form.symbol, status, system, t), [form.symbol, status, system, t]);
  const inputs: CheckInputs | null = ready &&
    rules && {
      form,
      rules,
      book: newerBook(books[form.symbol], ready.book),
      last: lastText(snapshot.ticks[form.symbol]?.last, rules.pairDecimals),
      available,
      fees,
      mode: trading.mode,
      ...(system ? { system } : {}),
      now: Date.now(),
      locale,
    };
  const check = useTicketCheck(inputs, visible);
  const messages = useFieldMessages(state, check);
  const tradeGate = tradingGate(trading, t, locale);

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

  // The callbacks handed to the pure parts stay the same functions; they read this render's values here.
  const now = useRef({ form, inputs, check, gate: tradeGate, confirmation, locale });
  now.current = { form, inputs, check, gate: tradeGate, confirmation, locale };
  const set = useCallback(
    (patch: Partial<TicketForm>) => {
      setNote(null);
      dispatch({ type: 'set', patch });
    },
    [dispatch],
  );
  const confirm = useCallback(() => dispatch({ type: 'confirm', gate: now.current.gate }), [dispatch]);
  const back = useCallback(() => dispatch({ type: 'escape' }), [dispatch]);
  const checkAgain = useCallback(() => {
    const c = now.current.confirmation;
    if (c) dispatch({ type: 'check', clOrdId: c.clOrdId });
  }, [dispatch]);
  const toggle = useCallback(() => {
    const patch = toggleUnit(now.current.form, now.current.check?.preview);
    set(patch.amount ? { ...patch, amount: shown(patch.amount, now.current.locale) } : patch);
  }, [set]);
  const fraction = useCallback(
    (pct: Fraction) => {
      const { form, inputs, locale } = now.current;
      if (!inputs) return;
      // The typed prices, read in the page's language, size the order (a French "45000,5" limit included).
      const draft = readDraft(draftOf(form), locale).draft;
      const amount = fractionAmount(SHARE[pct], draft, contextOf(inputs));
      if (amount === '') {
        setNote(form.type === 'market' ? t('ticket.noPriceToSize') : t('ticket.enterPriceFirst'));
      } else set({ amount: shown(amount, locale) });
    },
    [set, t],
  );
  const pick = useCallback(
    (price: string) => set(pricePatch(now.current.form.type, shown(price, now.current.locale))),
    [set],
  );

  const [symBase = '', symQuote = ''] = form.symbol.split('/');
  const base = ready?.rules.base ?? symBase;
  const quote = ready?.rules.quote ?? symQuote;
  const isLive = trading.mode === 'live';
  // Live without an unlocked key, the balance is unknown: said so, never shown as zero. The same object while
  // it says the same, so a tick does not render the (pure) fields again.
  const spendKind = spendKindOf(trading);
  const spendAvailable = available[form.side === 'buy' ? quote : base];
  const spendable: Spendable = useMemo(
    () => (spendKind === 'known' ? { kind: 'known', available: spendAvailable } : { kind: spendKind }),
    [spendKind, spendAvailable],
  );
  if (pairs.length === 0) {
    return (
      <section class="ticket" data-testid="ticket">
        <p class="hint">{t('ticket.noPairs')}</p>
      </section>
    );
  }

  const submit = () => {
    if (check) dispatch({ type: 'submit', check, mode: trading.mode, gate: tradeGate, newId });
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

  const decimals = rules?.pairDecimals ?? snapshot.pairs[form.symbol]?.pricePrecision;
  const quotes = quotesOf(
    inputs?.book ?? books[form.symbol],
    snapshot.ticks[form.symbol],
    lastText(snapshot.ticks[form.symbol]?.last, decimals),
    decimals,
  );

  return (
    <section class={`ticket ticket-${trading.mode}`} data-testid="ticket" data-mode={trading.mode}>
      <form
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        {decimals !== undefined && (
          <TicketQuotes
            quotes={quotes}
            decimals={decimals}
            disabled={phase.kind !== 'editing'}
            onPick={pick}
          />
        )}
        <TicketFields
          form={form}
          pairs={pairs}
          details={details}
          messages={messages}
          base={base}
          quote={quote}
          spendable={spendable}
          lotDecimals={rules?.lotDecimals}
          canSize={inputs !== null}
          note={note}
          locked={phase.kind !== 'editing'}
          gate={market}
          amountRef={amountRef}
          onSet={set}
          onFraction={fraction}
          onToggleUnit={toggle}
          onRetry={retry}
        />
        {phase.kind === 'editing' && check?.preview && (
          <Estimate preview={check.preview} lotDecimals={rules?.lotDecimals ?? 8} />
        )}
        <p class="hint" data-testid="ticket-fees">
          {feesLabel(trading.fees, trading.mode, t, locale)}
        </p>
        {tradeGate !== null && (
          <p class="warn" data-testid="ticket-gate">
            {t('ticket.liveOff', { reason: tradeGate })}
          </p>
        )}
        {tradeGate === null && isLive && trading.live.kind !== 'ready' && (
          <p class="hint" data-testid="ticket-via-rest">
            {t('ticket.viaRest')}
          </p>
        )}
        {state.blocked !== null && state.blocked !== tradeGate && <p class="warn">{state.blocked}</p>}
        {phase.kind === 'editing' && (
          <button
            type="submit"
            class={`primary ${form.side}${isLive ? ' live' : ''}`}
            data-testid="ticket-submit"
            disabled={!ready || tradeGate !== null || takesNoOrders(market)}
          >
            {isLive
              ? t(form.side === 'buy' ? 'ticket.previewBuyLive' : 'ticket.previewSellLive')
              : t(form.side === 'buy' ? 'ticket.previewBuy' : 'ticket.previewSell')}
          </button>
        )}
        {confirmation && (
          <div ref={previewRef} tabIndex={-1} class="preview-focus">
            <TicketPreview
              confirmation={confirmation}
              stage={phase.kind === 'editing' ? 'preview' : phase.kind}
              confirmRef={confirmRef}
              onConfirm={confirm}
              onCheck={checkAgain}
              onBack={back}
            />
          </div>
        )}
        {state.result && <TicketResultLine result={state.result} />}
      </form>
    </section>
  );
}
