import { crc32 } from 'node:zlib';
import type { PairSpec } from '../../data/pairs.ts';
import { fixed } from '../../decimal.ts';
import { type JsonValue, toJson } from '../../json-raw.ts';
import type { Book, Level } from '../../market/book.ts';
import type { LevelChange } from '../../market/book-diff.ts';
import { rfc3339Micro } from '../../time-format.ts';
import { wsPrice, wsQty } from '../numbers.ts';

function checksumToken(text: string): string {
  return text.replace('.', '').replace(/^0+/, '');
}

/**
 * CRC32 of the top 10 asks (low→high) then top 10 bids (high→low), each level contributing its price and
 * quantity at full precision with the '.' removed and leading zeros stripped
 * (https://docs.kraken.com/api/docs/guides/spot-ws-book-v2). Unsigned, as Kraken sends it.
 */
export function bookChecksum(spec: PairSpec, book: Book): number {
  return crc32(bookChecksumText(spec, book)) >>> 0;
}

/** The checksum's input string; `bestBid` replaces the best bid's quantity (benchmark floods). */
export function bookChecksumText(
  spec: PairSpec,
  book: Book,
  bestBid?: { readonly tick: number; readonly qty: bigint },
): string {
  let text = '';
  for (const side of [book.asks, book.bids]) {
    for (let i = 0; i < 10; i += 1) {
      const found = side.at(i);
      if (!found) break;
      const level = side === book.bids && i === 0 && bestBid ? bestBid : found;
      text +=
        checksumToken(fixed(level.tick, spec.priceDecimals)) +
        checksumToken(fixed(level.qty, spec.qtyDecimals));
    }
  }
  return text;
}

function levels(spec: PairSpec, list: readonly (Level | LevelChange)[]): JsonValue {
  return list.map((level) => ({ price: wsPrice(spec, level.tick), qty: wsQty(spec, level.qty) }));
}

/**
 * `{"channel":"book","type":"snapshot","data":[{"symbol","bids","asks","checksum","timestamp"}]}`. Real
 * captures from 2024–2025 omit the snapshot `timestamp`; the docs and a 2026 recording carry it — the
 * simulator sends it (clients must cope with both).
 */
export function bookSnapshot(spec: PairSpec, book: Book, depth: number, nowNs: bigint): string {
  return toJson({
    channel: 'book',
    type: 'snapshot',
    data: [
      {
        symbol: spec.symbol,
        bids: levels(spec, book.bids.snapshot(depth)),
        asks: levels(spec, book.asks.snapshot(depth)),
        checksum: bookChecksum(spec, book),
        timestamp: rfc3339Micro(nowNs),
      },
    ],
  });
}

export function bookUpdate(
  spec: PairSpec,
  bids: readonly LevelChange[],
  asks: readonly LevelChange[],
  checksum: number,
  nowNs: bigint,
): string {
  return toJson({
    channel: 'book',
    type: 'update',
    data: [
      {
        symbol: spec.symbol,
        bids: levels(spec, bids),
        asks: levels(spec, asks),
        checksum,
        timestamp: rfc3339Micro(nowNs),
      },
    ],
  });
}
