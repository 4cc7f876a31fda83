import type { AlertLogEntry, KrakenDatabase } from '../db/schema.ts';
import type { RuleState } from './engine.ts';
import type { AlertRule } from './rules.ts';

export const LOG_LIMIT = 100;

/**
 * Unreadable state records are kept in the same object store under `set-aside:<rule id>:<time>` (a key no
 * rule id can have: ids are UUIDs), so nothing is ever deleted and no schema upgrade is needed.
 */
export const SET_ASIDE_PREFIX = 'set-aside:';

export interface AlertStore {
  listRules(): Promise<AlertRule[]>;
  putRule(rule: AlertRule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  /** Every rule's state record as stored (not yet checked: see state-record.ts), set-aside ones excluded. */
  loadStates(): Promise<Map<string, unknown>>;
  saveStates(states: ReadonlyMap<string, RuleState>): Promise<void>;
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

const NOTIFY_FAILURES = 'alerts-notify-failures';
const asCount = (v: unknown): number => (Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : 0);

export function idbAlertStore(database: KrakenDatabase | Promise<KrakenDatabase>): AlertStore {
  return {
    listRules: async () => (await database).getAll('alerts'),
    async putRule(rule) {
      await (await database).put('alerts', rule);
    },
    async deleteRule(id) {
      const tx = (await database).transaction(['alerts', 'alertState'], 'readwrite');
      await tx.objectStore('alerts').delete(id);
      await tx.objectStore('alertState').delete(id);
      await tx.done;
    },
    async loadStates() {
      const db = await database;
      const [keys, values] = await Promise.all([db.getAllKeys('alertState'), db.getAll('alertState')]);
      const states = new Map<string, unknown>();
      keys.forEach((key, i) => {
        if (!key.startsWith(SET_ASIDE_PREFIX)) states.set(key, values[i]);
      });
      return states;
    },
    async saveStates(states) {
      const tx = (await database).transaction('alertState', 'readwrite');
      for (const [id, state] of states) await tx.store.put(state, id);
      await tx.done;
    },
    async setAsideState(id, raw, replacement, at) {
      const key = `${SET_ASIDE_PREFIX}${id}:${at}`;
      const tx = (await database).transaction('alertState', 'readwrite');
      // Typed as the schema says; it is the unreadable record exactly as it was read.
      await tx.store.put(raw as RuleState, key);
      await tx.store.put(replacement, id);
      await tx.done;
      return key;
    },
    async appendLog(entries) {
      const tx = (await database).transaction('alertLog', 'readwrite');
      for (const e of entries) await tx.store.add(e);
      const count = await tx.store.count();
      if (count > LOG_LIMIT) {
        let cursor = await tx.store.openCursor();
        for (let extra = count - LOG_LIMIT; cursor && extra > 0; extra--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.done;
    },
    listLog: async () => (await database).getAll('alertLog'),
    loadSeen: async () => (await database).get('meta', 'alerts-seen'),
    async saveSeen(seen) {
      await (await database).put('meta', seen, 'alerts-seen');
    },
    notifyFailures: async () => asCount(await (await database).get('meta', NOTIFY_FAILURES)),
    async addNotifyFailures(count) {
      const tx = (await database).transaction('meta', 'readwrite');
      const total = asCount(await tx.store.get(NOTIFY_FAILURES)) + count;
      await tx.store.put(total, NOTIFY_FAILURES);
      await tx.done;
      return total;
    },
  };
}
