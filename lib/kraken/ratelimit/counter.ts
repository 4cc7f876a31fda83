import { createSerialQueue } from '../../base/serial-queue.ts';
import type { Clock } from '../clock.ts';
import type { CounterLimits } from './tiers.ts';

/**
 * Kraken's decaying counter (a leaky bucket measured in points): each call adds its cost, the counter
 * drains at `decayPerSecond` and must stay ≤ `max`. Callers wait in FIFO order until their cost fits;
 * nobody fails for being early. `snapToCap()` is for when the server says we were rate-limited anyway
 * (another client on the key, a restart that forgot the counter): we then assume it is full.
 */
export function createDecayingCounter(limits: CounterLimits, clock: Clock) {
  let level = 0;
  let at = clock.now();
  const queue = createSerialQueue();

  function current(): number {
    const now = clock.now();
    level = Math.max(0, level - ((now - at) / 1000) * limits.decayPerSecond);
    at = now;
    return level;
  }

  /** Milliseconds until `cost` more points fit (0 if they fit now). */
  function waitFor(cost: number): number {
    const over = current() + cost - limits.max;
    return over <= 1e-9 ? 0 : Math.ceil((over / limits.decayPerSecond) * 1000);
  }

  async function take(cost: number, signal?: AbortSignal): Promise<void> {
    if (cost > limits.max) throw new RangeError(`cost ${cost} exceeds the counter maximum ${limits.max}`);
    for (;;) {
      const ms = waitFor(cost);
      if (ms === 0) break;
      await clock.sleep(ms, signal);
    }
    level = current() + cost;
  }

  return {
    /** Waits until `cost` points fit, then adds them. Concurrent callers are served in call order. */
    acquire(cost: number, signal?: AbortSignal): Promise<void> {
      if (cost <= 0) return Promise.resolve();
      return queue.run(() => take(cost, signal));
    },
    /** Adds points without waiting (e.g. penalties the server applies after the fact). */
    add(points: number): void {
      level = current() + points;
    },
    /**
     * Re-dates a charge of `cost` made `ms` ago to now. The server charges a call when it arrives, which is
     * some time between our send and its answer; assuming the latest moment keeps our model at or above the
     * server's even when the first request was slower than later ones (connection set-up, a cold start).
     */
    redate(cost: number, ms: number): void {
      if (ms <= 0 || cost <= 0) return;
      level = current() + Math.min(cost, (ms / 1000) * limits.decayPerSecond);
    },
    snapToCap(): void {
      level = Math.max(current(), limits.max);
    },
    level: current,
    waitFor,
    limits,
  };
}
export type DecayingCounter = ReturnType<typeof createDecayingCounter>;
