import { describe, expect, it } from 'vitest';
import { ladderOf } from '../../../lib/ui/ladder.ts';

const book = {
  symbol: 'BTC/USD',
  at: 0,
  asks: [
    { price: '100.5', qty: '0.1' },
    { price: '100.6', qty: '0.2' },
    { price: '100.7', qty: '0.3' },
  ],
  bids: [
    { price: '100.4', qty: '0.7' },
    { price: '100.3', qty: '0.1' },
  ],
};

describe('depth ladder', () => {
  it('sums sizes exactly from the best level out, asks shown worst first', () => {
    const l = ladderOf(book, 10);
    expect(l.asks.map((r) => [r.price, r.cumulative])).toEqual([
      ['100.7', '0.6'],
      ['100.6', '0.3'],
      ['100.5', '0.1'],
    ]);
    expect(l.bids.map((r) => [r.price, r.cumulative])).toEqual([
      ['100.4', '0.7'],
      ['100.3', '0.8'],
    ]);
    // Bars are shares of the deepest side shown (0.8).
    expect(l.bids.at(-1)?.share).toBe(1);
    expect(l.asks[0]?.share).toBeCloseTo(0.75);
  });

  it('shows only the levels asked for, and the spread exactly', () => {
    const l = ladderOf(book, 1);
    expect(l.asks.map((r) => r.price)).toEqual(['100.5']);
    expect(l.bids.map((r) => r.price)).toEqual(['100.4']);
    expect(l.spread?.value).toBe('0.1');
    expect(l.spread?.percent).toBeCloseTo((0.1 / 100.45) * 100, 8);
  });

  it('has no spread when a side is empty', () => {
    expect(ladderOf({ ...book, bids: [] }, 10).spread).toBeNull();
  });
});
