// The paper account's persisted shape. Plain JSON (no classes, no Maps, no bigint), so it goes into
// IndexedDB and structuredClone unchanged; money is exact decimal text, as everywhere (DESIGN.md §3).

import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type {
  BookTop,
  FillView,
  OrderRequest,
  OrderStatus,
  OrderView,
  Side,
  TicketOrderType,
  TimeInForce,
} from '../orders/types.ts';

/** Bumped when the shape changes; `parsePaperState` refuses any other value (the account is then reset). */
export const PAPER_STATE_VERSION = 1;

/** At most this many fills and closed orders are kept (the popup shows the last 100). */
export const PAPER_HISTORY_LIMIT = 100;

export interface PaperOrder {
  id: string;
  clOrdId: string;
  symbol: string;
  /** v2 asset names of the pair, so holds and fills settle without the pair rules at hand. */
  base: string;
  quote: string;
  side: Side;
  type: TicketOrderType;
  /** Base volume ordered. */
  volume: Decimal;
  limitPrice?: Decimal;
  triggerPrice?: Decimal;
  postOnly: boolean;
  timeInForce: TimeInForce;
  status: OrderStatus;
  createdAt: number;
  closedAt?: number;
  /** Why a closed order closed, e.g. Kraken's "User requested" (see account.ts for every reason). */
  reason?: string;
  /** Base filled so far. */
  filled: Decimal;
  /** Quote value of the fills, exact (qty × price summed, never rounded). */
  cost: Decimal;
  avgPrice?: Decimal;
  /**
   * Cost and fees so far per liquidity. Fees are rounded once per order and liquidity (fillFee in
   * execute.ts), so each fill's fee is "rounded fee of the running cost − fee already charged".
   */
  takerCost: Decimal;
  takerFee: Decimal;
  makerCost: Decimal;
  makerFee: Decimal;
  /** Funds held while open: quote for a buy, base for a sell. "0" once closed. */
  hold: Decimal;
  /** A stop whose trigger fired while no book was at hand: it executes with the next book. */
  triggered?: boolean;
}

export interface PaperState {
  version: typeof PAPER_STATE_VERSION;
  createdAt: number;
  /** Total per v2 asset ("USD", "BTC"), including what open orders hold. Never negative. */
  balances: Record<string, Decimal>;
  /** Open orders (resting limits, untriggered stops), oldest first. */
  open: PaperOrder[];
  /** The last closed orders, newest first: the memory that makes placement idempotent by clOrdId. */
  closed: PaperOrder[];
  /** The last fills, newest first. */
  fills: FillView[];
}

/** What a refusal says: Kraken's error string (or cancel reason) and one sentence for the person. */
export interface PaperRefusal {
  code: string;
  message: string;
}

export type PaperResult = { ok: true; order: OrderView } | { ok: false; error: PaperRefusal };

/** The market as the background worker sees it when an order is placed. */
export interface PaperMarket {
  rules: PairRules;
  book?: BookTop;
  /** Price of the last trade, for stops placed beyond it (they trigger at once). */
  lastTrade?: Decimal;
}

export type PaperOrderRequest = OrderRequest & { clOrdId: string };

export interface PaperTrade {
  price: Decimal;
  qty: Decimal;
  at: number;
}

export interface PaperMarketUpdate {
  symbol: string;
  /** The current book; pass it with every update so triggered stops can execute. */
  book?: BookTop;
  /** Trades since the last update, in the order Kraken printed them. */
  trades?: PaperTrade[];
}

/** Ids for orders and fills come from outside (crypto.randomUUID in the worker, a counter in tests). */
export type NewId = () => string;

/**
 * A refusal travelling from a check to the function that answers the caller. It never leaves lib/paper:
 * results carry the plain `PaperRefusal` (serialisable across the messaging boundary).
 */
export class PaperOrderRefused extends Error {
  override readonly name = 'PaperOrderRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  toRefusal(): PaperRefusal {
    return { code: this.code, message: this.message };
  }
}
