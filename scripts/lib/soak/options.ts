// The soak's knobs and its timeline: when connections drop, the worker stops, the simulator restarts, a
// book checksum is corrupted and a price is pushed across an alert. Pure: tested by running the soak.

export interface SoakOptions {
  /** Length of the chaos phase (the whole run adds setup, a settle and the checks). */
  minutes: number;
  /** Simulator market step (docs/simulator.md `--step-ms`; 250 is Kraken-like, 25 is 10× market speed). */
  stepMs: number;
  /** Every how many seconds the service worker is stopped through CDP. */
  stopEverySec: number;
  /** Every how many seconds every WebSocket connection is dropped (`/_sim/ws/drop`). */
  dropEverySec: number;
  /** Every how many seconds the next book message carries a wrong checksum (`/_sim/ws/corrupt-checksum`). */
  corruptEverySec: number;
  /** One live order through `trading.place` every this many seconds. */
  orderEverySec: number;
  /** Deliberate alert crossings (`/_sim/market/price`) over the run. */
  crossings: number;
  /** Alerts created in all (deliberate ones included). */
  alerts: number;
  /** Resting limit orders placed at the start, far from the market. */
  restingAtStart: number;
  /**
   * At each worker stop, push an alert crossing and send a market order that fills, as the stop goes out
   * (by default crossings keep 10 s away from stops and the order sent with a stop is one that rests).
   * Reproduces notifications lost when the worker stops between recording an alert's firing or a fill and
   * showing it (README "Soak", known problems).
   */
  atStops: boolean;
  seed: number;
  executablePath: string;
  log: (line: string) => void;
}

export function defaultOptions(minutes: number): Omit<SoakOptions, 'executablePath' | 'log'> {
  const total = minutes * 60;
  return {
    minutes,
    stepMs: 25,
    // Every 2 minutes; a short run still gets two (two heap samples after a restart to compare).
    stopEverySec: Math.min(120, Math.floor(total / 3)),
    dropEverySec: 60,
    corruptEverySec: 300,
    orderEverySec: 10,
    crossings: Math.max(3, Math.round(total / 150)),
    alerts: 50,
    restingAtStart: 3,
    atStops: false,
    seed: 7,
  };
}

export type ChaosKind = 'drop' | 'stop-worker' | 'restart-sim' | 'corrupt-checksum';
export interface TimelineEvent {
  /** Seconds after the chaos phase starts. */
  at: number;
  kind: ChaosKind | 'crossing';
}

/** No crossing this close to the simulator restart (a price set there would be forgotten with it)… */
const RESTART_GUARD_SEC = 12;
/** …nor, by default, to a worker stop (see SoakOptions.atStops). */
const STOP_GUARD_SEC = 10;
/** Nothing is scheduled in the last seconds: the run ends with a quiet settle. */
const TAIL_SEC = 8;

export function timeline(o: Omit<SoakOptions, 'executablePath' | 'log'>): TimelineEvent[] {
  const total = o.minutes * 60;
  const events: TimelineEvent[] = [];
  const every = (kind: ChaosKind, period: number, offset: number) => {
    for (let at = offset; at < total - TAIL_SEC; at += period) events.push({ at, kind });
  };
  every('drop', o.dropEverySec, Math.min(30, Math.floor(o.dropEverySec / 2)));
  every('stop-worker', o.stopEverySec, o.stopEverySec);
  every('corrupt-checksum', o.corruptEverySec, Math.min(45, Math.floor(total / 3) + 5));
  const restartAt = Math.floor(total / 2) + 15;
  events.push({ at: restartAt, kind: 'restart-sim' });
  const stops = events.filter((e) => e.kind === 'stop-worker').map((e) => e.at);
  if (o.atStops) {
    for (const at of stops.slice(0, o.crossings)) events.push({ at, kind: 'crossing' });
    return events.sort((a, b) => a.at - b.at);
  }
  // Evenly spread, each moved forward until clear of the restart and of every stop.
  const clear = (at: number) =>
    Math.abs(at - restartAt) >= RESTART_GUARD_SEC && stops.every((s) => Math.abs(at - s) >= STOP_GUARD_SEC);
  for (let i = 0; i < o.crossings; i++) {
    let at = Math.round(((i + 0.5) * total) / o.crossings);
    while (!clear(at) && at < total - TAIL_SEC) at += 1;
    events.push({ at: Math.min(at, total - TAIL_SEC), kind: 'crossing' });
  }
  return events.sort((a, b) => a.at - b.at);
}

export function describeTimeline(events: readonly TimelineEvent[]): string {
  const count = (kind: TimelineEvent['kind']) => events.filter((e) => e.kind === kind).length;
  const at = (kind: TimelineEvent['kind']) =>
    events
      .filter((e) => e.kind === kind)
      .map((e) => `${e.at}s`)
      .join(' ');
  return [
    `worker stops ${count('stop-worker')} (${at('stop-worker')})`,
    `drops ${count('drop')}`,
    `simulator restart at ${at('restart-sim')}`,
    `checksum corruptions ${count('corrupt-checksum')} (${at('corrupt-checksum')})`,
    `crossings ${count('crossing')} (${at('crossing')})`,
  ].join('; ');
}
