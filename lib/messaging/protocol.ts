// THE messaging contract between the UI pages and the background service worker (DESIGN.md §3).
// Requests go through runtime.sendMessage; live data streams over a Port named STREAM_PORT.
import type { AlertsView, ImportResult } from '../alerts/service.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { ConnectionView, MarketSnapshot, Tick } from '../market/types.ts';
import type { Endpoints, Settings } from '../settings/schema.ts';
import type { BookTop, OrderRequest, OrderView, TradingMode, TradingView } from '../trading/types.ts';
import type { KeySummary } from '../vault/format.ts';

export type VaultStatus = 'empty' | 'locked' | 'unlocked';

/** What the UI may know about the vault: status and key summaries, never a secret. */
export interface VaultView {
  status: VaultStatus;
  keys: KeySummary[];
  autoLockMinutes: number;
  /** Messages refused at the trust boundary since the browser started. */
  refused: { untrusted: number; malformed: number };
}

export const STREAM_PORT = 'market-stream';

export interface RequestMap {
  'watchlist.add': { params: { symbol: string }; result: { symbol: string } };
  'watchlist.remove': { params: { symbol: string }; result: { symbol: string } };
  'badge.setPair': { params: { symbol: string }; result: { symbol: string } };
  'settings.get': { params: Record<never, never>; result: Settings };
  'settings.setEndpoints': { params: { endpoints: Endpoints }; result: Settings };
  'settings.setAlertSound': { params: { on: boolean }; result: Settings };
  'vault.get': { params: Record<never, never>; result: VaultView };
  'vault.create': { params: { passphrase: string }; result: VaultView };
  'vault.unlock': { params: { passphrase: string }; result: VaultView };
  'vault.lock': { params: Record<never, never>; result: VaultView };
  'vault.addKey': {
    params: { label: string; apiKey: string; apiSecret: string; otp?: string };
    result: VaultView;
  };
  'vault.replaceKey': {
    params: { id: string; apiKey: string; apiSecret: string; otp?: string };
    result: VaultView;
  };
  'vault.relabel': { params: { id: string; label: string }; result: VaultView };
  'vault.removeKey': { params: { id: string }; result: VaultView };
  'vault.setActive': { params: { id: string }; result: VaultView };
  'vault.setAutoLock': { params: { minutes: number }; result: VaultView };
  'alerts.get': { params: Record<never, never>; result: AlertsView };
  /** `rule` is validated in the background (lib/alerts/rules.ts parseRule), field by field. */
  'alerts.create': { params: { rule: Record<string, unknown> }; result: AlertsView };
  'alerts.remove': { params: { id: string }; result: AlertsView };
  'alerts.setPaused': { params: { id: string; paused: boolean }; result: AlertsView };
  /** `changes` is validated in the background against the whole rule (parseRule). */
  'alerts.edit': { params: { id: string; changes: Record<string, unknown> }; result: AlertsView };
  'alerts.export': { params: Record<never, never>; result: { json: string } };
  'alerts.import': { params: { json: string }; result: ImportResult };
  'alerts.testNotification': { params: Record<never, never>; result: { permission: string } };
  'trading.get': { params: Record<never, never>; result: TradingView };
  'trading.setMode': { params: { mode: TradingMode }; result: TradingView };
  /** The ticket's pair: its rules, and its live book streamed as `book` events while a popup is open. */
  'trading.watch': { params: { symbol: string }; result: { rules: PairRules | null; book: BookTop | null } };
  /** Live: Kraken's own check (AddOrder validate=true). Paper: the paper account's check. Nothing is placed. */
  'trading.preview': { params: { order: OrderRequest }; result: { description: string } };
  /** `clOrdId` is made once per confirmed ticket: a second send with the same id never places a second order. */
  'trading.place': { params: { order: OrderRequest; clOrdId: string }; result: { order: OrderView } };
  'trading.cancel': { params: { id: string }; result: TradingView };
  'trading.cancelAll': { params: { symbol: string }; result: { canceled: number } };
  'trading.setDeadMan': { params: { on: boolean }; result: TradingView };
  'trading.resetPaper': { params: Record<never, never>; result: TradingView };
}
export type RequestType = keyof RequestMap;
export type Request = { [K in RequestType]: { type: K } & RequestMap[K]['params'] }[RequestType];
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;
export type ResultOf<K extends RequestType> = RequestMap[K]['result'];

/** Errors cross the boundary as data and are rebuilt as the same class on the UI side. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export type Response<K extends RequestType> =
  | { ok: true; value: ResultOf<K> }
  | { ok: false; error: SerializedError };

/**
 * Background → offscreen document (Chrome's offscreen API, for the alert sound). Sent with
 * runtime.sendMessage; the offscreen page checks the sender is this extension and answers `{ played }`.
 */
export type OffscreenMessage = { target: 'offscreen'; type: 'play-alert-sound' };

export function isOffscreenMessage(value: unknown): value is OffscreenMessage {
  return isRecord(value) && value.target === 'offscreen' && value.type === 'play-alert-sound';
}

