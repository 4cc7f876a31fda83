// Kraken WebSocket v2 message shapes (public channels used by the extension).
// https://docs.kraken.com/api/docs/guides/spot-ws-intro and /websocket-v2/* pages; SPEC.md §5.

export type BookDepth = 10 | 25 | 100 | 500 | 1000;
export type OhlcInterval = 1 | 5 | 15 | 30 | 60 | 240 | 1440 | 10080 | 21600;
export type EventTrigger = 'trades' | 'bbo';

/** A desired subscription. The session replays every desired subscription after each reconnect. */
export type Subscription =
  | { channel: 'ticker'; symbol: string; eventTrigger?: EventTrigger }
  | { channel: 'book'; symbol: string; depth: BookDepth }
  | { channel: 'trade'; symbol: string }
  | { channel: 'ohlc'; symbol: string; interval: OhlcInterval }
  | { channel: 'instrument' }
  /** Private (token): order transitions and fills. https://docs.kraken.com/api/docs/websocket-v2/executions */
  | { channel: 'executions'; snapOrders?: boolean; snapTrades?: boolean }
  /** Private (token): balances snapshot and ledger updates. */
  | { channel: 'balances' };

/** Channels that need a session token in their subscribe/unsubscribe params. */
export function isPrivate(sub: Subscription): boolean {
  return sub.channel === 'executions' || sub.channel === 'balances';
}

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

/** Channel data the session passes on; anything else Kraken may add arrives as `other`. */
export type ChannelMessage =
  | { channel: 'ticker'; type: 'snapshot' | 'update'; data: TickerData[] }
  | { channel: 'book'; type: 'snapshot' | 'update'; data: BookData[] }
  | {
      channel: 'instrument';
      type: 'snapshot' | 'update';
      data: { assets: InstrumentAsset[]; pairs: InstrumentPair[] };
    }
  | { channel: 'status'; type: 'snapshot' | 'update'; data: { system: SystemStatus; version?: string }[] }
  | { channel: 'other'; name: string; raw: Record<string, unknown> };

/** A method response: subscribe / unsubscribe acks, pong, errors. */
export interface MethodResponse {
  method: string;
  success?: boolean;
  error?: string;
  req_id?: number;
  symbol?: string;
  result?: Record<string, unknown>;
}

export type Incoming =
  | { kind: 'heartbeat' }
  | { kind: 'data'; message: ChannelMessage }
  | { kind: 'response'; response: MethodResponse }
  | { kind: 'invalid'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLevel(value: unknown): value is BookLevelData {
  return (
    isRecord(value) &&
    typeof value.price === 'number' &&
    Number.isFinite(value.price) &&
    value.price > 0 &&
    typeof value.qty === 'number' &&
    Number.isFinite(value.qty) &&
    value.qty >= 0
  );
}

function isBookData(value: unknown): value is BookData {
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

function isTicker(value: unknown): value is TickerData {
  return (
    isRecord(value) &&
    typeof value.symbol === 'string' &&
    typeof value.last === 'number' &&
    typeof value.bid === 'number' &&
    typeof value.ask === 'number'
  );
}

/**
 * Classifies one text frame. Never throws: a malformed frame becomes `{ kind: 'invalid' }` so a bad
 * message cannot crash the service worker.
 */
export function parseIncoming(text: string): Incoming {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'frame is not JSON' };
  }
  if (!isRecord(value)) return { kind: 'invalid', reason: 'frame is not a JSON object' };
  if (typeof value.method === 'string') {
    return { kind: 'response', response: value as unknown as MethodResponse };
  }
  const channel = value.channel;
  if (typeof channel !== 'string') return { kind: 'invalid', reason: 'frame has neither method nor channel' };
  if (channel === 'heartbeat') return { kind: 'heartbeat' };
  const type = value.type === 'snapshot' ? 'snapshot' : 'update';
  switch (channel) {
    case 'ticker': {
      const data = Array.isArray(value.data) ? value.data.filter(isTicker) : [];
      if (data.length === 0) return { kind: 'invalid', reason: 'ticker frame without valid data' };
      return { kind: 'data', message: { channel, type, data } };
    }
    case 'book': {
      // A book frame with one bad level cannot be applied partially: the whole frame is refused.
      const data = value.data;
      if (!Array.isArray(data) || data.length === 0 || !data.every(isBookData)) {
        return { kind: 'invalid', reason: 'book frame with malformed levels or checksum' };
      }
      return { kind: 'data', message: { channel, type, data } };
    }
    case 'instrument': {
      const data = value.data;
      if (!isRecord(data) || !Array.isArray(data.pairs) || !Array.isArray(data.assets)) {
        return { kind: 'invalid', reason: 'instrument frame without pairs/assets' };
      }
      return {
        kind: 'data',
        message: {
          channel,
          type,
          data: { assets: data.assets as InstrumentAsset[], pairs: data.pairs as InstrumentPair[] },
        },
      };
    }
    case 'status': {
      const data = Array.isArray(value.data) ? value.data.filter(isRecord) : [];
      return {
        kind: 'data',
        message: { channel, type, data: data as { system: SystemStatus; version?: string }[] },
      };
    }
    default:
      return { kind: 'data', message: { channel: 'other', name: channel, raw: value } };
  }
}

/** The key that identifies a subscription in the desired set (one per channel + symbol + params). */
export function subscriptionKey(sub: Subscription): string {
  switch (sub.channel) {
    case 'ticker':
      return `ticker|${sub.symbol}|${sub.eventTrigger ?? 'trades'}`;
    case 'book':
      return `book|${sub.symbol}|${sub.depth}`;
    case 'trade':
      return `trade|${sub.symbol}`;
    case 'ohlc':
      return `ohlc|${sub.symbol}|${sub.interval}`;
    case 'instrument':
      return 'instrument';
    case 'executions':
      return `executions|${sub.snapOrders ?? true}|${sub.snapTrades ?? false}`;
    case 'balances':
      return 'balances';
    default: {
      const never: never = sub;
      throw new Error(`unknown subscription ${JSON.stringify(never)}`);
    }
  }
}

/** Builds the `params` of a subscribe/unsubscribe request for one subscription. */
export function subscriptionParams(sub: Subscription, token?: string): Record<string, unknown> {
  switch (sub.channel) {
    case 'ticker':
      return { channel: 'ticker', symbol: [sub.symbol], event_trigger: sub.eventTrigger ?? 'trades' };
    case 'book':
      return { channel: 'book', symbol: [sub.symbol], depth: sub.depth };
    case 'trade':
      return { channel: 'trade', symbol: [sub.symbol] };
    case 'ohlc':
      return { channel: 'ohlc', symbol: [sub.symbol], interval: sub.interval };
    case 'instrument':
      return { channel: 'instrument' };
    case 'executions':
      return {
        channel: 'executions',
        snap_orders: sub.snapOrders ?? true,
        snap_trades: sub.snapTrades ?? false,
        token,
      };
    case 'balances':
      return { channel: 'balances', token };
    default: {
      const never: never = sub;
      throw new Error(`unknown subscription ${JSON.stringify(never)}`);
    }
  }
}
