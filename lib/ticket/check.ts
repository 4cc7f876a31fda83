// The popup's quick order ticket as a pure model: the UI checks the draft whenever one of its inputs changes and
// shows each problem beside its field, plus a preview of what leaves and what arrives. Pair rules (decimals,
// tick, minimums, status, balance) come from validateOrder so the ticket and every other caller agree; the
// ticket adds what only it knows: amounts typed in the quote asset (amount.ts), the live book, the market's
// status, every order type's prices and options (price.ts, options.ts), fees and shares of the balance
// (funds.ts), and the preview with what will happen in words (preview.ts, words.ts).
// Exact decimals throughout (DESIGN.md §3: never a volume from String(float)).
import { say, translator } from '../i18n/translate.ts';
import { type Exact, format, normalize } from '../kraken/pairs/exact.ts';
import { type OrderField, validateOrder } from '../kraken/pairs/validate.ts';
import { orderProblemText } from '../orders/problem-text.ts';
import type { OrderRequest, TicketOrderType } from '../orders/types.ts';
import { checkAmount } from './amount.ts';
import { availableText, settle } from './funds.ts';
import { positive } from './numbers.ts';
import { expiryOf, optionProblems } from './options.ts';
import { previewOf } from './preview.ts';
import { basisOf, feePercentOf, priceFieldsOf } from './price.ts';
import type { TicketCheck, TicketContext, TicketDraft, TicketField, TicketProblem } from './types.ts';

const FIELD_ORDER: readonly TicketField[] = [
  'pair',
  'amount',
  'triggerPrice',
  'trailOffset',
  'limitPrice',
  'limitOffset',
  'postOnly',
  'timeInForce',
  'expiresAt',
  'closePrice',
  'balance',
];

const isTrailing = (type: TicketOrderType) => type === 'trailing-stop' || type === 'trailing-stop-limit';

/** Where validateOrder's fields land on the ticket. */
function ticketField(field: OrderField, type: TicketOrderType): TicketField {
  switch (field) {
    case 'volume':
    case 'total':
      return 'amount';
    case 'price':
      return type === 'limit' ? 'limitPrice' : isTrailing(type) ? 'trailOffset' : 'triggerPrice';
    case 'price2':
      return isTrailing(type) ? 'limitOffset' : 'limitPrice';
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
 * The draft's prices as AddOrder's `price` / `price2` (https://docs.kraken.com/api/docs/rest-api/add-order): the
 * limit (limit), the trigger and the -limit forms' limit, a trailing stop's offset in Kraken's relative form
 * (checked here, not by validateOrder). A field refused for its length is no price for the pair rules.
 */
function rulePrices(
  draft: TicketDraft,
  judged: ReadonlySet<TicketField>,
): { price?: string; price2?: string } {
  const text = (field: 'limitPrice' | 'triggerPrice') => (judged.has(field) ? '' : draft[field]);
  switch (draft.type) {
    case 'market':
      return {};
    case 'limit':
      return { price: text('limitPrice') };
    case 'stop-loss':
    case 'take-profit':
      return { price: text('triggerPrice') };
    case 'stop-loss-limit':
    case 'take-profit-limit':
      return { price: text('triggerPrice'), price2: text('limitPrice') };
    case 'trailing-stop':
      return { price: '+0' };
    case 'trailing-stop-limit':
      return { price: '+0', price2: '+0' };
    default: {
      const never: never = draft.type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

/**
 * Checks a draft against the pair's rules, the market's status, the book and the balances, and prices it. Never
 * throws on what a person can type; an empty draft yields only `required` problems.
 *
 * Decisions (see the tests for each message):
 * - Market orders walk the live book (buy → asks, sell → bids). Without a book they are estimated at `last`
 *   with a `rough-estimate` warning; with neither, `no-price` blocks: nothing could be previewed or checked.
 * - A quote amount becomes base volume rounded down to the lot: walked through the book for market orders,
 *   divided by the limit price (limit and -limit forms), the trigger price (stops) or a trailing stop's
 *   trigger as it would be now (the last price less or plus its offset).
 * - Fees are taker unless the order is a post-only limit (maker), so the preview never understates them.
 * - A post-only limit that would cross the book is an error: Kraken would cancel it (AddOrder `post`).
 *   Post-only, IOC and FOK apply to limit orders only, and post-only never with IOC or FOK.
 * - A stop whose trigger the last price has already reached is a warning, not an error: it would fire at once,
 *   which may be what the person wants (get out now). So is an attached close already past the order's price.
 * - What the market refuses now (pair status, Kraken's exchange status) is an error on the pair, with why.
 * - Any typed value longer than the background accepts (DECIMAL_LIMITS) is an error naming the limit.
 */
export function checkTicket(draft: TicketDraft, ctx: TicketContext): TicketCheck {
  const { rules } = ctx;
  // The page's language for every sentence (validateOrder's problems are codes with their values).
  const locale = ctx.locale ?? 'en';
  const t = translator(locale);
  if (draft.symbol !== rules.symbol) {
    const message = draft.symbol
      ? t('ticketProblem.pairLoading', { symbol: draft.symbol })
      : t('ticketProblem.pairLoadingNone');
    return { ok: false, problems: [{ field: 'pair', code: 'pair-mismatch', message, level: 'error' }] };
  }

  const isLimit = draft.type === 'limit';
  const feePercent = feePercentOf(draft, ctx);
  const basis = basisOf(draft, ctx);
  const amount = checkAmount(draft, ctx, basis);
  const options = optionProblems(draft, ctx, basis);
  const problems: TicketProblem[] = [...amount.problems, ...options];
  const { est } = amount;
  if (
    !est &&
    isTrailing(draft.type) &&
    !positive(ctx.last) &&
    !amount.problems.some((p) => p.level === 'error')
  ) {
    problems.push({
      field: 'amount',
      code: 'no-price',
      message: t('ticketProblem.noPrice.trailing', { symbol: rules.symbol }),
      level: 'error',
    });
  }

  // Pair rules every caller shares (amount in base, prices, cost minimum, balance). A field already refused
  // here (a quote amount, a value too long) is not reported twice; the market's status is reported by
  // optionProblems with the exchange's status folded in.
  const judged = new Set<TicketField>(options.filter((p) => p.code === 'too-long').map((p) => p.field));
  if (amount.judged) judged.add('amount');
  const settled = est ? settle(draft.side, est, feePercent, rules) : undefined;
  const check = validateOrder(
    rules,
    {
      side: draft.side,
      ordertype: draft.type,
      volume: amount.volumeText,
      ...rulePrices(draft, judged),
      postOnly: isLimit && draft.postOnly,
    },
    {
      available: availableText(ctx),
      feePercent,
      cost: settled ? format(settled.cost) : undefined,
      relativePrices: isTrailing(draft.type),
    },
  );
  if (!check.ok) {
    for (const p of check.problems) {
      if (p.code === 'pair-unavailable') continue;
      const field = ticketField(p.field, draft.type);
      if (judged.has(field) && p.field !== 'total' && p.field !== 'balance') continue;
      problems.push({ field, code: p.code, message: say(t, orderProblemText(p, locale)), level: 'error' });
    }
  }

  problems.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  if (problems.some((p) => p.level === 'error') || !est || !settled) {
    const preview = est && settled ? previewOf(draft, ctx, est, settled, feePercent, undefined) : undefined;
    return preview ? { ok: false, problems, preview } : { ok: false, problems };
  }
  const order = orderOf(draft, ctx, est.volume);
  return { ok: true, order, preview: previewOf(draft, ctx, est, settled, feePercent, order), problems };
}

/** The order a clean draft makes: its prices at the pair's decimals, offsets as typed (plain decimals). */
function orderOf(draft: TicketDraft, ctx: TicketContext, volume: Exact): OrderRequest {
  const { rules } = ctx;
  const price = (text: string) => format(positive(text) as Exact, rules.pairDecimals);
  const type = draft.type;
  const order: OrderRequest = {
    symbol: rules.symbol,
    side: draft.side,
    type,
    volume: format(volume, rules.lotDecimals),
    postOnly: type === 'limit' && draft.postOnly,
    timeInForce: draft.timeInForce,
  };
  const fields = priceFieldsOf(draft);
  if (fields.includes('limitPrice')) order.limitPrice = price(draft.limitPrice);
  if (fields.includes('triggerPrice')) order.triggerPrice = price(draft.triggerPrice);
  if (fields.includes('trailOffset'))
    order.trailOffset = { value: normalize(draft.trailOffset.trim()), unit: draft.trailUnit };
  if (fields.includes('limitOffset'))
    order.limitOffset = { value: normalize(draft.limitOffset.trim()), unit: draft.limitOffsetUnit };
  const expiry = draft.timeInForce === 'GTD' ? expiryOf(draft.expiresAt) : undefined;
  if (expiry !== undefined) order.expiresAt = expiry;
  if (draft.closeType !== 'none') order.close = { type: draft.closeType, price: price(draft.closePrice) };
  return order;
}
