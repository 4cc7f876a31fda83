// When to try again after a lost or refused connection: exponential backoff with full jitter, and an
// attempt counter that only resets once a connection has stayed up for a while (so a server that accepts
// and drops at once cannot make us reconnect in a tight loop). Kraken limits reconnects per IP
// (https://docs.kraken.com/api/docs/guides/spot-ratelimits, SPEC.md §4.3).
import { type BackoffPolicy, backoffDelay } from '../backoff.ts';
import { createTimerSlot, type Timers } from './timers.ts';

export interface ReconnectOptions {
  timers: Timers;
  backoff: BackoffPolicy;
  random: () => number;
  /** A connection that stays up this long resets the attempt counter. */
  stableAfterMs: number;
  /** Opens the next connection. */
  connect(): void;
}

export function createReconnector(options: ReconnectOptions) {
  const retry = createTimerSlot(options.timers);
  const stable = createTimerSlot(options.timers);
  let attempt = 0;
  return {
    /** Plans the next attempt; returns its number and delay (for the session state). */
    schedule(): { attempt: number; delayMs: number } {
      attempt += 1;
      const delayMs = backoffDelay(attempt, options.backoff, options.random);
      retry.set(options.connect, delayMs);
      return { attempt, delayMs };
    },
    /** A connection opened: the counter resets if it stays up. */
    opened(): void {
      stable.set(() => {
        attempt = 0;
      }, options.stableAfterMs);
    },
    /** The connection went (or is being replaced): it did not stay up long enough to count. */
    lost(): void {
      stable.clear();
    },
    /** Forget the planned attempt (connecting now, or stopping). */
    cancel(): void {
      retry.clear();
    },
    /** Start counting from zero (a new endpoint). */
    reset(): void {
      attempt = 0;
    },
  };
}
