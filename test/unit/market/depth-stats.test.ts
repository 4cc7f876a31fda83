import { describe, expect, it } from 'vitest';
import { bookChecksum, createWsSession, type InstrumentPair } from '../../../lib/kraken/index.ts';
import { createDepth } from '../../../lib/market/depth.ts';
import { fakeSockets, virtualTimers } from '../../support/fake-ws.ts';

// The counters the background's diagnostics hook reads (entrypoints/background/diagnostics.ts): verified
// book messages, checksum mismatches, resyncs and whether each mismatch was followed by a verified book.
const ETH = { symbol: 'ETH/USD', price_precision: 2, qty_precision: 8 } as InstrumentPair;
const asks = [{ price: '3400.50', qty: '1.00000000' }];
const bids = [{ price: '3399.50', qty: '2.00000000' }];

function frame(type: 'snapshot' | 'update', checksum: number, levels = { asks, bids }): string {
  const side = (ls: { price: string; qty: string }[]) =>
    `[${ls.map((l) => `{"price":${l.price},"qty":${l.qty}}`).join(',')}]`;
  return `{"channel":"book","type":"${type}","data":[{"symbol":"ETH/USD","bids":${side(levels.bids)},"asks":${side(levels.asks)},"checksum":${checksum}}]}`;
}

describe('depth: checksum counters', () => {
  it('counts verified books, a mismatch, its resync, and the recovery by the next snapshot', () => {
    const net = fakeSockets();
    const clock = virtualTimers();
    const session = createWsSession({ url: 'wss://x/v2', createSocket: net.create, timers: clock.timers });
    const depth = createDepth({ info: () => ETH, now: () => 0, onBook: () => {} });
    depth.sync(session, new Set(['ETH/USD']));
    session.start();
    const socket = net.last();
    if (!socket) throw new Error('no socket');
    socket.serverOpen();
    const good = bookChecksum(asks, bids);
    socket.serverSend(frame('snapshot', good));
    const moved = { asks: [{ price: '3400.50', qty: '1.50000000' }], bids };
    socket.serverSend(frame('update', bookChecksum(moved.asks, moved.bids), { asks: moved.asks, bids: [] }));
    expect(depth.stats()).toEqual({
      booksVerified: 2,
      checksumMismatches: 0,
      resyncs: 0,
      recovered: 0,
      unrecovered: 0,
    });
    // An update whose checksum is wrong (low bit flipped, as `/_sim/ws/corrupt-checksum` does).
    const next = { asks: [{ price: '3400.50', qty: '1.60000000' }], bids };
    const wrong = (bookChecksum(next.asks, next.bids) ^ 1) >>> 0;
    socket.serverSend(frame('update', wrong, { asks: next.asks, bids: [] }));
    expect(depth.stats()).toMatchObject({ checksumMismatches: 1, resyncs: 1, recovered: 0, unrecovered: 1 });
    expect(depth.book('ETH/USD')).toBeUndefined();
    socket.serverSend(frame('snapshot', good));
    expect(depth.stats()).toEqual({
      booksVerified: 3,
      checksumMismatches: 1,
      resyncs: 1,
      recovered: 1,
      unrecovered: 0,
    });
    session.stop();
  });
});
