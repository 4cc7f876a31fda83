// The soak's figures and its verdict: each goal with its target and what was measured.
import { cpus } from 'node:os';
import type { AlertCheck } from './alerts.ts';
import { type FillCheck, type OrderCheck, phantomFills, type SimRecord } from './audit.ts';
import type { Ledger, WorkerLife } from './ledger.ts';
import type { SoakOptions, TimelineEvent } from './options.ts';
import type { Placement } from './orders.ts';
import type { WorkerError } from './worker-probe.ts';

export interface ChaosRecord {
  keyCheck: string;
  listedPairs: string[];
  watchlist: string[];
  workerStops: { at: number; backAfterMs: number }[];
  drops: number;
  corruptions: number;
  simRestart: { at: number; downMs: number; feedBackMs: number | null; deadManBackMs: number | null } | null;
  deadMan: { at: number; armed: boolean }[];
  pollFailures: number;
  notes: string[];
  /** Every chaos step with its time, to set a finding against. */
  log: { at: string; what: string }[];
}

export interface Goal {
  goal: string;
  target: string;
  actual: string;
  ok: boolean;
}

const MB = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function heapSummary(samples: readonly number[]) {
  const first = samples[0] ?? 0;
  const last = samples.at(-1) ?? 0;
  const max = samples.length ? Math.max(...samples) : 0;
  const min = samples.length ? Math.min(...samples) : 0;
  const growth = first ? (last - first) / first : 0;
  const maxAbove = first ? (max - first) / first : 0;
  const minBelow = first ? (first - min) / first : 0;
  const flat = samples.length >= 2 && Math.abs(growth) <= 0.1 && maxAbove <= 0.1 && minBelow <= 0.1;
  return {
    samplesMB: samples.map(MB),
    firstMB: MB(first),
    lastMB: MB(last),
    maxMB: MB(max),
    minMB: MB(min),
    growth: pct(growth),
    maxAboveFirst: pct(maxAbove),
    flat,
  };
}

