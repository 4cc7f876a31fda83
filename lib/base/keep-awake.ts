// The lowest layer (lib/base) imports nothing from other lib folders: every other folder may use it.

export interface KeepAwakeOptions {
  /** Whether something must keep running right now; asked on every beat. */
  needed(): boolean;
  /** One call the browser counts as activity (the background injects an extension API call). */
  touch(): Promise<unknown>;
  /** Beat period in ms. Default 15 s: half of Firefox's 30 s idle timeout, so one late beat is harmless. */
  everyMs?: number;
  /** A touch that failed (the beat after it tries again). */
  onError?(error: unknown): void;
  timers?: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
}

/**
 * Keeps a background that the browser suspends when idle running while `needed()` says so, by touching
 * the browser on a fixed beat. It never wakes a suspended background (its timer is gone with it): what
 * must also survive a suspension is scheduled with alarms and caught up on start.
 */
export function createKeepAwake(options: KeepAwakeOptions) {
  const everyMs = options.everyMs ?? 15_000;
  const timers = options.timers ?? {
    setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms),
    clearInterval: (h: unknown) => globalThis.clearInterval(h as ReturnType<typeof globalThis.setInterval>),
  };
  let handle: unknown = null;
  let touches = 0;

  function beat(): void {
    try {
      if (!options.needed()) return;
      touches += 1;
      options.touch().catch((error: unknown) => options.onError?.(error));
    } catch (error) {
      options.onError?.(error);
    }
  }

  return {
    start(): void {
      if (handle === null) handle = timers.setInterval(beat, everyMs);
    },
    stop(): void {
      if (handle !== null) timers.clearInterval(handle);
      handle = null;
    },
    /** How many touches were made (for tests and diagnostics). */
    touches: (): number => touches,
  };
}

export type KeepAwake = ReturnType<typeof createKeepAwake>;
