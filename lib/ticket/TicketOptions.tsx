import type { TicketOrderType, TimeInForce } from '../orders/types.ts';
import { useT } from '../ui/locale.ts';
import { pure } from '../ui/pure.ts';
import { TIF_KEY } from './labels.ts';
import type { MarketGate } from './market-status.ts';
import type { TicketForm } from './state.ts';
import type { OffsetUnit, TicketField } from './types.ts';
import type { FieldMessages } from './use-check.ts';

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

/** The message under a field, if the check has one for it. */
export function FieldMessage({ messages, field }: { messages: FieldMessages; field: TicketField }) {
  const m = messages[field];
  return m ? (
    <p
      class={m.level === 'error' ? 'error' : 'warn'}
      id={`ticket-msg-${field}`}
      data-testid={`ticket-${m.level}-${field}`}
      data-code={m.code}
    >
      {m.message}
    </p>
  ) : null;
}

export interface TicketOptionsProps {
  /** prices: trigger, limit and offsets (before the amount); rest: time in force, expiry, attached close. */
  part: 'prices' | 'rest';
  form: TicketForm;
  messages: FieldMessages;
  quote: string;
  gate: MarketGate;
  onSet(patch: Partial<TicketForm>): void;
}

/** A labelled price input with the message under it. */
function PriceInput(p: {
  field: 'limitPrice' | 'triggerPrice';
  testId: string;
  label: string;
  value: string;
  messages: FieldMessages;
  onInput(value: string): void;
}) {
  const id = `ticket-${p.field}`;
  return (
    <>
      <label class="field" for={id}>
        <span class="field-label">{p.label}</span>
      </label>
      <input
        id={id}
        class="wide"
        data-testid={p.testId}
        aria-invalid={p.messages[p.field]?.level === 'error'}
        inputMode="decimal"
        autoComplete="off"
        value={p.value}
        onInput={(e) => p.onInput(textOf(e))}
      />
      <FieldMessage messages={p.messages} field={p.field} />
    </>
  );
}

/** An offset and its unit (percent, or the quote asset), as Kraken's "+5%" / "+50". */
function OffsetInput(p: {
  field: 'trailOffset' | 'limitOffset';
  testId: string;
  label: string;
  value: string;
  unit: OffsetUnit;
  quote: string;
  messages: FieldMessages;
  onSet(value: string, unit: OffsetUnit): void;
}) {
  const t = useT();
  const id = `ticket-${p.field}`;
  return (
    <>
      <label class="field" for={id}>
        <span class="field-label">{p.label}</span>
      </label>
      <div class="ticket-row">
        <input
          id={id}
          class="amount"
          data-testid={p.testId}
          aria-invalid={p.messages[p.field]?.level === 'error'}
          inputMode="decimal"
          autoComplete="off"
          value={p.value}
          onInput={(e) => p.onSet(textOf(e), p.unit)}
        />
        <select
          data-testid={`${p.testId}-unit`}
          aria-label={t('ticket.offsetUnit', { label: p.label })}
          value={p.unit}
          onChange={(e) => p.onSet(p.value, textOf(e) === 'quote' ? 'quote' : 'percent')}
        >
          <option value="percent">%</option>
          <option value="quote">{p.quote}</option>
        </select>
      </div>
      <FieldMessage messages={p.messages} field={p.field} />
    </>
  );
}

