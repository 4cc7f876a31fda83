import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type BookDepth,
  type BookFeedEvent,
  createWsSession,
  type WsSession,
  watchBook,
} from '../../lib/kraken/index.ts';
import type { SimHandle } from '../../sim/server.ts';
import { nodeSocket, simControl, withSim } from '../support/sim.ts';

// Precisions of the simulator's pairs, as its instrument channel (and Kraken's) reports them.
const PRECISION: Record<string, { pricePrecision: number; qtyPrecision: number }> = {
  'BTC/USD': { pricePrecision: 1, qtyPrecision: 8 },
  'ETH/USD': { pricePrecision: 2, qtyPrecision: 8 },
  'DOGE/USD': { pricePrecision: 7, qtyPrecision: 8 },
};

describe('verified order books against the simulator', () => {
  let sim: SimHandle;
  const sessions: WsSession[] = [];
  beforeAll(async () => {
    sim = await withSim({ stepMs: 40 });
  });
  afterAll(async () => sim.close());
  afterEach(() => {
    for (const s of sessions.splice(0)) s.stop();
  });

  function feed(symbol: string, depth: BookDepth) {
    const session = createWsSession({
      url: sim.wsPublic,
      createSocket: nodeSocket,
      backoff: { baseMs: 50, capMs: 200, floorMs: 10 },
    });
    sessions.push(session);
    const events: BookFeedEvent[] = [];
    const precision = PRECISION[symbol];
    if (!precision) throw new Error(`no precision for ${symbol}`);
    watchBook(session, { symbol, depth, ...precision }, (e) => events.push(e));
    session.start();
    const count = (kind: BookFeedEvent['kind']) => events.filter((e) => e.kind === kind).length;
    return { session, events, count };
  }

  it.each([
    ['BTC/USD', 10],
    ['ETH/USD', 100],
    ['DOGE/USD', 1000],
  ] as const)('%s at depth %i: every message verifies', async (symbol, depth) => {
    const f = feed(symbol, depth);
    await expect.poll(() => f.count('book'), { timeout: 10_000 }).toBeGreaterThanOrEqual(30);
    expect(f.count('mismatch')).toBe(0);
    const last = f.events.findLast((e) => e.kind === 'book');
    if (last?.kind !== 'book') throw new Error('no book');
    expect(last.book.asks()).toHaveLength(depth);
    expect(last.book.bids()).toHaveLength(depth);
    // Uncrossed: the best bid is below the best ask.
    expect(last.book.bids()[0]?.priceValue).toBeLessThan(last.book.asks()[0]?.priceValue ?? 0);
  });

  it('after every connection is dropped mid-stream: stale, resubscribed, exact again', async () => {
    const f = feed('ETH/USD', 25);
    await expect.poll(() => f.count('book')).toBeGreaterThanOrEqual(5);
    await simControl(sim, 'ws/drop');
    await expect.poll(() => f.count('stale')).toBe(1);
    const afterDrop = f.events.findIndex((e) => e.kind === 'stale');
    await expect
      .poll(() => f.events.slice(afterDrop).filter((e) => e.kind === 'book' && e.snapshot).length)
      .toBe(1);
    await expect
      .poll(() => f.events.slice(afterDrop).filter((e) => e.kind === 'book').length)
      .toBeGreaterThan(10);
    expect(f.count('mismatch')).toBe(0);
  });

  it("detects the simulator's corrupted checksum, drops the book, resubscribes and is exact again", async () => {
    const f = feed('BTC/USD', 10);
    await expect.poll(() => f.count('book')).toBeGreaterThanOrEqual(3);
    await simControl(sim, 'ws/corrupt-checksum');
    await expect.poll(() => f.count('mismatch'), { timeout: 5_000 }).toBe(1);
    const mismatch = f.events.find((e) => e.kind === 'mismatch');
    expect(mismatch).toMatchObject({ kind: 'mismatch', resyncing: true });
    if (mismatch?.kind !== 'mismatch') throw new Error('no mismatch');
    // The sim flips the low bit: what we computed is what Kraken would have sent.
    expect(mismatch.expected ^ mismatch.actual).toBe(1);
    const at = f.events.indexOf(mismatch);
    await expect.poll(() => f.events.slice(at).filter((e) => e.kind === 'book' && e.snapshot).length).toBe(1);
    await expect.poll(() => f.events.slice(at).filter((e) => e.kind === 'book').length).toBeGreaterThan(5);
    expect(f.count('mismatch')).toBe(1);
  });

  it('treats stopped heartbeats on a quiet connection as a dead link and reconnects', async () => {
    const session = createWsSession({
      url: sim.wsPublic,
      createSocket: nodeSocket,
      silenceTimeoutMs: 1_500,
      backoff: { baseMs: 50, capMs: 200, floorMs: 10 },
    });
    sessions.push(session);
    const states: string[] = [];
    session.on('state', (s) => states.push(s.kind));
    // Subscribed to the instrument channel only: after its snapshot, heartbeats are all that arrives.
    session.subscribe({ channel: 'instrument' });
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    await simControl(sim, 'ws/heartbeats', { enabled: false });
    try {
      await expect.poll(() => states.includes('reconnecting'), { timeout: 6_000 }).toBe(true);
    } finally {
      await simControl(sim, 'ws/heartbeats', { enabled: true });
    }
    await expect.poll(() => session.getState().kind, { timeout: 5_000 }).toBe('live');
  });
});
