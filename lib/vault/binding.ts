// Keys are bound to the exchange they were added for: a key signs for its own REST endpoint and no other
// (DESIGN.md §8). The endpoint is stored in the key's record and authenticated with it (format.ts), checked
// when live trading picks the key (lib/trading/live/access.ts), and again by the fetch every signed request
// of that key goes through (boundFetch here; revocable-fetch.ts for live trading).
import { type FetchLike, transportError } from '../kraken/index.ts';
import { isLoopbackUrl, KRAKEN_ENDPOINTS } from '../settings/endpoints.ts';
import type { VaultRecord } from './format.ts';

/**
 * What a record sealed before keys were bound (no `endpoint`) signs for: Kraken. A key of unknown origin is
 * never sent to a custom endpoint; one that was used with the simulator is added again for it.
 */
export const UNBOUND_ENDPOINT = KRAKEN_ENDPOINTS.rest;

export const keyEndpoint = (record: Pick<VaultRecord, 'endpoint'>): string =>
  record.endpoint ?? UNBOUND_ENDPOINT;

function originOf(text: string): string | null {
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/** Whether a key may be bound to this REST base URL: Kraken's, or an origin on this computer. */
export function isBindableEndpoint(text: string): boolean {
  const origin = originOf(text);
  if (origin === null || origin !== text) return false;
  return text === KRAKEN_ENDPOINTS.rest || (isLoopbackUrl(text) && /^https?:$/.test(new URL(text).protocol));
}

/** Whether two REST base URLs are the same endpoint (same origin). */
export function sameEndpoint(a: string, b: string): boolean {
  const oa = originOf(a);
  return oa !== null && oa === originOf(b);
}

/** Whether a request URL goes to the key's endpoint (its origin, whatever the path). */
export const isForEndpoint = (url: string, endpoint: string): boolean => sameEndpoint(url, endpoint);

/** The method name of a REST URL, for the error of a refused request. */
const methodOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/**
 * A fetch that sends only to `endpoint`: anything else is refused before it leaves, as a KrakenError
 * `not-sent` (nothing was sent, so nothing can have happened).
 */
export function boundFetch(fetchFn: FetchLike, endpoint: string): FetchLike {
  return (url, init) => {
    if (!isForEndpoint(url, endpoint)) {
      return Promise.reject(transportError(methodOf(url), 'not-sent', `this key signs only for ${endpoint}`));
    }
    return fetchFn(url, init);
  };
}
