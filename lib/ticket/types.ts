// The order ticket's model types: what the person typed (a draft), what it is checked against (the context),
// and what the check says (problems beside their fields, a preview, and the order when there is no error).
import type { Locale } from '../i18n/locales.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { OrderProblemCode } from '../kraken/pairs/validate.ts';
import type { BookTop, OrderRequest, Side, TicketOrderType, TimeInForce } from '../orders/types.ts';

/** What the person typed, as text, exactly as the form holds it. */
export interface TicketDraft {
  /** v2 symbol ("BTC/USD"); must be the pair of `TicketContext.rules`. */
  symbol: string;
  side: Side;
  type: TicketOrderType;
  amount: string;
  amountIn: 'base' | 'quote';
  /** Limit orders and the -limit forms of stop-loss and take-profit. */
  limitPrice: string;
  /** Stop-loss and take-profit, and their -limit forms. */
  triggerPrice: string;
  /** Trailing stops: how far the trigger follows behind the best price, in percent or in the quote asset. */
  trailOffset: string;
  trailUnit: OffsetUnit;
  /** Trailing-stop-limit: how far beyond the trigger the limit sits. */
  limitOffset: string;
  limitOffsetUnit: OffsetUnit;
  postOnly: boolean;
  timeInForce: TimeInForce;
  /** GTD: the expiry as a datetime-local input gives it ("2026-11-20T14:30", local time). */
  expiresAt: string;
  /** An attached close (Kraken's conditional close), placed when the order fills. */
  closeType: 'none' | 'take-profit' | 'stop-loss';
  /** The close's trigger price. */
  closePrice: string;
}

export type OffsetUnit = 'percent' | 'quote';

export type TicketField =
  | 'amount'
  | 'limitPrice'
  | 'triggerPrice'
  | 'trailOffset'
  | 'limitOffset'
  | 'balance'
  | 'pair'
  | 'postOnly'
  | 'timeInForce'
  | 'expiresAt'
  | 'closePrice';

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
  /** Immediate-or-cancel or fill-or-kill on an order that is not a limit, or with post-only. */
  | 'tif-limit-only'
  /** GTD: no expiry, one that is not a time, in the past, or further out than Kraken takes. */
  | 'expiry'
  /** A percent offset of 100 or more, or with more than 2 decimals. */
  | 'offset'
  /** The market refuses this order now (pair status, Kraken's exchange status). */
  | 'market-status'
  /** Warning: the attached close would trigger as soon as the order fills. */
  | 'close-triggers-at-once'
  /** Warning: the last price is already past the trigger, so the stop fires as soon as it is placed. */
  | 'triggers-immediately'
  /** Longer than the background accepts (lib/messaging/parse.ts DECIMAL_LIMITS). */
  | 'too-long';

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
  /** Kraken's exchange status (the `status` channel) when it is not online. */
  system?: string;
  /** Now (ms): only read for a GTD expiry. */
  now?: number;
  /** The page's language: the preview's words are written in it (English when absent). */
  locale?: Locale;
}

/** Where the preview's price comes from. */
export type PriceSource = 'book' | 'last' | 'limit' | 'trigger' | 'trail';

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
  /** The account's rates, and a sentence saying which applies and why. */
  fees: { makerPercent: string; takerPercent: string; note: string };
  /** What will happen, in words ("sells 0.1 BTC at market if the price falls 5 % below its highest…"). */
  words: string;
}

/**
 * `problems` holds errors and warnings in field order; an order exists only when no error does (then the
 * problems are warnings to show beside the confirm button).
 */
export type TicketCheck =
  | { ok: true; order: OrderRequest; preview: TicketPreview; problems: TicketProblem[] }
  | { ok: false; problems: TicketProblem[]; preview?: TicketPreview };
