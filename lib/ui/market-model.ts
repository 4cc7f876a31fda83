// The popup's view model: folds the background's stream into what the UI renders. Pure, tested alone.

import type { AlertsView } from '../alerts/service.ts';
import { type Translate, translator } from '../i18n/translate.ts';
import { type Direction, direction } from '../market/badge.ts';
import type { ChartCandle, ChartInterval, MarketSnapshot, Sparkline } from '../market/types.ts';
import type { StreamEvent } from '../messaging/protocol.ts';
import type { BookTop } from '../orders/types.ts';
import type { TradingView } from '../trading/types.ts';

export interface MarketView {
  snapshot: MarketSnapshot;
  /** Set when the background cannot start; the popup shows it instead of the watchlist. */
  fatal?: string;
  alerts?: AlertsView;
  trading?: TradingView;
  /** Live books the popup asked for (the ticket's pair), by symbol. */
  books: Record<string, BookTop>;
  /**
   * How many stream connections have begun (each starts with a snapshot). A new one means the background
   * may have restarted and forgotten what the popup asked it to watch.
   */
  epoch: number;
  /** Direction of each pair's last price move, for the up/down flash. */
  moves: Record<string, Direction>;
  /** The watchlist's 24 h histories (the live price is appended where they are drawn). */
  sparklines: Record<string, Sparkline>;
  /** The latest candles of each watched chart (chartKey), newest last: what the chart has not drawn yet. */
  candles: Record<string, ChartCandle[]>;
}

/** Candles kept per chart between renders: a new candle and the one it closed, with room for one more. */
const RECENT_CANDLES = 3;

export const chartKey = (symbol: string, interval: ChartInterval): string => `${symbol}|${interval}`;

/** `recent` with `c` put in by start time (a newer version of the same candle replaces it), the last few kept. */
function withCandle(recent: readonly ChartCandle[], c: ChartCandle): ChartCandle[] {
  const next = recent.filter((r) => r.time !== c.time);
  next.push(c);
  next.sort((a, b) => a.time - b.time);
  return next.slice(-RECENT_CANDLES);
}

const EMPTY_SNAPSHOT: MarketSnapshot = {
  connection: { kind: 'offline', reason: 'background not started' },
  watchlist: [],
  badgePair: null,
  ticks: {},
  pairs: {},
  rejected: {},
  lastTickAt: null,
  endpointLabel: '',
  focus: null,
};

export function applyStreamEvent(view: MarketView | null, event: StreamEvent): MarketView | null {
  switch (event.type) {
    case 'snapshot':
    case 'market':
      return {
        ...view,
        snapshot: event.snapshot,
        moves: view?.moves ?? {},
        books: view?.books ?? {},
        sparklines: view?.sparklines ?? {},
        candles: view?.candles ?? {},
        epoch: (view?.epoch ?? 0) + (event.type === 'snapshot' ? 1 : 0),
      };
    case 'ticks': {
      if (!view) return view;
      const ticks = { ...view.snapshot.ticks };
      const moves = { ...view.moves };
      let lastTickAt = view.snapshot.lastTickAt;
      for (const tick of event.ticks) {
        if (!view.snapshot.watchlist.includes(tick.symbol)) continue;
        const dir = direction(ticks[tick.symbol]?.last, tick.last);
        if (dir !== 'flat') moves[tick.symbol] = dir;
        ticks[tick.symbol] = tick;
        lastTickAt = Math.max(lastTickAt ?? 0, tick.receivedAt);
      }
      return { ...view, snapshot: { ...view.snapshot, ticks, lastTickAt }, moves };
    }
    case 'connection':
      return view ? { ...view, snapshot: { ...view.snapshot, connection: event.connection } } : view;
    case 'alerts':
      return view ? { ...view, alerts: event.alerts } : view;
    case 'trading':
      return view ? { ...view, trading: event.trading } : view;
    case 'book':
      return view ? { ...view, books: { ...view.books, [event.book.symbol]: event.book } } : view;
    case 'candle': {
      if (!view) return view;
      const key = chartKey(event.symbol, event.interval);
      return {
        ...view,
        candles: { ...view.candles, [key]: withCandle(view.candles[key] ?? [], event.candle) },
      };
    }
    case 'sparklines':
      return view ? { ...view, sparklines: event.sparklines } : view;
    case 'fatal':
      return {
        snapshot: view?.snapshot ?? EMPTY_SNAPSHOT,
        moves: view?.moves ?? {},
        books: view?.books ?? {},
        sparklines: view?.sparklines ?? {},
        candles: view?.candles ?? {},
        epoch: view?.epoch ?? 0,
        fatal: event.message,
      };
    default: {
      const never: never = event;
      throw new Error(`unknown stream event ${JSON.stringify(never)}`);
    }
  }
}

export type StatusTone = 'live' | 'warn' | 'down';

/** The status line's words and tone: "Live · last tick 2 s ago", "Reconnecting (attempt 3)…", "Offline". */
export function describeConnection(
  snapshot: MarketSnapshot,
  now: number,
  t: Translate = translator('en'),
): { tone: StatusTone; text: string } {
  const age = snapshot.lastTickAt === null ? null : now - snapshot.lastTickAt;
  const ageText = age === null ? t('status.noTick') : t('status.lastTick', { age: formatSeconds(age, t) });
  const c = snapshot.connection;
  switch (c.kind) {
    case 'live':
      return {
        tone: age !== null && age > 60_000 ? 'warn' : 'live',
        text: t('status.live', { age: ageText }),
      };
    case 'connecting':
      return { tone: 'warn', text: t('status.connecting', { age: ageText }) };
    case 'reconnecting': {
      const inS = Math.max(0, Math.ceil((c.retryAt - now) / 1000));
      return {
        tone: 'warn',
        text:
          inS > 0
            ? t('status.reconnectingIn', { attempt: c.attempt, seconds: inS, age: ageText })
            : t('status.reconnecting', { attempt: c.attempt, age: ageText }),
      };
    }
    case 'offline':
      return { tone: 'down', text: t('status.offline', { reason: c.reason, age: ageText }) };
    default: {
      const never: never = c;
      throw new Error(`unknown connection ${JSON.stringify(never)}`);
    }
  }
}

function formatSeconds(ms: number, t: Translate): string {
  if (ms < 1000) return t('status.justNow');
  const s = Math.floor(ms / 1000);
  if (s < 120) return t('status.secondsAgo', { n: s });
  return t('status.minutesAgo', { n: Math.floor(s / 60) });
}
