// The background's market service: one public Kraken WS v2 session subscribed to the watchlist's tickers,
// the tick store, the badge and the fan-out to open popups. Browser APIs arrive as injected adapters.
import {
  type ChannelMessage,
  type InstrumentPair,
  type PairRules,
  pairRulesFromInstrument,
  type SessionProblem,
  type SessionState,
  type TradeData,
  toFixedDecimal,
  type WsSession,
  watchBook,
} from '../kraken/index.ts';
import { customEndpoints, type Endpoints, endpointUrls, type Settings } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/store.ts';
import type { BookTop } from '../trading/types.ts';
import { BADGE_COLORS, badgeText, direction } from './badge.ts';
import type { ConnectionView, MarketSnapshot, PairInfo, Tick } from './types.ts';
import { addToWatchlist, removeFromWatchlist, resolveSymbol, WatchlistError } from './watchlist.ts';

export interface MarketServiceDeps {
  createSession(url: string): WsSession;
  /** Loaded before start() is called. */
  settings: SettingsStore;
  /** Last ticks survive a worker restart (storage.session), not a browser restart. */
  loadTicks(): Promise<Record<string, Tick>>;
  saveTicks(ticks: Record<string, Tick>): Promise<void>;
  setBadge(text: string, color: string): Promise<void>;
  now(): number;
}

/** One public trade (the `trade` channel), price and qty as decimal text at the pair's precision. */
export interface PublicTrade {
  price: string;
  qty: string;
  at: number;
}