/** The price fields of the order's type: trigger, trailing offset, limit, limit offset. */
function Prices(p: TicketOptionsProps) {
  const t = useT();
  const { form, messages, quote, onSet: set } = p;
  const type = form.type;
  const trigger = type !== 'market' && type !== 'limit' && !type.startsWith('trailing');
  const limit = type === 'limit' || type === 'stop-loss-limit' || type === 'take-profit-limit';
  const trailing = type === 'trailing-stop' || type === 'trailing-stop-limit';
  return (
    <>
      {trigger && (
        <PriceInput
          field="triggerPrice"
          testId="ticket-trigger"
          label={t('ticket.triggerPrice', { quote })}
          value={form.triggerPrice}
          messages={messages}
          onInput={(v) => set({ triggerPrice: v })}
        />
      )}
      {trailing && (
        <OffsetInput
          field="trailOffset"
          testId="ticket-trail"
          label={t('ticket.trailBy')}
          value={form.trailOffset}
          unit={form.trailUnit}
          quote={quote}
          messages={messages}
          onSet={(trailOffset, trailUnit) => set({ trailOffset, trailUnit })}
        />
      )}
      {limit && (
        <PriceInput
          field="limitPrice"
          testId="ticket-limit"
          label={t('ticket.limitPrice', { quote })}
          value={form.limitPrice}
          messages={messages}
          onInput={(v) => set({ limitPrice: v })}
        />
      )}
      {type === 'trailing-stop-limit' && (
        <OffsetInput
          field="limitOffset"
          testId="ticket-limit-offset"
          label={form.side === 'sell' ? t('ticket.limitBelow') : t('ticket.limitAbove')}
          value={form.limitOffset}
          unit={form.limitOffsetUnit}
          quote={quote}
          messages={messages}
          onSet={(limitOffset, limitOffsetUnit) => set({ limitOffset, limitOffsetUnit })}
        />
      )}
    </>
  );
}

/** Time in force with a GTD expiry, post-only, and an attached close. */
function Rest(p: TicketOptionsProps) {
  const t = useT();
  const { form, messages, quote, onSet: set } = p;
  const type = form.type;
  const tifs = tifChoices(type, p.gate);
  return (
    <>
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
              {t('ticket.postOnly')}
            </label>
          )}
          <select
            data-testid="ticket-tif"
            aria-label={t('ticket.tif')}
            value={tifs.includes(form.timeInForce) ? form.timeInForce : 'GTC'}
            onChange={(e) => set({ timeInForce: textOf(e) as TimeInForce })}
          >
            {tifs.map((tif) => (
              <option key={tif} value={tif}>
                {t(TIF_KEY[tif])}
              </option>
            ))}
          </select>
        </div>
      )}
      {type === 'limit' && <FieldMessage messages={messages} field="postOnly" />}
      <FieldMessage messages={messages} field="timeInForce" />
      {form.timeInForce === 'GTD' && tifs.includes('GTD') && (
        <>
          <label class="ticket-row">
            <span class="hint">{t('ticket.expires')}</span>
            <input
              type="datetime-local"
              data-testid="ticket-expiry"
              aria-invalid={messages.expiresAt?.level === 'error'}
              value={form.expiresAt}
              onInput={(e) => set({ expiresAt: textOf(e) })}
            />
          </label>
          <FieldMessage messages={messages} field="expiresAt" />
        </>
      )}
      <div class="ticket-row">
        <select
          data-testid="ticket-close-type"
          aria-label={t('ticket.close')}
          value={form.closeType}
          onChange={(e) => set({ closeType: textOf(e) as TicketForm['closeType'] })}
        >
          <option value="none">{t('ticket.close.none')}</option>
          <option value="take-profit">{t('ticket.close.takeProfit')}</option>
          <option value="stop-loss">{t('ticket.close.stopLoss')}</option>
        </select>
        {form.closeType !== 'none' && (
          <input
            class="amount"
            data-testid="ticket-close-price"
            aria-label={t('ticket.closePrice', { quote })}
            aria-invalid={messages.closePrice?.level === 'error'}
            placeholder={t('ticket.closePlaceholder', { quote })}
            inputMode="decimal"
            autoComplete="off"
            value={form.closePrice}
            onInput={(e) => set({ closePrice: textOf(e) })}
          />
        )}
      </div>
      {form.closeType !== 'none' && <FieldMessage messages={messages} field="closePrice" />}
    </>
  );
}

/**
 * The fields each order type takes, beside their messages. Pure: ticks do not render it again. Two parts, so
 * the form reads pair → side → type → price → amount → options.
 */
function Options(p: TicketOptionsProps) {
  return p.part === 'prices' ? <Prices {...p} /> : <Rest {...p} />;
}

export const TicketOptions = pure(Options);
