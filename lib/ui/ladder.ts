// The depth ladder's rows from a verified book (lib/market/depth.ts): the best levels of each side with the
// size up to and including each level, and the spread. Sizes and prices stay decimal text (exact sums); only
// the bar widths are ratios.
import { add, cmp, exact, format, sub } from '../kraken/pairs/exact.ts';
import type { BookTop, Level } from '../orders/types.ts';

export const LADDER_LEVELS = [10, 15, 25] as const;
export type LadderLevels = (typeof LADDER_LEVELS)[number];

export interface LadderRow {
  side: 'ask' | 'bid';
  price: string;
  qty: string;
  /** Size from the best level down to this one. */
  cumulative: string;
  /** The cumulative size as a share of the deepest side's total shown (0…1), for the bar. */
  share: number;
}

export interface Ladder {
  /** Worst shown first, best last: read top to bottom towards the spread. */
  asks: LadderRow[];
  /** Best first. */
  bids: LadderRow[];
  /** Best ask − best bid, and as a percentage of the mid, when both sides have a level. */
  spread: { value: string; percent: number } | null;
}

function side(levels: readonly Level[], n: number, kind: LadderRow['side']): Omit<LadderRow, 'share'>[] {
  let total = exact('0');
  return levels.slice(0, n).map((l) => {
    total = add(total, l.qty);
    return { side: kind, price: l.price, qty: l.qty, cumulative: format(total) };
  });
}

/** The best `levels` levels of each side (10 to 25), with cumulative sizes and the spread. */
export function ladderOf(book: BookTop, levels: number): Ladder {
  const asks = side(book.asks, levels, 'ask');
  const bids = side(book.bids, levels, 'bid');
  const deepest = [asks.at(-1)?.cumulative, bids.at(-1)?.cumulative]
    .filter((x): x is string => x !== undefined)
    .reduce((a, b) => (cmp(a, b) >= 0 ? a : b), '0');
  const max = Number(deepest);
  const withShare = (r: Omit<LadderRow, 'share'>): LadderRow => ({
    ...r,
    share: max > 0 ? Number(r.cumulative) / max : 0,
  });
  const bestAsk = book.asks[0]?.price;
  const bestBid = book.bids[0]?.price;
  const spread =
    bestAsk && bestBid
      ? {
          value: format(sub(bestAsk, bestBid)),
          percent: ((Number(bestAsk) - Number(bestBid)) / ((Number(bestAsk) + Number(bestBid)) / 2)) * 100,
        }
      : null;
  return { asks: asks.map(withShare).reverse(), bids: bids.map(withShare), spread };
}
