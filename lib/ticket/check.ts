// The popup's quick order ticket as a pure model: the UI checks the draft whenever one of its inputs changes and
// shows each problem beside its field, plus a preview of what leaves and what arrives. Pair rules (decimals,
// tick, minimums, status, balance) come from validateOrder so the ticket and every other caller agree; the
// ticket adds what only it knows: amounts typed in the quote asset (amount.ts), the live book, post-only and
// IOC, stops (price.ts), fees and shares of the balance (funds.ts), and the preview (preview.ts).
// Exact decimals throughout (DESIGN.md §3: never a volume from String(float)).
import { format } from '../kraken/pairs/exact.ts';
import { type OrderField, validateOrder } from '../kraken/pairs/validate.ts';
import type { OrderRequest, TicketOrderType } from '../orders/types.ts';
import { checkAmount } from './amount.ts';
import { availableText, settle } from './funds.ts';
import { previewOf } from './preview.ts';
import { basisOf, feePercentOf, priceFieldOf, priceProblems } from './price.ts';
import type { TicketCheck, TicketContext, TicketDraft, TicketField, TicketProblem } from './types.ts';

const FIELD_ORDER: readonly TicketField[] = [
  'pair',
  'amount',
  'limitPrice',
  'triggerPrice',
  'postOnly',
  'timeInForce',
  'balance',
];

/** Where validateOrder's fields land on the ticket. */
function ticketField(field: OrderField, type: TicketOrderType): TicketField {
  switch (field) {
    case 'volume':
    case 'total':
      return 'amount';
    case 'price':
    case 'price2':
      return type === 'limit' ? 'limitPrice' : 'triggerPrice';
    case 'pair':
    case 'balance':
      return field;
    default: {
      const never: never = field;
      throw new RangeError(`unknown field ${String(never)}`);
    }
  }
}

/**
 * Checks a draft against the pair's rules, the book and the balances, and prices it. Never throws on what a
 * person can type; an empty draft yields only `required` problems.
 *
 * Decisions (see the tests for each message):
 * - Market orders walk the live book (buy → asks, sell → bids). Without a book they are estimated at `last`
 *   with a `rough-estimate` warning; with neither, `no-price` blocks: nothing could be previewed or checked.
 * - A quote amount becomes base volume rounded down to the lot: walked through the book for market orders,
 *   divided by the limit price for limits and by the trigger price for stops.
 * - Fees are taker unless the order is a post-only limit (maker), so the preview never understates them.
 * - A post-only limit that would cross the book is an error: Kraken would cancel it (AddOrder `post`).
 *   Post-only and IOC apply to limit orders only, and a post-only IOC order could never trade.
 * - A stop whose trigger the last price has already reached (e.g. a stop-loss sell above the last price)
 *   is a warning, not an error: it would fire at once as a market order, which may be what the person
 *   wants (get out now), and the confirmation shows the warning. Kraken's AddOrder docs do not say it
 *   refuses such a trigger; if it does, its answer is shown like any refusal.
 * - An amount or a price longer than the background accepts (lib/messaging/parse.ts DECIMAL_LIMITS) is an
 *   error naming the limit, so a valid-looking order never meets a silent refusal there.
 */
export function checkTicket(draft: TicketDraft, ctx: TicketContext): TicketCheck {
  const { rules } = ctx;
  if (draft.symbol !== rules.symbol) {
    const message = `The details of ${draft.symbol || 'this pair'} are not loaded yet.`;
    return { ok: false, problems: [{ field: 'pair', code: 'pair-mismatch', message, level: 'error' }] };
  }

  const isLimit = draft.type === 'limit';
  const feePercent = feePercentOf(draft, ctx);
  const priceField = priceFieldOf(draft);
  const priceText = priceField ? draft[priceField] : undefined;
  const basis = basisOf(draft, ctx);
  const amount = checkAmount(draft, ctx, basis);
  const prices = priceProblems(draft, ctx, basis);
  const problems: TicketProblem[] = [...amount.problems, ...prices];
  const { est } = amount;

  // Pair status, amount (base), price, cost minimum and balance: the pair rules every caller shares. A field
  // already refused here (a quote amount, a value too long) is not reported twice.
  const judged = new Set<TicketField>(prices.filter((p) => p.code === 'too-long').map((p) => p.field));
  if (amount.judged) judged.add('amount');
  // A price refused for its length is no price for the pair rules either (no cost, no balance from it).
  const priceForRules = priceField && judged.has(priceField) ? '' : priceText;
  const settled = est ? settle(draft.side, est, feePercent, rules) : undefined;
  const check = validateOrder(
    rules,
    {
      side: draft.side,
      ordertype: draft.type,
      volume: amount.volumeText,
      price: priceForRules,
      postOnly: isLimit && draft.postOnly,
    },
    {
      available: availableText(ctx),
      feePercent,
      cost: settled ? format(settled.cost) : undefined,
      relativePrices: false,
    },
  );
  if (!check.ok) {
    for (const p of check.problems) {
      const field = ticketField(p.field, draft.type);
      if (judged.has(field) && p.field !== 'total' && p.field !== 'balance') continue;
      problems.push({ field, code: p.code, message: p.message, level: 'error' });
    }
  }

  problems.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  const preview = est && settled ? previewOf(draft, ctx, est, settled, feePercent) : undefined;
  if (problems.some((p) => p.level === 'error') || !est || !preview) {
    return preview ? { ok: false, problems, preview } : { ok: false, problems };
  }
  const order: OrderRequest = {
    symbol: rules.symbol,
    side: draft.side,
    type: draft.type,
    volume: format(est.volume, rules.lotDecimals),
    postOnly: isLimit && draft.postOnly,
    timeInForce: draft.timeInForce,
  };
  if (basis.kind === 'fixed' && basis.source === 'limit')
    order.limitPrice = format(basis.price, rules.pairDecimals);
  if (basis.kind === 'fixed' && basis.source === 'trigger')
    order.triggerPrice = format(basis.price, rules.pairDecimals);
  return { ok: true, order, preview, problems };
}