export function buildReport(input: {
  o: SoakOptions;
  events: readonly TimelineEvent[];
  startedAt: number;
  chaosStart: number;
  chaos: ChaosRecord;
  lives: readonly WorkerLife[];
  alerts: AlertCheck;
  orders: readonly OrderCheck[];
  fills: readonly FillCheck[];
  records: readonly SimRecord[];
  ledger: Ledger;
  workerErrors: readonly WorkerError[];
  /** The browser's error log for the worker (not JS errors): counted by kind, for information. */
  browserLog: Record<string, number>;
  popupErrors: readonly string[];
  placements: readonly Placement[];
}) {
  const { o, chaos, lives, alerts, orders, fills } = input;
  // The first life started with the browser; every later one after a stop: those are the series judged.
  const [firstLife, ...restarted] = lives;
  const afterStart = restarted.flatMap((l) => (l.heapAfterStart ? [l.heapAfterStart.usedSize] : []));
  const beforeStop = lives.flatMap((l) => (l.heapBeforeStop ? [l.heapBeforeStop.usedSize] : []));
  const heap = {
    firstWorkerMB: firstLife?.heapAfterStart ? MB(firstLife.heapAfterStart.usedSize) : null,
    afterRestart: heapSummary(afterStart),
    beforeStop: heapSummary(beforeStop),
  };
  const books = {
    verified: sum(lives.map((l) => l.diag.books?.booksVerified ?? 0)),
    mismatches: sum(lives.map((l) => l.diag.books?.checksumMismatches ?? 0)),
    resyncs: sum(lives.map((l) => l.diag.books?.resyncs ?? 0)),
    recovered: sum(lives.map((l) => l.diag.books?.recovered ?? 0)),
    unrecovered: sum(lives.map((l) => l.diag.books?.unrecovered ?? 0)),
    corruptionsInjected: chaos.corruptions,
  };
  const sessions = {
    public: {
      connects: sum(lives.map((l) => l.diag.sessions.public.connects)),
      invalidFrames: sum(lives.map((l) => l.diag.sessions.public.invalidFrames)),
    },
    private: {
      connects: sum(lives.map((l) => l.diag.sessions.private.connects)),
      invalidFrames: sum(lives.map((l) => l.diag.sessions.private.invalidFrames)),
    },
  };
  const diagErrors = lives.flatMap((l) => l.diag.errors);
  const uncaught = input.workerErrors.length + sum(lives.map((l) => l.diag.uncaught));
  const latencies = [...alerts.latenciesMs].sort((a, b) => a - b);
  const phantom = phantomFills(input.records, input.ledger);
  const orderTotal = (f: (c: OrderCheck) => number) => sum(orders.map(f));
  const fillTotal = (f: (c: FillCheck) => number) => sum(fills.map(f));
  const scheduled = (kind: TimelineEvent['kind']) => input.events.filter((e) => e.kind === kind).length;
  const goals: Goal[] = [
    {
      goal: 'chaos happened as scheduled',
      target: `${scheduled('stop-worker')} worker stops, ${scheduled('drop')} drops, 1 simulator restart, ${scheduled('corrupt-checksum')} corrupted checksums`,
      actual: `${chaos.workerStops.length}, ${chaos.drops}, ${chaos.simRestart ? 1 : 0}, ${chaos.corruptions}`,
      ok:
        chaos.workerStops.length === scheduled('stop-worker') &&
        chaos.drops === scheduled('drop') &&
        chaos.simRestart !== null &&
        chaos.corruptions === scheduled('corrupt-checksum'),
    },
    {
      goal: 'worker heap after each restart flat',
      target: 'every sample within 10 % of the first (2 samples at least)',
      actual: `first ${heap.afterRestart.firstMB} MB, last ${heap.afterRestart.lastMB} MB, max ${heap.afterRestart.maxMB} MB, min ${heap.afterRestart.minMB} MB (${afterStart.length} samples)`,
      ok: heap.afterRestart.flat,
    },
    {
      goal: 'books verified; checksum mismatches recovered',
      target: 'verified > 0, every injected corruption detected, 0 unrecovered',
      actual: `${books.verified} verified, ${books.mismatches} mismatches for ${books.corruptionsInjected} injected, ${books.recovered} recovered, ${books.unrecovered} unrecovered`,
      ok:
        books.verified > 0 &&
        books.mismatches >= books.corruptionsInjected &&
        books.unrecovered === 0 &&
        books.recovered === books.mismatches,
    },
    {
      goal: 'alerts: once per deliberate crossing',
      target: `${alerts.crossingsPlanned} crossings, each fired exactly once`,
      actual: `${alerts.crossingsPerformed} performed, ${alerts.firedOnce} fired once${alerts.wrong.length ? `; ${alerts.wrong.join('; ')}` : ''}`,
      ok:
        alerts.crossingsPerformed === alerts.crossingsPlanned &&
        alerts.firedOnce === alerts.crossingsPerformed,
    },
    {
      goal: 'alerts: none without a crossing',
      target: '0',
      actual: `${alerts.unjustified} (${alerts.unasked.length} unasked firings)`,
      ok: alerts.unjustified === 0,
    },
    {
      goal: 'orders: 0 duplicates, 0 lost, 0 misreported, 0 foreign, 0 unsettled',
      target: '0 / 0 / 0 / 0 / 0',
      actual: `${orderTotal((c) => c.duplicates.length)} / ${orderTotal((c) => c.lost.length)} / ${orderTotal((c) => c.misreported.length)} / ${orderTotal((c) => c.foreign.length)} / ${orderTotal((c) => c.unresolved.length)} (${orderTotal((c) => c.placed)} placed of ${orderTotal((c) => c.sent)} sent)`,
      ok:
        orderTotal((c) => c.placed) > 0 &&
        orderTotal(
          (c) =>
            c.duplicates.length +
            c.lost.length +
            c.misreported.length +
            c.foreign.length +
            c.unresolved.length,
        ) === 0,
    },
    {
      goal: 'fills: each notified exactly once',
      target: '0 lost, 0 duplicated, 0 phantom',
      actual: `${fillTotal((c) => c.lost.length)} lost, ${fillTotal((c) => c.duplicates.length)} duplicated, ${phantom.length} phantom, of ${fillTotal((c) => c.fills)} fills`,
      ok:
        fillTotal((c) => c.fills) > 0 &&
        fillTotal((c) => c.lost.length + c.duplicates.length) + phantom.length === 0,
    },
    {
      goal: 'no uncaught errors in the worker',
      target: '0',
      actual: String(uncaught),
      ok: uncaught === 0,
    },
  ];
  return {
    date: new Date(input.startedAt).toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    options: {
      minutes: o.minutes,
      stepMs: o.stepMs,
      stopEverySec: o.stopEverySec,
      dropEverySec: o.dropEverySec,
      corruptEverySec: o.corruptEverySec,
      orderEverySec: o.orderEverySec,
      alerts: o.alerts,
      crossings: o.crossings,
      seed: o.seed,
    },
    durationSec: Math.round((Date.now() - input.startedAt) / 1000),
    chaos: {
      ...chaos,
      workerStops: chaos.workerStops.map((s) => ({
        atSec: Math.round((s.at - input.chaosStart) / 1000),
        backAfterMs: s.backAfterMs,
      })),
      deadMan: { samples: chaos.deadMan.length, armed: chaos.deadMan.filter((d) => d.armed).length },
    },
    heap,
    books,
    sessions,
    alerts: {
      ...alerts,
      latencyMs: {
        p50: latencies[Math.ceil(latencies.length / 2) - 1] ?? null,
        max: latencies.at(-1) ?? null,
      },
    },
    orders,
    fills: { phases: fills, phantom },
    placements: input.placements.map((p) => ({
      clOrdId: p.clOrdId,
      sentAt: new Date(p.sentAt).toISOString(),
      phase: p.phase,
      order: `${p.order.side} ${p.order.volume} ${p.order.symbol} ${p.order.type}${p.order.limitPrice ? ` @ ${p.order.limitPrice}` : ''}`,
      answeredMs: p.answeredMs,
      first: p.first,
      final: p.final,
    })),
    errors: {
      worker: input.workerErrors,
      diagnostics: diagErrors,
      uncaught,
      popup: input.popupErrors,
      browserLog: input.browserLog,
    },
    workerLives: lives.length,
    goals,
    ok: goals.every((g) => g.ok),
  };
}

