// What the alert service needs from storage. The IndexedDB implementation is lib/db/alert-store.ts; tests use
// test/support/alert-store.ts.

import type { RuleState } from './engine.ts';
import type { AlertRule } from './rules.ts';
import type { AlertLogEntry } from './types.ts';

export interface AlertStore {
  listRules(): Promise<AlertRule[]>;
  putRule(rule: AlertRule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  /** Every rule's state record as stored (not yet checked: see state-record.ts), set-aside ones excluded. */
  loadStates(): Promise<Map<string, unknown>>;
  saveStates(states: ReadonlyMap<string, RuleState>): Promise<void>;
  /**
   * What fired, committed before anyone is told, in one transaction: the rules' states, the seen times and
   * the firings waiting to be shown (the outbox). A worker stopped after this either shows them on restart
   * or has never fired them: never both, never neither.
   */
  commitFirings(
    states: ReadonlyMap<string, RuleState>,
    seen: Record<string, number>,
    pending: readonly AlertLogEntry[],
  ): Promise<void>;
  /** The firings committed and not yet settled, as stored (checked by outbox.ts). */
  pendingFirings(): Promise<unknown>;
  /** These firings were shown (or failed to be): logged, and out of the outbox, in one transaction. */
  settleFirings(entries: readonly AlertLogEntry[]): Promise<void>;
  /**
   * Keeps an unreadable state record under a key of its own and puts `replacement` in its place, in one
   * transaction. Returns the key it was kept under.
   */
  setAsideState(id: string, raw: unknown, replacement: RuleState, at: number): Promise<string>;
  appendLog(entries: AlertLogEntry[]): Promise<void>;
  listLog(): Promise<AlertLogEntry[]>;
  /** Per pair, the time of the last tick evaluated (for catch-up after sleep); not yet checked. */
  loadSeen(): Promise<unknown>;
  saveSeen(seen: Record<string, number>): Promise<void>;
  /** How many firings' notifications could not be shown, ever (the log keeps only the last 100). */
  notifyFailures(): Promise<number>;
  /** Adds to that count in one transaction; returns the new total. */
  addNotifyFailures(count: number): Promise<number>;
}