export type MarketEvent =
  | { type: 'ticks'; ticks: Tick[] }
  /** A verified book (checksum matched) for a pair someone asked depth for (watchDepth). */
  | { type: 'book'; book: BookTop }
  | { type: 'trades'; symbol: string; trades: PublicTrade[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot };

const TICK_SAVE_INTERVAL_MS = 2000;
/** Book depth for the ticket's preview and paper fills: enough levels to walk a quick order. */
const DEPTH = 25;
/** Levels of each side passed on to the popup and the paper account. */
const TOP_LEVELS = 25;

export function connectionView(state: SessionState, now: number): ConnectionView {
  switch (state.kind) {
    case 'idle':
    case 'connecting':
      return { kind: 'connecting' };
    case 'live':
      return { kind: 'live', since: state.since };
    case 'reconnecting':
      return {
        kind: 'reconnecting',
        attempt: state.attempt,
        retryAt: now + state.delayMs,
        reason: state.reason,
      };
    case 'failed':
      return { kind: 'offline', reason: state.reason };
    case 'closed':
      return { kind: 'offline', reason: 'stopped' };
    default: {
      const never: never = state;
      throw new Error(`unknown session state ${JSON.stringify(never)}`);
    }
  }
}

function endpointLabel(endpoints: Endpoints): string {
  return endpoints.kind === 'kraken' ? 'Kraken' : `Simulator ${new URL(endpoints.rest).host}`;
}

function toTick(
  d: {
    symbol: string;
    last: number;
    bid: number;
    ask: number;
    change: number;
    change_pct: number;
    high: number;
    low: number;
    volume: number;
  },
  receivedAt: number,
): Tick {
  return {
    symbol: d.symbol,
    last: d.last,
    bid: d.bid,
    ask: d.ask,
    change: d.change,
    changePct: d.change_pct,
    high: d.high,
    low: d.low,
    volume: d.volume,
    receivedAt,
  };
}

export function createMarketService(deps: MarketServiceDeps) {
  let session: WsSession | null = null;
  let ticks: Record<string, Tick> = {};
  let pairs: Record<string, PairInfo> = {};
  const rejected: Record<string, string> = {};
  let connection: ConnectionView = { kind: 'connecting' };
  let lastTickAt: number | null = null;
  let badgeShown = { text: '', color: '' };
  let lastBadgePrice: number | undefined;
  let focus: { symbol: string; at: number } | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<(event: MarketEvent) => void>();
  /** Pairs other services need prices for (alerts) beyond the watchlist. */
  const extraWanted = new Map<string, readonly string[]>();
  let extraSymbols: string[] = [];
  /** Instrument data by pair (precisions, minimums): the source of order rules. */
  let instruments: Record<string, InstrumentPair> = {};
  /** Pairs whose book and trades are wanted (the ticket's pair, pairs with paper orders), by owner. */
  const depthWanted = new Map<string, Set<string>>();
  const depthWatches = new Map<string, () => void>();
  const books = new Map<string, BookTop>();

  function wantedDepthSymbols(): Set<string> {
    return new Set([...depthWanted.values()].flatMap((set) => [...set]));
  }

  /** Starts book + trade feeds for wanted pairs (once their precisions are known) and stops the rest. */
  function syncDepth(): void {
    if (!session) return;
    const wanted = wantedDepthSymbols();
    for (const symbol of wanted) {
      const info = instruments[symbol];
      if (depthWatches.has(symbol) || !info) continue;
      const current = session;
      const stopBook = watchBook(
        current,
        {
          symbol,
          depth: DEPTH,
          pricePrecision: info.price_precision,
          qtyPrecision: info.qty_precision,
        },
        (event) => {
          if (event.kind !== 'book') {
            books.delete(symbol);
            return;
          }
          const top: BookTop = {
            symbol,
            bids: event.book
              .bids()
              .slice(0, TOP_LEVELS)
              .map(({ price, qty }) => ({ price, qty })),
            asks: event.book
              .asks()
              .slice(0, TOP_LEVELS)
              .map(({ price, qty }) => ({ price, qty })),
            at: deps.now(),
          };
          books.set(symbol, top);
          emit({ type: 'book', book: top });
        },
      );
      current.subscribe({ channel: 'trade', symbol });
      depthWatches.set(symbol, () => {
        stopBook();
        current.unsubscribe({ channel: 'trade', symbol });
      });
    }
    for (const [symbol, stop] of depthWatches) {
      if (wanted.has(symbol)) continue;
      stop();
      depthWatches.delete(symbol);
      books.delete(symbol);
    }
  }

  function onTrades(data: readonly TradeData[]): void {
    const bySymbol = new Map<string, PublicTrade[]>();
    for (const t of data) {
      const info = instruments[t.symbol];
      if (!info) continue;
      const at = Date.parse(t.timestamp);
      const list = bySymbol.get(info.symbol) ?? [];
      list.push({
        // Kraken sends JSON numbers at the pair's precision; fixed-point text recovers the exact digits.
        price: toFixedDecimal(t.price, info.price_precision),
        qty: toFixedDecimal(t.qty, info.qty_precision),
        at: Number.isFinite(at) ? at : deps.now(),
      });
      bySymbol.set(info.symbol, list);
    }
    for (const [symbol, trades] of bySymbol) emit({ type: 'trades', symbol, trades });
  }

  function subscribedSymbols(s: Settings): Set<string> {
    return new Set([...s.watchlist, ...extraSymbols]);
  }

  function emit(event: MarketEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A closed popup's port may throw; the port's onDisconnect removes it.
      }
    }
  }

  const requireSettings = (): Settings => deps.settings.current();

  function snapshot(): MarketSnapshot {
    const s = requireSettings();
    return {
      connection,
      watchlist: s.watchlist,
      badgePair: s.badgePair,
      ticks: Object.fromEntries(s.watchlist.flatMap((sym) => (ticks[sym] ? [[sym, ticks[sym]]] : []))),
      pairs,
      rejected: { ...rejected },
      lastTickAt,
      endpointLabel: endpointLabel(s.endpoints),
      focus,
    };
  }

  function updateBadge(price: number | undefined): void {
    const text = price === undefined ? '' : badgeText(price);
    const dir = price === undefined ? 'flat' : direction(lastBadgePrice, price);
    // Keep the previous colour while the price does not move, so the badge shows the last direction.
    const color = dir === 'flat' && badgeShown.color ? badgeShown.color : BADGE_COLORS[dir];
    lastBadgePrice = price;
    if (text === badgeShown.text && color === badgeShown.color) return;
    badgeShown = { text, color };
    deps.setBadge(text, color).catch(() => {});
  }

  function scheduleTickSave(): void {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      deps.saveTicks(ticks).catch(() => {});
    }, TICK_SAVE_INTERVAL_MS);
  }

  function onData(message: ChannelMessage): void {
    switch (message.channel) {
      case 'ticker': {
        const now = deps.now();
        const fresh = message.data.map((d) => toTick(d, now));
        for (const tick of fresh) {
          ticks[tick.symbol] = tick;
          if (tick.symbol === requireSettings().badgePair) updateBadge(tick.last);
        }
        lastTickAt = now;
        scheduleTickSave();
        emit({ type: 'ticks', ticks: fresh });
        return;
      }
      case 'instrument': {
        const next: Record<string, PairInfo> = message.type === 'snapshot' ? {} : { ...pairs };
        if (message.type === 'snapshot') instruments = {};
        for (const p of message.data.pairs) {
          instruments[p.symbol] = p;
          next[p.symbol] = {
            symbol: p.symbol,
            base: p.base,
            quote: p.quote,
            pricePrecision: p.price_precision,
            status: p.status,
          };
        }
        pairs = next;
        emit({ type: 'market', snapshot: snapshot() });
        syncDepth();
        return;
      }
      case 'trade':
        onTrades(message.data);
        return;
      case 'book': // watchBook listens to these itself
      case 'status':
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
      rejected[problem.subscription.symbol] = problem.error;
      emit({ type: 'market', snapshot: snapshot() });
    }
  }

  function onState(state: SessionState): void {
    connection = connectionView(state, deps.now());
    emit({ type: 'connection', connection });
  }

  function openSession(s: Settings): WsSession {
    const next = deps.createSession(endpointUrls(s.endpoints).wsPublic);
    next.on('state', onState);
    next.on('data', onData);
    next.on('problem', onProblem);
    next.subscribe({ channel: 'instrument' });
    for (const symbol of subscribedSymbols(s)) next.subscribe({ channel: 'ticker', symbol });
    next.start();
    return next;
  }

  async function commit(next: Settings): Promise<void> {
    await deps.settings.update(() => next);
  }

  return {
    /** Loads settings and the last ticks, then connects. Safe to call on every worker start. */
    async start(): Promise<void> {
      const settings = requireSettings();
      ticks = await deps.loadTicks().catch(() => ({}));
      const badgeTick = settings.badgePair ? ticks[settings.badgePair] : undefined;
      if (badgeTick) updateBadge(badgeTick.last);
      session = openSession(settings);
    },

    snapshot,

    subscribe(listener: (event: MarketEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async addPair(input: string): Promise<string> {
      const s = requireSettings();
      const symbol = resolveSymbol(input, pairs);
      await commit({
        ...s,
        watchlist: addToWatchlist(s.watchlist, symbol),
        badgePair: s.badgePair ?? symbol,
      });
      delete rejected[symbol];
      session?.subscribe({ channel: 'ticker', symbol });
      emit({ type: 'market', snapshot: snapshot() });
      return symbol;
    },

    async removePair(symbol: string): Promise<string> {
      const s = requireSettings();
      const watchlist = removeFromWatchlist(s.watchlist, symbol);
      const badgePair = s.badgePair === symbol ? (watchlist[0] ?? null) : s.badgePair;
      await commit({ ...s, watchlist, badgePair });
      if (!extraSymbols.includes(symbol)) session?.unsubscribe({ channel: 'ticker', symbol });
      delete ticks[symbol];
      delete rejected[symbol];
      if (badgePair !== s.badgePair) updateBadge(badgePair ? ticks[badgePair]?.last : undefined);
      emit({ type: 'market', snapshot: snapshot() });
      return symbol;
    },

    async setBadgePair(symbol: string): Promise<string> {
      const s = requireSettings();
      if (!s.watchlist.includes(symbol)) {
        throw new WatchlistError('not-found', `${symbol} is not on the watchlist.`);
      }
      await commit({ ...s, badgePair: symbol });
      lastBadgePrice = undefined;
      updateBadge(ticks[symbol]?.last);
      emit({ type: 'market', snapshot: snapshot() });
      return symbol;
    },

    settings: requireSettings,

    latestTick: (symbol: string): Tick | undefined => ticks[symbol],

    /** The popup should bring this pair forward (an alert notification for it was clicked). */
    focus(symbol: string): void {
      focus = { symbol, at: deps.now() };
      emit({ type: 'market', snapshot: snapshot() });
    },

    /** Order rules for a pair from Kraken's instrument channel (undefined until it has arrived). */
    rulesFor(symbol: string): PairRules | undefined {
      const info = instruments[symbol];
      return info && pairRulesFromInstrument(info);
    },

    /** The latest verified book of a pair being watched (watchDepth), if any. */
    book: (symbol: string): BookTop | undefined => books.get(symbol),

    /**
     * Keeps book + trade feeds for these pairs on behalf of `owner` (e.g. 'ticket', 'paper'); each owner's
     * call replaces its previous set. A pair stays watched while any owner wants it.
     */
    watchDepth(owner: string, symbols: readonly string[]): void {
      depthWanted.set(owner, new Set(symbols));
      syncDepth();
    },

    /**
     * Keeps tickers subscribed for these pairs too, on behalf of `owner` (alerts on pairs off the watchlist,
     * balances to value in USD); each owner's call replaces its previous set.
     */
    watchExtra(owner: string, symbols: readonly string[]): void {
      const before = subscribedSymbols(requireSettings());
      extraWanted.set(owner, symbols);
      extraSymbols = [...new Set([...extraWanted.values()].flat())];
      const after = subscribedSymbols(requireSettings());
      for (const symbol of after) if (!before.has(symbol)) session?.subscribe({ channel: 'ticker', symbol });
      for (const symbol of before)
        if (!after.has(symbol)) session?.unsubscribe({ channel: 'ticker', symbol });
    },

    async setEndpoints(endpoints: Endpoints): Promise<Settings> {
      const s = requireSettings();
      // Re-validate: the payload came over the message boundary.
      const checked =
        endpoints.kind === 'kraken'
          ? endpoints
          : customEndpoints(endpoints.rest, endpoints.wsPublic, endpoints.wsPrivate);
      await commit({ ...s, endpoints: checked });
      ticks = {};
      pairs = {};
      lastTickAt = null;
      for (const key of Object.keys(rejected)) delete rejected[key];
      await deps.saveTicks({}).catch(() => {});
      updateBadge(undefined);
      session?.setUrl(endpointUrls(checked).wsPublic);
      emit({ type: 'market', snapshot: snapshot() });
      return requireSettings();
    },

    stop(): void {
      session?.stop();
      if (saveTimer) clearTimeout(saveTimer);
    },
  };
}

export type MarketService = ReturnType<typeof createMarketService>;
