import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_PAIRS } from '../../sim/data/pairs.ts';
import { toUnits } from '../../sim/decimal.ts';
import { Book } from '../../sim/market/book.ts';
import { bookChecksum } from '../../sim/ws/channels/book.ts';
import { ClientBook, checksumOf, FIXTURES, rawLevels } from './helpers.ts';

const guide = JSON.parse(
  readFileSync(new URL('official/ws_v2_book_checksum_guide_BTCUSD.json', FIXTURES), 'utf8'),
) as {
  asks: [string, string][];
  bids: [string, string][];
  expected_checksum: number;
};
const capture = readFileSync(new URL('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl', FIXTURES), 'utf8')
  .trim()
  .split('\n');

describe("the tests' own checksum builder is right (so it can referee the sim)", () => {
  it('reproduces the official guide example (3310070434)', () => {
    const toLevels = (list: [string, string][]) => list.map(([price, qty]) => ({ price, qty }));
    expect(checksumOf(toLevels(guide.asks), toLevels(guide.bids))).toBe(3310070434);
  });

  it('reproduces both checksums of the real ETH/USD capture from its raw text', () => {
    const [, snapshot = '', update = ''] = capture;
    const book = new ClientBook(10);
    book.apply(snapshot);
    expect(book.checksum()).toBe(2606672715);
    book.apply(update);
    expect(book.checksum()).toBe(3329440863);
    expect(rawLevels(snapshot, 'asks')[3]).toEqual({ price: '1797.30', qty: '139.09783403' });
  });
});

describe('sim bookChecksum', () => {
  it('gives the official example checksum for the guide book', () => {
    const spec = CORE_PAIRS.find((p) => p.symbol === 'BTC/USD');
    if (!spec) throw new Error('no BTC/USD');
    const book = new Book();
    for (const [price, qty] of guide.asks) book.asks.set(Number(toUnits(price, 1)), toUnits(qty, 8), 0);
    for (const [price, qty] of guide.bids) book.bids.set(Number(toUnits(price, 1)), toUnits(qty, 8), 0);
    expect(bookChecksum(spec, book)).toBe(guide.expected_checksum);
  });

  it('gives the real ETH/USD snapshot checksum', () => {
    const spec = CORE_PAIRS.find((p) => p.symbol === 'ETH/USD');
    if (!spec) throw new Error('no ETH/USD');
    const book = new Book();
    const snapshot = capture[1] ?? '';
    for (const { price, qty } of rawLevels(snapshot, 'asks'))
      book.asks.set(Number(toUnits(price, 2)), toUnits(qty, 8), 0);
    for (const { price, qty } of rawLevels(snapshot, 'bids'))
      book.bids.set(Number(toUnits(price, 2)), toUnits(qty, 8), 0);
    expect(bookChecksum(spec, book)).toBe(2606672715);
  });
});
