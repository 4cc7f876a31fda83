// The choke point of "credentials follow the vault": every signed request of a live account goes through
// this fetch, which first asks whether the account is still the one the vault and the settings point at.
// The moment a key is replaced, another key made active, the vault locked or the endpoint changed, nothing
// more leaves with the old key — except the dead man's switch's disarm (CancelAllOrdersAfter timeout=0),
// which must reach the account it was armed on, or Kraken cancels that account's orders a minute later.
// Whatever the state, a request goes only to the endpoint the key is bound to (lib/vault/binding.ts): not
// even the disarm leaves for another host.
import { type FetchLike, transportError } from '../../kraken/index.ts';
import { isForEndpoint } from '../../vault/binding.ts';

function isDisarm(url: string, body: RequestInit['body']): boolean {
  if (!url.endsWith('/0/private/CancelAllOrdersAfter') || typeof body !== 'string') return false;
  return new URLSearchParams(body).get('timeout') === '0';
}

/** `keyEndpoint`: the REST base URL the account's key is bound to; nothing is ever sent elsewhere. */
export function revocableFetch(fetchFn: FetchLike, isCurrent: () => boolean, keyEndpoint: string): FetchLike {
  return (url, init) => {
    const method = url.slice(url.lastIndexOf('/') + 1);
    if (!isForEndpoint(url, keyEndpoint)) {
      return Promise.reject(transportError(method, 'not-sent', `this key signs only for ${keyEndpoint}`));
    }
    if (!isCurrent() && !isDisarm(url, init.body)) {
      return Promise.reject(
        transportError(method, 'not-sent', 'the live account changed before this request left'),
      );
    }
    return fetchFn(url, init);
  };
}
