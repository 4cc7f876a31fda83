import { describe, expect, it } from 'vitest';
import {
  createWsSession,
  type InstrumentPair,
  type Subscription,
  type WsSession,
} from '../../../lib/kraken/index.ts';
import { createDepth } from '../../../lib/market/depth.ts';
import { createFeed } from '../../../lib/market/feed.ts';
import { fakeSockets, virtualTimers } from '../../support/fake-ws.ts';

// A real session on a scripted socket that never opens: its desired set shows what the feed asked for.
function harness() {
  const net = fakeSockets();
  const clock = virtualTimers();
  let session: WsSession | null = null;
  const feed = createFeed({
    createSession: (url) => {
      session = createWsSession({ url, createSocket: net.create, timers: clock.timers });
      return session;
    },
  });
  const handlers = { state: () => {}, data: () => {}, problem: () => {} };
  const wanted = (channel: Subscription['channel']) =>
    (session?.subscriptions() ?? [])
      .filter((s) => s.channel === channel)
      .map((s) => ('symbol' in s ? s.symbol : ''))
      .sort();
  return { feed, handlers, wanted, session: () => session };
}

describe('feed: who wants which ticker', () => {
  it('opens with the pair list and every ticker anyone wanted before', () => {
    const h = harness();
    h.feed.wantTickers('watchlist', ['BTC/USD', 'ETH/USD']);
    h.feed.wantTickers('alerts', ['ETH/USD', 'SOL/USD']);
    h.feed.open('wss://x/v2', h.handlers);
    expect(h.session()?.subscriptions()[0]).toEqual({ channel: 'instrument' });
    expect(h.wanted('ticker')).toEqual(['BTC/USD', 'ETH/USD', 'SOL/USD']);
    h.feed.stop();
  });

  it('keeps a pair while any owner wants it, and drops it when the last one lets go', () => {
    const h = harness();
    h.feed.open('wss://x/v2', h.handlers);
    h.feed.wantTickers('watchlist', ['BTC/USD', 'ETH/USD']);
    h.feed.wantTickers('balances', ['ETH/USD']);
    h.feed.wantTickers('watchlist', ['BTC/USD']);
    expect(h.wanted('ticker')).toEqual(['BTC/USD', 'ETH/USD']);
    h.feed.wantTickers('balances', []);
    expect(h.wanted('ticker')).toEqual(['BTC/USD']);
    h.feed.stop();
  });
});

describe('depth: books and trades for wanted pairs', () => {
  const ETH = { symbol: 'ETH/USD', price_precision: 2, qty_precision: 8 } as InstrumentPair;

  it('starts a pair once its precisions are known, and stops it when nobody wants it', () => {
    const h = harness();
    h.feed.open('wss://x/v2', h.handlers);
    let listed: InstrumentPair[] = [];
    const depth = createDepth({
      info: (s) => listed.find((p) => p.symbol === s),
      now: () => 0,
      onBook: () => {},
    });
    h.feed.wantDepth('ticket', ['ETH/USD']);
    h.feed.wantDepth('paper', ['ETH/USD']);
    depth.sync(h.session(), h.feed.depthSymbols());
    expect(h.wanted('book')).toEqual([]); // precisions unknown yet
    listed = [ETH];
    depth.sync(h.session(), h.feed.depthSymbols());
    expect(h.wanted('book')).toEqual(['ETH/USD']);
    expect(h.wanted('trade')).toEqual(['ETH/USD']);
    h.feed.wantDepth('ticket', []);
    depth.sync(h.session(), h.feed.depthSymbols());
    expect(h.wanted('book')).toEqual(['ETH/USD']); // the paper account still wants it
    h.feed.wantDepth('paper', []);
    depth.sync(h.session(), h.feed.depthSymbols());
    expect(h.wanted('book')).toEqual([]);
    expect(h.wanted('trade')).toEqual([]);
    expect(depth.book('ETH/USD')).toBeUndefined();
    h.feed.stop();
  });
});

describe('feed: candles for the charts', () => {
  it('subscribes new candles, drops unwanted ones, and carries them into a new session', () => {
    const h = harness();
    h.feed.wantOhlc([{ symbol: 'BTC/USD', interval: 60 }]);
    h.feed.open('wss://x/v2', h.handlers);
    const ohlc = () =>
      (h.session()?.subscriptions() ?? [])
        .filter((s) => s.channel === 'ohlc')
        .map((s) => (s.channel === 'ohlc' ? `${s.symbol}|${s.interval}` : ''))
        .sort();
    expect(ohlc()).toEqual(['BTC/USD|60']);
    h.feed.wantOhlc([
      { symbol: 'BTC/USD', interval: 5 },
      { symbol: 'ETH/USD', interval: 60 },
    ]);
    expect(ohlc()).toEqual(['BTC/USD|5', 'ETH/USD|60']);
    h.feed.wantOhlc([]);
    expect(ohlc()).toEqual([]);
    h.feed.stop();
  });
});
