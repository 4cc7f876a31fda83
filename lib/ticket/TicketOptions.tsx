import type { JSX } from 'preact';
import type { TicketOrderType, TimeInForce } from '../orders/types.ts';
import { pure } from '../ui/pure.ts';
import type { MarketGate } from './market-status.ts';
import type { TicketForm } from './state.ts';
import type { OffsetUnit, TicketField } from './types.ts';
import type { FieldMessages } from './use-check.ts';

const TIF_LABEL: Record<TimeInForce, string> = {
  GTC: 'Good till cancelled',
  GTD: 'Good till date',
  IOC: 'Immediate or cancel',
  FOK: 'Fill or kill',
};

/**
 * What each type takes (Kraken's AddOrder, https://docs.kraken.com/api/docs/rest-api/add-order): IOC and FOK are
 * for limit orders (and never in a post-only market), GTD for anything that can wait.
 */
function tifChoices(type: TicketOrderType, gate: MarketGate): TimeInForce[] {
  if (type === 'market') return [];
  if (type !== 'limit') return ['GTC', 'GTD'];
  return gate.kind === 'post-only' ? ['GTC', 'GTD'] : ['GTC', 'GTD', 'IOC', 'FOK'];
}

const textOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export interface TicketOptionsProps {
  form: TicketForm;
  messages: FieldMessages;
  quote: string;
  gate: MarketGate;
  onSet(patch: Partial<TicketForm>): void;
}

/** A price input with the message under it. */
function PriceInput(p: {
  field: 'limitPrice' | 'triggerPrice' | 'closePrice';
  testId: string;
  label: string;
  value: string;
  messages: FieldMessages;
  onInput(value: string): void;
  message(field: TicketField): JSX.Element | null;
}) {
  return (
    <>
      <input
        class="wide"
        data-testid={p.testId}
        aria-label={p.label}
        aria-invalid={p.messages[p.field]?.level === 'error'}
        placeholder={p.label}
        inputMode="decimal"
        autoComplete="off"
        value={p.value}
        onInput={(e) => p.onInput(textOf(e))}
      />
      {p.message(p.field)}
    </>
  );
}

/** An offset and its unit (percent, or the quote asset), as Kraken's "+5%" / "+50". */
function OffsetInput(p: {
  field: 'trailOffset' | 'limitOffset';
  testId: string;
  label: string;
  /** The word before the input, so a filled field still says what it is. */
  short: string;
  value: string;
  unit: OffsetUnit;
  quote: string;
  messages: FieldMessages;
  onSet(value: string, unit: OffsetUnit): void;
  message(field: TicketField): JSX.Element | null;
}) {
  return (
    <>
      <div class="ticket-row">
        <span class="hint field-label">{p.short}</span>
        <input
          class="amount"
          data-testid={p.testId}
          aria-label={`${p.label} in ${p.unit === 'percent' ? 'percent' : p.quote}`}
          aria-invalid={p.messages[p.field]?.level === 'error'}
          placeholder={p.label}
          inputMode="decimal"
          autoComplete="off"
          value={p.value}
          onInput={(e) => p.onSet(textOf(e), p.unit)}
        />
        <select
          data-testid={`${p.testId}-unit`}
          aria-label={`${p.label} unit`}
          value={p.unit}
          onChange={(e) => p.onSet(p.value, textOf(e) === 'quote' ? 'quote' : 'percent')}
        >
          <option value="percent">%</option>
          <option value="quote">{p.quote}</option>
        </select>
      </div>
      {p.message(p.field)}
    </>
  );
}

/**
 * The fields each order type takes, beside their messages: trigger, limit, trailing offsets, time in force with
 * a GTD expiry, post-only, and an attached close. Pure: ticks do not render it again.
 */
