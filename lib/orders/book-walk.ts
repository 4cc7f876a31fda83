// Walking one side of a book: what a market order of a given size would get, level by level. Used for the
// ticket's preview (estimated price) and by the paper account's market fills. Exact decimals throughout.
import { add, cmp, div, type Exact, exact, format, isPositive, mul, sub } from '../kraken/pairs/exact.ts';
import type { Level } from './types.ts';

export interface WalkSlice {
  price: string;
  qty: string;
}

export interface Walk {
  /** Base filled (≤ asked when the visible book runs out). */
  filled: string;
  /** Quote spent or received, unrounded. */
  cost: string;
  /** Volume-weighted price at `priceDecimals`, or undefined when nothing filled. */
  avgPrice: string | undefined;
  /** The levels taken, best first. */
  slices: WalkSlice[];
  /** True when the visible book could not fill the whole size. */
  exhausted: boolean;
}

/**
 * Takes `size` from `levels` (best first). `size` is base volume, or quote amount with `in: 'quote'` (the
 * base bought with that much quote, each level's base rounded down to `lotDecimals`). A `limit` stops the walk
 * at levels worse than it (above it for asks, below for bids; `side` says which is worse).
 */
export function walkBook(
  levels: readonly Level[],
  size: string,
  opts: {
    in?: 'base' | 'quote';
    lotDecimals: number;
    priceDecimals: number;
    limit?: { price: string; side: 'asks' | 'bids' };
  },
): Walk {
  let left: Exact = exact(size);
  let filled: Exact = exact('0');
  let cost: Exact = exact('0');
  const slices: WalkSlice[] = [];
  let dust = false;
  for (const level of levels) {
    if (!isPositive(left)) break;
    if (opts.limit) {
      const c = cmp(level.price, opts.limit.price);
      if (opts.limit.side === 'asks' ? c > 0 : c < 0) break;
    }
    let take: Exact;
    if (opts.in === 'quote') {
      const affordable = div(left, level.price, opts.lotDecimals, 'down');
      take = cmp(affordable, level.qty) < 0 ? affordable : exact(level.qty);
      if (!isPositive(take)) {
        dust = true; // less than one lot's worth of quote left: done, not short
        break;
      }
      left = sub(left, mul(take, level.price));
    } else {
      take = cmp(left, level.qty) < 0 ? left : exact(level.qty);
      left = sub(left, take);
    }
    filled = add(filled, take);
    cost = add(cost, mul(take, level.price));
    slices.push({ price: level.price, qty: format(take) });
  }
  const exhausted = isPositive(left) && !dust;
  return {
    filled: format(filled),
    cost: format(cost),
    avgPrice: isPositive(filled) ? format(div(cost, filled, opts.priceDecimals, 'half-up')) : undefined,
    slices,
    exhausted,
  };
}
