// The private feed needs a fresh GetWebSocketsToken token per connection. When Kraken refuses one (a key
// without WebSocket access, a lockout, an outage) that is a visible problem carrying Kraken's code and words (the
// page says it in its language: lib/ui/trading/live-text.ts), and the
// next try waits with backoff instead of flapping the connection every few seconds without a word.
// https://docs.kraken.com/api/docs/rest-api/get-websockets-token
import { backoffDelay, type Clock } from '../../kraken/index.ts';
import { failureOf } from '../failure.ts';
import type { LiveProblem } from '../types.ts';

export interface TokenProblem {
  problem: Extract<LiveProblem, { code: 'no-token' }>;
  /** When the next token request may go out (our clock). */
  retryAt: number;
}

const POLICY = { baseMs: 2_000, capMs: 5 * 60_000, floorMs: 1_000 };

/**
 * Wraps the token source: each failure is reported and pushes the next request out (2 s, 4 s … 5 min, full
 * jitter); a success clears the problem.
 */
export function withTokenHealth(
  fresh: () => Promise<string>,
  clock: Clock,
  onProblem: (problem: TokenProblem | null) => void,
  random: () => number = Math.random,
): (signal?: AbortSignal) => Promise<string> {
  let failures = 0;
  let notBefore = 0;
  return async (signal) => {
    const wait = notBefore - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
    try {
      const token = await fresh();
      if (failures > 0) onProblem(null);
      failures = 0;
      return token;
    } catch (error) {
      failures += 1;
      notBefore = clock.now() + backoffDelay(failures, POLICY, random);
      onProblem({ problem: { code: 'no-token', failure: failureOf(error) }, retryAt: notBefore });
      throw error;
    }
  };
}

/**
 * Whether the private socket's current connection has its token: only then can it carry orders. A connection
 * that is open but still waiting for GetWebSocketsToken (itself a REST call, which may have to wait for the
 * REST counter) would hold an order until the token came or failed — measured by the order-ack bench at over
 * 3 s — where REST sends it at once; and the feed is not "ready" before it can subscribe.
 */
export function createConnectionAuth(token: (signal?: AbortSignal) => Promise<string>, onChange: () => void) {
  /** Bumped on every state change of the session: a new connection (or none) starts without a token. */
  let connection = 0;
  let authed = false;
  return {
    /** The session's token provider: a token got while its connection is still the current one marks it. */
    async token(signal?: AbortSignal): Promise<string> {
      const asked = connection;
      const value = await token(signal);
      if (asked === connection && !authed) {
        authed = true;
        onChange();
      }
      return value;
    },
    stateChanged(): void {
      connection += 1;
      authed = false;
    },
    authed: (): boolean => authed,
  };
}
