import type { Clock } from '../../lib/kraken/clock.ts';

/**
 * A clock whose sleeps take no real time: sleeping moves `now` forward to the wake-up time (after a
 * macrotask, so other work scheduled first still runs first). Records every sleep for assertions.
 */
export function virtualClock(start = 1_700_000_000_000): Clock & {
  advance(ms: number): void;
  sleeps: number[];
  set(ms: number): void;
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    advance(ms) {
      now += ms;
    },
    set(ms) {
      now = ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      const target = now + Math.max(0, ms);
      // A macrotask, not a microtask: a loop of virtual sleeps must not starve real timers and I/O.
      await new Promise((r) => setImmediate(r));
      if (signal?.aborted) throw signal.reason;
      now = Math.max(now, target);
    },
  };
}
