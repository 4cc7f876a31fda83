// The order vocabulary every layer above shares: what an order is (OrderRequest), how an order, a fill and a
// balance are shown (the same for the live account and the paper account), and a book's top levels. Money is
// decimal text throughout. Types only: the floor under lib/paper, lib/trading and lib/ticket.
import type { Decimal } from '../kraken/rest/types-public.ts';

export type Side = 'buy' | 'sell';
/**
 * The ticket's order types (Kraken's names, https://docs.kraken.com/api/docs/rest-api/add-order). Stop-loss and
 * take-profit become market orders once triggered, their `-limit` forms rest at a limit price; a trailing stop's
 * trigger follows the best price since placement at an offset.
 */
export type TicketOrderType =
  | 'market'
  | 'limit'
  | 'stop-loss'
  | 'take-profit'
  | 'stop-loss-limit'
  | 'take-profit-limit'
  | 'trailing-stop'
  | 'trailing-stop-limit';
export const TICKET_ORDER_TYPES: readonly TicketOrderType[] = [
  'market',
  'limit',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
];
/** GTC until cancelled; IOC fills what it can now; GTD until `expiresAt`; FOK fills entirely at once or not at all. */
export type TimeInForce = 'GTC' | 'IOC' | 'GTD' | 'FOK';

/** An offset in percent of the price, or in the quote currency (Kraken's `+5%` / `+50`). */
export interface PriceOffset {
  value: Decimal;
  unit: 'percent' | 'quote';
}

/**
 * Kraken's conditional close: one order attached to the entry, on the other side, for what the entry fills,
 * placed when it fills (a take-profit, or a stop-loss, or a limit exit). Kraken allows one per order.
 */
export interface AttachedClose {
  type: 'limit' | 'stop-loss' | 'take-profit' | 'stop-loss-limit' | 'take-profit-limit';
  /** The limit price for `limit`; the trigger price for the others. */
  price: Decimal;
  /** The limit price once triggered, for the `-limit` forms. */
  limitPrice?: Decimal;
}

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
  /** Limit price (limit, stop-loss-limit, take-profit-limit). */
  limitPrice?: Decimal;
  /** Trigger price (stop-loss, take-profit and their -limit forms). */
  triggerPrice?: Decimal;
  /** Trailing stops: how far the trigger follows behind the best price since placement. */
  trailOffset?: PriceOffset;
  /** Trailing-stop-limit: how far beyond the trigger the limit price sits (worse for the order's side). */
  limitOffset?: PriceOffset;
  postOnly: boolean;
  timeInForce: TimeInForce;
  /** GTD: when the order expires (ms since the epoch). */
  expiresAt?: number;
  /** A close order attached to this one (Kraken's conditional close). */
  close?: AttachedClose;
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
  /** Trailing stops: the offset the trigger keeps behind the best price since placement (`triggerPrice` is the trigger now). */
  trailOffset?: PriceOffset;
  /** Trailing-stop-limit: the limit's offset from the trigger. */
  limitOffset?: PriceOffset;
  /** When it is not GTC (GTD orders also carry `expiresAt`). */
  timeInForce?: TimeInForce;
  expiresAt?: number;
  postOnly?: boolean;
  /** The close order attached to it (placed by Kraken, or the paper account, when it fills). */
  close?: AttachedClose;
  /** A trigger order whose trigger has fired (a -limit form now rests at its limit price). */
  triggered?: boolean;
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
