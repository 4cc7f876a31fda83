// The background's alert service: evaluates every ticker tick, persists state before it notifies (so a
// restart neither re-fires nor misses), catches up from 1-minute candles after sleep, and owns the log.
import type { AlertLogEntry } from '../db/schema.ts';
import { candleTicks, evaluate, type Firing, type PriceTick, type RuleState, seededState } from './engine.ts';
import { type AlertRule, AlertRuleError, describeRule, parseRule } from './rules.ts';
import type { AlertStore } from './store.ts';

export interface Candle {
  /** Candle open time, ms. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface AlertServiceDeps {
  store: AlertStore;
  notify(entry: AlertLogEntry, rule: AlertRule): Promise<void>;
  /** 1-minute candles since a time (ms), oldest first (REST OHLC). */
  fetchCandles(symbol: string, sinceMs: number): Promise<Candle[]>;
  /** The pairs alerts need live prices for (the market service subscribes them). */
  watchSymbols(symbols: string[]): void;
  /** The latest tick of a pair, if any (a new rule's starting point). */
  latestTick(symbol: string): PriceTick | undefined;
  now(): number;
  newId(): string;
}

export type RuleStatus = 'armed' | 'waiting-to-rearm' | 'paused' | 'snoozed' | 'done';

export interface AlertRuleView {
  rule: AlertRule;
  description: string;
  status: RuleStatus;
  fires: number;
  lastFiredAt: number | null;
}

export interface AlertsView {
  rules: AlertRuleView[];
  log: AlertLogEntry[];
}

export interface ImportResult {
  added: number;
  errors: { index: number; field: string; message: string }[];
}

const SAVE_EVERY_MS = 2_000;
const MINUTE = 60_000;
/** Live ticks held back while a catch-up is due; past this many they are applied anyway (memory bound). */
const HELD_TICKS_MAX = 5_000;

