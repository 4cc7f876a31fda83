// Every request payload is checked against the contract before any handler sees it: one parser per request
// type, each returning exactly that request (the type checker holds the map to the contract).
import { isLanguageSetting } from '../i18n/locales.ts';
import { isNonceScale } from '../kraken/auth/nonce.ts';
import { CHART_INTERVALS, type ChartInterval } from '../market/types.ts';
import { DECIMAL_LIMITS, parseOrderRequest as orderRequest, parseOffset } from '../orders/parse.ts';
import { type Endpoints, isLoopbackUrl, isThemeSetting, MAX_AUTO_LOCK_MINUTES } from '../settings/schema.ts';
import type { KeyParams, PortRequest, Request, RequestOf, RequestType } from './protocol.ts';

type Fields = Record<string, unknown>;
type Parser<K extends RequestType> = (value: Fields, type: K) => RequestOf<K> | null;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optionalStr = (v: unknown, max: number) => v === undefined || str(v, max);
const SYMBOL_MAX = 32;
const ID_MAX = 64;

const DECIMAL = new RegExp(
  `^\\d{1,${DECIMAL_LIMITS.integerDigits}}(\\.\\d{1,${DECIMAL_LIMITS.fractionDigits}})?$`,
);
const optionalDecimal = (v: unknown) => v === undefined || (typeof v === 'string' && DECIMAL.test(v));
/** Kraken's cl_ord_id may be a UUID; ours always is (crypto.randomUUID in the popup). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The key fields shared by add and replace: API key, private key, optional OTP, scale and confirmation. */
function keyFields(v: Fields): KeyParams | null {
  if (!str(v.apiKey, 256) || !str(v.apiSecret, 256) || !optionalStr(v.otp, 64)) return null;
  if (v.nonceScale !== undefined && !isNonceScale(v.nonceScale)) return null;
  if (v.allowWithdraw !== undefined && typeof v.allowWithdraw !== 'boolean') return null;
  return {
    apiKey: v.apiKey,
    apiSecret: v.apiSecret,
    ...(typeof v.otp === 'string' ? { otp: v.otp } : {}),
    ...(v.nonceScale !== undefined ? { nonceScale: v.nonceScale } : {}),
    ...(v.allowWithdraw === true ? { allowWithdraw: true } : {}),
  };
}

function endpoints(e: unknown): Endpoints | null {
  if (!isRecord(e)) return null;
  if (e.kind === 'kraken') return { kind: 'kraken' };
  // A custom endpoint names this computer only (lib/settings/endpoints.ts, checked again by the settings
  // service with a message that says why): a page that skips the form's check is refused here already.
  if (
    e.kind === 'custom' &&
    str(e.rest, 512) &&
    isLoopbackUrl(e.rest) &&
    str(e.wsPublic, 512) &&
    isLoopbackUrl(e.wsPublic) &&
    (e.wsPrivate === null || (str(e.wsPrivate, 512) && isLoopbackUrl(e.wsPrivate)))
  ) {
    return { kind: 'custom', rest: e.rest, wsPublic: e.wsPublic, wsPrivate: e.wsPrivate };
  }
  return null;
}

const none = <K extends RequestType>(_: Fields, type: K) => ({ type }) as RequestOf<K>;
const symbol = <K extends RequestType>(v: Fields, type: K) =>
  str(v.symbol, SYMBOL_MAX) ? ({ type, symbol: v.symbol } as RequestOf<K>) : null;
const id = <K extends RequestType>(v: Fields, type: K) =>
  str(v.id, ID_MAX) ? ({ type, id: v.id } as RequestOf<K>) : null;
const on = <K extends RequestType>(v: Fields, type: K) =>
  typeof v.on === 'boolean' ? ({ type, on: v.on } as RequestOf<K>) : null;
const passphrase = <K extends RequestType>(v: Fields, type: K) =>
  str(v.passphrase, 1024) ? ({ type, passphrase: v.passphrase } as RequestOf<K>) : null;
const clOrdId = <K extends RequestType>(v: Fields, type: K) =>
  typeof v.clOrdId === 'string' && UUID.test(v.clOrdId)
    ? ({ type, clOrdId: v.clOrdId } as RequestOf<K>)
    : null;

