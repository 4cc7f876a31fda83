import { krakenErrorFrom, transportError } from './error-from.ts';
import { KrakenError, redact } from './errors.ts';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Per call: a signal to abandon it, and how long to wait for Kraken's answer. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface Envelope<T = unknown> {
  result: T;
  /** Kraken's "W…" warnings that came with a successful result. */
  warnings: string[];
}

export interface SendRequest {
  endpoint: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Strings that must never appear in an error (API key, secret, signature). */
  secrets: readonly string[];
  now: () => number;
}

const TIMEOUT = Symbol('timeout');

/**
 * One HTTP exchange and Kraken's envelope. HTTP status is not Kraken's error signal (errors come back as
 * 200 with `error[]`), but anything other than 200 means the request did not reach the API as intended —
 * a CDN page, a 5xx (https://docs.kraken.com/api/docs/guides/spot-rest-intro, SPEC.md §1.1).
 */
export async function send<T>(fetchFn: FetchLike, req: SendRequest): Promise<Envelope<T>> {
  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(TIMEOUT), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
  const safe = (text: string) => redact(text, req.secrets).slice(0, 200);
  let status: number;
  let text: string;
  try {
    const init: RequestInit = { method: req.method, headers: req.headers, signal };
    if (req.body !== undefined) init.body = req.body;
    const response = await fetchFn(req.url, init);
    status = response.status;
    text = await response.text();
  } catch (e) {
    if (req.signal?.aborted) throw req.signal.reason;
    // A fetch that refused to send (a revoked account's guard) says so itself: nothing left, nothing unknown.
    if (e instanceof KrakenError) throw e;
    if (timer.signal.aborted) {
      throw transportError(req.endpoint, 'timeout', `no answer within ${req.timeoutMs} ms`);
    }
    // The cause is not kept: a fetch implementation may echo the request (headers, body) in its message.
    throw transportError(req.endpoint, 'network', safe(e instanceof Error ? e.message : String(e)));
  } finally {
    clearTimeout(timeout);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const snippet = safe(
      text
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    if (status !== 200)
      throw transportError(req.endpoint, 'http-status', `HTTP ${status}: ${snippet}`, status);
    throw transportError(req.endpoint, 'not-json', `not JSON: ${snippet}`);
  }
  const errors = isEnvelope(body) ? body.error : undefined;
  if (errors === undefined) {
    if (status !== 200) throw transportError(req.endpoint, 'http-status', `HTTP ${status}`, status);
    throw transportError(req.endpoint, 'bad-envelope', 'no error array');
  }
  const failures = errors.filter((e) => !e.startsWith('W'));
  if (failures.length > 0 || (errors.length > 0 && !('result' in (body as object)))) {
    const err = krakenErrorFrom(req.endpoint, errors.map(safe), req.now());
    if (status === 200) throw err;
    throw new KrakenError({ ...err.toJSON(), status });
  }
  if (status !== 200) throw transportError(req.endpoint, 'http-status', `HTTP ${status}`, status);
  if (!('result' in (body as object))) throw transportError(req.endpoint, 'bad-envelope', 'no result');
  return { result: (body as { result: T }).result, warnings: errors };
}

function isEnvelope(value: unknown): value is { error: string[]; result?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return Array.isArray(error) && error.every((e) => typeof e === 'string');
}
