// The soak's heavier chaos steps: stopping the worker (with heap and diagnostics read around it) and
// restarting the simulator (after reading everything the current generation knows, since it forgets).
import { waitUntil } from '../../../test/e2e/harness.ts';
import { readSim } from './audit.ts';
import { alertsView, logLine, noteStep, type Run } from './context.ts';
import { sleep } from './gate.ts';
import { restartSim, restartWorker, simControl } from './world.ts';

/** Heap is read this long after a worker (re)start, once it has reconnected and settled. */
export const HEAP_SETTLE_MS = 20_000;

/** Samples the heap of the worker life now running, `delayMs` from now. */
export function sampleHeapLater(run: Run, delayMs: number): void {
  const task = (async () => {
    await sleep(delayMs);
    await run.workerGate.passed();
    const life = await run.ledger.poll(run.world);
    if (!life.heapAfterStart) life.heapAfterStart = { ...(await run.probe.heap()), at: Date.now() };
  })().catch((error: unknown) => run.chaos.notes.push(`heap sample failed: ${String(error)}`));
  run.background.push(task);
}

export async function stopTheWorker(run: Run): Promise<void> {
  run.workerGate.close();
  try {
    // The life's last word before it goes: its heap, then its diagnostics (read last: a notification
    // created after this reading and before the stop is only seen in the getAll polls).
    const heapBeforeStop = { ...(await run.probe.heap()), at: Date.now() };
    const life = await run.ledger.poll(run.world);
    life.heapBeforeStop = heapBeforeStop;
    for (const listener of run.stopListeners.splice(0)) listener();
    // An order on its way while the worker goes: its outcome must be settled by asking, never by resending.
    // One that rests, unless --at-stops asks for one that fills (its fill then races the stop too).
    noteStep(run, `worker stop, with a ${run.o.atStops ? 'market' : 'resting'} order sent`);
    if (run.simGate.isOpen())
      run.orders
        .atStop(run.o.atStops ? 'market' : 'resting')
        .catch((error: unknown) => run.chaos.notes.push(`order at a stop: ${String(error)}`));
    const backAfterMs = await restartWorker(run.world);
    await waitUntil(
      () =>
        run.probe.attach().then(
          () => true,
          () => false,
        ),
      10_000,
      'the CDP probe',
    );
    run.chaos.workerStops.push({ at: Date.now(), backAfterMs });
  } finally {
    run.workerGate.open();
  }
  sampleHeapLater(run, HEAP_SETTLE_MS);
}

/** Everything of this simulator generation settled, then read from the simulator before it forgets. */
export async function closePhase(run: Run, deadlineMs: number): Promise<void> {
  const { world, orders, ledger } = run;
  await orders.idle();
  await run.crossingInFlight;
  await orders.settle(world.generation, deadlineMs);
  // No order goes out now (the gate is closed), so the simulator's record is complete: read it once (its
  // REST counter is slow to refill), then wait until every fill is notified and every crossing pushed so
  // far has fired, or the deadline.
  const record = await readSim(world.observer, world.publicRest, run.pairs, world.generation);
  const until = Date.now() + deadlineMs;
  for (;;) {
    await ledger.poll(world).catch(() => {});
    const view = await alertsView(run);
    const fillsShown = record.fills.every((id) => ledger.timesShown(`fill:${id}`) > 0);
    const crossingsFired = run.crossings
      .filter((c) => c.setAt !== undefined)
      .every((c) => view.log.some((e) => e.ruleId === c.ruleId));
    if ((fillsShown && crossingsFired) || Date.now() > until) break;
    await sleep(2_000);
  }
  run.records.push(record);
  // Candles of this generation only: a restarted simulator makes up the minutes before it started.
  for (const [symbol, rows] of record.candles) {
    const mine = rows.filter((c) => c.time * 1000 >= run.phaseStart - 60_000);
    run.candles.set(symbol, [...(run.candles.get(symbol) ?? []), ...mine]);
  }
}

export async function restartTheSimulator(run: Run): Promise<void> {
  run.simGate.close();
  let restart: NonNullable<Run['chaos']['simRestart']>;
  let before = { startedAt: 0, connects: 0 };
  try {
    await closePhase(run, 20_000);
    const record = run.records.at(-1);
    logLine(
      run,
      `simulator generation ${run.world.generation}: ${record?.orderCount} orders, ${record?.fills.length} fills; restarting it`,
    );
    const life = await run.ledger.poll(run.world).catch(() => null);
    before = { startedAt: life?.startedAt ?? 0, connects: life?.diag.sessions.private.connects ?? 0 };
    noteStep(run, 'simulator restart');
    const at = Date.now();
    const downMs = await restartSim(run.world, run.o, run.key);
    run.phaseStart = Date.now();
    restart = { at, downMs, feedBackMs: null, deadManBackMs: null };
    run.chaos.simRestart = restart;
  } finally {
    run.simGate.open();
  }
  // How long until the extension's private feed is connected again (to the new simulator) and the dead
  // man's switch re-armed (the restarted simulator forgot it; the extension re-arms it at its next refresh).
  const watch = (async () => {
    await waitUntil(
      async () => {
        await run.workerGate.passed();
        const { diag } = await run.ledger.poll(run.world);
        return diag.startedAt !== before.startedAt || diag.sessions.private.connects > before.connects;
      },
      60_000,
      'the private feed after the simulator restart',
    );
    restart.feedBackMs = Date.now() - restart.at;
    await waitUntil(
      async () => ((await simControl(run.world, 'dead-man')) as { armed: boolean }).armed,
      60_000,
      'the dead man’s switch after the simulator restart',
    );
    restart.deadManBackMs = Date.now() - restart.at;
  })().catch((error: unknown) => run.chaos.notes.push(String(error)));
  run.background.push(watch);
}
