import { assertNever } from '../assert-never.ts';
import { isOhlcInterval, type OhlcInterval } from '../market/intervals.ts';
import { WsError } from './errors.ts';

/** Book depths Kraken accepts; anything else → "Subscription depth not supported". */
export const BOOK_DEPTHS = [10, 25, 100, 500, 1000] as const;
export type BookDepth = (typeof BOOK_DEPTHS)[number];
export type EventTrigger = 'trades' | 'bbo';

/** A validated subscribe/unsubscribe request for one public channel. */
export type ChannelRequest =
  | {
      readonly channel: 'ticker';
      readonly symbols: readonly string[];
      readonly eventTrigger: EventTrigger;
      readonly snapshot: boolean;
    }
  | {
      readonly channel: 'book';
      readonly symbols: readonly string[];
      readonly depth: BookDepth;
      readonly snapshot: boolean;
    }
  | { readonly channel: 'trade'; readonly symbols: readonly string[]; readonly snapshot: boolean }
  | {
      readonly channel: 'ohlc';
      readonly symbols: readonly string[];
      readonly interval: OhlcInterval;
      readonly snapshot: boolean;
    }
  | { readonly channel: 'instrument'; readonly snapshot: boolean };

export type SubscriptionMethod = 'subscribe' | 'unsubscribe';

