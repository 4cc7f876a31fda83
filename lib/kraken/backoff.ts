export interface BackoffPolicy {
  /** Upper bound of the first retry's delay. */
  baseMs: number;
  /** No delay ever exceeds this. */
  capMs: number;
  /** Every delay is at least this, so a burst of drops cannot become a reconnect storm. */
  floorMs: number;
}

// Kraken bans an IP that reconnects more than ~150 times in 10 minutes (SPEC.md §4.3), so the cap is generous.
// Shared by the WebSocket session (reconnects) and REST retries (lib/kraken/rest/client.ts, orders/placer.ts).
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000, floorMs: 100 };

/**
 * Exponential backoff with full jitter: uniform in [floor, min(cap, base · 2^(attempt−1))].
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const ceiling = Math.max(policy.floorMs, exp);
  return Math.round(policy.floorMs + random() * (ceiling - policy.floorMs));
}
