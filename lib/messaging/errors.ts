// Errors cross the UI ↔ background boundary as data and come back as the same class (docs/design.md §3): the
// popup can tell "Kraken refused" from "the outcome is unknown" from "not placed", and keeps Kraken's hint.
import { AlertRuleError } from '../alerts/rule-error.ts';
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from '../kraken/orders/errors.ts';
import { KrakenError, type KrakenErrorInit } from '../kraken/rest/errors.ts';
import { WATCHLIST_PROBLEMS, WatchlistError } from '../settings/watchlist.ts';
import { OrderRefused, TradingUnavailable } from '../trading/errors.ts';
import { VaultError, type VaultErrorCode } from '../vault/errors.ts';

/** What travels: the class name, its message, and the class's own fields. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  data?: Record<string, unknown>;
}

/** An error of a class the registry does not know (or a plain Error), rebuilt with its name and code. */
export class BackgroundError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The request got no answer (the background stopped or restarted while it was out): it may or may not have
 * run. The order ticket asks again with the same cl_ord_id, which looks before it sends.
 */
export class BackgroundUnreachable extends Error {
  override readonly name = 'BackgroundUnreachable';
  constructor(readonly detail: string) {
    super('The extension’s background did not answer. It restarts by itself; try again in a moment.');
  }
}

type Rebuild = (data: Record<string, unknown>, message: string) => Error;
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);

/** name → how to rebuild it. A class missing here arrives as BackgroundError (tested: every class is here). */
const REGISTRY: Record<string, Rebuild> = {
  KrakenError: (data) => KrakenError.fromJSON(krakenInit(data)),
  OrderOutcomeUnknown: (data) => OrderOutcomeUnknown.fromJSON(data),
  OrderExpired: (data) => OrderExpired.fromJSON(data),
  ForeignIntent: (data) => ForeignIntent.fromJSON(data),
  OrderRefused: (data, message) => new OrderRefused(str(data.code), message),
  TradingUnavailable: (data, message) => {
    const known = ['locked', 'not-ready', 'other-endpoint'] as const;
    const reason = known.find((r) => r === data.reason) ?? 'no-key';
    return new TradingUnavailable(reason, message);
  },
  AlertRuleError: (data) => {
    const rebuilt = AlertRuleError.fromJSON(data);
    if (!rebuilt) throw new TypeError('not an alert rule problem');
    return rebuilt;
  },
  WatchlistError: (data, message) => {
    const code = WATCHLIST_PROBLEMS.find((c) => c === data.code);
    if (!code) throw new TypeError('not a watchlist problem');
    return new WatchlistError(code, message, str(data.subject));
  },
  VaultError: (data, message) =>
    Object.assign(
      new VaultError(str(data.code, 'corrupted') as VaultErrorCode, str(data.detail) || undefined),
      {
        message,
      },
    ),
};

export const REGISTERED_ERRORS: readonly string[] = Object.keys(REGISTRY);

function krakenInit(data: Record<string, unknown>): KrakenErrorInit {
  const kraken = Array.isArray(data.kraken)
    ? data.kraken.filter((k): k is string => typeof k === 'string')
    : [];
  return {
    code: str(data.code, 'unknown') as KrakenErrorInit['code'],
    category: str(data.category, 'unknown') as KrakenErrorInit['category'],
    endpoint: str(data.endpoint),
    retryable: data.retryable === true,
    hint: str(data.hint),
    kraken,
    ...(typeof data.status === 'number' ? { status: data.status } : {}),
    ...(typeof data.retryAfterMs === 'number' ? { retryAfterMs: data.retryAfterMs } : {}),
    ...(typeof data.detail === 'string' ? { detail: data.detail } : {}),
    ...(data.mayHaveExecuted === true ? { mayHaveExecuted: true } : {}),
  };
}

/** The fields of an error worth sending: its own toJSON when it has one, else its enumerable own fields. */
function dataOf(error: Error): Record<string, unknown> {
  const withJson = error as Error & { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') {
    const json = withJson.toJSON();
    if (json && typeof json === 'object') return { ...(json as Record<string, unknown>) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
  }
  return out;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const data = dataOf(error);
    const code = typeof data.code === 'string' ? data.code : undefined;
    return { name: error.name, message: error.message, ...(code ? { code } : {}), data };
  }
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  const rebuild = Object.hasOwn(REGISTRY, error.name) ? REGISTRY[error.name] : undefined;
  if (rebuild) {
    try {
      return rebuild(error.data ?? {}, error.message);
    } catch {
      // A malformed payload still says what happened.
    }
  }
  return new BackgroundError(error.name, error.message, error.code);
}
