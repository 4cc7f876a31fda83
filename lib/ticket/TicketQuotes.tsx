// The lines of the ticket that follow the market: the best bid, ask and last price (each a button that puts
// its price in the ticket), and the estimate of what the order would cost now.
import { formatAmount, formatMoney, formatPrice } from '../format/number.ts';
import type { BookTop } from '../orders/types.ts';
import { useLocale, useT } from '../ui/locale.ts';
import { pure } from '../ui/pure.ts';
import type { TicketPreview } from './types.ts';

/** Best bid, ask and last as decimal text at the pair's decimals (undefined: not known yet). */
export interface Quotes {
  bid: string | undefined;
  ask: string | undefined;
  last: string | undefined;
}

/** The book's best levels, else the ticker's (display floats, at the pair's decimals). */
export function quotesOf(
  book: BookTop | undefined,
  tick: { bid: number; ask: number } | undefined,
  last: string | undefined,
  decimals: number | undefined,
): Quotes {
  const fromTick = (v: number | undefined) =>
    v !== undefined && Number.isFinite(v) && v > 0 && decimals !== undefined
      ? v.toFixed(decimals)
      : undefined;
  return {
    bid: book?.bids[0]?.price ?? fromTick(tick?.bid),
    ask: book?.asks[0]?.price ?? fromTick(tick?.ask),
    last,
  };
}

/** Bid / ask / last, each clickable into the ticket's price (a market order becomes a limit). */
export const TicketQuotes = pure(function TicketQuotes({
  quotes,
  decimals,
  disabled,
  onPick,
}: {
  quotes: Quotes;
  decimals: number;
  disabled: boolean;
  onPick(price: string): void;
}) {
  const t = useT();
  const locale = useLocale();
  const cell = (which: 'bid' | 'ask' | 'last') => {
    const price = quotes[which];
    const label = t(`ticket.quote.${which}`);
    return (
      <button
        type="button"
        class={`quote-pick quote-${which}`}
        data-testid={`ticket-quote-${which}`}
        disabled={disabled || price === undefined}
        title={
          price === undefined
            ? undefined
            : t('ticket.quote.use', { what: label, price: formatPrice(price, decimals, locale) })
        }
        onClick={() => price !== undefined && onPick(price)}
      >
        <span class="quote-label">{label}</span>
        <span class="num">{price === undefined ? '—' : formatPrice(price, decimals, locale)}</span>
      </button>
    );
  };
  return (
    <div class="ticket-quotes" data-testid="ticket-quotes">
      {cell('bid')}
      {cell('ask')}
      {cell('last')}
    </div>
  );
});

/** The one line that follows the live book while the form is edited: what the order would cost now. */
export const Estimate = pure(function Estimate({
  preview,
  lotDecimals,
}: {
  preview: TicketPreview;
  lotDecimals: number;
}) {
  const t = useT();
  const locale = useLocale();
  // What leaves and the fee are rounded up, what arrives down: the line never flatters the order.
  const money = (value: string, asset: string, rounding: 'up' | 'down') =>
    asset !== preview.feeAsset
      ? formatAmount(value, lotDecimals, locale)
      : formatMoney(value, asset, locale, undefined, rounding);
  return (
    <p class="hint num" data-testid="ticket-estimate">
      {t('ticket.estimate', {
        total: money(preview.total, preview.totalAsset, 'up'),
        totalAsset: preview.totalAsset,
        receive: money(preview.receive, preview.receiveAsset, 'down'),
        receiveAsset: preview.receiveAsset,
        fee: formatMoney(preview.fee, preview.feeAsset, locale, undefined, 'up'),
        feeAsset: preview.feeAsset,
      })}
    </p>
  );
});
