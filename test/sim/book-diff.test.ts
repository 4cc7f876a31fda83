import { describe, expect, it } from 'vitest';
import { BookSide } from '../../sim/market/book.ts';
import { diffSide } from '../../sim/market/book-diff.ts';

function side(kind: 'bid' | 'ask', levels: [number, bigint][]): BookSide {
  const result = new BookSide(kind);
  for (const [tick, qty] of levels) result.set(tick, qty, 0);
  return result;
}

describe('BookSide ordering', () => {
  it('keeps bids high→low and asks low→high; qty 0 deletes', () => {
    const bids = side('bid', [
      [100, 1n],
      [102, 1n],
      [101, 1n],
    ]);
    expect(bids.levels.map((l) => l.tick)).toEqual([102, 101, 100]);
    bids.set(101, 0n, 0);
    expect(bids.levels.map((l) => l.tick)).toEqual([102, 100]);
    const asks = side('ask', [
      [105, 1n],
      [103, 1n],
    ]);
    expect(asks.levels.map((l) => l.tick)).toEqual([103, 105]);
  });
});

describe('per-subscriber book diff (depth 3)', () => {
  const initial: [number, bigint][] = [
    [100, 1n],
    [99, 2n],
    [98, 3n],
    [97, 4n],
  ];

  it('an insert at the top is sent; the level pushed out of scope gets NO delete', () => {
    const bids = side('bid', initial);
    const before = bids.snapshot(10);
    bids.set(101, 5n, 0);
    expect(diffSide(before, bids, 3)).toEqual([{ tick: 101, qty: 5n }]);
  });

  it('a deleted level is sent as qty 0 and the level entering scope is sent too', () => {
    const bids = side('bid', initial);
    const before = bids.snapshot(10);
    bids.set(99, 0n, 0);
    expect(diffSide(before, bids, 3)).toEqual([
      { tick: 99, qty: 0n },
      { tick: 97, qty: 4n },
    ]);
  });

  it('changes beyond the depth are not sent', () => {
    const bids = side('bid', initial);
    const before = bids.snapshot(10);
    bids.set(97, 9n, 0);
    bids.set(96, 1n, 0);
    expect(diffSide(before, bids, 3)).toEqual([]);
    expect(diffSide(before, bids, 10)).toEqual([
      { tick: 97, qty: 9n },
      { tick: 96, qty: 1n },
    ]);
  });

  it('a quantity change in scope is sent with the new quantity', () => {
    const asks = side('ask', [
      [10, 1n],
      [11, 1n],
    ]);
    const before = asks.snapshot(10);
    asks.set(11, 7n, 0);
    expect(diffSide(before, asks, 3)).toEqual([{ tick: 11, qty: 7n }]);
  });
});
