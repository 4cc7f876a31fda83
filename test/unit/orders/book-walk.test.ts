import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, exact, format, mul } from '../../../lib/kraken/pairs/exact.ts';
import { walkBook } from '../../../lib/orders/book-walk.ts';

// Kraken's documented book example levels (docs.kraken.com websocket-v2/book, BTC/USD asks).
const asks = [
  { price: '45285.2', qty: '0.001' },
  { price: '45286.4', qty: '1.54582015' },
  { price: '45286.6', qty: '1.54592586' },
];
const opts = { lotDecimals: 8, priceDecimals: 1 };

describe('walking a book side', () => {
  it('takes the best levels first and prices the whole size', () => {
    const w = walkBook(asks, '0.5', opts);
    expect(w.slices).toEqual([
      { price: '45285.2', qty: '0.001' },
      { price: '45286.4', qty: '0.499' },
    ]);
    expect(w.filled).toBe('0.500');
    // 0.001 × 45285.2 + 0.499 × 45286.4 = 45.2852 + 22597.9136
    expect(w.cost).toBe('22643.1988');
    expect(w.avgPrice).toBe('45286.4');
    expect(w.exhausted).toBe(false);
  });

  it('says when the visible book runs out', () => {
    const w = walkBook(asks, '5', opts);
    expect(w.filled).toBe('3.09274601');
    expect(w.exhausted).toBe(true);
  });

  it('spends a quote amount, rounding each level’s base down to the lot', () => {
    const w = walkBook(asks, '100', { ...opts, in: 'quote' });
    expect(w.slices[0]).toEqual({ price: '45285.2', qty: '0.001' });
    // 100 − 45.2852 = 54.7148 left → 54.7148 / 45286.4 = 0.001208195… → 0.00120819
    expect(w.slices[1]).toEqual({ price: '45286.4', qty: '0.00120819' });
    expect(cmp(w.cost, '100')).toBeLessThanOrEqual(0);
    expect(w.exhausted).toBe(false);
  });

  it('stops at a limit price', () => {
    const w = walkBook(asks, '2', { ...opts, limit: { price: '45286.4', side: 'asks' } });
    expect(w.filled).toBe('1.54682015');
    expect(w.exhausted).toBe(true);
    const bids = [
      { price: '100', qty: '1' },
      { price: '99', qty: '1' },
    ];
    expect(walkBook(bids, '2', { ...opts, limit: { price: '99.5', side: 'bids' } }).filled).toBe('1');
  });

  it('never fills more than asked or than the book holds, and cost is the sum of its slices', () => {
    const level = fc
      .tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }))
      .map(([p, q]) => ({
        price: format({ units: BigInt(p), scale: 1 }),
        qty: format({ units: BigInt(q), scale: 8 }),
      }));
    fc.assert(
      fc.property(
        fc.array(level, { maxLength: 20 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (levels, size) => {
          const sorted = [...levels].sort((a, b) => cmp(a.price, b.price));
          const asked = format({ units: BigInt(size), scale: 8 });
          const w = walkBook(sorted, asked, opts);
          const total = sorted.reduce((s, l) => add(s, l.qty), exact('0'));
          expect(cmp(w.filled, asked)).toBeLessThanOrEqual(0);
          expect(cmp(w.filled, total)).toBeLessThanOrEqual(0);
          expect(w.exhausted).toBe(cmp(asked, total) > 0);
          const sum = w.slices.reduce((acc, x) => add(acc, mul(x.price, x.qty)), exact('0'));
          expect(cmp(sum, w.cost)).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
