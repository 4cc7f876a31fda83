// The state one soak run shares between its tracks (scripts/lib/soak/run.ts) and its phases (phases.ts).
import type { AlertsView } from '../../../lib/alerts/service.ts';
import type { Crossing, PlannedAlert } from './alerts.ts';
import type { SimRecord } from './audit.ts';
import type { Gate } from './gate.ts';
import type { Ledger } from './ledger.ts';
import type { MinuteCandle, PairInfo } from './market.ts';
import type { SoakOptions } from './options.ts';
import type { OrderStream } from './orders.ts';
import type { ChaosRecord } from './report.ts';
import type { WorkerProbe } from './worker-probe.ts';
import { request, type SoakWorld } from './world.ts';

export interface Run {
  o: SoakOptions;
  /** When the soak started (ms), for the log. */
  start: number;
  world: SoakWorld;
  key: { apiKey: string; apiSecret: string };
  probe: WorkerProbe;
  ledger: Ledger;
  orders: OrderStream;
  pairs: PairInfo[];
  alerts: PlannedAlert[];
  crossings: Crossing[];
  /** The simulator's record of each generation, read before it forgot. */
  records: SimRecord[];
  /** One-minute candles per pair, each minute from the generation that lived it. */
  candles: Map<string, MinuteCandle[]>;
  chaos: ChaosRecord;
  /** Closed while the worker is being stopped and started again. */
  workerGate: Gate;
  /** Closed while the simulator generation is being read, stopped and started again. */
  simGate: Gate;
  crossingInFlight: Promise<unknown>;
  /** Called right before each worker stop is sent (crossings pushed at the stop wait for it). */
  stopListeners: (() => void)[];
  /** Start of the current simulator generation (ms). */
  phaseStart: number;
  popupErrors: string[];
  /** Measurements still running (heap samples, the wait for the feed after the restart). */
  background: Promise<unknown>[];
}

/** Notes a chaos step with the time it happened (kept in the report). */
export function noteStep(run: Run, what: string): void {
  run.chaos.log.push({ at: new Date().toISOString(), what });
}

export function logLine(run: Run, line: string): void {
  run.o.log(`[soak ${((Date.now() - run.start) / 1000).toFixed(0).padStart(4)}s] ${line}`);
}

export async function alertsView(run: Run): Promise<AlertsView> {
  const answer = await request(run.world, 'alerts.get', {});
  if (!answer.ok) throw new Error(`alerts.get: ${answer.error.message}`);
  return answer.value;
}
