// The background's market: one public Kraken WS v2 session (feed.ts) and what is built from it — the last
// ticks (ticks.ts), the toolbar badge (badge.ts), the pair list and order rules (instruments.ts), verified
// books and public trades (depth.ts, trades.ts), the charts' candles (charts.ts) and the watchlist's sparklines
// (sparklines.ts) — put together here, with the view the popup is sent.
// It follows the settings (watchlist, badge pair, endpoints) by subscribing to their changes; the
// requests that change them are served by lib/settings/service.ts. Browser APIs arrive as injected adapters.
import { createEmitter } from '../base/emitter.ts';
import {
  type ChannelMessage,
  type OhlcInterval,
  type OhlcRow,
  type PairRules,
  restPairName,
  type SessionProblem,
  type SessionState,
  type WsSession,
} from '../kraken/index.ts';
import type { BookTop } from '../orders/types.ts';
import { endpointUrls, type Settings } from '../settings/schema.ts';
import type { SettingsChange } from '../settings/store.ts';
import { createBadgeController } from './badge.ts';
import { createCharts } from './charts.ts';
import { connectionView, endpointLabel } from './connection.ts';
import { createDepth } from './depth.ts';
import { createFeed, type DepthOwner, type TickerOwner } from './feed.ts';
import { createInstruments } from './instruments.ts';
import { createSparklines } from './sparklines.ts';
import { createTickStore } from './ticks.ts';
import { publicTrades } from './trades.ts';
import type {
  CandleSeries,
  ChartInterval,
  ConnectionView,
  MarketEvent,
  MarketSnapshot,
  Tick,
} from './types.ts';

export type { MarketEvent, PublicTrade } from './types.ts';

export interface MarketDeps {
  createSession(url: string): WsSession;
  /** Loaded before start() is called; its changes are followed. */
  settings: {
    current(): Settings;
    subscribe(listener: (change: SettingsChange) => void): () => void;
  };
  /** Last ticks survive a worker restart (storage.session), not a browser restart. */
  loadTicks(): Promise<Record<string, Tick>>;
  saveTicks(ticks: Record<string, Tick>): Promise<void>;
  setBadge(text: string, color: string): Promise<void>;
  /** Kraken's public REST OHLC at the configured endpoint (history for charts and sparklines). */
  ohlc(params: {
    pair: string;
    interval: OhlcInterval;
    since?: number;
  }): Promise<{ rows: readonly OhlcRow[] }>;
  now(): number;
}

