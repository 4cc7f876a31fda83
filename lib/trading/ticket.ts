// The popup's quick order ticket as a pure model: the UI calls `checkTicket` on every keystroke and shows
// each problem beside its field, plus a preview of what leaves and what arrives. Pair rules (decimals, tick,
// minimums, status, balance) come from validateOrder so the ticket and every other caller agree; this file
// adds what only a ticket knows: amounts typed in the quote asset, the live book, post-only and IOC, stops.
// Exact decimals throughout (SPEC.md §7; DESIGN.md §3: never a volume from String(float)).
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
  significantDecimals,
  sub,
} from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { type OrderField, type OrderProblemCode, validateOrder } from '../kraken/pairs/validate.ts';
import { walkBook } from '../orders/book-walk.ts';
import type { BookTop, Level, OrderRequest, Side, TicketOrderType, TimeInForce } from '../orders/types.ts';

/** What the person typed, as text, exactly as the form holds it. */
export interface TicketDraft {
  /** v2 symbol ("BTC/USD"); must be the pair of `TicketContext.rules`. */
  symbol: string;
  side: Side;
  type: TicketOrderType;
  amount: string;
  amountIn: 'base' | 'quote';
  /** Used by limit orders only. */
  limitPrice: string;
  /** Used by stop-loss and take-profit only. */
  triggerPrice: string;
  postOnly: boolean;
  timeInForce: TimeInForce;
}

export type TicketField =
  | 'amount'
  | 'limitPrice'
  | 'triggerPrice'
  | 'balance'
  | 'pair'
  | 'postOnly'
  | 'timeInForce';

export type TicketProblemCode =
  | OrderProblemCode
  /** The context's rules are for another pair (the new pair's details are still loading). */
  | 'pair-mismatch'
  /** No price to estimate the order or to turn a quote amount into base volume. */
  | 'no-price'
  /** Warning: no live book, a market order is estimated at the last trade price. */
  | 'rough-estimate'
  /** Warning: the order is larger than the visible book; the rest is estimated at its worst level. */
  | 'beyond-visible-book'
  | 'post-only-limit-only'
  | 'post-only-would-cross'
  | 'ioc-limit-only'
  | 'post-only-ioc'
  /** Warning: the last price is already past the trigger, so the stop fires as soon as it is placed. */
  | 'triggers-immediately';

export interface TicketProblem {
  field: TicketField;
  code: TicketProblemCode;
  /** One plain sentence naming the rule broken. */
  message: string;
  /** Errors block the order; warnings are shown but the order may still be sent. */
  level: 'error' | 'warning';
}

export interface TicketContext {
  rules: PairRules;
  /** The live book of the pair (a book for another symbol is ignored). */
  book?: BookTop;
  /** Last trade price: the market-order fallback without a book, and the reference stops trigger on. */
  last?: string;
  /** Available balances by v2 asset ("USD", "BTC"), decimal text. A missing asset counts as zero. */
  available: Readonly<Record<string, string>>;
  /** The account's fee rates in percent ("0.40"). */
  fees: { makerPercent: string; takerPercent: string };
}

/** Where the preview's price comes from. */
export type PriceSource = 'book' | 'last' | 'limit' | 'trigger';

export interface TicketPreview {
  /** Base volume, lot decimals. */
  volume: string;
  /** Walked from the live book (market), the limit price, the trigger price (stops), or the last price. */
  estPrice: string;
  priceSource: PriceSource;
  /** Quote, cost decimals: rounded up for buys (what leaves), down for sells (what arrives). */
  cost: string;
  /** Quote, cost decimals, rounded up. */
  fee: string;
  feeAsset: string;
  feePercent: string;
  /** What leaves: buy → cost + fee in quote; sell → volume in base. */
  total: string;
  totalAsset: string;
  /** What arrives: buy → volume in base; sell → cost − fee in quote. */
  receive: string;
  receiveAsset: string;
  /** The quote asset first for buys, the base asset first for sells. `after` may be negative (not enough). */
  balances: { asset: string; before: string; after: string }[];
  bookExhausted: boolean;
  liquidity: 'maker' | 'taker';
}

/**
 * `problems` holds errors and warnings in field order; an order exists only when no error does (then the
 * problems are warnings to show beside the confirm button).
 */
export type TicketCheck =
  | { ok: true; order: OrderRequest; preview: TicketPreview; problems: TicketProblem[] }
  | { ok: false; problems: TicketProblem[]; preview?: TicketPreview };

const FIELD_ORDER: readonly TicketField[] = [
  'pair',
  'amount',
  'limitPrice',
  'triggerPrice',
  'postOnly',
  'timeInForce',
  'balance',
];

/** What the ticket accepts as a number: plain digits with an optional fraction (no sign, exponent, comma). */
const PLAIN = /^\d+(\.\d+)?$/;

function positive(text: string | undefined): Exact | undefined {
  const t = text?.trim() ?? '';
  if (!PLAIN.test(t)) return undefined;
  const v = exact(t);
  return isPositive(v) ? v : undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Maker only for a post-only limit: anything else may take liquidity, and the preview must not understate. */
function liquidityOf(draft: TicketDraft): 'maker' | 'taker' {
  return draft.type === 'limit' && draft.postOnly ? 'maker' : 'taker';
}

/** The side of the book an order takes from (buy → asks, sell → bids), when the live book has any. */
function takingSide(draft: TicketDraft, ctx: TicketContext): readonly Level[] | undefined {
  if (!ctx.book || ctx.book.symbol !== ctx.rules.symbol) return undefined;
  const levels = draft.side === 'buy' ? ctx.book.asks : ctx.book.bids;
  return levels.length > 0 ? levels : undefined;
}

type Basis =
  | { kind: 'fixed'; price: Exact; source: PriceSource }
  | { kind: 'book'; levels: readonly Level[] }
  | { kind: 'none' };

/** The price an order is estimated at: the book for market orders (else the last price), the typed price. */
function basisOf(draft: TicketDraft, ctx: TicketContext): Basis {
  const type = draft.type;
  switch (type) {
    case 'limit': {
      const price = positive(draft.limitPrice);
      return price ? { kind: 'fixed', price, source: 'limit' } : { kind: 'none' };
    }
    case 'stop-loss':
    case 'take-profit': {
      const price = positive(draft.triggerPrice);
      return price ? { kind: 'fixed', price, source: 'trigger' } : { kind: 'none' };
    }
    case 'market': {
      const levels = takingSide(draft, ctx);
      if (levels) return { kind: 'book', levels };
      const last = positive(ctx.last);
      return last ? { kind: 'fixed', price: last, source: 'last' } : { kind: 'none' };
    }
    default: {
      const never: never = type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

interface Estimate {
  /** Base, at most lot decimals. */
  volume: Exact;
  /** Quote, unrounded. */
  cost: Exact;
  price: Exact;
  source: PriceSource;
  exhausted: boolean;
}

/**
 * Volume and cost for `amount` (base, or quote to spend / receive). A quote amount becomes base rounded DOWN
 * to the lot, so the order never costs more than typed. Beyond the visible book the rest is priced at its
 * last (worst) level: an estimate, flagged by `exhausted`.
 */
function estimate(
  basis: Basis,
  amountIn: 'base' | 'quote',
  amount: Exact,
  rules: PairRules,
): Estimate | undefined {
  const lot = rules.lotDecimals;
  if (basis.kind === 'none') return undefined;
  if (basis.kind === 'fixed') {
    const volume = amountIn === 'base' ? amount : div(amount, basis.price, lot, 'down');
    return {
      volume,
      cost: mul(volume, basis.price),
      price: basis.price,
      source: basis.source,
      exhausted: false,
    };
  }
  const { levels } = basis;
  const walk = walkBook(levels, format(amount), {
    in: amountIn,
    lotDecimals: lot,
    priceDecimals: rules.pairDecimals,
  });
  let volume = exact(walk.filled);
  let cost = exact(walk.cost);
  const worst = levels[levels.length - 1]?.price ?? '0';
  if (walk.exhausted) {
    const extra = amountIn === 'base' ? sub(amount, volume) : div(sub(amount, cost), worst, lot, 'down');
    volume = add(volume, extra);
    cost = add(cost, mul(extra, worst));
  }
  const price = isPositive(volume)
    ? div(cost, volume, rules.pairDecimals, 'half-up')
    : exact(levels[0]?.price ?? worst);
  return { volume, cost, price, source: 'book', exhausted: walk.exhausted };
}

interface Settled {
  cost: Exact;
  fee: Exact;
  total: Exact;
  totalAsset: string;
  receive: Exact;
  receiveAsset: string;
}

/**
 * Cost, fee and what leaves / arrives. The fee is in the quote asset (the order pins it with `fciq`, see
 * kraken-order.ts) and rounded UP to the cost decimals, from the rounded-up cost for buys (the same figure
 * validateOrder checks the balance with) and from the exact cost for sells: the preview never understates it.
 */
function settle(side: Side, est: Estimate, feePercent: string, rules: PairRules): Settled {
  const cd = rules.costDecimals;
  const rate = mul(feePercent, '0.01');
  if (side === 'buy') {
    const cost = round(est.cost, cd, 'up');
    const fee = round(mul(cost, rate), cd, 'up');
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
  const fee = round(mul(est.cost, rate), cd, 'up');
  return {
    cost,
    fee,
    total: est.volume,
    totalAsset: rules.base,
    receive: sub(cost, fee),
    receiveAsset: rules.quote,
  };
}

const availableOf = (ctx: TicketContext, asset: string): Exact => {
  const text = ctx.available[asset]?.trim() ?? '';
  return PLAIN.test(text) ? exact(text) : exact('0');
};

function previewOf(
  draft: TicketDraft,
  ctx: TicketContext,
  est: Estimate,
  s: Settled,
  feePercent: string,
): TicketPreview {
  const { rules } = ctx;
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
  };
}

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
 */
export function checkTicket(draft: TicketDraft, ctx: TicketContext): TicketCheck {
  const { rules } = ctx;
  const problems: TicketProblem[] = [];
  const error = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'error' });
  const warn = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'warning' });

  if (draft.symbol !== rules.symbol) {
    error('pair', 'pair-mismatch', `The details of ${draft.symbol || 'this pair'} are not loaded yet.`);
    return { ok: false, problems };
  }

  const isLimit = draft.type === 'limit';
  const liquidity = liquidityOf(draft);
  const feePercent = liquidity === 'maker' ? ctx.fees.makerPercent : ctx.fees.takerPercent;
  const priceField: TicketField | undefined =
    draft.type === 'market' ? undefined : isLimit ? 'limitPrice' : 'triggerPrice';
  const priceText =
    priceField === 'limitPrice' ? draft.limitPrice : priceField ? draft.triggerPrice : undefined;
  const basis = basisOf(draft, ctx);

  // The amount, as base volume text for validateOrder, and the estimate when a price is known.
  let est: Estimate | undefined;
  let volumeText = draft.amount;
  const noPrice = () => {
    if (draft.type === 'market') {
      error(
        'amount',
        'no-price',
        `There is no ${rules.symbol} price yet to estimate this order; wait for the live price.`,
      );
    } else if (draft.amountIn === 'quote') {
      const label = isLimit ? 'limit price' : 'trigger price';
      error(
        'amount',
        'no-price',
        `Enter the ${label} first: ${rules.quote} amounts are turned into ${rules.base} at that price.`,
      );
    }
  };
  if (draft.amountIn === 'base') {
    const volume = positive(draft.amount);
    if (volume && significantDecimals(volume) <= rules.lotDecimals) {
      est = estimate(basis, 'base', volume, rules);
      if (!est) noPrice();
    }
  } else {
    volumeText = '';
    const text = draft.amount.trim();
    const cd = rules.costDecimals;
    if (text === '') error('amount', 'required', 'Enter an amount.');
    else if (!PLAIN.test(text)) error('amount', 'not-a-number', 'The amount must be a number like 25.5.');
    else if (!isPositive(text)) error('amount', 'not-positive', 'The amount must be above zero.');
    else if (significantDecimals(text) > cd) {
      error(
        'amount',
        'too-many-decimals',
        `${rules.symbol} amounts in ${rules.quote} take at most ${plural(cd, 'decimal')}.`,
      );
    } else {
      est = estimate(basis, 'quote', exact(text), rules);
      if (!est) noPrice();
      else {
        const volume = format(est.volume, rules.lotDecimals);
        const tooSmall = !isPositive(est.volume) || (rules.ordermin && cmp(est.volume, rules.ordermin) < 0);
        if (tooSmall) {
          error(
            'amount',
            'below-minimum',
            rules.ordermin
              ? `The smallest ${rules.symbol} order is ${rules.ordermin} ${rules.base}; ${text} ${rules.quote} comes to only ${volume} ${rules.base}.`
              : `At this price ${text} ${rules.quote} comes to less than ${format({ units: 1n, scale: rules.lotDecimals })} ${rules.base}, the smallest ${rules.symbol} amount.`,
          );
        } else volumeText = volume;
      }
    }
  }

  if (basis.kind === 'fixed' && basis.source === 'last' && est) {
    warn(
      'amount',
      'rough-estimate',
      `There is no live ${rules.symbol} order book yet, so this estimate uses the last price ${format(basis.price, rules.pairDecimals)} and may be off.`,
    );
  }
  if (est?.exhausted && basis.kind === 'book') {
    const worst = basis.levels[basis.levels.length - 1]?.price ?? '';
    warn(
      'amount',
      'beyond-visible-book',
      `This order is larger than the visible ${rules.symbol} book, so the part beyond it is estimated at ${worst} ${rules.quote}.`,
    );
  }

  // Order options.
  if (draft.postOnly && !isLimit)
    error('postOnly', 'post-only-limit-only', 'Post-only applies to limit orders only.');
  if (draft.timeInForce === 'IOC' && !isLimit) {
    error('timeInForce', 'ioc-limit-only', 'Immediate-or-cancel applies to limit orders only.');
  }
  if (isLimit && draft.postOnly && draft.timeInForce === 'IOC') {
    error(
      'timeInForce',
      'post-only-ioc',
      'A post-only order cannot be immediate-or-cancel, because it never trades on arrival and would always be cancelled.',
    );
  }
  if (isLimit && draft.postOnly && basis.kind === 'fixed') {
    const best = takingSide(draft, ctx)?.[0];
    const crosses =
      best && (draft.side === 'buy' ? cmp(basis.price, best.price) >= 0 : cmp(basis.price, best.price) <= 0);
    if (best && crosses) {
      error(
        'postOnly',
        'post-only-would-cross',
        `A post-only ${draft.side} at ${draft.limitPrice.trim()} would trade at once against the best ${draft.side === 'buy' ? 'ask' : 'bid'} of ${best.price} ${rules.quote}, so Kraken would cancel it.`,
      );
    }
  }
  if ((draft.type === 'stop-loss' || draft.type === 'take-profit') && basis.kind === 'fixed') {
    const last = positive(ctx.last);
    // A stop-loss sell / take-profit buy fires when the last price falls to the trigger; the other two
    // when it rises to it (Kraken's trigger reference defaults to the last trade price, AddOrder `trigger`).
    const firesOnFall = (draft.type === 'stop-loss') === (draft.side === 'sell');
    if (last && (firesOnFall ? cmp(last, basis.price) <= 0 : cmp(last, basis.price) >= 0)) {
      warn(
        'triggerPrice',
        'triggers-immediately',
        `The last ${rules.symbol} price ${ctx.last?.trim()} is already at or ${firesOnFall ? 'below' : 'above'} this trigger, so the ${draft.type} would fire at once as a market ${draft.side}.`,
      );
    }
  }

  // Pair status, amount (base), price, cost minimum and balance: the pair rules every caller shares.
  const settled = est ? settle(draft.side, est, feePercent, rules) : undefined;
  const available: Record<string, string> = {};
  for (const asset of [rules.base, rules.quote]) available[asset] = format(availableOf(ctx, asset));
  const check = validateOrder(
    rules,
    {
      side: draft.side,
      ordertype: draft.type,
      volume: volumeText,
      price: priceText,
      postOnly: isLimit && draft.postOnly,
    },
    {
      available,
      feePercent,
      cost: settled ? format(settled.cost) : undefined,
      relativePrices: false,
    },
  );
  if (!check.ok) {
    for (const p of check.problems) {
      // Quote amounts are checked above; validateOrder only saw the volume derived from them.
      if (draft.amountIn === 'quote' && p.field === 'volume') continue;
      problems.push({
        field: ticketField(p.field, draft.type),
        code: p.code,
        message: p.message,
        level: 'error',
      });
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
  const feePercent = liquidityOf(draft) === 'maker' ? ctx.fees.makerPercent : ctx.fees.takerPercent;
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
    if (cmp(add(spend, round(mul(spend, rate), cd, 'up')), budget) > 0) {
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
