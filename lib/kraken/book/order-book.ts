import { toFixedDecimal } from '../pairs/decimal.ts';
import type { BookData, BookDepth, BookLevelData } from '../ws/protocol.ts';
import { bookChecksum, checksumToken } from './checksum.ts';

/** A level with its decimal text at the instrument's precision (what the checksum and the UI use). */
export interface BookLevel {
  price: string;
  qty: string;
  priceValue: number;
  qtyValue: number;
  /** Its part of the checksum input (checksum.ts levelToken), once it has been in the top 10. */
  token?: string;
}

export interface OrderBookOptions {
  symbol: string;
  depth: BookDepth;
  /** From the `instrument` channel: `price_precision` / `qty_precision`. */
  pricePrecision: number;
  qtyPrecision: number;
}

export type ApplyResult = { ok: true } | { ok: false; expected: number; actual: number };

/**
 * A Kraken WebSocket v2 order book (level 2): snapshot + updates, delete on qty 0, truncate to the
 * subscribed depth (Kraken sends no delete for levels pushed out of scope), checksum verified after
 * every message. https://docs.kraken.com/api/docs/guides/spot-ws-book-v2 ; SPEC.md §5.6.
 */
export function createOrderBook(options: OrderBookOptions) {
  const { depth, pricePrecision, qtyPrecision } = options;
  // asks ascending, bids descending: index 0 is the best level of each side.
  let asks: BookLevel[] = [];
  let bids: BookLevel[] = [];

  const level = (l: BookLevelData): BookLevel => ({
    price: toFixedDecimal(l.price, pricePrecision),
    qty: toFixedDecimal(l.qty, qtyPrecision),
    priceValue: l.price,
    qtyValue: l.qty,
  });

  /**
   * The checksum covers the top 10 of each side: their tokens are made once per level, when a level first
   * gets there, not once per message — and the deep levels of a 1000-level book never carry one.
   */
  function tokenizeTop(side: BookLevel[]): void {
    const n = Math.min(10, side.length);
    for (let i = 0; i < n; i++) {
      // biome-ignore lint/style/noNonNullAssertion: i < side.length
      const l = side[i]!;
      l.token ??= checksumToken(l.price) + checksumToken(l.qty);
    }
  }

  /** Index of `price` in `side`, or where it would be inserted (~(index) when absent). */
  function search(side: BookLevel[], price: number, ascending: boolean): number {
    let lo = 0;
    let hi = side.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      // biome-ignore lint/style/noNonNullAssertion: lo <= mid <= hi < side.length
      const p = side[mid]!.priceValue;
      if (p === price) return mid;
      if (ascending ? p < price : p > price) lo = mid + 1;
      else hi = mid - 1;
    }
    return ~lo;
  }

  function applyChanges(side: BookLevel[], changes: readonly BookLevelData[], ascending: boolean): void {
    // Applied in message order: the same price may appear twice in one message, and the later wins.
    for (const change of changes) {
      const i = search(side, change.price, ascending);
      if (change.qty === 0) {
        if (i >= 0) side.splice(i, 1);
      } else if (i >= 0) {
        side[i] = level(change);
      } else {
        side.splice(~i, 0, level(change));
      }
    }
    if (side.length > depth) side.length = depth;
  }

  function verify(expected: number): ApplyResult {
    tokenizeTop(asks);
    tokenizeTop(bids);
    const actual = bookChecksum(asks, bids);
    return actual === expected ? { ok: true } : { ok: false, expected, actual };
  }

  return {
    symbol: options.symbol,
    depth,
    applySnapshot(data: BookData): ApplyResult {
      asks = [];
      bids = [];
      applyChanges(asks, data.asks, true);
      applyChanges(bids, data.bids, false);
      return verify(data.checksum);
    },
    applyUpdate(data: BookData): ApplyResult {
      applyChanges(asks, data.asks, true);
      applyChanges(bids, data.bids, false);
      return verify(data.checksum);
    },
    clear(): void {
      asks = [];
      bids = [];
    },
    asks: (): readonly BookLevel[] => asks,
    bids: (): readonly BookLevel[] => bids,
    checksum: (): number => bookChecksum(asks, bids),
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
