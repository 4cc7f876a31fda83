// The background's market service: one public Kraken WS v2 session subscribed to the watchlist's tickers,
// the tick store, the badge and the fan-out to open popups. Browser APIs arrive as injected adapters.
import type { ChannelMessage, SessionProblem, SessionState, WsSession } from '../kraken/index.ts';
import { customEndpoints, type Endpoints, endpointUrls, type Settings } from '../settings/schema.ts';
import type { SettingsStore } from '../settings/store.ts';
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

export type MarketEvent =
  | { type: 'ticks'; ticks: Tick[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot };

const TICK_SAVE_INTERVAL_MS = 2000;

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
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<(event: MarketEvent) => void>();
  /** Pairs other services need prices for (alerts) beyond the watchlist. */
  let extraSymbols: string[] = [];

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
        for (const p of message.data.pairs) {
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
        return;
      }
      case 'book':
      case 'status':
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

    /** Keeps tickers subscribed for these pairs too (e.g. pairs with alerts that are not on the watchlist). */
    watchExtra(symbols: string[]): void {
      const before = subscribedSymbols(requireSettings());
      extraSymbols = [...new Set(symbols)];
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
