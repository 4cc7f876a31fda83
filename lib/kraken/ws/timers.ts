/** Timers, injected so the session runs on a virtual clock in tests (the browser's and Node's both fit). */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const defaultTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** One pending timeout at most: setting it again replaces the previous one. */
export function createTimerSlot(timers: Timers) {
  let handle: unknown = null;
  return {
    set(fn: () => void, ms: number): void {
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    clear(): void {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    get active(): boolean {
      return handle !== null;
    },
  };
}
