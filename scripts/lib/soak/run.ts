// The soak itself: set up a live account with alerts and resting orders, then run four tracks side by side
// for the chosen minutes — chaos (drops, worker stops, corrupted checksums, the simulator restart), a paced
// order stream, deliberate alert crossings and a poll of the worker's diagnostics — and check everything
// against the simulator's own record. `npm run soak` and test/e2e/soak.test.ts both call runSoak.
import { checkAlerts, performCrossing } from './alerts.ts';
import { checkFills, checkOrders } from './audit.ts';
import { alertsView, logLine, noteStep, type Run } from './context.ts';
import { sleep } from './gate.ts';
import type { PairInfo } from './market.ts';
import { describeTimeline, type SoakOptions, type TimelineEvent, timeline } from './options.ts';
import { closePhase, restartTheSimulator, stopTheWorker } from './phases.ts';
import { buildReport, type SoakReport } from './report.ts';
import { setUp } from './setup.ts';
import { closeWorld, type SoakWorld, simControl } from './world.ts';

const POLL_MS = 5_000;
const CROSSING_HOLD_MS = 4_000;
/** After the chaos: time for the last fills and alerts to arrive before the final reading. */
const SETTLE_MS = 20_000;

async function chaosTrack(run: Run, events: readonly TimelineEvent[], chaosStart: number): Promise<void> {
  for (const event of events) {
    if (event.kind === 'crossing') continue;
    await sleep(chaosStart + event.at * 1000 - Date.now());
    switch (event.kind) {
      case 'drop':
        await run.simGate.passed();
        noteStep(run, 'drop');
        await simControl(run.world, 'ws/drop');
        run.chaos.drops += 1;
        break;
      case 'corrupt-checksum':
        await run.simGate.passed();
        noteStep(run, 'corrupt checksum');
        await simControl(run.world, 'ws/corrupt-checksum');
        run.chaos.corruptions += 1;
        break;
      case 'stop-worker':
        await stopTheWorker(run);
        logLine(
          run,
          `worker stopped; a new one answered after ${run.chaos.workerStops.at(-1)?.backAfterMs} ms`,
        );
        break;
      case 'restart-sim':
        await restartTheSimulator(run);
        logLine(run, `simulator back after ${run.chaos.simRestart?.downMs} ms`);
        break;
    }
  }
}

async function crossingTrack(run: Run, events: readonly TimelineEvent[], chaosStart: number): Promise<void> {
  const due = events.filter((e) => e.kind === 'crossing');
  for (const [i, event] of due.entries()) {
    const crossing = run.crossings[i];
    if (!crossing) break;
    await sleep(chaosStart + event.at * 1000 - Date.now());
    if (run.o.atStops) await new Promise<void>((resolve) => run.stopListeners.push(resolve));
    await run.simGate.passed();
    const pair = run.pairs.find((p) => p.symbol === crossing.symbol) as PairInfo;
    noteStep(run, `crossing ${crossing.symbol} to ${crossing.level}`);
    run.crossingInFlight = performCrossing(run.world, crossing, pair, CROSSING_HOLD_MS);
    await run.crossingInFlight;
    const what = crossing.skipped
      ? `skipped: ${crossing.skipped}`
      : `${crossing.from} → ${crossing.level} → back`;
    logLine(run, `crossing ${i + 1}: ${crossing.symbol} ${what}`);
  }
}

async function orderTrack(run: Run, end: number): Promise<void> {
  // Half a period in: the stream never lands on a scheduled stop (the stop sends an order of its own).
  const first = Date.now() + (run.o.orderEverySec * 1000) / 2;
  for (let next = first; next < end; next += run.o.orderEverySec * 1000) {
    await sleep(next - Date.now());
    await run.simGate.passed();
    run.orders.next().catch((error: unknown) => run.chaos.notes.push(`order: ${String(error)}`));
  }
}

async function pollTrack(run: Run, end: number): Promise<void> {
  while (Date.now() < end) {
    await sleep(POLL_MS);
    if (run.workerGate.isOpen())
      await run.ledger.poll(run.world).catch(() => {
        run.chaos.pollFailures += 1;
      });
    if (run.simGate.isOpen()) {
      const armed = await simControl(run.world, 'dead-man').then(
        (r) => (r as { armed: boolean }).armed,
        () => null,
      );
      if (armed !== null) run.chaos.deadMan.push({ at: Date.now(), armed });
    }
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const start = Date.now();
  const events = timeline(o);
  o.log(`[soak] ${o.minutes} min at --step-ms ${o.stepMs}: ${describeTimeline(events)}`);
  let world: SoakWorld | undefined;
  let run: Run | undefined;
  try {
    run = await setUp(o, start, (w) => {
      world = w;
    });
    const current = run;
    // The first life's heap, as a baseline for the samples after each restart.
    const life = await current.ledger.poll(current.world);
    life.heapAfterStart = { ...(await current.probe.heap()), at: Date.now() };
    const chaosStart = Date.now();
    const end = chaosStart + o.minutes * 60_000;
    await Promise.all([
      chaosTrack(current, events, chaosStart),
      crossingTrack(current, events, chaosStart),
      orderTrack(current, end),
      pollTrack(current, end),
    ]);
    logLine(current, 'chaos over; settling');
    await sleep(SETTLE_MS);
    await Promise.allSettled(current.background);
    await closePhase(current, 30_000);
    await current.ledger.poll(current.world);
    const view = await alertsView(current);
    return buildReport({
      o,
      events,
      startedAt: start,
      chaosStart,
      chaos: current.chaos,
      lives: current.ledger.lives(),
      alerts: checkAlerts(current.alerts, current.crossings, view, current.ledger, current.candles),
      orders: current.records.map((r) => checkOrders(current.orders.placements(), r)),
      fills: current.records.map((r) => checkFills(r, current.ledger)),
      records: current.records,
      ledger: current.ledger,
      workerErrors: current.probe.errors(),
      browserLog: current.probe.browserLog(),
      popupErrors: current.popupErrors,
      placements: current.orders.placements(),
    });
  } finally {
    await run?.probe.close();
    await closeWorld(world);
  }
}