/** "14:02" in the user's time zone. */
const hhmm = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function createAlertService(deps: AlertServiceDeps) {
  let rules: AlertRule[] = [];
  /** Rules by pair: a tick only visits its own pair's rules (500 alerts over 50 pairs → 10 per tick). */
  let bySymbol = new Map<string, AlertRule[]>();
  function setRules(next: AlertRule[]): void {
    rules = next;
    bySymbol = new Map();
    for (const r of rules) bySymbol.set(r.symbol, [...(bySymbol.get(r.symbol) ?? []), r]);
  }
  let states = new Map<string, RuleState>();
  let seen: Record<string, number> = {};
  const dirty = new Map<string, RuleState>();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(view: AlertsView) => void>();
  /**
   * Live ticks wait while a catch-up is due (after a start or a lost connection). Applying one first would
   * move a pair's "last seen" past the gap and compare the new price with the one from before it, so a
   * crossing that came and went while we were away would never be replayed from the candles.
   */
  let catchUpDue = true;
  let held: PriceTick[] = [];

  /** Ticks, edits and catch-up run one at a time, in order. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = queue.then(fn);
    queue = next.catch(() => {});
    return next;
  }

  function symbols(): string[] {
    return [...new Set(rules.filter((r) => !r.paused).map((r) => r.symbol))];
  }

  function statusOf(rule: AlertRule, state: RuleState | undefined, now: number): RuleStatus {
    if (state?.done) return 'done';
    if (rule.paused) return 'paused';
    if (rule.snoozedUntil !== null && now < rule.snoozedUntil) return 'snoozed';
    return state && !state.armed ? 'waiting-to-rearm' : 'armed';
  }

  async function view(): Promise<AlertsView> {
    const now = deps.now();
    return {
      rules: rules.map((rule) => {
        const state = states.get(rule.id);
        return {
          rule,
          description: describeRule(rule),
          status: statusOf(rule, state, now),
          fires: state?.fires ?? 0,
          lastFiredAt: state?.lastFiredAt ?? null,
        };
      }),
      log: (await deps.store.listLog()).reverse(),
    };
  }

  async function changed(): Promise<void> {
    deps.watchSymbols(symbols());
    const v = await view();
    for (const l of listeners) l(v);
  }

  function scheduleSave(): void {
    if (saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      void flush();
    }, SAVE_EVERY_MS);
  }

  async function flush(): Promise<void> {
    const batch = new Map(dirty);
    dirty.clear();
    if (batch.size) await deps.store.saveStates(batch);
    await deps.store.saveSeen(seen);
  }

  function logEntry(firing: Firing, rule: AlertRule): AlertLogEntry {
    const move =
      firing.changePct === undefined
        ? ''
        : ` (${firing.changePct > 0 ? '+' : ''}${firing.changePct.toFixed(2)} %)`;
    const when = firing.offline ? `while offline at ${hhmm(firing.at)}` : `at ${hhmm(firing.at)}`;
    return {
      ruleId: rule.id,
      symbol: rule.symbol,
      text: `${describeRule(rule)}: ${firing.price}${move} ${when}`,
      price: firing.price,
      at: firing.at,
      offline: firing.offline,
    };
  }

  async function apply(ticks: PriceTick[]): Promise<void> {
    const fired: Firing[] = [];
    for (const tick of ticks) {
      const result = evaluate(bySymbol.get(tick.symbol) ?? [], states, tick);
      for (const [id, state] of result.changed) {
        states.set(id, state);
        dirty.set(id, state);
      }
      fired.push(...result.fired);
      seen[tick.symbol] = Math.max(seen[tick.symbol] ?? 0, tick.at);
    }
    if (fired.length === 0) {
      scheduleSave();
      return;
    }
    // Persist first: if the worker dies after this line, the restarted one knows these fired.
    await flush();
    const entries: AlertLogEntry[] = [];
    for (const f of fired) {
      const rule = rules.find((r) => r.id === f.ruleId);
      if (!rule) continue;
      const entry = logEntry(f, rule);
      entries.push(entry);
      await deps.notify(entry, rule).catch(() => {});
    }
    await deps.store.appendLog(entries);
    await changed();
  }

  return {
    async start(): Promise<void> {
      const stored = await deps.store.listRules();
      setRules(
        stored.flatMap((r) => {
          try {
            return [parseRule(r)];
          } catch {
            return []; // A damaged record is skipped, not fatal; it stays in storage untouched.
          }
        }),
      );
      states = await deps.store.loadStates();
      seen = await deps.store.loadSeen();
      deps.watchSymbols(symbols());
    },

    /** One live tick from the market service. */
    onTick(tick: PriceTick): Promise<void> {
      if (!bySymbol.has(tick.symbol)) return Promise.resolve();
      if (catchUpDue && held.length < HELD_TICKS_MAX) {
        held.push(tick);
        return Promise.resolve();
      }
      return serial(() => apply([tick]));
    },

    /** The live feed was lost: ticks wait for the next catch-up, which replays the gap first. */
    suspend(): void {
      catchUpDue = true;
    },

    /**
     * After a start, a reconnect or a wake: replay 1-minute candles since the last tick seen for each pair
     * with alerts, so a crossing that happened while we were away fires once ("while offline").
     */
    catchUp(): Promise<number> {
      return serial(async () => {
        const now = deps.now();
        let replayed = 0;
        for (const symbol of symbols()) {
          const since = seen[symbol];
          // Only whole minutes after the last tick can be replayed: nothing to ask while still in its minute
          // (a time threshold here once skipped a 4-second stop that spanned a minute boundary).
          if (since === undefined || Math.floor(now / MINUTE) === Math.floor(since / MINUTE)) continue;
          const candles = await deps.fetchCandles(symbol, since).catch(() => []);
          // Only whole minutes after the last tick seen: the minute that contains it was partly watched live,
          // and replaying its open or low could re-arm and re-fire a crossing that already fired. A lasting
          // crossing inside that minute is still caught by the first live tick (persisted last price).
          const ticks = candles
            .filter((c) => c.time >= Math.floor(since / MINUTE) * MINUTE + MINUTE)
            .filter((c) => c.time <= now)
            .flatMap((c) => candleTicks(symbol, c, MINUTE, now));
          replayed += ticks.length;
          await apply(ticks);
        }
        // Then the live ticks that arrived meanwhile, in order, newer than anything replayed.
        catchUpDue = false;
        const waiting = held;
        held = [];
        if (waiting.length) await apply(waiting);
        return replayed;
      });
    },

    view,
    subscribe(listener: (view: AlertsView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    create(input: Record<string, unknown>): Promise<AlertsView> {
      return serial(async () => {
        const rule = parseRule({
          ...input,
          id: deps.newId(),
          createdAt: deps.now(),
          paused: false,
          snoozedUntil: null,
        });
        await deps.store.putRule(rule);
        const state = seededState(rule, deps.latestTick(rule.symbol));
        await deps.store.saveStates(new Map([[rule.id, state]]));
        states.set(rule.id, state);
        // Watching starts now: a later gap (sleep, a stopped worker) is caught up from here on.
        seen[rule.symbol] = Math.max(seen[rule.symbol] ?? 0, deps.now());
        await deps.store.saveSeen(seen);
        setRules([...rules, rule]);
        await changed();
        return view();
      });
    },

    remove(id: string): Promise<AlertsView> {
      return serial(async () => {
        await deps.store.deleteRule(id);
        setRules(rules.filter((r) => r.id !== id));
        states.delete(id);
        dirty.delete(id);
        await changed();
        return view();
      });
    },

    update(id: string, patch: { paused?: boolean; snoozedUntil?: number | null }): Promise<AlertsView> {
      return serial(async () => {
        const rule = rules.find((r) => r.id === id);
        if (!rule) throw new AlertRuleError('id', 'That alert no longer exists.');
        const next = parseRule({ ...rule, ...patch });
        await deps.store.putRule(next);
        setRules(rules.map((r) => (r.id === id ? next : r)));
        await changed();
        return view();
      });
    },

    /**
     * Edits what an alert watches (level, direction, repeat…; not its pair or kind). The rule starts over
     * from the current price, as a new one would: a past firing of the old level says nothing about the new.
     */
    edit(id: string, changes: Record<string, unknown>): Promise<AlertsView> {
      return serial(async () => {
        const rule = rules.find((r) => r.id === id);
        if (!rule) throw new AlertRuleError('id', 'That alert no longer exists.');
        const next = parseRule({
          ...rule,
          ...changes,
          id,
          symbol: rule.symbol,
          kind: rule.kind,
          createdAt: rule.createdAt,
        });
        const state = seededState(next, deps.latestTick(next.symbol));
        await deps.store.putRule(next);
        await deps.store.saveStates(new Map([[id, state]]));
        states.set(id, state);
        dirty.delete(id);
        setRules(rules.map((r) => (r.id === id ? next : r)));
        await changed();
        return view();
      });
    },

    exportJson(): string {
      return JSON.stringify({ format: 'kraken-trader-alerts', version: 1, alerts: rules }, null, 2);
    },

    /** Validates every item; valid ones are added (with new ids), invalid ones reported by index and field. */
    importJson(text: string): Promise<ImportResult> {
      return serial(async () => {
        let items: unknown[];
        try {
          const parsed = JSON.parse(text) as unknown;
          const list = Array.isArray(parsed) ? parsed : (parsed as { alerts?: unknown })?.alerts;
          if (!Array.isArray(list)) throw new Error('no list');
          items = list;
        } catch {
          return {
            added: 0,
            errors: [
              {
                index: -1,
                field: 'file',
                message: 'This is not an alerts export (JSON with an "alerts" list).',
              },
            ],
          };
        }
        const result: ImportResult = { added: 0, errors: [] };
        for (const [index, item] of items.entries()) {
          try {
            const rule = parseRule({
              ...(item as object),
              id: deps.newId(),
              createdAt: deps.now(),
              snoozedUntil: null,
            });
            await deps.store.putRule(rule);
            states.set(rule.id, seededState(rule, deps.latestTick(rule.symbol)));
            dirty.set(rule.id, states.get(rule.id) as RuleState);
            setRules([...rules, rule]);
            result.added += 1;
          } catch (e) {
            const field = e instanceof AlertRuleError ? e.field : 'rule';
            result.errors.push({ index, field, message: e instanceof Error ? e.message : String(e) });
          }
        }
        await changed();
        return result;
      });
    },

    stop(): void {
      if (saveTimer) clearTimeout(saveTimer);
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
