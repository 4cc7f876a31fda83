// Ticks through the engine: every rule of the tick's pair is evaluated, its state kept, and what fired is
// committed first with its notification (states and outbox in one transaction), then shown and logged: a
// worker that dies mid-way neither re-fires nor misses (outbox.ts shows what it left).
// A notification that could not be shown is never swallowed: its log entry says why, and it is counted.

import { evaluate, type Firing, type PriceTick } from './engine.ts';
import { notifyFailureReason } from './notification.ts';
import { MISSED_REASON } from './outbox.ts';
import type { RuleSet } from './rule-set.ts';
import type { StateBook } from './state-book.ts';
import type { AlertStore } from './store.ts';
import type { AlertLogEntry } from './types.ts';
import { logEntry } from './view.ts';

export interface PipelineDeps {
  rules: RuleSet;
  book: StateBook;
  store: AlertStore;
  notify(entry: AlertLogEntry): Promise<void>;
  /** These firings' notifications could not be shown (reasons from the browser, nothing private). */
  notifyFailed(reasons: string[]): Promise<void>;
  /** Something fired: the view changed. */
  changed(): Promise<void>;
}

/**
 * Shows committed firings, then logs them and takes them out of the outbox in one transaction. Also used at
 * start for what a stopped worker left there (outbox.ts).
 */
export function createDelivery(deps: Omit<PipelineDeps, 'rules' | 'book'>) {
  return async function deliver(entries: readonly AlertLogEntry[], missed: readonly AlertLogEntry[] = []) {
    const settled: AlertLogEntry[] = [];
    const failures: string[] = [];
    for (const entry of entries) {
      const failure = await deps.notify(entry).then(
        () => null,
        (error: unknown) => notifyFailureReason(error),
      );
      if (failure !== null) failures.push(failure);
      settled.push(failure === null ? entry : { ...entry, notifyError: failure });
    }
    for (const entry of missed) {
      failures.push(MISSED_REASON);
      settled.push({ ...entry, notifyError: MISSED_REASON });
    }
    if (settled.length === 0) return;
    await deps.store.settleFirings(settled);
    if (failures.length > 0) await deps.notifyFailed(failures);
    await deps.changed();
  };
}

/** Applies ticks in order. Runs inside the service's queue (one apply at a time). */
export function createTickPipeline(deps: PipelineDeps) {
  const deliver = createDelivery(deps);
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
    const entries = fired.flatMap((f) => {
      const rule = deps.rules.get(f.ruleId);
      return rule ? [logEntry(f, rule)] : [];
    });
    // Commit first, states and outbox together: a worker stopped after this line shows these when it
    // starts again (outbox.ts); one stopped before it has not fired them and evaluates again.
    await deps.book.commit(entries);
    await deliver(entries);
  };
}
