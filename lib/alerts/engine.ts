// The alert engine (issue 7): pure — (rules, state, tick) → (fired, new state). No clock, no I/O: the time
// is the tick's. Each crossing fires at most once; re-arming needs the price to come back (past the band).
import type { AlertRule, CrossRule, MoveRule } from './rules.ts';

export interface PriceTick {
  symbol: string;
  last: number;
  bid: number;
  ask: number;
  at: number;
  /** Synthesised from candles while we were not watching (catch-up). */
  offline?: boolean;
}

export interface RuleState {
  /** The previous observed price (by the rule's source); null until the first tick. */
  lastPrice: number | null;
  armed: boolean;
  lastFiredAt: number | null;
  fires: number;
  /** Once-rules that fired, and expired rules, are done for good. */
  done: boolean;
  /**
   * Move rules: monotonic queues of (time, price) — the window's running minimum (increasing prices) and
   * maximum (decreasing prices) — so each tick costs O(1) amortised however long the window.
   */
  minQ: [number, number][];
  maxQ: [number, number][];
}

export interface Firing {
  ruleId: string;
  symbol: string;
  price: number;
  at: number;
  offline: boolean;
  /** For move rules: the signed change in percent that fired it. */
  changePct?: number;
}

export function initialState(): RuleState {
  return { lastPrice: null, armed: true, lastFiredAt: null, fires: 0, done: false, minQ: [], maxQ: [] };
}

/**
 * The state of a new rule: its "previous observed price" is the market price when it was created, so the
 * very next tick past the level is a crossing (a rule created right before a jump still fires).
 */
export function seededState(rule: AlertRule, latest: PriceTick | undefined): RuleState {
  const price = latest && latest.symbol === rule.symbol ? priceOf(rule, latest) : null;
  return {
    ...initialState(),
    lastPrice: price !== null && Number.isFinite(price) && price > 0 ? price : null,
  };
}

function priceOf(rule: AlertRule, tick: PriceTick): number {
  return rule.source === 'mid' ? (tick.bid + tick.ask) / 2 : tick.last;
}

function cooled(rule: AlertRule, state: RuleState, at: number): boolean {
  if (rule.repeat.kind === 'once') return state.fires === 0;
  return state.lastFiredAt === null || at - state.lastFiredAt >= rule.repeat.cooldownMs;
}

function afterFire(rule: AlertRule, state: RuleState, at: number): RuleState {
  return {
    ...state,
    armed: false,
    lastFiredAt: at,
    fires: state.fires + 1,
    done: rule.repeat.kind === 'once',
  };
}

function stepCross(
  rule: CrossRule,
  state: RuleState,
  price: number,
  tick: PriceTick,
): [RuleState, Firing | null] {
  const level = Number(rule.level);
  const band = Number(rule.rearmBand);
  const prev = state.lastPrice;
  let next: RuleState = { ...state, lastPrice: price };
  // Re-arm once the price is back on the starting side (past the band).
  if (!next.armed) {
    const back = rule.direction === 'above' ? price < level - band : price > level + band;
    if (back) next = { ...next, armed: true };
  }
  if (prev === null) return [next, null];
  const crossed =
    rule.direction === 'above' ? prev < level && price >= level : prev > level && price <= level;
  if (!crossed || !state.armed || !cooled(rule, state, tick.at)) return [next, null];
  next = afterFire(rule, next, tick.at);
  return [next, { ruleId: rule.id, symbol: rule.symbol, price, at: tick.at, offline: tick.offline === true }];
}

function stepMove(
  rule: MoveRule,
  state: RuleState,
  price: number,
  tick: PriceTick,
): [RuleState, Firing | null] {
  const cutoff = tick.at - rule.windowMs;
  const minQ = state.minQ.filter(([t]) => t > cutoff);
  const maxQ = state.maxQ.filter(([t]) => t > cutoff);
  let changePct: number | undefined;
  for (const extreme of [minQ[0]?.[1], maxQ[0]?.[1]]) {
    if (extreme === undefined) continue;
    const pct = ((price - extreme) / extreme) * 100;
    if (Math.abs(pct) >= rule.percent && (changePct === undefined || Math.abs(pct) > Math.abs(changePct))) {
      changePct = pct;
    }
  }
  while (minQ.length > 0 && (minQ[minQ.length - 1]?.[1] ?? 0) >= price) minQ.pop();
  minQ.push([tick.at, price]);
  while (maxQ.length > 0 && (maxQ[maxQ.length - 1]?.[1] ?? 0) <= price) maxQ.pop();
  maxQ.push([tick.at, price]);
  const next: RuleState = { ...state, lastPrice: price, minQ, maxQ };
  if (changePct === undefined || !cooled(rule, state, tick.at)) return [next, null];
  // The window restarts at the firing price, so the same move does not fire again.
  const restart: [number, number][] = [[tick.at, price]];
  const fired = { ...afterFire(rule, next, tick.at), armed: true, minQ: restart, maxQ: [...restart] };
  return [
    fired,
    { ruleId: rule.id, symbol: rule.symbol, price, at: tick.at, offline: tick.offline === true, changePct },
  ];
}

/**
 * Runs every rule of the tick's pair. Paused, expired and done rules keep their last price up to date
 * (so resuming does not fire on a stale comparison) but never fire.
 */
export function evaluate(
  rules: readonly AlertRule[],
  states: ReadonlyMap<string, RuleState>,
  tick: PriceTick,
): { fired: Firing[]; changed: Map<string, RuleState> } {
  const fired: Firing[] = [];
  const changed = new Map<string, RuleState>();
  for (const rule of rules) {
    if (rule.symbol !== tick.symbol) continue;
    const state = states.get(rule.id) ?? initialState();
    const price = priceOf(rule, tick);
    if (!Number.isFinite(price) || price <= 0) continue;
    if (rule.expiresAt !== null && tick.at > rule.expiresAt && !state.done) {
      changed.set(rule.id, { ...state, lastPrice: price, done: true });
      continue;
    }
    const snoozed = rule.snoozedUntil !== null && tick.at < rule.snoozedUntil;
    if (rule.paused || snoozed || state.done) {
      if (state.lastPrice !== price) changed.set(rule.id, { ...state, lastPrice: price, minQ: [], maxQ: [] });
      continue;
    }
    const [next, firing] =
      rule.kind === 'cross' ? stepCross(rule, state, price, tick) : stepMove(rule, state, price, tick);
    changed.set(rule.id, next);
    if (firing) fired.push(firing);
  }
  return { fired, changed };
}

/**
 * Candles → the ticks they imply, in the likeliest order (open, then the nearer extreme, then close).
 * The path is spread over the candle's interval, or up to `until` for the candle still forming, so a spike
 * early in the current minute is replayed at a time that has already passed.
 */
export function candleTicks(
  symbol: string,
  candle: { time: number; open: number; high: number; low: number; close: number },
  intervalMs: number,
  until = Number.POSITIVE_INFINITY,
): PriceTick[] {
  const { time, open, high, low, close } = candle;
  const path = close >= open ? [open, low, high, close] : [open, high, low, close];
  const step = Math.max(0, Math.min(intervalMs, until - time)) / 4;
  return path.map((p, i) => ({
    symbol,
    last: p,
    bid: p,
    ask: p,
    at: time + Math.round(i * step),
    offline: true,
  }));
}
