// The paper account's persisted shape. Plain JSON (no classes, no Maps, no bigint), so it goes into
// IndexedDB and structuredClone unchanged; money is exact decimal text, as everywhere (DESIGN.md §3).

import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type {
  AttachedClose,
  BookTop,
  FillView,
  OrderRequest,
  OrderStatus,
  OrderView,
  PriceOffset,
  Side,
  TicketOrderType,
  TimeInForce,
} from '../orders/types.ts';

/**
 * Bumped when the shape changes. Version 2 added the order types beyond market, limit, stop-loss and
 * take-profit, time in force GTD/FOK, attached closes, amends and per-order fees; a version 1 record is a valid
 * version 2 record without them, so `parsePaperState` reads both (and nothing else: the account is then reset).
 */
export const PAPER_STATE_VERSION = 2;

/** The fee rates an order pays, in percent: the paper tier in force when it was placed (lib/orders/fees.ts). */
export interface PaperFees {
  makerPercent: Decimal;
  takerPercent: Decimal;
}

/** One change of an order, as Kraken's OrderAmends lists them: the original values first, then each amend. */
export interface PaperAmend {
  kind: 'original' | 'user';
  volume: Decimal;
  limitPrice?: Decimal;
  triggerPrice?: Decimal;
  at: number;
}

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
  /**
   * A trigger order whose trigger fired. A market-type stop (stop-loss, take-profit, trailing-stop) executes
   * against the next book while it is still open with this set; a -limit form rests at its limit from then on.
   */
  triggered?: boolean;
  /** The rates this order pays (absent on version 1 records: the pair's schedule, else the starter tier). */
  fees?: PaperFees;
  /** Trailing stops: the offset, and the best last trade since placement (highest for a sell, lowest for a buy). */
  trailOffset?: PriceOffset;
  limitOffset?: PriceOffset;
  peak?: Decimal;
  /** GTD: when it expires (ms). */
  expiresAt?: number;
  /** The close order to place when this one fills (Kraken's conditional close). */
  close?: AttachedClose;
  /** A close order: the id of the order whose fill placed it. */
  parentId?: string;
  /** The id of the close order this one placed, once it has. */
  closeId?: string;
  /** Amends so far, the original values first (absent until the first amend). */
  amends?: PaperAmend[];
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
  /**
   * The ids of fills whose notification was not shown yet: saved with the fills that made them, in the same
   * record, so a worker that stops in between shows them when it starts again (absent: none).
   */
  unshown?: string[];
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
  /** Price of the last trade: stops placed beyond it trigger at once, trailing stops start from it. */
  lastTrade?: Decimal;
  /** The paper account's fee tier now; without it, the pair's own schedule, else Kraken Pro's starter tier. */
  fees?: PaperFees;
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
