import { crc32 } from 'node:zlib';
import { fixed } from '../decimal.ts';
import type { PairMarket } from '../market/pair-market.ts';
import { rfc3339Micro } from '../time-format.ts';
import { bookChecksumText } from './channels/book.ts';

/**
 * Benchmark feed (`/_sim/ws/flood`): `count` consistent book updates for one pair, as fast as the socket
 * takes them. Each update changes the quantity of the best bid (alternating between the real quantity and
 * one unit more) and carries the correct checksum, so a client that verifies every checksum keeps a valid
 * book; the last update always restores the real quantity.
 */
export function floodFrames(pair: PairMarket, count: number, nowNs: bigint): string[] {
  const best = pair.book.bids.best();
  if (!best) return [];
  const spec = pair.spec;
  const price = fixed(best.tick, spec.priceDecimals);
  const timestamp = rfc3339Micro(nowNs);
  const variants = [best.qty + 1n, best.qty].map((qty) => {
    const qtyText = fixed(qty, spec.qtyDecimals);
    const checksum = crc32(bookChecksumText(spec, pair.book, { tick: best.tick, qty })) >>> 0;
    return `{"channel":"book","type":"update","data":[{"symbol":"${spec.symbol}","bids":[{"price":${price},"qty":${qtyText}}],"asks":[],"checksum":${checksum},"timestamp":"${timestamp}"}]}`;
  });
  const frames: string[] = [];
  for (let i = 0; i < count; i += 1) frames.push(variants[(count - 1 - i) % 2] ?? '');
  return frames;
}
