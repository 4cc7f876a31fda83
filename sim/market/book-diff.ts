import type { BookSide, Level } from './book.ts';

/** A level change as sent in a WS v2 `book` update: the new quantity, 0 meaning "delete". */
export interface LevelChange {
  readonly tick: number;
  readonly qty: bigint;
}

/**
 * What a subscriber with `depth` levels must receive for one side after a market step.
 *
 * Kraken's rule (https://docs.kraken.com/api/docs/guides/spot-ws-book-v2, SPEC §5.6): the client applies
 * every change, then truncates each side to its subscribed depth; Kraken does NOT send deletes for levels
 * that merely fall out of scope. So we send
 *  - every level of the new top-`depth` that is new or whose quantity changed (this includes levels that
 *    move INTO scope because better ones were consumed), and
 *  - qty 0 for levels of the old top-`depth` that left the book entirely,
 * and nothing for old levels that were only pushed beyond the depth — the client's truncation drops them.
 * Result is in book order (best first), like Kraken's updates.
 */
export function diffSide(before: readonly Level[], after: BookSide, depth: number): LevelChange[] {
  const oldQty = new Map<number, bigint>();
  for (let i = 0; i < depth && i < before.length; i += 1) {
    const level = before[i];
    if (level) oldQty.set(level.tick, level.qty);
  }
  const changes: LevelChange[] = [];
  const inView = new Set<number>();
  for (let i = 0; i < depth && i < after.length; i += 1) {
    const level = after.at(i);
    if (!level) break;
    inView.add(level.tick);
    if (oldQty.get(level.tick) !== level.qty) changes.push({ tick: level.tick, qty: level.qty });
  }
  for (const tick of oldQty.keys()) {
    if (!inView.has(tick) && !after.has(tick)) changes.push({ tick, qty: 0n });
  }
  changes.sort((a, b) => (after.isBetter(a.tick, b.tick) ? -1 : 1));
  return changes;
}
