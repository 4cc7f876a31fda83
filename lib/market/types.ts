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

export type MarketEvent =
  | { type: 'ticks'; ticks: Tick[] }
  /** A verified book (checksum matched) for a pair someone asked depth for (watchDepth). */
  | { type: 'book'; book: BookTop }
  | { type: 'trades'; symbol: string; trades: PublicTrade[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot };
