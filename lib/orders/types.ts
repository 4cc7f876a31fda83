// The order vocabulary every layer above shares: what an order is (OrderRequest), how an order, a fill and a
// balance are shown (the same for the live account and the paper account), and a book's top levels. Money is
// decimal text throughout. Types only: the floor under lib/paper, lib/trading and lib/ticket.
import type { Decimal } from '../kraken/rest/types-public.ts';

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
