// Shapes of Kraken WebSocket v2 public channel data, and the checks that admit them at the boundary.
// https://docs.kraken.com/api/docs/websocket-v2/ticker, /book, /trade, /instrument, /status

export type SystemStatus = 'online' | 'maintenance' | 'cancel_only' | 'post_only';

export interface TickerData {
  symbol: string;
  bid: number;
  bid_qty: number;
  ask: number;
  ask_qty: number;
  last: number;
  volume: number;
  vwap: number;
  low: number;
  high: number;
  change: number;
  change_pct: number;
  timestamp?: string;
}

export interface InstrumentPair {
  symbol: string;
  base: string;
  quote: string;
  status: string;
  qty_precision: number;
  qty_increment: number;
  price_precision: number;
  price_increment: number;
  cost_precision: number;
  cost_min: number;
  qty_min: number;
}

export interface InstrumentAsset {
  id: string;
  status: string;
  precision: number;
  precision_display: number;
}

/** One price level as Kraken sends it: JSON numbers at engine precision; qty 0 deletes the level. */
export interface BookLevelData {
  price: number;
  qty: number;
}

export interface BookData {
  symbol: string;
  bids: BookLevelData[];
  asks: BookLevelData[];
  checksum: number;
  timestamp?: string;
}

/**
 * One public trade (https://docs.kraken.com/api/docs/websocket-v2/trade): price and qty are JSON numbers at
 * the pair's precision, `side` is the taker's, `trade_id` a sequence number unique per book.
 */
export interface TradeData {
  symbol: string;
  side: 'buy' | 'sell';
  price: number;
  qty: number;
  /** The taker's order type: "limit" or "market" in the docs; kept as text in case Kraken adds one. */
  ord_type: string;
  trade_id: number;
  /** RFC 3339, e.g. "2023-09-25T07:49:37.708706Z". */
  timestamp: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

export function isLevel(value: unknown): value is BookLevelData {
  return (
    isRecord(value) &&
    isPositive(value.price) &&
    typeof value.qty === 'number' &&
    Number.isFinite(value.qty) &&
    value.qty >= 0
  );
}

export function isBookData(value: unknown): value is BookData {
  return (
    isRecord(value) &&
    typeof value.symbol === 'string' &&
    Array.isArray(value.bids) &&
    Array.isArray(value.asks) &&
    Number.isInteger(value.checksum) &&
    (value.checksum as number) >= 0 &&
    value.bids.every(isLevel) &&
    value.asks.every(isLevel)
  );
}

export function isTicker(value: unknown): value is TickerData {
  return (
    isRecord(value) &&
    typeof value.symbol === 'string' &&
    typeof value.last === 'number' &&
    typeof value.bid === 'number' &&
    typeof value.ask === 'number'
  );
}

export function isTrade(value: unknown): value is TradeData {
  return (
    isRecord(value) &&
    typeof value.symbol === 'string' &&
    (value.side === 'buy' || value.side === 'sell') &&
    isPositive(value.price) &&
    isPositive(value.qty) &&
    typeof value.ord_type === 'string' &&
    Number.isSafeInteger(value.trade_id) &&
    (value.trade_id as number) >= 0 &&
    typeof value.timestamp === 'string'
  );
}

/**
 * One candle of the `ohlc` channel (https://docs.kraken.com/api/docs/websocket-v2/ohlc): prices and volume are
 * JSON numbers, `interval_begin` the RFC 3339 start of the candle (nanoseconds in Kraken's example,
 * "2023-10-04T15:25:00.000000000Z"), `interval` in minutes. Updates carry the forming candle on each trade.
 */
export interface OhlcData {
  symbol: string;
  open: number;
  high: number;
  low: number;
  close: number;
  vwap?: number;
  trades: number;
  volume: number;
  interval_begin: string;
  interval: number;
}

export function isOhlc(value: unknown): value is OhlcData {
  return (
    isRecord(value) &&
    typeof value.symbol === 'string' &&
    isPositive(value.open) &&
    isPositive(value.high) &&
    isPositive(value.low) &&
    isPositive(value.close) &&
    typeof value.volume === 'number' &&
    Number.isFinite(value.volume) &&
    value.volume >= 0 &&
    Number.isSafeInteger(value.trades) &&
    typeof value.interval_begin === 'string' &&
    Number.isSafeInteger(value.interval)
  );
}
