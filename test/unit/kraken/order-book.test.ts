import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BookData, createOrderBook, parseIncoming } from '../../../lib/kraken/index.ts';
import { fixtureJson, fixtureText } from '../../support/fixtures.ts';

function bookFrames(jsonl: string): { type: string; data: BookData }[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parseIncoming(l))
    .flatMap((f) =>
      f.kind === 'data' && f.message.channel === 'book'
        ? [{ type: f.message.type, data: f.message.data[0] as BookData }]
        : [],
    );
}

describe('order book against real and official frames', () => {
  it('applies the real ETH/USD capture: snapshot and update verify', () => {
    const [snapshot, update] = bookFrames(fixtureText('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl'));
    if (!snapshot || !update) throw new Error('fixture shape changed');
    const book = createOrderBook({ symbol: 'ETH/USD', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
    expect(book.applySnapshot(snapshot.data)).toEqual({ ok: true });
    expect(book.applyUpdate(update.data)).toEqual({ ok: true });
    // 1797.29 was deleted (qty 0) and 1797.52 inserted, the book truncated back to 10.
    expect(book.asks().map((l) => l.price)).not.toContain('1797.29');
    expect(book.asks()).toHaveLength(10);
    expect(book.asks().at(-1)?.price).toBe('1797.52');
  });

  it("applies the docs' MATIC/USD snapshot and update (checksums 2439117997, 2114181697)", () => {
    const doc = fixtureJson<{ examples: { msg: Record<string, unknown> }[] }>(
      'official/ws_v2_docs_examples.json',
    );
    const frames = bookFrames(
      doc.examples
        .filter((e) => e.msg.channel === 'book')
        .map((e) => JSON.stringify(e.msg))
        .join('\n'),
    );
    const [snapshot, update] = frames;
    if (!snapshot || !update) throw new Error('fixture shape changed');
    const book = createOrderBook({ symbol: 'MATIC/USD', depth: 10, pricePrecision: 4, qtyPrecision: 8 });
    expect(book.applySnapshot(snapshot.data)).toEqual({ ok: true });
    expect(book.applyUpdate(update.data)).toEqual({ ok: true });
  });

  it('verifies the re-serialised BTC/USD snapshot (exponent forms, lost zeros) by re-rendering', () => {
    const [snapshot] = bookFrames(fixtureText('real_captures/ws_v2_book_BTCUSD_snapshot_reserialized.jsonl'));
    if (!snapshot) throw new Error('fixture shape changed');
    const book = createOrderBook({ symbol: 'BTC/USD', depth: 10, pricePrecision: 1, qtyPrecision: 8 });
    expect(book.applySnapshot(snapshot.data)).toEqual({ ok: true });
    expect(book.asks().find((l) => l.priceValue === 93898)?.qty).toBe('0.00005325');
  });

  it('reports a mismatch with both checksums', () => {
    const [snapshot] = bookFrames(fixtureText('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl'));
    if (!snapshot) throw new Error('fixture shape changed');
    const book = createOrderBook({ symbol: 'ETH/USD', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
    const result = book.applySnapshot({ ...snapshot.data, checksum: 1 });
    expect(result).toEqual({ ok: false, expected: 1, actual: 2606672715 });
  });
});

// An independent reference: integer ticks and units in a Map, the checksum string from integers.
function referenceChecksum(asks: Map<number, number>, bids: Map<number, number>): number {
  const top = (m: Map<number, number>, asc: boolean) =>
    [...m].sort((a, b) => (asc ? a[0] - b[0] : b[0] - a[0])).slice(0, 10);
  const text = [...top(asks, true), ...top(bids, false)].map(([p, q]) => `${p}${q}`).join('');
  return zlibCrc32(text) >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('order book on randomized streams', () => {
  it.each([
    [10, 1, 8, 1],
    [25, 2, 8, 2],
    [100, 5, 4, 3],
    [1000, 7, 8, 4],
  ] as const)(
    'depth %i (pp %i, qp %i, seed %i): every message verifies and levels stay sorted',
    (depth, pp, qp, seed) => {
      const rand = mulberry32(seed);
      const mid = 5_000_000; // in ticks
      const asks = new Map<number, number>();
      const bids = new Map<number, number>();
      const toLevel = (tick: number, units: number) => ({ price: tick / 10 ** pp, qty: units / 10 ** qp });
      const truncate = (m: Map<number, number>, asc: boolean) => {
        const keep = [...m].sort((a, b) => (asc ? a[0] - b[0] : b[0] - a[0])).slice(0, depth);
        m.clear();
        for (const [p, q] of keep) m.set(p, q);
      };
      for (let i = 1; i <= depth; i++) {
        asks.set(mid + i, 1 + Math.floor(rand() * 10 ** qp));
        bids.set(mid - i, 1 + Math.floor(rand() * 10 ** qp));
      }
      const book = createOrderBook({ symbol: 'X/Y', depth, pricePrecision: pp, qtyPrecision: qp });
      expect(
        book.applySnapshot({
          symbol: 'X/Y',
          asks: [...asks].map(([p, q]) => toLevel(p, q)),
          bids: [...bids].map(([p, q]) => toLevel(p, q)),
          checksum: referenceChecksum(asks, bids),
        }),
      ).toEqual({ ok: true });
      for (let step = 0; step < 400; step++) {
        const changes: { side: 'asks' | 'bids'; tick: number; units: number }[] = [];
        for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
          const side = rand() < 0.5 ? 'asks' : 'bids';
          const offset = 1 + Math.floor(rand() * depth * 1.2);
          const tick = side === 'asks' ? mid + offset : mid - offset;
          const units = rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 10 ** qp);
          changes.push({ side, tick, units });
        }
        for (const c of changes) {
          const m = c.side === 'asks' ? asks : bids;
          c.units === 0 ? m.delete(c.tick) : m.set(c.tick, c.units);
        }
        truncate(asks, true);
        truncate(bids, false);
        const result = book.applyUpdate({
          symbol: 'X/Y',
          asks: changes.filter((c) => c.side === 'asks').map((c) => toLevel(c.tick, c.units)),
          bids: changes.filter((c) => c.side === 'bids').map((c) => toLevel(c.tick, c.units)),
          checksum: referenceChecksum(asks, bids),
        });
        expect(result, `step ${step}`).toEqual({ ok: true });
      }
      const a = book.asks().map((l) => l.priceValue);
      const b = book.bids().map((l) => l.priceValue);
      expect(a).toEqual([...a].sort((x, y) => x - y));
      expect(b).toEqual([...b].sort((x, y) => y - x));
      expect(a.length).toBeLessThanOrEqual(depth);
    },
  );

  it('applies repeated prices in message order (the later wins) and ignores deletes of absent levels', () => {
    const book = createOrderBook({ symbol: 'X/Y', depth: 10, pricePrecision: 1, qtyPrecision: 2 });
    book.applySnapshot({
      symbol: 'X/Y',
      asks: [{ price: 10, qty: 1 }],
      bids: [{ price: 9, qty: 1 }],
      checksum: 0,
    });
    book.applyUpdate({
      symbol: 'X/Y',
      asks: [
        { price: 11, qty: 2 },
        { price: 11, qty: 3 },
        { price: 12, qty: 0 },
      ],
      bids: [],
      checksum: 0,
    });
    expect(book.asks().map((l) => [l.price, l.qty])).toEqual([
      ['10.0', '1.00'],
      ['11.0', '3.00'],
    ]);
  });
});

describe('book frame validation', () => {
  const good =
    '{"channel":"book","type":"update","data":[{"symbol":"X/Y","bids":[],"asks":[{"price":1.5,"qty":0}],"checksum":12}]}';
  it('accepts a well-formed frame', () => {
    expect(parseIncoming(good).kind).toBe('data');
  });
  it.each([
    ['{"channel":"book","type":"update","data":[]}'],
    [
      '{"channel":"book","type":"update","data":[{"symbol":"X/Y","bids":[],"asks":[{"price":"1.5","qty":0}],"checksum":12}]}',
    ],
    [
      '{"channel":"book","type":"update","data":[{"symbol":"X/Y","bids":[],"asks":[{"price":1.5,"qty":-1}],"checksum":12}]}',
    ],
    ['{"channel":"book","type":"update","data":[{"symbol":"X/Y","bids":[],"asks":[],"checksum":-5}]}'],
    ['{"channel":"book","type":"update","data":[{"symbol":"X/Y","asks":[],"checksum":1}]}'],
    [good.slice(0, 60)],
  ])('refuses %s', (frame) => {
    expect(parseIncoming(frame).kind).toBe('invalid');
  });
});
