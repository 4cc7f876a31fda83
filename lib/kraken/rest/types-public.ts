// Public REST parameters and results (https://docs.kraken.com/api/docs/rest-api/get-server-time …,
// SPEC.md §1.2). Prices and volumes are decimal strings exactly as Kraken sends them.

import type { OhlcInterval } from '../ws/protocol.ts';

export type { OhlcInterval };

/** A decimal number as text, e.g. "30010.0". Never a float. */
export type Decimal = string;

export interface ServerTime {
  unixtime: number;
  rfc1123: string;
}

export interface SystemStatusInfo {
  status: 'online' | 'maintenance' | 'cancel_only' | 'post_only';
  timestamp: string;
}

export interface AssetInfo {
  aclass: string;
  altname: string;
  decimals: number;
  display_decimals: number;
  collateral_value?: number;
  status?: string;
}

export interface AssetsParams {
  asset?: readonly string[];
  aclass?: string;
}

export type PairStatus = 'online' | 'cancel_only' | 'post_only' | 'limit_only' | 'reduce_only';

/** AssetPairs entry (SPEC.md §7). Fee tiers are [volume, percent] pairs. */
export interface AssetPair {
  altname: string;
  wsname?: string;
  aclass_base?: string;
  base: string;
  aclass_quote?: string;
  quote: string;
  lot?: string;
  cost_decimals: number;
  pair_decimals: number;
  lot_decimals: number;
  lot_multiplier?: number;
  leverage_buy?: number[];
  leverage_sell?: number[];
  fees?: [number, number][];
  fees_maker?: [number, number][];
  fee_volume_currency?: string;
  margin_call?: number;
  margin_stop?: number;
  ordermin?: Decimal;
  costmin?: Decimal;
  tick_size?: Decimal;
  status?: PairStatus;
  long_position_limit?: number;
  short_position_limit?: number;
}

export interface AssetPairsParams {
  pair?: readonly string[];
  info?: 'info' | 'leverage' | 'fees' | 'margin';
  aclass_base?: 'currency' | 'tokenized_asset';
  country_code?: string;
}

export interface TickerInfo {
  /** ask [price, whole lot volume, lot volume] */
  a: [Decimal, Decimal, Decimal];
  b: [Decimal, Decimal, Decimal];
  /** last trade [price, lot volume] */
  c: [Decimal, Decimal];
  v: [Decimal, Decimal];
  p: [Decimal, Decimal];
  t: [number, number];
  l: [Decimal, Decimal];
  h: [Decimal, Decimal];
  o: Decimal;
}

export interface PairParams {
  pair: string;
  asset_class?: 'tokenized_asset';
}

/** [time, open, high, low, close, vwap, volume, count] */
export type OhlcRow = [number, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, number];
/** [price, volume, timestamp] */
export type DepthLevel = [Decimal, Decimal, number];
/** [price, volume, time, b|s, m|l, misc, trade_id, …later additions] */
export type TradeRow = [Decimal, Decimal, number, 'b' | 's', 'm' | 'l', string, number, ...unknown[]];
/** [time, bid, ask] */
export type SpreadRow = [number, Decimal, Decimal];

/**
 * Results keyed by pair come back under Kraken's id (XXBTZUSD), or the name sent when it had a slash;
 * `last` sits beside them. We return the rows of the single pair asked for plus `last`.
 */
export interface PairSeries<Row, Last> {
  /** The key Kraken answered under (e.g. "XXBTZUSD" for pair=XBTUSD). */
  key: string;
  rows: Row[];
  last: Last;
}