export type WsRequest =
  | { readonly kind: 'ping'; readonly reqId: number | undefined }
  | {
      readonly kind: 'subscription';
      readonly method: SubscriptionMethod;
      readonly reqId: number | undefined;
      readonly request: ChannelRequest;
    }
  | {
      readonly kind: 'invalid';
      readonly method?: string;
      readonly reqId: number | undefined;
      readonly error: string;
    };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Methods that only exist on the authenticated host (https://docs.kraken.com/api/docs/websocket-v2/add_order …). */
const TRADING_METHODS = new Set([
  'add_order',
  'amend_order',
  'edit_order',
  'cancel_order',
  'cancel_all',
  'cancel_all_orders_after',
  'batch_add',
  'batch_cancel',
]);
const PRIVATE_CHANNELS = new Set(['executions', 'balances', 'level3']);

// `token` is tolerated on public channels (clients that always send one keep working).
const ALLOWED_PARAMS: Readonly<Record<ChannelRequest['channel'], readonly string[]>> = {
  ticker: ['channel', 'symbol', 'event_trigger', 'snapshot', 'token'],
  book: ['channel', 'symbol', 'depth', 'snapshot', 'token'],
  trade: ['channel', 'symbol', 'snapshot', 'token'],
  ohlc: ['channel', 'symbol', 'interval', 'snapshot', 'token'],
  instrument: ['channel', 'snapshot', 'include_tokenized_assets', 'token'],
};

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function fail<T>(error: string): Parsed<T> {
  return { ok: false, error };
}

function isPublicChannel(channel: string): channel is ChannelRequest['channel'] {
  return Object.hasOwn(ALLOWED_PARAMS, channel);
}

function parseSymbols(params: Json): Parsed<readonly string[]> {
  const symbol = params.symbol;
  if (symbol === undefined) return fail(WsError.invalidArguments);
  if (!Array.isArray(symbol) || symbol.length === 0 || !symbol.every((item) => typeof item === 'string')) {
    return fail(WsError.invalidArguments);
  }
  return { ok: true, value: symbol };
}

function parseSnapshot(params: Json, fallback: boolean): Parsed<boolean> {
  const snapshot = params.snapshot;
  if (snapshot === undefined) return { ok: true, value: fallback };
  if (typeof snapshot !== 'boolean') return fail(WsError.wrongType('snapshot', 'boolean'));
  return { ok: true, value: snapshot };
}

function parseDepth(params: Json): Parsed<BookDepth> {
  const depth = params.depth ?? 10;
  if (typeof depth !== 'number' || !Number.isInteger(depth))
    return fail(WsError.wrongType('depth', 'number_integer'));
  const known = BOOK_DEPTHS.find((candidate) => candidate === depth);
  return known === undefined ? fail(WsError.badDepth) : { ok: true, value: known };
}

function parseInterval(params: Json): Parsed<OhlcInterval> {
  const interval = params.interval ?? 1;
  if (typeof interval !== 'number' || !Number.isInteger(interval)) {
    return fail(WsError.wrongType('interval', 'number_integer'));
  }
  return isOhlcInterval(interval) ? { ok: true, value: interval } : fail(WsError.badInterval);
}

function parseEventTrigger(params: Json): Parsed<EventTrigger> {
  const trigger = params.event_trigger ?? 'trades';
  return trigger === 'trades' || trigger === 'bbo'
    ? { ok: true, value: trigger }
    : fail(WsError.invalidArguments);
}

/** Validates `params` of subscribe/unsubscribe (https://docs.kraken.com/api/docs/websocket-v2/ticker etc.). */
export function parseChannelRequest(method: SubscriptionMethod, params: unknown): Parsed<ChannelRequest> {
  if (!isObject(params)) return fail(WsError.invalidArguments);
  const channel = params.channel;
  if (typeof channel !== 'string') return fail(WsError.invalidArguments);
  if (PRIVATE_CHANNELS.has(channel)) return fail(WsError.privateOnPublic);
  if (!isPublicChannel(channel)) return fail(WsError.unsupportedEvent);
  const unknownField = Object.keys(params).find((key) => !ALLOWED_PARAMS[channel].includes(key));
  if (unknownField !== undefined) return fail(WsError.unsupportedField(unknownField, method));

  // Snapshots default to true except for trades (docs: trade `snapshot` default false).
  const snapshot = parseSnapshot(params, channel !== 'trade');
  if (!snapshot.ok) return snapshot;
  if (channel === 'instrument') {
    const include = params.include_tokenized_assets;
    if (include !== undefined && typeof include !== 'boolean') {
      return fail(WsError.wrongType('include_tokenized_assets', 'boolean'));
    }
    return { ok: true, value: { channel, snapshot: snapshot.value } };
  }
  const symbols = parseSymbols(params);
  if (!symbols.ok) return symbols;
  switch (channel) {
    case 'ticker': {
      const trigger = parseEventTrigger(params);
      if (!trigger.ok) return trigger;
      return {
        ok: true,
        value: { channel, symbols: symbols.value, eventTrigger: trigger.value, snapshot: snapshot.value },
      };
    }
    case 'book': {
      const depth = parseDepth(params);
      if (!depth.ok) return depth;
      return {
        ok: true,
        value: { channel, symbols: symbols.value, depth: depth.value, snapshot: snapshot.value },
      };
    }
    case 'trade':
      return { ok: true, value: { channel, symbols: symbols.value, snapshot: snapshot.value } };
    case 'ohlc': {
      const interval = parseInterval(params);
      if (!interval.ok) return interval;
      return {
        ok: true,
        value: { channel, symbols: symbols.value, interval: interval.value, snapshot: snapshot.value },
      };
    }
    default:
      return assertNever(channel);
  }
}

/** Parses one client frame into a request (https://docs.kraken.com/api/docs/guides/spot-ws-intro, "Requests"). */
export function parseRequest(text: string): WsRequest {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reqId: undefined, error: WsError.malformed };
  }
  if (!isObject(message) || typeof message.method !== 'string') {
    return { kind: 'invalid', reqId: undefined, error: WsError.malformed };
  }
  const method = message.method;
  const rawReqId = message.req_id;
  if (rawReqId !== undefined && (typeof rawReqId !== 'number' || !Number.isSafeInteger(rawReqId))) {
    return {
      kind: 'invalid',
      method,
      reqId: undefined,
      error: WsError.wrongType('req_id', 'number_integer'),
    };
  }
  const reqId = rawReqId;
  const extra = Object.keys(message).find((key) => key !== 'method' && key !== 'params' && key !== 'req_id');
  if (extra !== undefined)
    return { kind: 'invalid', method, reqId, error: WsError.unsupportedField(extra, method) };

  if (method === 'ping') {
    // Recorded: a ping carrying `params` is refused with this exact message.
    if ('params' in message)
      return { kind: 'invalid', method, reqId, error: WsError.unsupportedField('params', 'ping') };
    return { kind: 'ping', reqId };
  }
  if (method === 'subscribe' || method === 'unsubscribe') {
    const parsed = parseChannelRequest(method, message.params);
    if (!parsed.ok) return { kind: 'invalid', method, reqId, error: parsed.error };
    return { kind: 'subscription', method, reqId, request: parsed.value };
  }
  if (TRADING_METHODS.has(method)) return { kind: 'invalid', method, reqId, error: WsError.privateOnPublic };
  return { kind: 'invalid', method, reqId, error: WsError.unsupportedEvent };
}
