// GetWebSocketsToken, single-flight: concurrent private connections and subscribers share one REST call.
// Tokens are not reused across connections (https://docs.kraken.com/api/docs/guides/spot-ws-auth; SPEC.md §5.2).

export interface TokenSource {
  /** A fresh token; callers that ask while a request is in flight share its answer. */
  fresh(): Promise<string>;
  /** REST calls made so far (for tests and diagnostics). */
  readonly requests: number;
}

export function createTokenSource(
  fetchToken: () => Promise<{ token: string; expires: number }>,
): TokenSource {
  let inflight: Promise<string> | null = null;
  let requests = 0;
  return {
    fresh() {
      if (!inflight) {
        requests += 1;
        inflight = fetchToken()
          .then((r) => r.token)
          .finally(() => {
            inflight = null;
          });
      }
      return inflight;
    },
    get requests() {
      return requests;
    },
  };
}
