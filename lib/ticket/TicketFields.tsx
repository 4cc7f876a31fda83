import type { Ref } from 'preact';
import { formatAmount } from '../format/number.ts';
import type { TicketOrderType } from '../orders/types.ts';
import { useLocale, useT } from '../ui/locale.ts';
import { pure } from '../ui/pure.ts';
import { ORDER_TYPE_KEY } from './labels.ts';
import { type MarketGate, takesNoOrders, typeAllowed } from './market-status.ts';
import type { TicketForm } from './state.ts';
import { FieldMessage, TicketOptions } from './TicketOptions.tsx';
import type { FieldMessages } from './use-check.ts';
import type { PairDetails } from './use-ticket.ts';

const TYPES: readonly TicketOrderType[] = [
  'market',
  'limit',
  'stop-loss',
  'stop-loss-limit',
  'take-profit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
];
export const FRACTIONS = [25, 50, 100] as const;
export type Fraction = (typeof FRACTIONS)[number];

const textOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** What the ticket knows of the balance an order spends. */
export type Spendable =
  | { kind: 'known'; available: string | undefined }
  /** Live, without an unlocked key: unknown, never zero. */
  | { kind: 'locked' }
  | { kind: 'no-key' };

export interface TicketFieldsProps {
  form: TicketForm;
  /** The watchlist: the pairs the ticket offers. */
  pairs: readonly string[];
  details: PairDetails;
  messages: FieldMessages;
  base: string;
  quote: string;
  /** The balance of the asset an order spends (quote for buys, base for sells), or why it is unknown. */
  spendable: Spendable;
  /** The lot decimals of the pair (for the available amount), when its rules are there. */
  lotDecimals: number | undefined;
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
 * The ticket's fields, labelled, in the order a trader reads them: pair → side → type → price(s) → amount, each
 * with its message under it. Pure: a tick that changes neither the form nor what the check says about it does
 * not render them again (only the estimate, the quotes and the preview follow the live book).
 */
function Fields(p: TicketFieldsProps) {
  const t = useT();
  const locale = useLocale();
  const { form, details, messages, base, quote, onSet: set } = p;
  const spend = form.side === 'buy' ? quote : base;
  const closed = takesNoOrders(p.gate);
  const unit = form.amountIn === 'base' ? base : quote;
  const other = form.amountIn === 'base' ? quote : base;
  const here = details.symbol === form.symbol;
  const available = (() => {
    switch (p.spendable.kind) {
      case 'locked':
        return t('ticket.available.locked');
      case 'no-key':
        return t('ticket.available.noKey');
      case 'known':
        return p.spendable.available === undefined
          ? t('ticket.available.none', { asset: spend })
          : t('ticket.available', {
              amount: formatAmount(p.spendable.available, p.lotDecimals ?? 8, locale),
              asset: spend,
            });
      default: {
        const never: never = p.spendable;
        throw new RangeError(`unknown spendable ${JSON.stringify(never)}`);
      }
    }
  })();

  return (
    <fieldset disabled={p.locked}>
      <div class="ticket-row ticket-head">
        <label class="field">
          <span class="field-label">{t('ticket.pair')}</span>
          <select data-testid="ticket-pair" value={form.symbol} onChange={(e) => set({ symbol: textOf(e) })}>
            {p.pairs.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="segmented field">
          <legend class="field-label">{t('ticket.side')}</legend>
          <span class="segmented-buttons">
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
                {side === 'buy' ? t('ticket.buy') : t('ticket.sell')}
              </button>
            ))}
          </span>
        </fieldset>
        <label class="field">
          <span class="field-label">{t('ticket.type')}</span>
          <select
            data-testid="ticket-type"
            value={form.type}
            onChange={(e) => set({ type: textOf(e) as TicketOrderType })}
          >
            {TYPES.map((type) => (
              <option key={type} value={type} disabled={!typeAllowed(p.gate, type)}>
                {t(ORDER_TYPE_KEY[type])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {p.gate.kind !== 'open' && (
        <p class="warn" data-testid="ticket-market-status" data-gate={p.gate.kind} role="status">
          {p.gate.reason}
        </p>
      )}
      {messages.pair?.code !== 'market-status' && <FieldMessage messages={messages} field="pair" />}
      {here && details.kind === 'loading' && (
        <p class="hint" data-testid="ticket-loading">
          {t('ticket.loadingRules', { symbol: form.symbol })}
        </p>
      )}
      {here && details.kind === 'unknown' && (
        <p class="error" data-testid="ticket-error-pair">
          {t('ticket.noRules', { symbol: form.symbol })}
        </p>
      )}
      {here && details.kind === 'error' && (
        <p class="error" data-testid="ticket-error-pair">
          {details.message}{' '}
          <button type="button" class="link" onClick={p.onRetry}>
            {t('ticket.retry')}
          </button>
        </p>
      )}
      <TicketOptions part="prices" form={form} messages={messages} quote={quote} gate={p.gate} onSet={set} />
      <label class="field" for="ticket-amount">
        <span class="field-label">{t('ticket.amountIn', { unit })}</span>
      </label>
      <div class="ticket-row">
        <input
          id="ticket-amount"
          ref={p.amountRef}
          class="amount"
          data-testid="ticket-amount"
          aria-invalid={messages.amount?.level === 'error'}
          aria-describedby="ticket-available"
          placeholder={locale === 'fr' ? '0,00' : '0.00'}
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
          aria-label={t('ticket.unitSwitch', { unit, other })}
          title={t('ticket.unitSwitch', { unit, other })}
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
            disabled={!p.canSize || p.spendable.kind !== 'known'}
            aria-label={t('ticket.fraction', { pct })}
            onClick={() => p.onFraction(pct)}
          >
            {t('ticket.fractionShort', { pct })}
          </button>
        ))}
        <span
          class="hint avail num"
          id="ticket-available"
          data-testid="ticket-available"
          data-kind={p.spendable.kind}
        >
          {available}
        </span>
      </div>
      <FieldMessage messages={messages} field="amount" />
      {p.note && <p class="hint">{p.note}</p>}
      <TicketOptions part="rest" form={form} messages={messages} quote={quote} gate={p.gate} onSet={set} />
      <FieldMessage messages={messages} field="balance" />
    </fieldset>
  );
}

export const TicketFields = pure(Fields);
