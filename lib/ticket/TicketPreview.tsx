import { Fragment, type Ref } from 'preact';
import { pure } from '../ui/pure.ts';
import { group, offsetText, trim } from '../ui/trading/format.ts';
import { type Confirmation, canConfirm, type KrakenCheck } from './state.ts';
import type { PriceSource } from './types.ts';

const SOURCE: Record<PriceSource, string> = {
  book: 'walked through the book',
  last: 'at the last price',
  limit: 'your limit',
  trigger: 'your trigger',
  trail: 'the trigger at today’s price',
};

function KrakenLine({ check }: { check: KrakenCheck }) {
  switch (check.kind) {
    case 'not-needed':
      return null;
    case 'checking':
      return (
        <p class="hint" data-testid="ticket-kraken" data-state="checking">
          Checking with Kraken…
        </p>
      );
    case 'accepted':
      return (
        <p class="pos" data-testid="ticket-kraken" data-state="accepted">
          Kraken accepts: {check.description}
        </p>
      );
    case 'refused':
      return (
        <p class="error" role="alert" data-testid="ticket-kraken" data-state="refused">
          Kraken refused: {check.message}
        </p>
      );
    default: {
      const never: never = check;
      throw new RangeError(`unknown check ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The confirmation: what the order costs, what leaves and arrives, Kraken's own check (live), confirm. Pure:
 * a confirmation is fixed once shown, so ticks do not render it again.
 */
export const TicketPreview = pure(function TicketPreview({
  confirmation,
  stage,
  confirmRef,
  onConfirm,
  onBack,
  onCheck,
}: {
  confirmation: Confirmation;
  /** preview: confirmable; sending: on its way; checking: the outcome is unknown, Kraken is being asked. */
  stage: 'preview' | 'sending' | 'checking';
  confirmRef: Ref<HTMLButtonElement>;
  onConfirm(): void;
  onBack(): void;
  onCheck(): void;
}) {
  const { order, preview: p, warnings, check, mode } = confirmation;
  const sending = stage === 'sending';
  const price = order.limitPrice ?? order.triggerPrice;
  return (
    <div class="ticket-preview" data-testid="ticket-preview" data-mode={mode}>
      <p class="preview-head">
        <b class={order.side === 'buy' ? 'pos' : 'neg'}>{order.side}</b> {trim(p.volume)} {order.symbol} ·{' '}
        {order.type}
        {price ? ` at ${group(price)}` : ''}
        {order.trailOffset ? ` · trailing ${offsetText(order.trailOffset, order.symbol)}` : ''}
        {order.postOnly ? ' · post-only' : ''}
        {order.timeInForce !== 'GTC' ? ` · ${order.timeInForce}` : ''} ·{' '}
        <span class="mode-word">{mode === 'live' ? 'Live' : 'Paper'}</span>
      </p>
      <p class="preview-words" data-testid="preview-words">
        {p.words}
      </p>
      <dl class="preview-grid">
        <dt>Est. price</dt>
        <dd data-testid="preview-price">
          {p.estPrice ?? '—'} <span class="quote">({SOURCE[p.priceSource]})</span>
        </dd>
        <dt>Cost</dt>
        <dd data-testid="preview-cost">
          {p.cost} {p.feeAsset}
        </dd>
        <dt>Your fees</dt>
        <dd data-testid="preview-fees" data-liquidity={p.liquidity}>
          {p.fees.makerPercent} % maker · {p.fees.takerPercent} % taker
        </dd>
        <dt>
          Fee {p.feePercent} % {p.liquidity}
        </dt>
        <dd data-testid="preview-fee">
          {p.fee} {p.feeAsset}
        </dd>
        <dt>{order.side === 'buy' ? 'Total paid' : 'Total sold'}</dt>
        <dd data-testid="preview-total">
          {p.total} {p.totalAsset}
        </dd>
        <dt>You receive</dt>
        <dd data-testid="preview-receive">
          {p.receive} {p.receiveAsset}
        </dd>
        {p.balances.map((b) => (
          <Fragment key={b.asset}>
            <dt>{b.asset} available</dt>
            <dd data-testid="preview-balance" data-asset={b.asset}>
              {b.before} → <span class={b.after.startsWith('-') ? 'neg' : ''}>{b.after}</span>
            </dd>
          </Fragment>
        ))}
      </dl>
      <p class="hint" data-testid="preview-fee-note">
        {p.fees.note}
      </p>
      {warnings.map((w) => (
        <p key={w.code} class="warn" data-testid="ticket-warning" data-code={w.code}>
          {w.message}
        </p>
      ))}
      <KrakenLine check={check} />
      {stage === 'checking' ? (
        <div class="preview-actions">
          <p class="warn" data-testid="ticket-checking">
            Kraken has not confirmed whether this order was placed. Do not place it again: we keep checking.
          </p>
          <button type="button" ref={confirmRef} class="primary" data-testid="ticket-check" onClick={onCheck}>
            Check again
          </button>
        </div>
      ) : (
        <div class="preview-actions">
          <button type="button" class="link" data-testid="ticket-back" disabled={sending} onClick={onBack}>
            Back (Esc)
          </button>
          <button
            type="button"
            ref={confirmRef}
            class={`primary ${order.side}`}
            data-testid="ticket-confirm"
            disabled={sending || !canConfirm(confirmation)}
            onClick={onConfirm}
          >
            {sending ? 'Sending…' : `Confirm ${order.side}`}
          </button>
        </div>
      )}
    </div>
  );
});