export function createMarket(deps: MarketDeps) {
  // A closed popup's port may throw on postMessage; its onDisconnect removes the listener.
  const events = createEmitter<MarketEvent>();
  const feed = createFeed(deps);
  const ticks = createTickStore({ load: deps.loadTicks, save: deps.saveTicks });
  const badge = createBadgeController(deps);
  const instruments = createInstruments();
  const depth = createDepth({
    info: instruments.info,
    now: deps.now,
    onBook: (book) => events.emit({ type: 'book', book }),
  });
  const charts = createCharts({
    ohlc: deps.ohlc,
    restPair: restPairName,
    wantOhlc: (subs) => feed.wantOhlc(subs),
    wantDepth: (symbols) => {
      feed.wantDepth('chart', symbols);
      depth.sync(feed.session(), feed.depthSymbols());
    },
    onCandle: (symbol, interval, candle) => events.emit({ type: 'candle', symbol, interval, candle }),
    now: deps.now,
  });
  const sparklines = createSparklines({
    ohlc: deps.ohlc,
    restPair: restPairName,
    now: deps.now,
    onChange: (lines) => events.emit({ type: 'sparklines', sparklines: lines }),
  });
  /** Pairs Kraken refused to subscribe, with its reason (keyed by outside symbols: a Map). */
  const rejected = new Map<string, string>();
  let connection: ConnectionView = { kind: 'connecting' };
  let focus: MarketSnapshot['focus'] = null;

  function snapshot(): MarketSnapshot {
    const s = deps.settings.current();
    return {
      connection,
      watchlist: s.watchlist,
      badgePair: s.badgePair,
      ticks: ticks.pick(s.watchlist),
      pairs: instruments.pairs(),
      rejected: Object.fromEntries(rejected),
      lastTickAt: ticks.lastTickAt(),
      endpointLabel: endpointLabel(s.endpoints),
      focus,
    };
  }

  const announce = () => events.emit({ type: 'market', snapshot: snapshot() });

  let system: { status: string; since: number } = { status: 'online', since: 0 };

  function onData(message: ChannelMessage): void {
    switch (message.channel) {
      case 'ticker': {
        const now = deps.now();
        const fresh: Tick[] = message.data.map((d) => ({
          symbol: d.symbol,
          last: d.last,
          bid: d.bid,
          ask: d.ask,
          change: d.change,
          changePct: d.change_pct,
          high: d.high,
          low: d.low,
          volume: d.volume,
          receivedAt: now,
        }));
        ticks.put(fresh, now);
        badge.onTicks(fresh);
        events.emit({ type: 'ticks', ticks: fresh });
        return;
      }
      case 'instrument':
        instruments.apply(message);
        announce();
        depth.sync(feed.session(), feed.depthSymbols());
        return;
      case 'trade':
        for (const [symbol, trades] of publicTrades(message.data, instruments.info, deps.now()))
          events.emit({ type: 'trades', symbol, trades });
        return;
      case 'status': {
        // Kraken's whole-exchange status, sent on connect and on every change (maintenance, cancel_only, …).
        const status = message.data[0]?.system;
        if (status && status !== system.status) {
          system = { status, since: deps.now() };
          announce();
        }
        return;
      }
      case 'ohlc':
        charts.onOhlc(message);
        return;
      case 'book': // watchBook listens to these itself
      case 'executions': // private channels: never on this public session
      case 'balances':
      case 'other':
        return;
      default: {
        const never: never = message;
        throw new Error(`unknown channel message ${JSON.stringify(never)}`);
      }
    }
  }

  function onProblem(problem: SessionProblem): void {
    if (problem.kind === 'subscription-rejected' && problem.subscription.channel === 'ticker') {
      rejected.set(problem.subscription.symbol, problem.error);
      announce();
    }
  }

  function onState(state: SessionState): void {
    connection = connectionView(state, deps.now());
    // The badge greys the moment the feed is not live (link-watch declares a silent link dead after 8 s).
    badge.setStale(connection.kind !== 'live');
    events.emit({ type: 'connection', connection });
  }

  /** Follows the settings: a new watchlist, badge pair or endpoint takes effect at once. */
  function onSettings({ previous, next }: SettingsChange): void {
    const watchlistChanged = next.watchlist !== previous.watchlist;
    // A new endpoints object means someone set the endpoints (lib/settings/service.ts), even to the same
    // URLs: start from a clean slate, as a deliberate switch should.
    const endpointsChanged = next.endpoints !== previous.endpoints;
    if (watchlistChanged) {
      for (const symbol of previous.watchlist) if (!next.watchlist.includes(symbol)) ticks.delete(symbol);
      for (const symbol of new Set([...previous.watchlist, ...next.watchlist])) {
        if (previous.watchlist.includes(symbol) !== next.watchlist.includes(symbol)) rejected.delete(symbol);
      }
      feed.wantTickers('watchlist', next.watchlist);
    }
    if (endpointsChanged) {
      void ticks.clear();
      instruments.forgetList();
      rejected.clear();
      charts.forget();
      sparklines.clear();
    }
    if (watchlistChanged || endpointsChanged) void sparklines.refresh(next.watchlist);
    if (next.badgePair !== previous.badgePair || endpointsChanged) {
      badge.setPair(next.badgePair);
      badge.show(next.badgePair && !endpointsChanged ? ticks.get(next.badgePair)?.last : undefined);
    }
    if (endpointsChanged) feed.setUrl(endpointUrls(next.endpoints).wsPublic);
    if (watchlistChanged || endpointsChanged || next.badgePair !== previous.badgePair) announce();
  }
  deps.settings.subscribe(onSettings);

  return {
    /** Loads the last ticks, then connects. Settings must be loaded. Call once per worker start. */
    async start(): Promise<void> {
      const settings = deps.settings.current();
      await ticks.load();
      badge.setPair(settings.badgePair);
      const badgeTick = settings.badgePair ? ticks.get(settings.badgePair) : undefined;
      if (badgeTick) badge.show(badgeTick.last);
      feed.wantTickers('watchlist', settings.watchlist);
      feed.open(endpointUrls(settings.endpoints).wsPublic, {
        state: onState,
        data: onData,
        problem: onProblem,
      });
    },

    snapshot,
    subscribe: events.on,
    /** Kraken's exchange status from the `status` channel (https://docs.kraken.com/api/docs/websocket-v2/status). */
    system: (): { status: string; since: number } => system,
    latestTick: (symbol: string): Tick | undefined => ticks.get(symbol),

    /** The popup should bring this pair forward (an alert notification for it was clicked). */
    focus(symbol: string): void {
      focus = { symbol, at: deps.now() };
      announce();
    },

    /** Order rules for a pair from Kraken's instrument channel (undefined until it has arrived). */
    rulesFor: (symbol: string): PairRules | undefined => instruments.rulesFor(symbol),
    /** A listed v2 symbol for what a person typed (lib/settings/service.ts adds it to the watchlist). */
    resolveSymbol: (input: string): string => instruments.resolve(input),

    /** The latest verified book of a pair being watched (watchDepth), if any. */
    book: (symbol: string): BookTop | undefined => depth.book(symbol),
    /** Book counters for diagnostics (checksums verified, mismatches, resyncs). */
    depthStats: () => depth.stats(),

    /** Keeps book + trade feeds for these pairs on behalf of `owner`; each call replaces its previous set. */
    watchDepth(owner: DepthOwner, symbols: readonly string[]): void {
      feed.wantDepth(owner, symbols);
      depth.sync(feed.session(), feed.depthSymbols());
    },

    /** Keeps tickers subscribed for these pairs too, on behalf of `owner`; each call replaces its previous set. */
    watchExtra(owner: Exclude<TickerOwner, 'watchlist'>, symbols: readonly string[]): void {
      feed.wantTickers(owner, symbols);
    },

    /** A page's chart: its candles now, then `candle` events while the watch is renewed (lib/market/charts.ts). */
    watchChart: (viewer: string, symbol: string, interval: ChartInterval): Promise<CandleSeries> =>
      charts.watch(viewer, symbol, interval),
    unwatchChart: (viewer: string): void => charts.unwatch(viewer),
    /** No page is open: no chart is shown. */
    clearCharts: (): void => charts.clear(),

    /** The watchlist's 24 h histories, and a refresh of the missing or stale ones (a page opened). */
    sparklines: () => sparklines.current(),
    refreshSparklines: (): Promise<void> => sparklines.refresh(deps.settings.current().watchlist),

    stop(): void {
      feed.stop();
      ticks.stop();
    },
  };
}

export type Market = ReturnType<typeof createMarket>;