/** Background → UI over the stream port: a snapshot first, then deltas. */
export type StreamEvent =
  | { type: 'snapshot'; snapshot: MarketSnapshot }
  | { type: 'ticks'; ticks: Tick[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot }
  | { type: 'alerts'; alerts: AlertsView }
  | { type: 'trading'; trading: TradingView }
  | { type: 'book'; book: BookTop }
  /** The background could not start (e.g. settings from a newer version): say so instead of spinning. */
  | { type: 'fatal'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isSymbolParam = (v: Record<string, unknown>) => typeof v.symbol === 'string' && v.symbol.length <= 32;
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optionalStr = (v: unknown, max: number) => v === undefined || str(v, max);

/** The key fields shared by add and replace: API key, private key, optional OTP. */
function keyFields(v: Record<string, unknown>): { apiKey: string; apiSecret: string; otp?: string } | null {
  if (!str(v.apiKey, 256) || !str(v.apiSecret, 256) || !optionalStr(v.otp, 64)) return null;
  return { apiKey: v.apiKey, apiSecret: v.apiSecret, ...(typeof v.otp === 'string' ? { otp: v.otp } : {}) };
}

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
const optionalDecimal = (v: unknown) => v === undefined || (typeof v === 'string' && DECIMAL.test(v));
/** Kraken's cl_ord_id may be a UUID; ours always is (crypto.randomUUID in the popup). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The shape of an order; its rules (lot, tick, minimums, balance) are checked again in the background. */
function orderRequest(v: unknown): OrderRequest | null {
  if (!isRecord(v) || !isSymbolParam(v)) return null;
  if (v.side !== 'buy' && v.side !== 'sell') return null;
  if (v.type !== 'market' && v.type !== 'limit' && v.type !== 'stop-loss' && v.type !== 'take-profit')
    return null;
  if (typeof v.volume !== 'string' || !DECIMAL.test(v.volume)) return null;
  if (!optionalDecimal(v.limitPrice) || !optionalDecimal(v.triggerPrice)) return null;
  if (typeof v.postOnly !== 'boolean' || (v.timeInForce !== 'GTC' && v.timeInForce !== 'IOC')) return null;
  return {
    symbol: v.symbol as string,
    side: v.side,
    type: v.type,
    volume: v.volume,
    ...(typeof v.limitPrice === 'string' ? { limitPrice: v.limitPrice } : {}),
    ...(typeof v.triggerPrice === 'string' ? { triggerPrice: v.triggerPrice } : {}),
    postOnly: v.postOnly,
    timeInForce: v.timeInForce,
  };
}

/** Validates an incoming request payload; anything that does not match the contract is refused. */
export function parseRequest(value: unknown): Request | null {
  if (!isRecord(value) || typeof value.type !== 'string') return null;
  const type = value.type as RequestType;
  switch (type) {
    case 'watchlist.add':
    case 'watchlist.remove':
    case 'badge.setPair':
      return isSymbolParam(value) ? ({ type, symbol: value.symbol } as Request) : null;
    case 'settings.get':
    case 'vault.get':
    case 'vault.lock':
    case 'alerts.get':
    case 'alerts.export':
    case 'alerts.testNotification':
    case 'trading.get':
    case 'trading.resetPaper':
      return { type };
    case 'trading.setMode':
      return value.mode === 'paper' || value.mode === 'live' ? { type, mode: value.mode } : null;
    case 'trading.watch':
    case 'trading.cancelAll':
      return isSymbolParam(value) ? ({ type, symbol: value.symbol } as Request) : null;
    case 'trading.preview': {
      const order = orderRequest(value.order);
      return order ? { type, order } : null;
    }
    case 'trading.place': {
      const order = orderRequest(value.order);
      return order && typeof value.clOrdId === 'string' && UUID.test(value.clOrdId)
        ? { type, order, clOrdId: value.clOrdId }
        : null;
    }
    case 'trading.cancel':
      return str(value.id, 64) ? { type, id: value.id } : null;
    case 'settings.setAlertSound':
    case 'trading.setDeadMan':
      return typeof value.on === 'boolean' ? { type, on: value.on } : null;
    case 'alerts.create':
      return isRecord(value.rule) ? { type, rule: value.rule } : null;
    case 'alerts.remove':
      return str(value.id, 64) ? { type, id: value.id } : null;
    case 'alerts.edit':
      return str(value.id, 64) && isRecord(value.changes)
        ? { type, id: value.id, changes: value.changes }
        : null;
    case 'alerts.setPaused':
      return str(value.id, 64) && typeof value.paused === 'boolean'
        ? { type, id: value.id, paused: value.paused }
        : null;
    case 'alerts.import':
      return str(value.json, 1_000_000) ? { type, json: value.json } : null;
    case 'vault.create':
    case 'vault.unlock':
      return str(value.passphrase, 1024) ? { type, passphrase: value.passphrase } : null;
    case 'vault.addKey': {
      const key = keyFields(value);
      return key && str(value.label, 64) ? { type, label: value.label, ...key } : null;
    }
    case 'vault.replaceKey': {
      const key = keyFields(value);
      return key && str(value.id, 64) ? { type, id: value.id, ...key } : null;
    }
    case 'vault.relabel':
      return str(value.id, 64) && str(value.label, 64) ? { type, id: value.id, label: value.label } : null;
    case 'vault.removeKey':
    case 'vault.setActive':
      return str(value.id, 64) ? { type, id: value.id } : null;
    case 'vault.setAutoLock':
      return Number.isInteger(value.minutes) &&
        (value.minutes as number) >= 0 &&
        (value.minutes as number) <= 24 * 60
        ? { type, minutes: value.minutes as number }
        : null;
    case 'settings.setEndpoints': {
      const e = value.endpoints;
      if (!isRecord(e)) return null;
      if (e.kind === 'kraken') return { type, endpoints: { kind: 'kraken' } };
      if (
        e.kind === 'custom' &&
        typeof e.rest === 'string' &&
        typeof e.wsPublic === 'string' &&
        (e.wsPrivate === null || typeof e.wsPrivate === 'string')
      ) {
        return {
          type,
          endpoints: { kind: 'custom', rest: e.rest, wsPublic: e.wsPublic, wsPrivate: e.wsPrivate },
        };
      }
      return null;
    }
    default: {
      const never: never = type;
      void never;
      return null;
    }
  }
}