const PARSERS: { [K in RequestType]: Parser<K> } = {
  'watchlist.add': symbol,
  'watchlist.remove': symbol,
  'watchlist.move': (v, type) =>
    str(v.symbol, SYMBOL_MAX) && Number.isSafeInteger(v.index) && (v.index as number) >= 0
      ? { type, symbol: v.symbol, index: v.index as number }
      : null,
  'badge.setPair': symbol,
  'chart.watch': (v, type) =>
    str(v.viewer, ID_MAX) &&
    str(v.symbol, SYMBOL_MAX) &&
    CHART_INTERVALS.includes(v.interval as ChartInterval)
      ? { type, viewer: v.viewer, symbol: v.symbol, interval: v.interval as ChartInterval }
      : null,
  'chart.unwatch': (v, type) => (str(v.viewer, ID_MAX) ? { type, viewer: v.viewer } : null),
  'settings.get': none,
  'settings.setEndpoints': (v, type) => {
    const e = endpoints(v.endpoints);
    return e ? { type, endpoints: e } : null;
  },
  'settings.setAlertSound': on,
  'settings.setLanguage': (v, type) =>
    isLanguageSetting(v.language) ? { type, language: v.language } : null,
  'settings.setTheme': (v, type) => (isThemeSetting(v.theme) ? { type, theme: v.theme } : null),
  'launch.take': none,
  'vault.get': none,
  'vault.create': passphrase,
  'vault.unlock': passphrase,
  'vault.lock': none,
  'vault.addKey': (v, type) => {
    const key = keyFields(v);
    return key && str(v.label, 64) ? { type, label: v.label, ...key } : null;
  },
  'vault.replaceKey': (v, type) => {
    const key = keyFields(v);
    return key && str(v.id, ID_MAX) ? { type, id: v.id, ...key } : null;
  },
  'vault.relabel': (v, type) =>
    str(v.id, ID_MAX) && str(v.label, 64) ? { type, id: v.id, label: v.label } : null,
  'vault.removeKey': id,
  'vault.setActive': id,
  'vault.reset': (v, type) => (str(v.confirm, 64) ? { type, confirm: v.confirm } : null),
  'vault.setAutoLock': (v, type) =>
    Number.isInteger(v.minutes) &&
    (v.minutes as number) >= 0 &&
    (v.minutes as number) <= MAX_AUTO_LOCK_MINUTES
      ? { type, minutes: v.minutes as number }
      : null,
  'alerts.get': none,
  'alerts.create': (v, type) => (isRecord(v.rule) ? { type, rule: v.rule } : null),
  'alerts.remove': id,
  'alerts.setPaused': (v, type) =>
    str(v.id, ID_MAX) && typeof v.paused === 'boolean' ? { type, id: v.id, paused: v.paused } : null,
  'alerts.edit': (v, type) =>
    str(v.id, ID_MAX) && isRecord(v.changes) ? { type, id: v.id, changes: v.changes } : null,
  'alerts.export': none,
  'alerts.import': (v, type) => (str(v.json, 1_000_000) ? { type, json: v.json } : null),
  'alerts.testNotification': none,
  'trading.get': none,
  'trading.setMode': (v, type) => (v.mode === 'paper' || v.mode === 'live' ? { type, mode: v.mode } : null),
  'trading.watch': symbol,
  'trading.preview': (v, type) => {
    const order = orderRequest(v.order);
    return order ? { type, order } : null;
  },
  'trading.place': (v, type) => {
    const order = orderRequest(v.order);
    return order && typeof v.clOrdId === 'string' && UUID.test(v.clOrdId)
      ? { type, order, clOrdId: v.clOrdId }
      : null;
  },
  'trading.check': clOrdId,
  'trading.dismissIntent': clOrdId,
  'trading.cancel': id,
  'trading.amend': (v, type) => {
    const trailOffset = parseOffset(v.trailOffset);
    if (
      !str(v.id, ID_MAX) ||
      !optionalDecimal(v.volume) ||
      !optionalDecimal(v.limitPrice) ||
      !optionalDecimal(v.triggerPrice) ||
      trailOffset === null
    )
      return null;
    if (v.volume === undefined && v.limitPrice === undefined && v.triggerPrice === undefined && !trailOffset)
      return null;
    return {
      type,
      id: v.id,
      ...(typeof v.volume === 'string' ? { volume: v.volume } : {}),
      ...(typeof v.limitPrice === 'string' ? { limitPrice: v.limitPrice } : {}),
      ...(typeof v.triggerPrice === 'string' ? { triggerPrice: v.triggerPrice } : {}),
      ...(trailOffset ? { trailOffset } : {}),
    };
  },
  'trading.amends': id,
  'trading.setPaperFees': (v, type) =>
    v.tier === 'starter' ||
    v.tier === 'live' ||
    (Number.isFinite(v.tier) && (v.tier as number) >= 0 && (v.tier as number) < 1e12)
      ? { type, tier: v.tier as 'starter' | 'live' | number }
      : null,
  'trading.cancelAll': symbol,
  'trading.setDeadMan': on,
  'trading.resetPaper': none,
};

/** Validates an incoming request payload; anything that does not match the contract is refused (null). */
export function parseRequest(value: unknown): Request | null {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(PARSERS, value.type)) return null;
  const type = value.type as RequestType;
  return (PARSERS[type] as Parser<RequestType>)(value, type);
}

/** A request over the request port: a page's id (a safe integer) and a request that parses. */
export function parsePortRequest(value: unknown): PortRequest | null {
  if (!isRecord(value) || !Number.isSafeInteger(value.id)) return null;
  const request = parseRequest(value.request);
  return request ? { id: value.id as number, request } : null;
}

/** Every request type the contract has (tests walk it to send each one, well-formed and hostile). */
export const REQUEST_TYPES = Object.keys(PARSERS) as RequestType[];
