import type { Clock } from '../clock.ts';
import type { KrakenRest } from '../rest/client.ts';

export interface DeadManSwitchOptions {
  rest: Pick<KrakenRest, 'cancelAllOrdersAfter'>;
  clock: Clock;
  /** Seconds after which Kraken cancels every order unless refreshed. Default 60 (Kraken's advice). */
  timeoutSec?: number;
  /** Refresh period. Default 20 s (Kraken: "call every 15 to 30 seconds"). */
  refreshMs?: number;
  /** First retry delay of a failed disarm; doubles up to `disarmRetryCapMs`. Default 1 s. */
  disarmRetryMs?: number;
  /** Default 5 s: a disarm must get through before the last arm's timer runs out. */
  disarmRetryCapMs?: number;
  /** Every change of state (the popup shows it, with a countdown to `triggerAt`). */
  onChange?: (state: DeadManState) => void;
}

/**
 * What the switch is doing, with the moment Kraken would cancel every order (our clock, conservative: the
 * send time of the last accepted arm plus the timeout — Kraken's own timer started a little later).
 */
export type DeadManState =
  | { kind: 'off' }
  | { kind: 'arming' }
  | { kind: 'armed'; triggerAt: number; refreshedAt: number }
  /** Armed, but the last refresh failed: Kraken cancels everything at `triggerAt` unless one gets through. */
  | { kind: 'refresh-failing'; triggerAt: number; refreshedAt: number; error: string }
  /** Turned off here, not yet confirmed by Kraken (timeout=0): retried until it is, or the timer runs out. */
  | { kind: 'disarming'; triggerAt: number; attempts: number; error?: string; retryAt?: number }
  /** A disarm never got through before the timer ran out: Kraken cancelled every open order at `at`. */
  | { kind: 'lapsed'; at: number };

/**
 * CancelAllOrdersAfter while armed: Kraken cancels all orders `timeoutSec` after the last refresh, so if
 * the extension dies or loses the network, orders do not stay live unattended. Turning it off is only
 * "off" once Kraken confirms `timeout=0`; until then it says so and keeps trying.
 * https://docs.kraken.com/api/docs/rest-api/cancel-all-orders-after (docs/kraken-protocol.md §1.3)
 */
export function createDeadManSwitch(options: DeadManSwitchOptions) {
  const { clock } = options;
  const timeoutSec = options.timeoutSec ?? 60;
  const refreshMs = options.refreshMs ?? 20_000;
  const retryMs = options.disarmRetryMs ?? 1_000;
  const retryCapMs = options.disarmRetryCapMs ?? 5_000;
  if (!(timeoutSec > 0 && timeoutSec < 86_400)) throw new RangeError('timeoutSec must be in 1..86399');
  if (refreshMs >= timeoutSec * 1000) throw new RangeError('refreshMs must be shorter than the timeout');
  let state: DeadManState = { kind: 'off' };
  let refresher: AbortController | undefined;
  let disarm: Promise<void> | undefined;

  function set(next: DeadManState): void {
    state = next;
    options.onChange?.(next);
  }

  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

  /** One arm or refresh; on success the timer now runs out at send time + timeout. */
  async function arm(signal: AbortSignal): Promise<void> {
    const sentAt = clock.now();
    await options.rest.cancelAllOrdersAfter({ timeout: timeoutSec }, { signal });
    if (signal.aborted) return;
    set({ kind: 'armed', triggerAt: sentAt + timeoutSec * 1000, refreshedAt: clock.now() });
  }

  async function refreshLoop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await clock.sleep(refreshMs, signal);
        await arm(signal);
      } catch (e) {
        if (signal.aborted) return;
        if (state.kind === 'armed' || state.kind === 'refresh-failing') {
          set({
            kind: 'refresh-failing',
            triggerAt: state.triggerAt,
            refreshedAt: state.refreshedAt,
            error: message(e),
          });
        }
      }
    }
  }

  async function disarmLoop(triggerAt: number, answered: () => void): Promise<void> {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        await options.rest.cancelAllOrdersAfter({ timeout: 0 });
        set({ kind: 'off' });
        return;
      } catch (e) {
        answered();
        const delay = Math.min(retryCapMs, retryMs * 2 ** (attempts - 1));
        if (clock.now() + delay > triggerAt) {
          // No point going on: by the next try Kraken's timer has run out and it cancelled every order.
          await clock.sleep(Math.max(0, triggerAt - clock.now()));
          set({ kind: 'lapsed', at: triggerAt });
          return;
        }
        set({ kind: 'disarming', triggerAt, attempts, error: message(e), retryAt: clock.now() + delay });
        await clock.sleep(delay);
      }
    }
  }

  return {
    /** Arms the switch and keeps refreshing it; resolves after Kraken accepted the first arm. */
    async arm(): Promise<void> {
      if (refresher) return;
      if (disarm) await disarm; // a disarm still going: let it finish first, so the two never race
      const controller = new AbortController();
      refresher = controller;
      set({ kind: 'arming' });
      try {
        await arm(controller.signal);
      } catch (e) {
        // Not armed: leave the switch off so a later arm() tries again (and stop() has nothing to undo).
        if (refresher === controller) refresher = undefined;
        set({ kind: 'off' });
        throw e;
      }
      void refreshLoop(controller.signal);
    },

    /**
     * Stops refreshing and disarms (timeout=0), retrying until Kraken confirms or its timer has run out.
     * Resolves when the first disarm attempt is answered; `settled()` resolves when it is off or lapsed.
     */
    async stop(): Promise<void> {
      if (!refresher) return disarm;
      refresher.abort();
      refresher = undefined;
      const triggerAt =
        state.kind === 'armed' || state.kind === 'refresh-failing'
          ? state.triggerAt
          : clock.now() + timeoutSec * 1000;
      set({ kind: 'disarming', triggerAt, attempts: 0 });
      // The caller waits for the first answer only; later retries run on their own and report through onChange.
      let answered = () => {};
      const first = new Promise<void>((resolve) => {
        answered = resolve;
      });
      const running = disarmLoop(triggerAt, answered).finally(() => {
        if (disarm === running) disarm = undefined;
      });
      disarm = running;
      await Promise.race([running, first]);
    },

    /** Resolves once no disarm is pending (off, or lapsed). */
    settled: (): Promise<void> => disarm ?? Promise.resolve(),
    state: (): DeadManState => state,
    get armed(): boolean {
      return refresher !== undefined;
    },
  };
}
export type DeadManSwitch = ReturnType<typeof createDeadManSwitch>;
