// Kraken nonces: "always increasing, unsigned 64-bit integer" per API key
// (https://docs.kraken.com/api/docs/guides/spot-rest-auth, SPEC.md §2). See docs/nonce.md for the design.
import { createSerialQueue } from '../../base/serial-queue.ts';

/** Units of the wall-clock part of a nonce. A key keeps one scale for life: Kraken compares numbers only. */
export type NonceScale = 'ms' | 'us' | 'ns';

/** Every scale, smallest first (a key can only move up: docs/nonce.md). */
export const NONCE_SCALES: readonly NonceScale[] = ['ms', 'us', 'ns'];

export const isNonceScale = (value: unknown): value is NonceScale =>
  typeof value === 'string' && (NONCE_SCALES as readonly string[]).includes(value);

const PER_MS: Record<NonceScale, bigint> = { ms: 1n, us: 1_000n, ns: 1_000_000n };
const U64_MAX = 2n ** 64n - 1n;

/**
 * Where the high-water mark lives (IndexedDB in the extension, a Map in tests, a file in the CLI).
 * Values are decimal strings: a nonce at ns scale (~1.8e18) does not fit a float.
 */
export interface NonceStore {
  load(keyId: string): Promise<string | undefined>;
  save(keyId: string, value: string): Promise<void>;
}

export function memoryNonceStore(initial: Record<string, string> = {}): NonceStore & {
  readonly data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    load: async (keyId) => data.get(keyId),
    save: async (keyId, value) => {
      data.set(keyId, value);
    },
  };
}

export interface NonceSourceOptions {
  store: NonceStore;
  /** Identifies the API key (a digest of it, never the key or the secret). */
  keyId: string;
  /** Default 'ms' — see docs/nonce.md. Use the scale the key was used with before. */
  scale?: NonceScale;
  /** Wall clock in ms (injected; defaults to Date.now). */
  now?: () => number;
}

export interface NonceSource {
  /** The next nonce, already persisted as the high-water mark before it is returned. */
  next(): Promise<string>;
  readonly scale: NonceScale;
}

/**
 * Strictly increasing nonces for one key: max(clock × scale, high-water mark + 1), saved before use.
 * Calls are serialised, so concurrent callers never get the same or a smaller value; the mark is read
 * from the store before each nonce, so a restarted service worker (or another source on the same store,
 * used in turn) continues above the last value handed out, and a clock that jumps back only makes nonces
 * advance by one. Sources used at the same instant must also share the client's queue (rest/client.ts).
 */
export function createNonceSource(options: NonceSourceOptions): NonceSource {
  const scale = options.scale ?? 'ms';
  const now = options.now ?? Date.now;
  let mark: bigint | undefined;
  const queue = createSerialQueue();

  async function issue(): Promise<string> {
    // Re-read the stored mark every time (one small read per private call): another source on the same
    // store — a second client built for the same key, a restarted worker — may have moved it on.
    const stored = await options.store.load(options.keyId);
    const persisted = stored !== undefined && /^[0-9]{1,20}$/.test(stored) ? BigInt(stored) : 0n;
    mark = mark === undefined || persisted > mark ? persisted : mark;
    const fromClock = BigInt(Math.floor(now())) * PER_MS[scale];
    const candidate = fromClock > mark ? fromClock : mark + 1n;
    if (candidate > U64_MAX) throw new RangeError('nonce would exceed 64 bits');
    const text = candidate.toString();
    // Persist first: if the worker dies after sending, the next start must still be above this value.
    await options.store.save(options.keyId, text);
    mark = candidate;
    return text;
  }

  return {
    scale,
    next: () => queue.run(issue),
  };
}
