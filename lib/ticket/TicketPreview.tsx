import { Fragment, type Ref } from 'preact';
import { formatMoney, formatPercent } from '../format/number.ts';
import { useLocale, useT } from '../ui/locale.ts';
import { pure } from '../ui/pure.ts';
import { amount, offsetText, priceText } from '../ui/trading/format.ts';
import { ORDER_TYPE_KEY, TIF_KEY } from './labels.ts';
import { type Confirmation, canConfirm, type KrakenCheck } from './state.ts';

/** What Kraken's own check of a live order said (AddOrder validate=true). */
export function KrakenLine({ check }: { check: KrakenCheck }) {
  const t = useT();
  switch (check.kind) {
    case 'not-needed':
      return null;
    case 'checking':
      return (
        <p class="hint" data-testid="ticket-kraken" data-state="checking">
          {t('preview.kraken.checking')}
        </p>
      );
    case 'accepted':
      return (
        <p class="pos" data-testid="ticket-kraken" data-state="accepted">
          {check.description
            ? t('preview.kraken.accepted', { description: check.description })
            : t('preview.kraken.acceptedBare')}
        </p>
      );
    case 'refused':
      return (
        <p class="error" role="alert" data-testid="ticket-kraken" data-state="refused">
          {t('preview.kraken.refused', { message: check.message })}
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
 * a confirmation is fixed once shown, so ticks do not render it again. Live confirmations carry the live style
 * (a red band and "Live — real money" on the head and the confirm button), paper ones never.
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
  const t = useT();
  const locale = useLocale();
  const { order, preview: p, warnings, check, mode } = confirmation;
  const live = mode === 'live';
  const sending = stage === 'sending';
  const price = order.limitPrice ?? order.triggerPrice;
  // Money at the asset's display decimals (cents for fiat, up to 8 for crypto): what leaves and the fee rounded
  // up, what arrives and what is held rounded down, so the preview never flatters the order. The exact values
  // are the cells' titles.
  const money = (text: string, asset: string, rounding: 'up' | 'down') =>
    formatMoney(text, asset, locale, undefined, rounding);
  const side = t(order.side === 'buy' ? 'order.side.buy' : 'order.side.sell');
  return (
    <section
      class={`ticket-preview preview-${mode}`}
      data-testid="ticket-preview"
      data-mode={mode}
      aria-label={live ? t('preview.labelLive') : t('preview.labelPaper')}
    >
      <p class="preview-head">
        <span class={`mode-word mode-word-${mode}`} data-testid="preview-mode">
          {live ? t('preview.live') : t('preview.paper')}
        </span>{' '}
        <b class={order.side === 'buy' ? 'pos' : 'neg'}>{side}</b> {amount(p.volume, locale)} {order.symbol} ·{' '}
        {t(ORDER_TYPE_KEY[order.type])}
        {price ? ` ${t('preview.at', { price: priceText(price, locale) })}` : ''}
        {order.trailOffset
          ? ` · ${t('preview.trailing', { offset: offsetText(order.trailOffset, order.symbol, locale) })}`
          : ''}
        {order.postOnly ? ` · ${t('ticket.postOnly')}` : ''}
        {order.timeInForce !== 'GTC' ? ` · ${t(TIF_KEY[order.timeInForce])}` : ''}
      </p>
      <p class="preview-words" data-testid="preview-words">
        {p.words}
      </p>
      <dl class="preview-grid num">
        <dt>{t('preview.estPrice')}</dt>
        <dd data-testid="preview-price">
          {p.estPrice ? priceText(p.estPrice, locale) : '—'}{' '}
          <span class="quote">({t(`preview.source.${p.priceSource}`)})</span>
        </dd>
        <dt>{t('preview.cost')}</dt>
        <dd data-testid="preview-cost" title={p.cost}>
          {money(p.cost, p.feeAsset, 'up')} {p.feeAsset}
        </dd>
        <dt>{t('preview.yourFees')}</dt>
        <dd data-testid="preview-fees" data-liquidity={p.liquidity}>
          {t('fees.rates', {
            maker: formatPercent(p.fees.makerPercent, locale),
            taker: formatPercent(p.fees.takerPercent, locale),
          })}
        </dd>
        <dt>
          {t(p.liquidity === 'maker' ? 'preview.feeMaker' : 'preview.feeTaker', {
            rate: formatPercent(p.feePercent, locale),
          })}
        </dt>
        <dd data-testid="preview-fee" title={p.fee}>
          {money(p.fee, p.feeAsset, 'up')} {p.feeAsset}
        </dd>
        <dt>{order.side === 'buy' ? t('preview.totalPaid') : t('preview.totalSold')}</dt>
        <dd data-testid="preview-total" title={p.total}>
          {money(p.total, p.totalAsset, 'up')} {p.totalAsset}
        </dd>
        <dt>{t('preview.receive')}</dt>
        <dd data-testid="preview-receive" title={p.receive}>
          {money(p.receive, p.receiveAsset, 'down')} {p.receiveAsset}
        </dd>
        {p.balances.map((b) => (
          <Fragment key={b.asset}>
            <dt>{t('preview.available', { asset: b.asset })}</dt>
            <dd data-testid="preview-balance" data-asset={b.asset}>
              {money(b.before, b.asset, 'down')} →{' '}
              <span class={b.after.startsWith('-') ? 'neg' : ''}>{money(b.after, b.asset, 'down')}</span>
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
            {t('preview.checking')}
          </p>
          <button type="button" ref={confirmRef} class="primary" data-testid="ticket-check" onClick={onCheck}>
            {t('preview.checkAgain')}
          </button>
        </div>
      ) : (
        <div class="preview-actions">
          <button type="button" class="link" data-testid="ticket-back" disabled={sending} onClick={onBack}>
            {t('preview.back')}
          </button>
          <button
            type="button"
            ref={confirmRef}
            class={`primary ${order.side}${live ? ' live' : ''}`}
            data-testid="ticket-confirm"
            disabled={sending || !canConfirm(confirmation)}
            onClick={onConfirm}
          >
            {sending
              ? t('preview.sending')
              : live
                ? t(order.side === 'buy' ? 'preview.confirmBuyLive' : 'preview.confirmSellLive')
                : t(order.side === 'buy' ? 'preview.confirmBuy' : 'preview.confirmSell')}
          </button>
        </div>
      )}
    </section>
  );
});
