// The public WebSocket session and who wants what on it. Tickers are wanted by the watchlist, by alerts on
// pairs off the watchlist and by the balances (to value them in USD); books and trades by the order ticket
// and the paper account, and by the charts' pages (lib/market/charts.ts), which also want candles (`ohlc`). Each
// owner's call replaces its previous set; a pair stays subscribed while any owner wants it. The session itself replays subscriptions after a reconnect (lib/kraken/ws/desired.ts).
import type {
  ChannelMessage,
  OhlcInterval,
  SessionProblem,
  SessionState,
  WsSession,
} from '../kraken/index.ts';

export type TickerOwner = 'watchlist' | 'alerts' | 'balances';
export type DepthOwner = 'ticket' | 'paper' | 'chart';
export interface OhlcWant {
  symbol: string;
  interval: OhlcInterval;
}

export interface FeedHandlers {
  state(state: SessionState): void;
  data(message: ChannelMessage): void;
  problem(problem: SessionProblem): void;
}

/** Sets of symbols by owner, and their union. */
function ownedSets<Owner>() {
  const byOwner = new Map<Owner, ReadonlySet<string>>();
  return {
    set(owner: Owner, symbols: readonly string[]): void {
      byOwner.set(owner, new Set(symbols));
    },
    union(): Set<string> {
      return new Set([...byOwner.values()].flatMap((set) => [...set]));
    },
  };
}

export function createFeed(deps: { createSession(url: string): WsSession }) {
  let session: WsSession | null = null;
  const tickers = ownedSets<TickerOwner>();
  const depth = ownedSets<DepthOwner>();
  let ohlc: readonly OhlcWant[] = [];

  return {
    /** Opens the session: the pair list, every wanted ticker, then connects. */
    open(url: string, handlers: FeedHandlers): WsSession {
      const next = deps.createSession(url);
      next.on('state', handlers.state);
      next.on('data', handlers.data);
      next.on('problem', handlers.problem);
      next.subscribe({ channel: 'instrument' });
      for (const symbol of tickers.union()) next.subscribe({ channel: 'ticker', symbol });
      for (const o of ohlc) next.subscribe({ channel: 'ohlc', ...o });
      next.start();
      session = next;
      return next;
    },
    session: (): WsSession | null => session,

    /** Replaces `owner`'s tickers; subscribes pairs nobody wanted before, drops pairs nobody wants now. */
    wantTickers(owner: TickerOwner, symbols: readonly string[]): void {
      const before = tickers.union();
      tickers.set(owner, symbols);
      const after = tickers.union();
      for (const symbol of after) if (!before.has(symbol)) session?.subscribe({ channel: 'ticker', symbol });
      for (const symbol of before)
        if (!after.has(symbol)) session?.unsubscribe({ channel: 'ticker', symbol });
    },
    /** Replaces `owner`'s depth pairs; the caller then syncs the books (lib/market/depth.ts). */
    wantDepth(owner: DepthOwner, symbols: readonly string[]): void {
      depth.set(owner, symbols);
    },
    depthSymbols: (): Set<string> => depth.union(),
    /** Replaces the candles wanted; subscribes the new ones, drops the ones nobody wants now. */
    wantOhlc(next: readonly OhlcWant[]): void {
      const key = (o: OhlcWant) => `${o.symbol}|${o.interval}`;
      const before = new Set(ohlc.map(key));
      const after = new Set(next.map(key));
      for (const o of next) if (!before.has(key(o))) session?.subscribe({ channel: 'ohlc', ...o });
      for (const o of ohlc) if (!after.has(key(o))) session?.unsubscribe({ channel: 'ohlc', ...o });
      ohlc = [...next];
    },

    setUrl(url: string): void {
      session?.setUrl(url);
    },
    stop(): void {
      session?.stop();
    },
  };
}

export type Feed = ReturnType<typeof createFeed>;
