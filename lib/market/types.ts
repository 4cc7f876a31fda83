// The market's view types: what the popup shows and what the background's services hear.
import type { BookTop } from '../orders/types.ts';

/** The latest ticker for one pair, as the UI shows it. Values are display-only (never used for orders). */
export interface Tick {
  symbol: string;
  last: number;
  bid: number;
  ask: number;
  change: number;
  changePct: number;
  high: number;
  low: number;
  volume: number;
  /** When the background received it (ms since epoch). */
  receivedAt: number;
}

/** Price formatting data for a pair, from Kraken's `instrument` channel. */
export interface PairInfo {
  symbol: string;
  base: string;
  quote: string;
  pricePrecision: number;
  status: string;
}

export type ConnectionView =
  | { kind: 'connecting' }
  | { kind: 'live'; since: number }
  | { kind: 'reconnecting'; attempt: number; retryAt: number; reason: string }
  | { kind: 'offline'; reason: string };

export interface MarketSnapshot {
  connection: ConnectionView;
  watchlist: string[];
  badgePair: string | null;
  ticks: Record<string, Tick>;
  pairs: Record<string, PairInfo>;
  /** Pairs Kraken refused to subscribe, with its reason. */
  rejected: Record<string, string>;
  lastTickAt: number | null;
  endpointLabel: string;
  /** A pair to bring forward when the popup opens (a clicked alert notification), with when it was asked. */
  focus: { symbol: string; at: number } | null;
}

/** One public trade (the `trade` channel), price and qty as decimal text at the pair's precision. */
export interface PublicTrade {
  price: string;
  qty: string;
  at: number;
}

/** The chart's candle intervals in minutes: 1m, 5m, 15m, 1h, 4h, 1d, 1w (a subset of Kraken's OHLC intervals). */
export type ChartInterval = 1 | 5 | 15 | 60 | 240 | 1440 | 10080;
export const CHART_INTERVALS: readonly ChartInterval[] = [1, 5, 15, 60, 240, 1440, 10080];

/**
 * One candle as the chart draws it: `time` is its start in seconds since the epoch (UTC); prices and volume are
 * numbers, for display only (never used for an order: a price picked on the chart is re-written as decimal text
 * at the pair's precision and checked by the ticket). `trades` orders two versions of the same forming candle.
 */
export interface ChartCandle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
}

/** A pair's candles at one interval, oldest first, the last one forming. */
export interface CandleSeries {
  symbol: string;
  interval: ChartInterval;
  candles: ChartCandle[];
  /**
   * Kraken's REST OHLC returns at most 720 rows (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data): true
   * when the answer was cut there, so older candles exist but cannot be fetched.
   */
  limited: boolean;
}

/** The last 24 h of a pair for its watchlist sparkline: closes of 15-minute candles, oldest first. */
export interface Sparkline {
  /** Candle start times (ms), one per close. */
  times: number[];
  closes: number[];
  /** When it was fetched (ms). */
  at: number;
}

export type MarketEvent =
  | { type: 'ticks'; ticks: Tick[] }
  /** A chart's candle changed (the forming one on each trade), for a pair and interval someone watches. */
  | { type: 'candle'; symbol: string; interval: ChartInterval; candle: ChartCandle }
  /** The watchlist's 24 h histories (all of them, on each change). */
  | { type: 'sparklines'; sparklines: Record<string, Sparkline> }
  /** A verified book (checksum matched) for a pair someone asked depth for (watchDepth). */
  | { type: 'book'; book: BookTop }
  | { type: 'trades'; symbol: string; trades: PublicTrade[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot };
