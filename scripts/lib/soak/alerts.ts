// The soak's alerts: created through the background's contract (`alerts.create`), most far from the market
// (they must never fire), and one per deliberate crossing, set exactly at the price the soak later pushes
// the simulator to (`/_sim/market/price`) and back. Checked against the alert log, the notifications shown
// and, for anything that fired unasked, the simulator's one-minute candles.
import type { AlertsView } from '../../../lib/alerts/service.ts';
import type { Ledger } from './ledger.ts';
import { lastTrade, type MinuteCandle, type PairInfo, priceText } from './market.ts';
import { request, type SoakWorld, simControl } from './world.ts';

export interface PlannedAlert {
  id: string;
  symbol: string;
  direction: 'above' | 'below';
  level: string;
  createdAt: number;
  /** Index of the deliberate crossing this alert waits for. */
  crossing?: number;
}

export interface Crossing {
  index: number;
  symbol: string;
  level: string;
  ruleId: string;
  /** The price before (and after) the push. */
  from?: string;
  setAt?: number;
  backAt?: number;
  skipped?: string;
}

/**
 * The pairs whose price the crossings push (round-robin, in the listed order): every listed pair without
 * resting orders (a push would fill them), so a long run crosses alerts on each of them.
 */
export function crossingPairs(pairs: readonly PairInfo[], resting: readonly PairInfo[]): PairInfo[] {
  const others = pairs.filter((p) => !resting.includes(p));
  return others.length > 0 ? others : pairs.slice(0, 3);
}

async function create(world: SoakWorld, rule: Record<string, unknown>, known: Set<string>): Promise<string> {
  const answer = await request(world, 'alerts.create', { rule });
  if (!answer.ok) throw new Error(`alerts.create: ${answer.error.name}: ${answer.error.message}`);
  const fresh = answer.value.rules.map((r) => r.rule.id).find((id) => !known.has(id));
  if (!fresh) throw new Error('alerts.create answered without the new rule');
  known.add(fresh);
  return fresh;
}

/**
 * `total` alerts over every pair: `crossings` of them (round-robin over `targets`) 20 %, 25 %, 30 % … above
 * the price at the start, the rest 60 % or more above or 50 % or more below it (never reached).
 */
export async function createAlerts(
  world: SoakWorld,
  pairs: readonly PairInfo[],
  targets: readonly PairInfo[],
  refs: ReadonlyMap<string, number>,
  total: number,
  crossings: number,
): Promise<{ alerts: PlannedAlert[]; crossings: Crossing[] }> {
  const known = new Set<string>();
  const alerts: PlannedAlert[] = [];
  const planned: Crossing[] = [];
  const base = { kind: 'cross', expiresAt: null, rearmBand: '0' };
  for (let i = 0; i < crossings; i++) {
    const pair = targets[i % targets.length] as PairInfo;
    const level = priceText(
      (refs.get(pair.symbol) ?? 0) * (1.2 + 0.05 * Math.floor(i / targets.length)),
      pair,
      'ceil',
    );
    const rule = {
      ...base,
      symbol: pair.symbol,
      direction: 'above',
      level,
      source: 'last',
      repeat: { kind: 'once' },
    };
    const id = await create(world, rule, known);
    alerts.push({ id, symbol: pair.symbol, direction: 'above', level, createdAt: Date.now(), crossing: i });
    planned.push({ index: i, symbol: pair.symbol, level, ruleId: id });
  }
  for (let j = 0; alerts.length < total; j++) {
    const pair = pairs[j % pairs.length] as PairInfo;
    const ref = refs.get(pair.symbol) ?? 0;
    const above = Math.floor(j / pairs.length) % 2 === 0;
    const m = Math.floor(j / (2 * pairs.length));
    const level = above
      ? priceText(ref * (1.6 + 0.1 * m), pair, 'ceil')
      : priceText(ref * Math.max(0.1, 0.5 - 0.05 * m), pair, 'floor');
    const rule = {
      ...base,
      symbol: pair.symbol,
      direction: above ? 'above' : 'below',
      level,
      source: j % 4 === 0 ? 'mid' : 'last',
      repeat: j % 3 === 0 ? { kind: 'repeat', cooldownMs: 60_000 } : { kind: 'once' },
    };
    const id = await create(world, rule, known);
    alerts.push({
      id,
      symbol: pair.symbol,
      direction: above ? 'above' : 'below',
      level,
      createdAt: Date.now(),
    });
  }
  return { alerts, crossings: planned };
}

/** How often the level is traded again while it is held. */
const REPUSH_MS = 250;

/**
 * Pushes the price to the alert's level and holds it there (a trade at exactly the level every 250 ms), then
 * puts the price from before back. Held, not touched once: the extension catches up a gap from whole-minute
 * candles only, so a touch shorter than a gap (a worker restart, a drop) inside one minute is not replayed
 * by design (lib/alerts/catch-up.ts); a held crossing must fire.
 */
export async function performCrossing(
  world: SoakWorld,
  crossing: Crossing,
  pair: PairInfo,
  holdMs: number,
): Promise<void> {
  const from = await lastTrade(world.publicRest, pair);
  if (Number(from) >= Number(crossing.level)) {
    crossing.skipped = `the market (${from}) is already at or above ${crossing.level}`;
    return;
  }
  crossing.from = from;
  crossing.setAt = Date.now();
  const until = crossing.setAt + holdMs;
  do {
    await simControl(world, 'market/price', { symbol: crossing.symbol, price: crossing.level });
    await new Promise((r) => setTimeout(r, REPUSH_MS));
  } while (Date.now() < until);
  await simControl(world, 'market/price', { symbol: crossing.symbol, price: from });
  crossing.backAt = Date.now();
}

export interface AlertCheck {
  created: number;
  /** The pairs the alerts were set on, and those the deliberate crossings pushed (listed order). */
  alertPairs: string[];
  crossingPairs: string[];
  crossingsPlanned: number;
  crossingsPerformed: number;
  /** Performed crossings whose alert fired exactly once (log and notification). */
  firedOnce: number;
  /** Performed crossings that did not fire exactly once: what was seen. */
  wrong: string[];
  /** Crossing to notification in the log (ms): each performed crossing's. */
  latenciesMs: number[];
  /** Firings with no deliberate crossing behind them, and whether the candles show the level crossed. */
  unasked: { rule: string; price: number; at: number; justified: boolean }[];
  /** Unasked firings the simulator's candles do not explain. */
  unjustified: number;
}

/** Did the price cross `level` (in the alert's direction) between `from` and `at` (ms), per the candles? */
function crossedInCandles(candles: readonly MinuteCandle[], a: PlannedAlert, at: number): boolean {
  const window = candles.filter((c) => c.time * 1000 >= a.createdAt - 60_000 && c.time * 1000 <= at + 60_000);
  const level = Number(a.level);
  return a.direction === 'above'
    ? window.some((c) => c.high >= level) && window.some((c) => c.low < level)
    : window.some((c) => c.low <= level) && window.some((c) => c.high > level);
}

export function checkAlerts(
  alerts: readonly PlannedAlert[],
  crossings: readonly Crossing[],
  view: AlertsView,
  ledger: Ledger,
  candles: ReadonlyMap<string, readonly MinuteCandle[]>,
): AlertCheck {
  const performed = crossings.filter((c) => c.setAt !== undefined);
  const check: AlertCheck = {
    created: alerts.length,
    alertPairs: [...new Set(alerts.map((a) => a.symbol))],
    crossingPairs: [...new Set(performed.map((c) => c.symbol))],
    crossingsPlanned: crossings.length,
    crossingsPerformed: performed.length,
    firedOnce: 0,
    wrong: [],
    latenciesMs: [],
    unasked: [],
    unjustified: 0,
  };
  const byId = new Map(alerts.map((a) => [a.id, a]));
  const notificationIds = [...ledger.idsWith('alert:')];
  for (const c of performed) {
    const entries = view.log.filter((e) => e.ruleId === c.ruleId);
    const shown = notificationIds.filter((id) => id.startsWith(`alert:${c.ruleId}:`));
    const times = shown.reduce((sum, id) => sum + ledger.timesShown(id), 0);
    const good = entries.filter((e) => e.price >= Number(c.level) && e.at >= (c.setAt ?? 0) - 1_000);
    if (entries.length === 1 && good.length === 1 && shown.length === 1 && times === 1) check.firedOnce += 1;
    else {
      const rule = view.rules.find((r) => r.rule.id === c.ruleId);
      check.wrong.push(
        `${c.symbol} above ${c.level} (pushed at ${new Date(c.setAt ?? 0).toISOString()}): ${entries.length} log entries (${good.length} after the push, at or above the level), ${shown.length} notifications, created ${times}×; the rule says ${rule?.status ?? 'gone'}, fired ${rule?.fires ?? '?'}×`,
      );
    }
    const first = entries[entries.length - 1];
    if (first && c.setAt !== undefined) check.latenciesMs.push(first.at - c.setAt);
  }
  const deliberate = new Set(performed.map((c) => c.ruleId));
  for (const entry of view.log) {
    if (deliberate.has(entry.ruleId)) continue;
    const alert = byId.get(entry.ruleId);
    const justified = alert ? crossedInCandles(candles.get(alert.symbol) ?? [], alert, entry.at) : false;
    check.unasked.push({
      rule: alert ? `${alert.symbol} ${alert.direction} ${alert.level}` : entry.ruleId,
      price: entry.price,
      at: entry.at,
      justified,
    });
    if (!justified) check.unjustified += 1;
  }
  // A notification for an alert with no log entry at all would be an unasked firing too.
  for (const id of notificationIds) {
    const ruleId = id.split(':')[1] ?? '';
    if (!view.log.some((e) => e.ruleId === ruleId) && ruleId !== 'test') {
      check.unasked.push({
        rule: `notification ${id} without a log entry`,
        price: 0,
        at: 0,
        justified: false,
      });
      check.unjustified += 1;
    }
  }
  return check;
}
