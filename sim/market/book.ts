/**
 * An L2 order book: price levels as integer ticks with aggregated quantities in integer base units.
 * Levels are immutable; a change replaces the object, so a shallow copy of a side is a cheap snapshot
 * that later diffs can compare against (see book-diff.ts).
 */

export type Side = 'bid' | 'ask';

export interface Level {
  readonly tick: number;
  readonly qty: bigint;
  /** Unix seconds of the level's last change (REST Depth's third column). */
  readonly ts: number;
}

/** One side of the book, best level first (bids high→low, asks low→high). */
export class BookSide {
  private readonly entries: Level[] = [];

  constructor(readonly side: Side) {}

  /** Read-only view, best first. Do not hold on to it across mutations; use `snapshot()` for that. */
  get levels(): readonly Level[] {
    return this.entries;
  }

  get length(): number {
    return this.entries.length;
  }

  best(): Level | undefined {
    return this.entries[0];
  }

  last(): Level | undefined {
    return this.entries[this.entries.length - 1];
  }

  at(index: number): Level | undefined {
    return this.entries[index];
  }

  /** The best `count` levels as an independent array. */
  snapshot(count: number): Level[] {
    return this.entries.slice(0, count);
  }

  /** True if `a` is a better price than `b` on this side. */
  isBetter(a: number, b: number): boolean {
    return this.side === 'bid' ? a > b : a < b;
  }

  /** Index of `tick`, or the insertion point if absent (binary search). */
  private locate(tick: number): { readonly index: number; readonly found: boolean } {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const level = this.entries[mid];
      if (level === undefined) break;
      if (level.tick === tick) return { index: mid, found: true };
      if (this.isBetter(level.tick, tick)) lo = mid + 1;
      else hi = mid;
    }
    return { index: lo, found: false };
  }

  has(tick: number): boolean {
    return this.locate(tick).found;
  }

  get(tick: number): Level | undefined {
    const { index, found } = this.locate(tick);
    return found ? this.entries[index] : undefined;
  }

  /** Sets the quantity at `tick`; zero deletes the level. */
  set(tick: number, qty: bigint, ts: number): void {
    if (!Number.isSafeInteger(tick) || tick <= 0) throw new Error(`bad tick ${tick}`);
    if (qty < 0n) throw new Error(`negative qty at ${tick}`);
    const { index, found } = this.locate(tick);
    if (qty === 0n) {
      if (found) this.entries.splice(index, 1);
      return;
    }
    const level: Level = { tick, qty, ts };
    if (found) this.entries[index] = level;
    else this.entries.splice(index, 0, level);
  }

  /** Appends a level beyond the current worst one (used to keep the book deep). */
  append(tick: number, qty: bigint, ts: number): void {
    const worst = this.last();
    if (worst !== undefined && !this.isBetter(worst.tick, tick)) throw new Error('append out of order');
    if (qty <= 0n || tick <= 0) throw new Error('append of empty level');
    this.entries.push({ tick, qty, ts });
  }

  /** Drops every level beyond the first `count`. */
  truncate(count: number): void {
    if (this.entries.length > count) this.entries.length = count;
  }
}

export class Book {
  readonly bids = new BookSide('bid');
  readonly asks = new BookSide('ask');

  side(side: Side): BookSide {
    return side === 'bid' ? this.bids : this.asks;
  }

  /** The book must never cross: best bid strictly below best ask. */
  isCrossed(): boolean {
    const bid = this.bids.best();
    const ask = this.asks.best();
    return bid !== undefined && ask !== undefined && bid.tick >= ask.tick;
  }
}
