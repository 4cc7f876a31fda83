/**
 * Per-key nonce check. Kraken: the nonce is "an always increasing, unsigned 64-bit integer" per API key;
 * an optional per-key "nonce window" tolerates out-of-order nonces within that distance of the highest one
 * seen (https://docs.kraken.com/api/docs/guides/spot-rest-auth). A nonce is never accepted twice.
 * "Too many requests with invalid nonces … can result in temporary bans" — the thresholds below are ours
 * (Kraken publishes none; see docs/kraken-quirks.md).
 */
export const LOCKOUT_AFTER_INVALID = 10;
export const LOCKOUT_WINDOW_MS = 60_000;
export const LOCKOUT_MS = 30_000;

const U64_MAX = (1n << 64n) - 1n;

export type NonceVerdict = 'ok' | 'invalid' | 'locked';

interface KeyNonces {
  highest: bigint;
  /** Accepted nonces inside the window below `highest` (only kept when a window is set). */
  readonly recent: Set<bigint>;
  failures: number[];
  lockedUntil: number;
}

export class NonceBook {
  private readonly keys = new Map<string, KeyNonces>();

  /** `window` 0 = strictly increasing. */
  constructor(
    private readonly window: bigint,
    private readonly now: () => number = Date.now,
  ) {}

  private state(key: string): KeyNonces {
    let state = this.keys.get(key);
    if (!state) {
      state = { highest: 0n, recent: new Set(), failures: [], lockedUntil: 0 };
      this.keys.set(key, state);
    }
    return state;
  }

  /** The highest nonce accepted for the key (GetApiKeyInfo `nonce`), 0 before any. */
  highest(key: string): bigint {
    return this.state(key).highest;
  }

  /** The window this book applies to every key (GetApiKeyInfo `nonceWindow`). */
  get nonceWindow(): bigint {
    return this.window;
  }

  /** True while the key is locked out after repeated invalid nonces. */
  isLocked(key: string): boolean {
    return this.now() < this.state(key).lockedUntil;
  }

  check(key: string, text: string | undefined): NonceVerdict {
    const state = this.state(key);
    const now = this.now();
    if (now < state.lockedUntil) return 'locked';
    const nonce = text !== undefined && /^\d{1,20}$/.test(text) ? BigInt(text) : undefined;
    if (nonce !== undefined && nonce > 0n && nonce <= U64_MAX && this.accept(state, nonce)) return 'ok';
    state.failures = state.failures.filter((t) => now - t < LOCKOUT_WINDOW_MS);
    state.failures.push(now);
    if (state.failures.length >= LOCKOUT_AFTER_INVALID) {
      state.lockedUntil = now + LOCKOUT_MS;
      state.failures = [];
    }
    return 'invalid';
  }

  private accept(state: KeyNonces, nonce: bigint): boolean {
    if (nonce > state.highest) {
      state.highest = nonce;
      if (this.window > 0n) {
        state.recent.add(nonce);
        for (const old of state.recent) if (old < nonce - this.window) state.recent.delete(old);
      }
      return true;
    }
    if (this.window === 0n || nonce < state.highest - this.window || state.recent.has(nonce)) return false;
    state.recent.add(nonce);
    return true;
  }
}
