// A 2-minute soak inside `npm test`: the same code path as `npm run soak` (scripts/lib/soak/run.ts), with one
// worker stop, two drops, a corrupted checksum and the simulator restart, asserting every goal of the soak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { defaultOptions } from '../../scripts/lib/soak/options.ts';
import { formatReport, type SoakReport } from '../../scripts/lib/soak/report.ts';
import { runSoak } from '../../scripts/lib/soak/run.ts';

const MINUTES = 2;

describe(`soak (${MINUTES} minutes, production build, simulator at 10× market speed)`, () => {
  let report: SoakReport;
  const lines: string[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    report = await runSoak({ ...defaultOptions(MINUTES), executablePath, log: (line) => lines.push(line) });
    console.log(formatReport(report));
  }, 360_000);
  afterAll(() => {
    if (!report) console.log(lines.join('\n'));
  });

  it('ran the chaos it scheduled: a worker stop, two drops, a corrupted checksum, the simulator restart', () => {
    expect(report.chaos.workerStops.length).toBeGreaterThanOrEqual(1);
    expect(report.chaos.drops).toBeGreaterThanOrEqual(2);
    expect(report.chaos.simRestart).not.toBeNull();
    expect(report.goals.find((g) => g.goal.startsWith('chaos'))).toMatchObject({ ok: true });
  });

  it.each([
    'worker heap after each restart flat',
    'books verified; checksum mismatches recovered',
    'alerts: once per deliberate crossing',
    'alerts: none without a crossing',
    'orders: 0 duplicates, 0 lost, 0 misreported, 0 foreign, 0 unsettled',
    'fills: each notified exactly once',
    'no uncaught errors in the worker',
  ])('%s', (name) => {
    const goal = report.goals.find((g) => g.goal === name);
    expect(goal, `no goal named "${name}"`).toBeDefined();
    expect(goal?.ok, `${name}: ${goal?.actual} (target ${goal?.target})`).toBe(true);
  });

  it('drove 20 pairs: the simulator listed 20, all on the watchlist, alerts on every one', () => {
    expect(report.chaos.listedPairs).toHaveLength(20);
    expect([...report.chaos.watchlist].sort()).toEqual([...report.chaos.listedPairs].sort());
    expect([...report.alerts.alertPairs].sort()).toEqual([...report.chaos.listedPairs].sort());
  });

  it('counted something in each area (a soak that saw nothing proves nothing)', () => {
    expect(report.books.verified).toBeGreaterThan(0);
    expect(report.alerts.crossingsPerformed).toBeGreaterThanOrEqual(3);
    expect(report.orders.map((o) => o.placed).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
    expect(report.fills.phases.map((f) => f.fills).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(report.heap.afterRestart.samplesMB.length).toBeGreaterThanOrEqual(2);
  });
});