function Options(p: TicketOptionsProps) {
  const { form, messages, quote, onSet: set } = p;
  const type = form.type;
  const message = (field: TicketField) => {
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
  const trigger = type !== 'market' && type !== 'limit' && !type.startsWith('trailing');
  const limit = type === 'limit' || type === 'stop-loss-limit' || type === 'take-profit-limit';
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  const tifs = tifChoices(type, p.gate);
  return (
    <>
      {trigger && (
        <PriceInput
          field="triggerPrice"
          testId="ticket-trigger"
          label={`Trigger price (${quote}, last trade)`}
          value={form.triggerPrice}
          messages={messages}
          message={message}
          onInput={(v) => set({ triggerPrice: v })}
        />
      )}
      {trailing && (
        <OffsetInput
          field="trailOffset"
          testId="ticket-trail"
          label="Trailing offset"
          short="Trail by"
          value={form.trailOffset}
          unit={form.trailUnit}
          quote={quote}
          messages={messages}
          message={message}
          onSet={(trailOffset, trailUnit) => set({ trailOffset, trailUnit })}
        />
      )}
      {limit && (
        <PriceInput
          field="limitPrice"
          testId="ticket-limit"
          label={`Limit price (${quote})`}
          value={form.limitPrice}
          messages={messages}
          message={message}
          onInput={(v) => set({ limitPrice: v })}
        />
      )}
      {type === 'trailing-stop-limit' && (
        <OffsetInput
          field="limitOffset"
          testId="ticket-limit-offset"
          label="Limit offset from the trigger"
          short={form.side === 'sell' ? 'Limit below trigger' : 'Limit above trigger'}
          value={form.limitOffset}
          unit={form.limitOffsetUnit}
          quote={quote}
          messages={messages}
          message={message}
          onSet={(limitOffset, limitOffsetUnit) => set({ limitOffset, limitOffsetUnit })}
        />
      )}
      {tifs.length > 0 && (
        <div class="ticket-row">
          {type === 'limit' && (
            <label class="check">
              <input
                type="checkbox"
                data-testid="ticket-post-only"
                checked={form.postOnly}
                onChange={(e) => set({ postOnly: (e.currentTarget as HTMLInputElement).checked })}
              />
              Post-only
            </label>
          )}
          <select
            data-testid="ticket-tif"
            aria-label="Time in force"
            value={tifs.includes(form.timeInForce) ? form.timeInForce : 'GTC'}
            onChange={(e) => set({ timeInForce: textOf(e) as TimeInForce })}
          >
            {tifs.map((t) => (
              <option key={t} value={t}>
                {TIF_LABEL[t]}
              </option>
            ))}
          </select>
        </div>
      )}
      {type === 'limit' && message('postOnly')}
      {message('timeInForce')}
      {form.timeInForce === 'GTD' && tifs.includes('GTD') && (
        <>
          <label class="ticket-row">
            <span class="hint">Expires</span>
            <input
              type="datetime-local"
              data-testid="ticket-expiry"
              aria-invalid={messages.expiresAt?.level === 'error'}
              value={form.expiresAt}
              onInput={(e) => set({ expiresAt: textOf(e) })}
            />
          </label>
          {message('expiresAt')}
        </>
      )}
      <div class="ticket-row">
        <select
          data-testid="ticket-close-type"
          aria-label="Close order attached"
          value={form.closeType}
          onChange={(e) => set({ closeType: textOf(e) as TicketForm['closeType'] })}
        >
          <option value="none">No close order</option>
          <option value="take-profit">Then take profit at…</option>
          <option value="stop-loss">Then stop loss at…</option>
        </select>
        {form.closeType !== 'none' && (
          <input
            class="amount"
            data-testid="ticket-close-price"
            aria-label={`${form.closeType} trigger price in ${quote}`}
            aria-invalid={messages.closePrice?.level === 'error'}
            placeholder={`Trigger (${quote})`}
            inputMode="decimal"
            autoComplete="off"
            value={form.closePrice}
            onInput={(e) => set({ closePrice: textOf(e) })}
          />
        )}
      </div>
      {form.closeType !== 'none' && message('closePrice')}
    </>
  );
}

export const TicketOptions = pure(Options);
