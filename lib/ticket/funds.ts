// The funds side of the ticket: what is available, what an estimated order costs with its fee and what leaves
// and arrives (settle), and the amount for a share of the balance (the 25 / 50 / 100 % buttons).
import {
  add,
  cmp,
  div,
  type Exact,
  exact,
  format,
  isPositive,
  mul,
  normalize,
  round,
  sub,
} from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { feeOn } from '../orders/fees.ts';
import type { BalanceView, Side } from '../orders/types.ts';
import { type Estimate, estimate } from './amount.ts';
import { PLAIN } from './numbers.ts';
import { basisOf, feePercentOf } from './price.ts';
import type { TicketContext, TicketDraft } from './types.ts';

/** Available balance per asset, as the ticket's context wants it. */
export function availableByAsset(balances: readonly BalanceView[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of balances) out[b.asset] = b.available;
  return out;
}

/** What is available of `asset`; a missing or unreadable balance counts as zero. */
export const availableOf = (ctx: TicketContext, asset: string): Exact => {
  const text = ctx.available[asset]?.trim() ?? '';
  return PLAIN.test(text) ? exact(text) : exact('0');
};

export interface Settled {
  cost: Exact;
  fee: Exact;
  total: Exact;
  totalAsset: string;
  receive: Exact;
  receiveAsset: string;
}

/**
 * Cost, fee and what leaves / arrives. The fee is in the quote asset (the order pins it with `fciq`, see
 * lib/trading/kraken-order.ts) and rounded UP to the cost decimals (lib/orders/fees.ts), from the rounded-up
 * cost for buys (the same figure validateOrder checks the balance with) and from the exact cost for sells:
 * the preview never understates it.
 */
export function settle(side: Side, est: Estimate, feePercent: string, rules: PairRules): Settled {
  const cd = rules.costDecimals;
  if (side === 'buy') {
    const cost = round(est.cost, cd, 'up');
    const fee = feeOn(cost, feePercent, cd);
    return {
      cost,
      fee,
      total: add(cost, fee),
      totalAsset: rules.quote,
      receive: est.volume,
      receiveAsset: rules.base,
    };
  }
  const cost = round(est.cost, cd, 'down');
  const fee = feeOn(est.cost, feePercent, cd);
  return {
    cost,
    fee,
    total: est.volume,
    totalAsset: rules.base,
    receive: sub(cost, fee),
    receiveAsset: rules.quote,
  };
}

const SHARE: Readonly<Record<0.25 | 0.5 | 1, string>> = { 0.25: '0.25', 0.5: '0.5', 1: '1' };

/**
 * The amount text (in `draft.amountIn` units) for a share of the available balance: of the base for sells,
 * of the quote for buys with the fee included. Rounded DOWN to the lot (base) or the cost decimals (quote),
 * then checked against the same pricing `checkTicket` uses, so 100 % never needs more than is available.
 * '' when a price is needed and unknown (a buy in base, or a sell in quote, without a price).
 */
export function fractionAmount(fraction: 0.25 | 0.5 | 1, draft: TicketDraft, ctx: TicketContext): string {
  const { rules } = ctx;
  const share = SHARE[fraction];
  const basis = basisOf(draft, ctx);
  const feePercent = feePercentOf(draft, ctx);
  const decimals = draft.amountIn === 'base' ? rules.lotDecimals : rules.costDecimals;

  let amount: Exact;
  if (draft.side === 'sell') {
    const base = round(mul(availableOf(ctx, rules.base), share), rules.lotDecimals, 'down');
    if (draft.amountIn === 'base') amount = base;
    else {
      const est = isPositive(base) ? estimate(basis, 'base', base, rules) : undefined;
      if (isPositive(base) && !est) return '';
      amount = est ? round(est.cost, rules.costDecimals, 'down') : base;
    }
  } else {
    // The most quote on the cost grid whose cost plus fee fits the budget: spend × (1 + rate) ≤ budget, and
    // rounding the fee up adds less than one unit, so one unit less always fits.
    const budget = mul(availableOf(ctx, rules.quote), share);
    const rate = mul(feePercent, '0.01');
    const cd = rules.costDecimals;
    let spend = div(budget, add('1', rate), cd, 'down');
    if (cmp(add(spend, feeOn(spend, feePercent, cd)), budget) > 0) {
      spend = sub(spend, { units: 1n, scale: cd });
    }
    if (!isPositive(spend)) spend = exact('0');
    if (draft.amountIn === 'quote') amount = spend;
    else {
      const est = isPositive(spend) ? estimate(basis, 'quote', spend, rules) : undefined;
      if (isPositive(spend) && !est) return '';
      amount = est ? est.volume : spend;
    }
  }

  // Belt and braces: re-price the amount as checkTicket will and step down until it fits (a book walk in
  // quote can round differently from one in base; this keeps "100 % never exceeds" true for any book).
  const fits = (a: Exact): boolean => {
    if (!isPositive(a)) return true;
    const est = estimate(basis, draft.amountIn, a, rules);
    if (!est) return true;
    const s = settle(draft.side, est, feePercent, rules);
    return cmp(s.total, availableOf(ctx, s.totalAsset)) <= 0;
  };
  let step: Exact = { units: 1n, scale: decimals };
  amount = round(amount, decimals, 'down');
  while (!fits(amount)) {
    amount = sub(amount, step);
    step = add(step, step);
    if (!isPositive(amount)) amount = exact('0');
  }
  return normalize(amount);
}

/** `available` as decimal text, for validateOrder (base and quote of the pair only). */
export function availableText(ctx: TicketContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const asset of [ctx.rules.base, ctx.rules.quote]) out[asset] = format(availableOf(ctx, asset));
  return out;
}
