import { describe, expect, it } from 'vitest';
import { checksumToken } from '../../../lib/kraken/book/checksum.ts';
import { CRC32_START, crc32Append, crc32Finish } from '../../../lib/kraken/book/crc32.ts';
import {
  bookChecksum,
  crc32,
  createOrderBook,
  parseIncoming,
  toFixedDecimal,
} from '../../../lib/kraken/index.ts';
import { fixtureJson, fixtureJsonl, fixtureText } from '../../support/fixtures.ts';

type Level = { price: number; qty: number };
type BookFrame = {
  channel: string;
  type: string;
  data: { asks: Level[]; bids: Level[]; checksum: number }[];
};

const render = (levels: Level[], pp: number, qp: number) =>
  levels.map((l) => ({ price: toFixedDecimal(l.price, pp), qty: toFixedDecimal(l.qty, qp) }));

describe('crc32', () => {
  it('matches the standard check value of CRC-32/ISO-HDLC', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });

  it('fed piece by piece gives the CRC of the joined string', () => {
    let c = CRC32_START;
    for (const piece of ['1234', '', '5', '6789']) c = crc32Append(c, piece);
    expect(crc32Finish(c)).toBe(0xcbf43926);
  });
});

describe('bookChecksum', () => {
  it("reproduces Kraken's official worked example (3310070434)", () => {
    const guide = fixtureJson<{
      asks: [string, string][];
      bids: [string, string][];
      expected_checksum: number;
    }>('official/ws_v2_book_checksum_guide_BTCUSD.json');
    const toLevels = (rows: [string, string][]) => rows.map(([price, qty]) => ({ price, qty }));
    expect(bookChecksum(toLevels(guide.asks), toLevels(guide.bids))).toBe(3310070434);
    expect(guide.expected_checksum).toBe(3310070434);
    // With each level's token precomputed (as the order book keeps it), the same answer.
    const withTokens = (rows: [string, string][]) =>
      rows.map(([price, qty]) => ({ price, qty, token: checksumToken(price) + checksumToken(qty) }));
    expect(bookChecksum(withTokens(guide.asks), withTokens(guide.bids))).toBe(3310070434);
  });

  it('verifies the real ETH/USD capture: snapshot and the update applied to it', () => {
    const [, snapshot, update] = fixtureJsonl<BookFrame>('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl');
    const snap = snapshot?.data[0];
    const upd = update?.data[0];
    if (!snap || !upd) throw new Error('fixture shape changed');
    expect(bookChecksum(render(snap.asks, 2, 8), render(snap.bids, 2, 8))).toBe(snap.checksum);

    const asks = new Map(snap.asks.map((l) => [l.price, l.qty]));
    for (const l of upd.asks) l.qty === 0 ? asks.delete(l.price) : asks.set(l.price, l.qty);
    const sortedAsks = [...asks].sort((a, b) => a[0] - b[0]).map(([price, qty]) => ({ price, qty }));
    expect(bookChecksum(render(sortedAsks, 2, 8), render(snap.bids, 2, 8))).toBe(upd.checksum);
  });

  it('verifies the re-serialised BTC/USD snapshot only when values are re-padded to precision', () => {
    const [frame] = fixtureJsonl<BookFrame>('real_captures/ws_v2_book_BTCUSD_snapshot_reserialized.jsonl');
    const book = frame?.data[0];
    if (!book) throw new Error('fixture shape changed');
    expect(bookChecksum(render(book.asks, 1, 8), render(book.bids, 1, 8))).toBe(2610022218);
    // The classic mistake: String(float) drops trailing zeros and writes 5.325e-05.
    const naive = (ls: Level[]) => ls.map((l) => ({ price: String(l.price), qty: String(l.qty) }));
    expect(bookChecksum(naive(book.asks), naive(book.bids))).not.toBe(2610022218);
  });

  it('our book renders the raw capture back to its wire text (the zeros JSON.parse drops) and verifies it', () => {
    const [, snapshotLine = '', updateLine = ''] = fixtureText(
      'real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl',
    )
      .split('\n')
      .filter(Boolean);
    const book = createOrderBook({ symbol: 'ETH/USD', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
    const apply = (line: string) => {
      const incoming = parseIncoming(line);
      const data = incoming.kind === 'data' && incoming.message.channel === 'book' ? incoming.message : null;
      if (!data?.data[0]) throw new Error('fixture shape changed');
      return data.type === 'snapshot' ? book.applySnapshot(data.data[0]) : book.applyUpdate(data.data[0]);
    };
    expect(apply(snapshotLine)).toEqual({ ok: true });
    // JSON.parse reads "0.80386470" as 0.8038647; the checksum needs the text Kraken sent, and so do we.
    expect(book.bids().find((l) => l.price === '1797.12')?.qty).toBe('0.80386470');
    for (const l of [...book.bids(), ...book.asks()])
      expect(snapshotLine).toContain(`"price":${l.price},"qty":${l.qty}`);
    expect(apply(updateLine)).toEqual({ ok: true });
  });
});

describe('toFixedDecimal', () => {
  it.each([
    [0.001, 8, '0.00100000'],
    [5.325e-5, 8, '0.00005325'],
    [1e-8, 8, '0.00000001'],
    [45285.2, 1, '45285.2'],
    [93898, 1, '93898.0'],
    [1797.3, 2, '1797.30'],
    [139.10616255, 8, '139.10616255'],
    [0, 4, '0.0000'],
    [12, 0, '12'],
    [1.005, 2, '1.01'],
    [9.999, 2, '10.00'],
    [-2.5, 1, '-2.5'],
    [1e21, 0, '1000000000000000000000'],
  ])('%s at %i decimals → %s', (value, decimals, expected) => {
    expect(toFixedDecimal(value, decimals)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s', (value) => {
    expect(() => toFixedDecimal(value, 2)).toThrow(RangeError);
  });

  it('refuses a nonsensical precision', () => {
    expect(() => toFixedDecimal(1, -1)).toThrow(RangeError);
    expect(() => toFixedDecimal(1, 1.5)).toThrow(RangeError);
  });
});
