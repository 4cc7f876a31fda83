// What the popup shows about trading, the same for the live account (Kraken's `executions` and `balances`
// channels) and the paper account (lib/paper). Money is decimal text throughout.
import type { DeadManState } from '../kraken/orders/dead-man-switch.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';

export type TradingMode = 'paper' | 'live';
export type Side = 'buy' | 'sell';
/** The ticket's order types (Kraken's names). Stop-loss and take-profit are market orders once triggered. */
export type TicketOrderType = 'market' | 'limit' | 'stop-loss' | 'take-profit';
export type TimeInForce = 'GTC' | 'IOC';

/** One price level of a book side, best first. */
export interface Level {
  price: Decimal;
  qty: Decimal;
}

export interface BookTop {
  symbol: string;
  bids: Level[];
  asks: Level[];
  /** When the book was last updated (ms). */
  at: number;
}

/** An order the ticket has checked: volume in base, at the pair's decimals; ready for Kraken or paper. */
export interface OrderRequest {
  symbol: string;
  side: Side;
  type: TicketOrderType;
  /** Base volume, lot decimals. */
  volume: Decimal;
  /** Limit price (limit orders). */
  limitPrice?: Decimal;
  /** Trigger price (stop-loss, take-profit). */
  triggerPrice?: Decimal;
  postOnly: boolean;
  timeInForce: TimeInForce;
}

export type OrderStatus = 'pending' | 'new' | 'partially_filled' | 'filled' | 'canceled' | 'expired';

export interface OrderView {
  /** Kraken's order id, or the paper account's. */
  id: string;
  clOrdId?: string;
  symbol: string;
  side: Side;
  type: TicketOrderType | (string & {});
  limitPrice?: Decimal;
  triggerPrice?: Decimal;
  /** Base volume ordered and filled so far. */
  volume: Decimal;
  filled: Decimal;
  /** Average fill price, once something filled. */
  avgPrice?: Decimal;
  status: OrderStatus;
  createdAt: number;
}

export interface FillView {
  /** Kraken's exec_id (or the paper account's): one notification per id. */
  id: string;
  orderId: string;
  symbol: string;
  side: Side;
  qty: Decimal;
  price: Decimal;
  fee: Decimal;
  feeAsset: string;
  liquidity: 'maker' | 'taker';
  /** True when this fill completed the order. */
  complete: boolean;
  at: number;
}

export interface BalanceView {
  /** v2 asset name ("BTC", "USD"). */
  asset: string;
  total: Decimal;
  /** Held by open orders. */
  hold: Decimal;
  available: Decimal;
}

/** Whether live trading can happen right now, and if not, what the person should do. */
export type LiveStatus =
  | { kind: 'no-key'; message: string }
  | { kind: 'locked'; message: string }
  | { kind: 'connecting' }
  | { kind: 'ready' }
  /** The private feed is down for a reason the person may need to act on; `retryAt`: the next try. */
  | { kind: 'error'; message: string; retryAt?: number };

/**
 * The dead man's switch as Kraken has it (lib/kraken/orders/dead-man-switch.ts): "off" only once Kraken
 * confirmed it; while armed, `triggerAt` is when Kraken would cancel every order. `arm-failed`: Kraken
 * refused to arm it (the setting stays on; it is tried again when live trading restarts).
 */
export type DeadManView = DeadManState | { kind: 'arm-failed'; message: string };

/**
 * A live order whose ending the person must know about: still being confirmed with Kraken, or not placed.
 * Listed in the Trade tab until settled or dismissed; another account's are listed, never sent here.
 */
export interface IntentView {
  clOrdId: string;
  state: 'sending' | 'unknown' | 'expired';
  /** The current live account's, or another key's / endpoint's (left untouched). */
  account: 'current' | 'other';
  /** For another account's: where it was confirmed (the endpoint's host). */
  where?: string;
  /** The order as the ticket had it, when known (to show it, and to open a new ticket from it). */
  order: OrderRequest | null;
  confirmedAt: number;
  /** What it means, in a sentence. */
  message: string;
}

/** Everything the popup's trading panels show, pushed on every change. */
export interface TradingView {
  mode: TradingMode;
  live: LiveStatus;
  orders: OrderView[];
  /** Newest first, at most 50. */
  fills: FillView[];
  balances: (BalanceView & { usdValue?: Decimal })[];
  deadMan: DeadManView;
  /** Live orders still being confirmed, not placed, or another account's (never paper orders). */
  intents: IntentView[];
  /** Something the person should know about the account (e.g. a paper account that could not be read). */
  notice?: string;
}
