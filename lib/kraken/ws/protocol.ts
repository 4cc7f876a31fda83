// Kraken WebSocket v2 messages: subscriptions, the channel data the session passes on, and the parser that
// classifies every frame. https://docs.kraken.com/api/docs/guides/spot-ws-intro and /websocket-v2/* pages;
// SPEC.md §5. Data shapes and their checks: public-data.ts, private-data.ts.
import {
  type BalanceSnapshotItem,
  type ExecutionReport,
  isBalanceSnapshotItem,
  isExecutionReport,
  isLedgerUpdate,
  type LedgerUpdate,
} from './private-data.ts';
import {
  type BookData,
  type InstrumentAsset,
  type InstrumentPair,
  isBookData,
  isOhlc,
  isRecord,
  isTicker,
  isTrade,
  type OhlcData,
  type SystemStatus,
  type TickerData,
  type TradeData,
} from './public-data.ts';

export type {
  BalanceSnapshotItem,
  ExecutionReport,
  LedgerUpdate,
  WalletBalance,
} from './private-data.ts';
export type {
  BookData,
  BookLevelData,
  InstrumentAsset,
  InstrumentPair,
  OhlcData,
  SystemStatus,
  TickerData,
  TradeData,
} from './public-data.ts';

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
  | { channel: 'executions'; snapOrders?: boolean; snapTrades?: boolean; rateCounter?: boolean }
  /** Private (token): balances snapshot and ledger updates. */
  | { channel: 'balances' };

/** Channels that need a session token in their subscribe/unsubscribe params. */
export function isPrivate(sub: Subscription): boolean {
  return sub.channel === 'executions' || sub.channel === 'balances';
}

/**
 * Channel data the session passes on. The channels the extension reads are typed and checked on arrival;
 * anything else Kraken may send (new channels) arrives as `other`. The private channels, `trade` and `ohlc`
 * keep the frame as it came (`raw`) too, for consumers that fold whole frames (lib/kraken/ws/executions.ts).
 */
export type ChannelMessage =
  | { channel: 'ticker'; type: 'snapshot' | 'update'; data: TickerData[] }
  | { channel: 'book'; type: 'snapshot' | 'update'; data: BookData[] }
  | {
      channel: 'instrument';
      type: 'snapshot' | 'update';
      data: { assets: InstrumentAsset[]; pairs: InstrumentPair[] };
    }
  | { channel: 'status'; type: 'snapshot' | 'update'; data: { system: SystemStatus; version?: string }[] }
  | { channel: 'trade'; type: 'snapshot' | 'update'; data: TradeData[]; raw: Record<string, unknown> }
  /** Candles: a snapshot of recent ones, then the forming candle on each trade. */
  | { channel: 'ohlc'; type: 'snapshot' | 'update'; data: OhlcData[]; raw: Record<string, unknown> }
  | {
      channel: 'executions';
      type: 'snapshot' | 'update';
      data: ExecutionReport[];
      sequence?: number;
      raw: Record<string, unknown>;
    }
  | {
      channel: 'balances';
      type: 'snapshot';
      data: BalanceSnapshotItem[];
      sequence?: number;
      raw: Record<string, unknown>;
    }
  | {
      channel: 'balances';
      type: 'update';
      data: LedgerUpdate[];
      sequence?: number;
      raw: Record<string, unknown>;
    }
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
    case 'trade': {
      const data = validItems(value.data, isTrade);
      if (!data) return { kind: 'invalid', reason: 'trade frame without valid trades' };
      return { kind: 'data', message: { channel, type, data, raw: value } };
    }
    case 'ohlc': {
      const data = validItems(value.data, isOhlc);
      if (!data) return { kind: 'invalid', reason: 'ohlc frame without valid candles' };
      return { kind: 'data', message: { channel, type, data, raw: value } };
    }
    case 'executions': {
      const data = validItems(value.data, isExecutionReport);
      if (!data) return { kind: 'invalid', reason: 'executions frame without valid reports' };
      return { kind: 'data', message: { channel, type, data, ...sequenceOf(value), raw: value } };
    }
    case 'balances': {
      // A snapshot lists each asset's balance; an update lists ledger entries with the balance after each.
      if (type === 'snapshot') {
        const data = validItems(value.data, isBalanceSnapshotItem);
        if (!data) return { kind: 'invalid', reason: 'balances snapshot without valid balances' };
        return { kind: 'data', message: { channel, type, data, ...sequenceOf(value), raw: value } };
      }
      const data = validItems(value.data, isLedgerUpdate);
      if (!data) return { kind: 'invalid', reason: 'balances update without valid ledger entries' };
      return { kind: 'data', message: { channel, type, data, ...sequenceOf(value), raw: value } };
    }
    default:
      return { kind: 'data', message: { channel: 'other', name: channel, raw: value } };
  }
}

/**
 * The items of a frame's `data` that pass `check`; null when `data` is not a list, or lists items of which
 * none passes. An empty list is valid: an executions snapshot with no open orders says exactly that.
 */
function validItems<T>(data: unknown, check: (item: unknown) => item is T): T[] | null {
  if (!Array.isArray(data)) return null;
  const valid = data.filter(check);
  return data.length > 0 && valid.length === 0 ? null : valid;
}

/** Private channels number their messages per connection; a gap means one was lost. */
function sequenceOf(value: Record<string, unknown>): { sequence?: number } {
  return Number.isSafeInteger(value.sequence) ? { sequence: value.sequence as number } : {};
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
      return `executions|${sub.snapOrders ?? true}|${sub.snapTrades ?? false}|${sub.rateCounter ?? false}`;
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
        // The per-pair trading counter on each report (https://docs.kraken.com/api/docs/websocket-v2/executions).
        ...(sub.rateCounter ? { ratecounter: true } : {}),
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
