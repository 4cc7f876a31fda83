import type { Ref } from 'preact';
import type { TicketOrderType } from '../orders/types.ts';
import { pure } from '../ui/pure.ts';
import { amount } from '../ui/trading/format.ts';
import { type MarketGate, takesNoOrders, typeAllowed } from './market-status.ts';
import type { TicketForm } from './state.ts';
import { TicketOptions } from './TicketOptions.tsx';
import type { FieldMessages } from './use-check.ts';
import type { PairDetails } from './use-ticket.ts';

const TYPES: readonly { value: TicketOrderType; label: string }[] = [
  { value: 'market', label: 'Market' },
  { value: 'limit', label: 'Limit' },
  { value: 'stop-loss', label: 'Stop-loss' },
  { value: 'stop-loss-limit', label: 'Stop-loss limit' },
  { value: 'take-profit', label: 'Take-profit' },
  { value: 'take-profit-limit', label: 'Take-profit limit' },
  { value: 'trailing-stop', label: 'Trailing stop' },
  { value: 'trailing-stop-limit', label: 'Trailing stop limit' },
];
export const FRACTIONS = [25, 50, 100] as const;
export type Fraction = (typeof FRACTIONS)[number];

const textOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export interface TicketFieldsProps {
  form: TicketForm;
  /** The watchlist: the pairs the ticket offers. */
  pairs: readonly string[];
  details: PairDetails;
  messages: FieldMessages;
  base: string;
  quote: string;
  /** The available balance of the asset an order spends (quote for buys, base for sells), if any. */
  available: string | undefined;
  /** The pair's rules are there, so a share of the balance can be sized. */
  canSize: boolean;
  /** A hint under the amount (e.g. why a share could not be sized). */
  note: string | null;
  /** A confirmation is shown: the form cannot change under it. */
  locked: boolean;
  /** What the market takes now (pair and exchange status): what it refuses is disabled, with why. */
  gate: MarketGate;
  amountRef: Ref<HTMLInputElement>;
  onSet(patch: Partial<TicketForm>): void;
  onFraction(pct: Fraction): void;
  /** The unit toggle (base ⇄ quote); the container knows the preview it converts with. */
  onToggleUnit(): void;
  onRetry(): void;
}

/**
 * The ticket's fields and the message under each. Pure: a tick that changes neither the form nor what the check
 * says about it does not render them again (only the estimate and the preview depend on the live book).
 */
function Fields(p: TicketFieldsProps) {
  const { form, details, messages, base, quote, onSet: set } = p;
  const spend = form.side === 'buy' ? quote : base;
  const closed = takesNoOrders(p.gate);
  const unit = form.amountIn === 'base' ? base : quote;
  const other = form.amountIn === 'base' ? quote : base;
  const message = (field: keyof FieldMessages) => {
    const m = messages[field];
    return m ? (
      <p
        class={m.level === 'error' ? 'error' : 'warn'}
        data-testid={`ticket-${m.level}-${field}`}
        data-code={m.code}
      >
        {m.message}
      </p>
    ) : null;
  };
  const here = details.symbol === form.symbol;

  return (
    <fieldset disabled={p.locked}>
      <div class="ticket-row">
        <select
          data-testid="ticket-pair"
          aria-label="Pair"
          value={form.symbol}
          onChange={(e) => set({ symbol: textOf(e) })}
        >
          {p.pairs.map((s) => (
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
              disabled={closed}
              title={closed && p.gate.kind !== 'open' ? p.gate.reason : undefined}
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
            <option key={t.value} value={t.value} disabled={!typeAllowed(p.gate, t.value)}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {p.gate.kind !== 'open' && (
        <p class="warn" data-testid="ticket-market-status" data-gate={p.gate.kind} role="status">
          {p.gate.reason}
        </p>
      )}
      {messages.pair?.code !== 'market-status' && message('pair')}
      {here && details.kind === 'loading' && (
        <p class="hint" data-testid="ticket-loading">
          Loading {form.symbol} trading rules…
        </p>
      )}
      {here && details.kind === 'unknown' && (
        <p class="error" data-testid="ticket-error-pair">
          Kraken has no trading rules for {form.symbol}.
        </p>
      )}
      {here && details.kind === 'error' && (
        <p class="error" data-testid="ticket-error-pair">
          {details.message}{' '}
          <button type="button" class="link" onClick={p.onRetry}>
            Retry
          </button>
        </p>
      )}
      <div class="ticket-row">
        <input
          ref={p.amountRef}
          class="amount"
          data-testid="ticket-amount"
          aria-label={`Amount in ${unit}`}
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
          title={`Amount in ${unit}: switch to ${other}`}
          onClick={p.onToggleUnit}
        >
          {unit} ⇄
        </button>
      </div>
      <div class="ticket-row fractions">
        {FRACTIONS.map((pct) => (
          <button
            key={pct}
            type="button"
            class="small"
            data-testid={`ticket-fraction-${pct}`}
            disabled={!p.canSize}
            onClick={() => p.onFraction(pct)}
          >
            {pct} %
          </button>
        ))}
        <span class="hint avail" data-testid="ticket-available">
          {p.available === undefined ? `No ${spend}` : `${amount(p.available)} ${spend}`} available
        </span>
      </div>
      {message('amount')}
      {p.note && <p class="hint">{p.note}</p>}
      <TicketOptions form={form} messages={messages} quote={quote} gate={p.gate} onSet={set} />
      {message('balance')}
    </fieldset>
  );
}

export const TicketFields = pure(Fields);
