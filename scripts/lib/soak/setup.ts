// Before the chaos: the simulator and the browser, the key through the options page and live mode (world.ts),
// every listed pair on the watchlist, the dead man's switch armed, the alerts and the first resting orders.
import { waitUntil } from '../../../test/e2e/harness.ts';
import { createAlerts, crossingPairs } from './alerts.ts';
import { logLine, type Run } from './context.ts';
import { createGate } from './gate.ts';
import { createLedger } from './ledger.ts';
import { lastPrices, listPairs } from './market.ts';
import type { SoakOptions } from './options.ts';
import { createOrderStream, restingPairs } from './orders.ts';
import { createWorkerProbe } from './worker-probe.ts';
import { createWorld, request, type SoakWorld, simControl } from './world.ts';

const MAX_WATCHLIST = 20;

async function armed(world: SoakWorld): Promise<boolean> {
  return ((await simControl(world, 'dead-man')) as { armed: boolean }).armed;
}

export async function setUp(
  o: SoakOptions,
  start: number,
  onWorld: (world: SoakWorld) => void,
): Promise<Run> {
  const { world, key, verdict } = await createWorld(o);
  onWorld(world);
  const probe = createWorkerProbe(world.ext);
  await probe.attach();
  const pairs = await listPairs(world.publicRest);
  const refs = await lastPrices(world.publicRest, pairs);
  const resting = restingPairs(pairs);
  const run: Run = {
    o,
    start,
    world,
    key,
    probe,
    pairs,
    ledger: createLedger(),
    orders: createOrderStream(world, pairs, refs, resting),
    alerts: [],
    crossings: [],
    records: [],
    candles: new Map(),
    chaos: {
      keyCheck: verdict,
      listedPairs: pairs.map((p) => p.symbol),
      watchlist: [],
      workerStops: [],
      drops: 0,
      corruptions: 0,
      simRestart: null,
      deadMan: [],
      pollFailures: 0,
      notes: [],
      log: [],
    },
    workerGate: createGate(),
    simGate: createGate(),
    crossingInFlight: Promise.resolve(),
    stopListeners: [],
    phaseStart: start,
    popupErrors: [],
    background: [],
  };
  world.popup.on('pageerror', (error) => run.popupErrors.push(String(error).slice(0, 300)));
  logLine(run, `setting up: ${pairs.length} pairs listed, key added, live`);
  // The watchlist: every pair the simulator lists, up to the 20 a watchlist holds (it lists fewer).
  const before = await request(world, 'settings.get', {});
  const listed = before.ok ? before.value.watchlist : [];
  for (const pair of pairs.slice(0, MAX_WATCHLIST))
    if (!listed.includes(pair.symbol)) await request(world, 'watchlist.add', { symbol: pair.symbol });
  const after = await request(world, 'settings.get', {});
  run.chaos.watchlist = after.ok ? after.value.watchlist : [];
  logLine(run, `setting up: watchlist of ${run.chaos.watchlist.length}`);
  const deadMan = await request(world, 'trading.setDeadMan', { on: true });
  if (!deadMan.ok) throw new Error(`trading.setDeadMan: ${deadMan.error.message}`);
  await waitUntil(() => armed(world), 15_000, 'the dead man’s switch');
  logLine(run, 'setting up: dead man’s switch armed, creating the alerts');
  const planned = await createAlerts(
    world,
    pairs,
    crossingPairs(pairs, resting),
    refs,
    o.alerts,
    o.crossings,
  );
  run.alerts = planned.alerts;
  run.crossings = planned.crossings;
  for (let i = 0; i < o.restingAtStart; i++) await run.orders.resting(i);
  logLine(
    run,
    `set up: ${pairs.length} pairs listed (${run.chaos.watchlist.length} on the watchlist), ${run.alerts.length} alerts, ${o.restingAtStart} resting orders, dead man's switch armed`,
  );
  return run;
}
