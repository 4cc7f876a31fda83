// The charts open in UI pages (the side panel, the popup): which pair and interval each shows, their candles
// (REST history merged with the WebSocket `ohlc` channel: candles.ts), and the books beside them. A page
// identifies itself by a viewer id it makes up and renews its watch while it stays open; a watch that is not
// renewed lapses (a page that closed without saying so), and every watch ends when no page is open.
import type { ChannelMessage, OhlcRow } from '../kraken/index.ts';
import { candleFromWs, KRAKEN_OHLC_ROWS, mergeHistory, upsertCandle } from './candles.ts';
import type { CandleSeries, ChartCandle, ChartInterval } from './types.ts';

/** A watch lapses this long after its last renewal (pages renew every 20 s: lib/chart/use-series.ts). */
export const LEASE_MS = 60_000;
/** History older than this is fetched again on the next watch (live updates keep a watched series current). */
const HISTORY_FRESH_MS = 5 * 60_000;
/** At most this many viewers at once; the one renewed longest ago gives way. */
const MAX_VIEWERS = 8;
/**
 * A series nobody watches is kept this many intervals (at most HISTORY_FRESH_MS), so a page reopened soon draws
 * at once: on resubscribing, the `ohlc` snapshot (Kraken sends the latest candles; the simulator ten) fills the
 * candles missed meanwhile. Past that, the history is fetched again.
 */
const IDLE_INTERVALS = 8;
const MAX_IDLE_SERIES = 6;

export interface ChartsDeps {
  /** REST OHLC for a REST pair name ("XBTUSD"). */
  ohlc(params: { pair: string; interval: ChartInterval }): Promise<{ rows: readonly OhlcRow[] }>;
  restPair(symbol: string): string;
  /** The pairs and intervals the WebSocket must carry `ohlc` for (replaces the previous set). */
  wantOhlc(subs: readonly { symbol: string; interval: ChartInterval }[]): void;
  /** The pairs whose verified book the charts' pages show (replaces the previous set). */
  wantDepth(symbols: readonly string[]): void;
  onCandle(symbol: string, interval: ChartInterval, candle: ChartCandle): void;
  now(): number;
}

interface Watch {
  symbol: string;
  interval: ChartInterval;
  until: number;
}

interface Held {
  interval: ChartInterval;
  /** Since when nobody watches it (its WebSocket subscription is dropped), or null while watched. */
  idleSince: number | null;
  candles: ChartCandle[];
  /** Candles from the WebSocket while the history is on its way. */
  live: ChartCandle[];
  limited: boolean;
  fetchedAt: number | null;
  loading: Promise<void> | null;
}

const keyOf = (symbol: string, interval: ChartInterval) => `${symbol}|${interval}`;

export function createCharts(deps: ChartsDeps) {
  const viewers = new Map<string, Watch>();
  const held = new Map<string, Held>();

  /** Drops lapsed watches and what nobody watches any more; tells the feed what is wanted now. */
  function sync(): void {
    const now = deps.now();
    for (const [viewer, w] of viewers) if (w.until <= now) viewers.delete(viewer);
    const wanted = new Map<string, { symbol: string; interval: ChartInterval }>();
    for (const w of viewers.values()) wanted.set(keyOf(w.symbol, w.interval), w);
    let idle = 0;
    for (const [key, h] of [...held].reverse()) {
      if (wanted.has(key)) {
        h.idleSince = null;
        continue;
      }
      h.idleSince ??= now;
      const keep = Math.min(HISTORY_FRESH_MS, IDLE_INTERVALS * h.interval * 60_000);
      if (now - h.idleSince > keep || ++idle > MAX_IDLE_SERIES) held.delete(key);
    }
    deps.wantOhlc([...wanted.values()]);
    deps.wantDepth([...new Set([...viewers.values()].map((w) => w.symbol))]);
  }

  async function load(symbol: string, interval: ChartInterval, h: Held): Promise<void> {
    const { rows } = await deps.ohlc({ pair: deps.restPair(symbol), interval });
    h.candles = mergeHistory(rows, [...h.candles, ...h.live]);
    h.live = [];
    h.limited = rows.length >= KRAKEN_OHLC_ROWS;
    h.fetchedAt = deps.now();
  }

  return {
    /**
     * Starts or renews `viewer`'s watch of a pair at an interval and answers with its candles. The WebSocket
     * subscription starts before the history is asked for, so no trade falls between the two.
     */
    async watch(viewer: string, symbol: string, interval: ChartInterval): Promise<CandleSeries> {
      viewers.delete(viewer); // re-inserted last: Map order is renewal order
      viewers.set(viewer, { symbol, interval, until: deps.now() + LEASE_MS });
      while (viewers.size > MAX_VIEWERS) viewers.delete(viewers.keys().next().value as string);
      const key = keyOf(symbol, interval);
      let h = held.get(key);
      if (h?.idleSince != null) {
        const keep = Math.min(HISTORY_FRESH_MS, IDLE_INTERVALS * interval * 60_000);
        if (deps.now() - h.idleSince > keep) h = undefined;
      }
      if (!h) {
        h = {
          interval,
          idleSince: null,
          candles: [],
          live: [],
          limited: false,
          fetchedAt: null,
          loading: null,
        };
      }
      held.delete(key); // re-inserted last: the most recently used idle series are the ones kept
      held.set(key, h);
      sync();
      const stale = h.fetchedAt === null || deps.now() - h.fetchedAt > HISTORY_FRESH_MS;
      if (stale && !h.loading) {
        const current = h;
        current.loading = load(symbol, interval, current).finally(() => {
          current.loading = null;
        });
      }
      if (h.loading) await h.loading;
      return { symbol, interval, candles: [...h.candles], limited: h.limited };
    },

    /** Ends `viewer`'s watch (its page closed or shows another chart). */
    unwatch(viewer: string): void {
      if (viewers.delete(viewer)) sync();
    },

    /** No page is open: every watch ends (the candles are kept a while, unsubscribed: see IDLE_INTERVALS). */
    clear(): void {
      viewers.clear();
      sync();
    },

    /** The endpoint changed: candles held are another exchange's; fetch again on the next watch. */
    forget(): void {
      for (const h of held.values()) {
        h.candles = [];
        h.live = [];
        h.fetchedAt = null;
      }
    },

    /** Folds a WebSocket `ohlc` frame into the watched series and passes each candle on. */
    onOhlc(message: Extract<ChannelMessage, { channel: 'ohlc' }>): void {
      for (const d of message.data) {
        const interval = d.interval as ChartInterval;
        const h = held.get(keyOf(d.symbol, interval));
        const c = h && h.idleSince === null && candleFromWs(d);
        if (!h || !c) continue;
        if (upsertCandle(h.loading ? h.live : h.candles, c)) deps.onCandle(d.symbol, interval, c);
      }
      if ([...viewers.values()].some((w) => w.until <= deps.now())) sync();
    },

    /** Who watches what (tests, and the lease check). */
    watching: (): { viewer: string; symbol: string; interval: ChartInterval }[] =>
      [...viewers].map(([viewer, w]) => ({ viewer, symbol: w.symbol, interval: w.interval })),
  };
}

export type Charts = ReturnType<typeof createCharts>;
