// A KrakenError built from Kraken's answer, or from its absence, with its English hint (error-hints.ts) for the
// CLI and the worker's logs. Apart from the class (errors.ts), which a page needs to tell failures apart, so that
// the page does not load the hints: it says them by code in its own language (bench row popup-js).
import { KRAKEN_HINTS, TRANSPORT_HINTS, UNKNOWN_HINT } from './error-hints.ts';
import { matchRule, type TransportCode } from './error-rules.ts';
import { KrakenError } from './errors.ts';

/** Built from the `error` array of Kraken's envelope; the first error decides the class. */
export function krakenErrorFrom(endpoint: string, errors: readonly string[], nowMs: number): KrakenError {
  const first = errors.find((e) => e.startsWith('E')) ?? errors[0] ?? '';
  const { prefix, ...rule } = matchRule(first);
  let retryAfterMs: number | undefined;
  if (rule.code === 'throttled') {
    const ts = Number(/(\d{9,})\s*$/.exec(first)?.[1]);
    if (Number.isFinite(ts)) retryAfterMs = Math.max(0, ts * 1000 - nowMs);
  }
  const hint = prefix === null ? UNKNOWN_HINT : KRAKEN_HINTS[prefix];
  return new KrakenError({ ...rule, hint, endpoint, kraken: errors, retryAfterMs });
}

/** No usable answer from Kraken: the network, a timeout, an HTTP error page, not its format; or not sent at all. */
export function transportError(
  endpoint: string,
  code: TransportCode,
  detail: string,
  status?: number,
): KrakenError {
  // A 5xx or a timeout may hide an executed order; the caller's idempotency layer decides what to do.
  const retryable =
    code !== 'bad-envelope' &&
    code !== 'not-sent' &&
    !(code === 'http-status' && status !== undefined && status < 500);
  return new KrakenError({
    code,
    category: 'transport',
    endpoint,
    retryable,
    hint: TRANSPORT_HINTS[code],
    detail,
    status,
  });
}
