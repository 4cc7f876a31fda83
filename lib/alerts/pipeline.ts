// Ticks through the engine: every rule of the tick's pair is evaluated, its state kept, and what fired is
// persisted first, then notified and logged (so a worker that dies mid-way neither re-fires nor misses).
// A notification that could not be shown is never swallowed: its log entry says why, and it is counted.

import { evaluate, type Firing, type PriceTick } from './engine.ts';
import { notifyFailureReason } from './notification.ts';
import type { RuleSet } from './rule-set.ts';
import type { AlertRule } from './rules.ts';
import type { StateBook } from './state-book.ts';
import type { AlertStore } from './store.ts';
import type { AlertLogEntry } from './types.ts';
import { logEntry } from './view.ts';

export interface PipelineDeps {
  rules: RuleSet;
  book: StateBook;
  store: AlertStore;
  notify(entry: AlertLogEntry, rule: AlertRule): Promise<void>;
  /** These firings' notifications could not be shown (reasons from the browser, nothing private). */
  notifyFailed(reasons: string[]): Promise<void>;
  /** Something fired: the view changed. */
  changed(): Promise<void>;
}

/** Applies ticks in order. Runs inside the service's queue (one apply at a time). */
export function createTickPipeline(deps: PipelineDeps) {
  return async function apply(ticks: readonly PriceTick[]): Promise<void> {
    const fired: Firing[] = [];
    for (const tick of ticks) {
      const result = evaluate(deps.rules.forSymbol(tick.symbol), deps.book.states(), tick);
      for (const [id, state] of result.changed) deps.book.update(id, state);
      fired.push(...result.fired);
      deps.book.markSeen(tick.symbol, tick.at);
    }
    if (fired.length === 0) {
      deps.book.scheduleSave();
      return;
    }
    // Persist first: if the worker dies after this line, the restarted one knows these fired.
    await deps.book.flush();
    const entries: AlertLogEntry[] = [];
    const failures: string[] = [];
    for (const f of fired) {
      const rule = deps.rules.get(f.ruleId);
      if (!rule) continue;
      const entry = logEntry(f, rule);
      const failure = await deps.notify(entry, rule).then(
        () => null,
        (error: unknown) => notifyFailureReason(error),
      );
      if (failure !== null) failures.push(failure);
      entries.push(failure === null ? entry : { ...entry, notifyError: failure });
    }
    await deps.store.appendLog(entries);
    if (failures.length > 0) await deps.notifyFailed(failures);
    await deps.changed();
  };
}
