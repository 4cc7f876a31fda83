// Keeps a live link honest: an application-level ping every `pingIntervalMs` (Kraken closes idle links
// after about a minute, and an MV3 worker needs traffic more often than every 30 s to stay up) and a
// watchdog that calls silence a dead link. https://docs.kraken.com/api/docs/guides/spot-ws-intro (ping,
// heartbeat: "with subscriptions, a heartbeat is sent about once a second").
import { createTimerSlot, type Timers } from './timers.ts';

export interface LinkWatchOptions {
  timers: Timers;
  pingIntervalMs: number;
  silenceTimeoutMs: number;
  requestTimeoutMs: number;
  /** With subscriptions Kraken sends heartbeats, so a short silence already means a dead link. */
  hasSubscriptions(): boolean;
  /** Sends one ping; the owner drops the link when its pong does not come. */
  ping(): void;
  /** The watchdog found the link silent for too long. */
  onSilence(reason: string): void;
}

export function createLinkWatch(options: LinkWatchOptions) {
  const { timers } = options;
  const pingTimer = createTimerSlot(timers);
  const watchdog = createTimerSlot(timers);
  let lastHeardAt = 0;

  function schedulePing(): void {
    pingTimer.set(() => {
      options.ping();
      schedulePing();
    }, options.pingIntervalMs);
  }

  function scheduleWatchdog(): void {
    watchdog.set(
      () => {
        // Without subscriptions Kraken sends no heartbeat; the ping/pong round trip guards that case.
        const limit = options.hasSubscriptions()
          ? options.silenceTimeoutMs
          : options.pingIntervalMs + options.requestTimeoutMs;
        const silent = timers.now() - lastHeardAt;
        if (silent > limit) {
          options.onSilence(`no data for ${Math.round(silent / 1000)} s`);
          return;
        }
        scheduleWatchdog();
      },
      Math.min(1000, options.silenceTimeoutMs),
    );
  }

  return {
    /** The link opened: start pinging and watching. */
    start(): void {
      lastHeardAt = timers.now();
      schedulePing();
      scheduleWatchdog();
    },
    /** Anything arrived (data, heartbeat, a response). */
    heard(): void {
      lastHeardAt = timers.now();
    },
    stop(): void {
      pingTimer.clear();
      watchdog.clear();
    },
  };
}
