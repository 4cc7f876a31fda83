// The choke point of "credentials follow the vault": every signed request of a live account goes through
// this fetch, which first asks whether the account is still the one the vault and the settings point at.
// The moment a key is replaced, another key made active, the vault locked or the endpoint changed, nothing
// more leaves with the old key — except the dead man's switch's disarm (CancelAllOrdersAfter timeout=0),
// which must reach the account it was armed on, or Kraken cancels that account's orders a minute later.
import { type FetchLike, KrakenError } from '../../kraken/index.ts';

function isDisarm(url: string, body: RequestInit['body']): boolean {
  if (!url.endsWith('/0/private/CancelAllOrdersAfter') || typeof body !== 'string') return false;
  return new URLSearchParams(body).get('timeout') === '0';
}

export function revocableFetch(fetchFn: FetchLike, isCurrent: () => boolean): FetchLike {
  return (url, init) => {
    if (!isCurrent() && !isDisarm(url, init.body)) {
      const endpoint = url.slice(url.lastIndexOf('/') + 1);
      return Promise.reject(
        KrakenError.transport(endpoint, 'not-sent', 'the live account changed before this request left'),
      );
    }
    return fetchFn(url, init);
  };
}
