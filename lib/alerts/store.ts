import type { AlertLogEntry, KrakenDatabase } from '../db/schema.ts';
import type { RuleState } from './engine.ts';
import type { AlertRule } from './rules.ts';

export const LOG_LIMIT = 100;

export interface AlertStore {
  listRules(): Promise<AlertRule[]>;
  putRule(rule: AlertRule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  loadStates(): Promise<Map<string, RuleState>>;
  saveStates(states: ReadonlyMap<string, RuleState>): Promise<void>;
  appendLog(entries: AlertLogEntry[]): Promise<void>;
  listLog(): Promise<AlertLogEntry[]>;
  /** Per pair, the time of the last tick evaluated (for catch-up after sleep). */
  loadSeen(): Promise<Record<string, number>>;
  saveSeen(seen: Record<string, number>): Promise<void>;
}

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
      return new Map(keys.map((k, i) => [k, values[i] as RuleState]));
    },
    async saveStates(states) {
      const tx = (await database).transaction('alertState', 'readwrite');
      for (const [id, state] of states) await tx.store.put(state, id);
      await tx.done;
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
    async loadSeen() {
      return (
        ((await (await database).get('meta', 'alerts-seen')) as Record<string, number> | undefined) ?? {}
      );
    },
    async saveSeen(seen) {
      await (await database).put('meta', seen, 'alerts-seen');
    },
  };
}
