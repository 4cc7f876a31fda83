// The preview of a checked ticket: the estimated price and where it comes from, cost, fee, what leaves and
// arrives, and the balances before and after. Amounts at the asset's decimals in the pair.

import { translator } from '../i18n/translate.ts';
import { add, type Exact, format, significantDecimals, sub } from '../kraken/pairs/exact.ts';
import type { OrderRequest } from '../orders/types.ts';
import type { Estimate } from './amount.ts';
import { availableOf, type Settled } from './funds.ts';
import { feeNote, liquidityOf } from './price.ts';
import type { TicketContext, TicketDraft, TicketPreview } from './types.ts';
import { orderInWords } from './words.ts';

export function previewOf(
  draft: TicketDraft,
  ctx: TicketContext,
  est: Estimate,
  s: Settled,
  feePercent: string,
  /** The order, when the draft makes one: what it will do, in words. */
  order: OrderRequest | undefined,
): TicketPreview {
  const { rules } = ctx;
  const locale = ctx.locale ?? 'en';
  const t = translator(locale);
  // Amounts at the asset's decimals in this pair (lot for base, cost for quote), never rounding a balance that
  // has more (Kraken keeps balances at the asset's own, often finer, decimals).
  const fmt = (v: Exact, asset: string) =>
    format(
      v,
      Math.max(asset === rules.base ? rules.lotDecimals : rules.costDecimals, significantDecimals(v)),
    );
  const balance = (asset: string, delta: Exact) => {
    const before = availableOf(ctx, asset);
    return { asset, before: fmt(before, asset), after: fmt(add(before, delta), asset) };
  };
  return {
    volume: format(est.volume, rules.lotDecimals),
    estPrice: format(est.price, rules.pairDecimals),
    priceSource: est.source,
    cost: format(s.cost, rules.costDecimals),
    fee: format(s.fee, rules.costDecimals),
    feeAsset: rules.quote,
    feePercent,
    total: fmt(s.total, s.totalAsset),
    totalAsset: s.totalAsset,
    receive: fmt(s.receive, s.receiveAsset),
    receiveAsset: s.receiveAsset,
    balances: [balance(s.totalAsset, sub('0', s.total)), balance(s.receiveAsset, s.receive)],
    bookExhausted: est.exhausted,
    liquidity: liquidityOf(draft),
    fees: {
      makerPercent: ctx.fees.makerPercent,
      takerPercent: ctx.fees.takerPercent,
      note: feeNote(draft, t),
    },
    words: order ? orderInWords(order, rules, t, locale) : '',
  };
}