export type SoakReport = ReturnType<typeof buildReport>;

export function formatReport(r: SoakReport): string {
  const lines = [
    `Soak ${r.date}: ${r.options.minutes} min at --step-ms ${r.options.stepMs}, ${r.machine.cores} cores (${r.machine.cpu}), ${r.durationSec} s in all`,
    `pairs: the simulator lists ${r.chaos.listedPairs.length} (${r.chaos.listedPairs.join(', ')}); watchlist ${r.chaos.watchlist.length}; alerts on ${r.alerts.alertPairs.length}; crossings on ${r.alerts.crossingPairs.join(', ') || 'none'}`,
    `worker lives ${r.workerLives}; heap of the first worker ${r.heap.firstWorkerMB} MB; after each restart (MB): ${r.heap.afterRestart.samplesMB.join(' ')}`,
    `heap before stop (MB): ${r.heap.beforeStop.samplesMB.join(' ')}`,
    `sessions: public ${r.sessions.public.connects} connects, private ${r.sessions.private.connects}; invalid frames ${r.sessions.public.invalidFrames + r.sessions.private.invalidFrames}`,
    `simulator restart: ${JSON.stringify(r.chaos.simRestart)}; dead man armed in ${r.chaos.deadMan.armed}/${r.chaos.deadMan.samples} samples`,
    `alert latency (push → log): p50 ${r.alerts.latencyMs.p50} ms, max ${r.alerts.latencyMs.max} ms`,
    ...r.orders.flatMap((c) =>
      c.settledByCheck.map((x) => `order first unknown, generation ${c.phase}: ${x}`),
    ),
    ...r.orders.map(
      (c) =>
        `orders, simulator generation ${c.phase}: ${c.sent} sent, ${c.placed} placed, ${c.refused} refused, ${c.atSimulator} at the simulator (${c.openAtSimulator} open), cancelled ${JSON.stringify(c.cancelReasons)}`,
    ),
    ...r.fills.phases.map(
      (c) => `fills, simulator generation ${c.phase}: ${c.fills}, notified ${c.notified}`,
    ),
    ...r.errors.worker.map((e) => `worker ${e.kind}: ${e.text}`),
    ...r.errors.popup.map((e) => `popup error: ${e}`),
    ...Object.entries(r.errors.browserLog).map(
      ([k, n]) => `browser log for the worker (not a JS error), ${n}×: ${k}`,
    ),
    ...r.chaos.notes.map((n) => `note: ${n}`),
    '',
    ...r.goals.map((g) => `${g.ok ? 'PASS' : 'FAIL'}  ${g.goal}: ${g.actual} (target ${g.target})`),
    '',
    r.ok ? 'soak: every goal met' : `soak: ${r.goals.filter((g) => !g.ok).length} goal(s) missed`,
  ];
  return lines.join('\n');
}
