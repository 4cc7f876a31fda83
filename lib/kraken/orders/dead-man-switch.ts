import type { Clock } from '../clock.ts';
import type { KrakenRest } from '../rest/client.ts';

export interface DeadManSwitchOptions {
  rest: Pick<KrakenRest, 'cancelAllOrdersAfter'>;
  clock: Clock;
  /** Seconds after which Kraken cancels every order unless refreshed. Default 60 (Kraken's advice). */
  timeoutSec?: number;
  /** Refresh period. Default 20 s (Kraken: "call every 15 to 30 seconds"). */
  refreshMs?: number;
  /** A refresh failed; the switch keeps trying (Kraken will cancel if we cannot reach it, which is the point). */
  onError?: (error: unknown) => void;
  /** Kraken accepted a (re)arm at this time (ms): for showing "refreshed 5 s ago". */
  onRefresh?: (at: number) => void;
}

/**
 * CancelAllOrdersAfter while armed: Kraken cancels all orders `timeoutSec` after the last refresh, so if
 * the extension dies or loses the network, orders do not stay live unattended. stop() disarms (timeout=0).
 * https://docs.kraken.com/api/docs/rest-api/cancel-all-orders-after (SPEC.md §1.3)
 */
export function createDeadManSwitch(options: DeadManSwitchOptions) {
  const timeoutSec = options.timeoutSec ?? 60;
  const refreshMs = options.refreshMs ?? 20_000;
  if (!(timeoutSec > 0 && timeoutSec < 86_400)) throw new RangeError('timeoutSec must be in 1..86399');
  if (refreshMs >= timeoutSec * 1000) throw new RangeError('refreshMs must be shorter than the timeout');
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await options.rest.cancelAllOrdersAfter({ timeout: timeoutSec }, { signal });
        options.onRefresh?.(options.clock.now());
      } catch (e) {
        if (signal.aborted) return;
        options.onError?.(e);
      }
      try {
        await options.clock.sleep(refreshMs, signal);
      } catch {
        return;
      }
    }
  }

  return {
    /** Arms the switch and keeps refreshing it; a second arm() is a no-op. Resolves after the first call. */
    async arm(): Promise<void> {
      if (controller) return;
      const armed = new AbortController();
      controller = armed;
      try {
        await options.rest.cancelAllOrdersAfter({ timeout: timeoutSec }, { signal: armed.signal });
      } catch (e) {
        // Not armed: leave the switch off so a later arm() tries again (and stop() has nothing to undo).
        if (controller === armed) controller = undefined;
        throw e;
      }
      options.onRefresh?.(options.clock.now());
      const signal = armed.signal;
      loop = options.clock.sleep(refreshMs, signal).then(
        () => run(signal),
        () => undefined,
      );
    },
    /** Stops refreshing and tells Kraken to disarm (timeout=0). */
    async stop(): Promise<void> {
      if (!controller) return;
      controller.abort();
      controller = undefined;
      await loop;
      loop = undefined;
      await options.rest.cancelAllOrdersAfter({ timeout: 0 });
    },
    get armed(): boolean {
      return controller !== undefined;
    },
  };
}
export type DeadManSwitch = ReturnType<typeof createDeadManSwitch>;
