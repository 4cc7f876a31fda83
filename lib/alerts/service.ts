// The background's alert service: evaluates every ticker tick (pipeline.ts), persists state before it
// notifies so a restart neither re-fires nor misses (state-book.ts), catches up from 1-minute candles after
// sleep (catch-up.ts, candle-source.ts), serves edits (editor.ts) and owns the log. Ticks, edits and
// catch-ups run one at a time, in order, through one queue.
import { createEmitter } from '../base/emitter.ts';
import { createSerialQueue } from '../base/serial-queue.ts';
import { createCatchUp } from './catch-up.ts';
import { createRuleEditor } from './editor.ts';
import type { PriceTick } from './engine.ts';
import { readPending, STALE_MS } from './outbox.ts';
import { createDelivery, createTickPipeline } from './pipeline.ts';
import { createRuleSet } from './rule-set.ts';
import { type AlertRule, parseRule } from './rules.ts';
import { createStateBook } from './state-book.ts';
import type { AlertStore } from './store.ts';
import type { AlertLogEntry, AlertProblem, AlertsView, Candle, ImportResult } from './types.ts';
import { ruleView, statusOf } from './view.ts';

export type {
  AlertProblem,
  AlertRuleView,
  AlertsView,
  Candle,
  ImportResult,
  RuleStatus,
} from './types.ts';

export interface AlertServiceDeps {
  store: AlertStore;
  notify(entry: AlertLogEntry): Promise<void>;
  /** 1-minute candles since a time (ms), oldest first (REST OHLC: candle-source.ts). */
  fetchCandles(symbol: string, sinceMs: number): Promise<Candle[]>;
  /** The pairs alerts need live prices for (the market subscribes them). */
  watchSymbols(symbols: string[]): void;
  /** The latest tick of a pair, if any (a new rule's starting point). */
  latestTick(symbol: string): PriceTick | undefined;
  now(): number;
  newId(): string;
  /** Told about records read from storage that could not be used (the service goes on without them). */
  onProblem?(problem: AlertProblem): void;
  /** Told each time a firing's notification could not be shown: the browser's reason, and the total so far. */
  onNotifyFailure?(reason: string, total: number): void;
}

export function createAlertService(deps: AlertServiceDeps) {
  const queue = createSerialQueue();
  const listeners = createEmitter<AlertsView>();
  const report = (problem: AlertProblem) => deps.onProblem?.(problem);
  const rules = createRuleSet();
  const book = createStateBook({ store: deps.store, report, now: deps.now });
  const editor = createRuleEditor({ ...deps, rules, book });

  async function view(): Promise<AlertsView> {
    const now = deps.now();
    return {
      rules: rules.all().map((rule) => ruleView(rule, book.get(rule.id), now)),
      log: (await deps.store.listLog()).reverse(),
      notifyFailures: await deps.store.notifyFailures(),
    };
  }

  async function changed(): Promise<void> {
    deps.watchSymbols(rules.activeSymbols());
    listeners.emit(await view());
  }

  async function notifyFailed(reasons: string[]): Promise<void> {
    const total = await deps.store.addNotifyFailures(reasons.length);
    for (const reason of reasons) deps.onNotifyFailure?.(reason, total);
  }

  const deliver = createDelivery({ store: deps.store, notify: deps.notify, notifyFailed, changed });
  const apply = createTickPipeline({
    rules,
    book,
    store: deps.store,
    notify: deps.notify,
    notifyFailed,
    changed,
  });
  const catchUp = createCatchUp({
    symbols: rules.activeSymbols,
    seenAt: book.seenAt,
    fetchCandles: deps.fetchCandles,
    apply,
    now: deps.now,
  });

  /** Runs an edit in the queue, then tells listeners and answers with the new view. */
  const edit = (run: () => Promise<void>): Promise<AlertsView> =>
    queue.run(async () => {
      await run();
      await changed();
      return view();
    });

  return {
    async start(): Promise<void> {
      const stored = await deps.store.listRules();
      rules.set(
        stored.flatMap((r) => {
          try {
            return [parseRule(r)];
          } catch (error) {
            // A damaged record is skipped, not fatal; it stays in storage untouched.
            report({ kind: 'rule-skipped', reason: String(error) });
            return [];
          }
        }),
      );
      await book.load();
      deps.watchSymbols(rules.activeSymbols());
      // What a stopped worker committed and did not show: shown now (same notification id), or, if too old
      // to be news, logged as missed.
      await queue.run(async () => {
        const { entries, unreadable } = readPending(await deps.store.pendingFirings());
        if (unreadable > 0) report({ kind: 'pending-ignored', count: unreadable });
        const now = deps.now();
        await deliver(
          entries.filter((e) => now - e.at <= STALE_MS),
          entries.filter((e) => now - e.at > STALE_MS),
        );
      });
    },

    /** One live tick from the market. */
    onTick(tick: PriceTick): Promise<void> {
      if (!rules.watches(tick.symbol) || catchUp.hold(tick)) return Promise.resolve();
      return queue.run(() => apply([tick]));
    },

    /** Whether some alert can still fire (not paused, not done; a snoozed one wakes up again). */
    watching(): boolean {
      const now = deps.now();
      return rules.all().some((r) => {
        const status = statusOf(r, book.get(r.id), now);
        return status !== 'paused' && status !== 'done';
      });
    },

    /** The live feed was lost: ticks wait for the next catch-up, which replays the gap first. */
    suspend: catchUp.suspend,

    /** After a start, a reconnect or a wake: replay what was missed (see catch-up.ts). */
    catchUp: (): Promise<number> => queue.run(catchUp.run),

    view,
    subscribe: listeners.on,
    /** A rule by id, as it is now (a notification's words come from it); undefined once removed. */
    rule: (id: string): AlertRule | undefined => rules.get(id),

    create: (input: Record<string, unknown>) => edit(() => editor.create(input)),
    remove: (id: string) => edit(() => editor.remove(id)),
    update: (id: string, patch: { paused?: boolean; snoozedUntil?: number | null }) =>
      edit(() => editor.update(id, patch)),
    edit: (id: string, changes: Record<string, unknown>) => edit(() => editor.edit(id, changes)),
    exportJson: editor.exportJson,

    /** Validates every item; valid ones are added (with new ids), invalid ones reported by index and field. */
    importJson(text: string): Promise<ImportResult> {
      return queue.run(async () => {
        const { read, result } = await editor.importJson(text);
        if (read) await changed();
        return result;
      });
    },

    stop: book.stop,
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
