// The alert rules, their engine state, the log and the "last seen" times in the extension's IndexedDB
// (lib/db/schema.ts: stores `alerts`, `alertState`, `alertLog`, and `meta` under 'alerts-seen' and
// 'alerts-notify-failures').

import type { IDBPObjectStore, StoreNames } from 'idb';
import type { RuleState } from '../alerts/engine.ts';
import type { AlertStore } from '../alerts/store.ts';
import type { KrakenDatabase, KrakenDB } from './schema.ts';

export const LOG_LIMIT = 100;

/**
 * Unreadable state records are kept in the same object store under `set-aside:<rule id>:<time>` (a key no
 * rule id can have: ids are UUIDs), so nothing is ever deleted and no schema upgrade is needed.
 */
export const SET_ASIDE_PREFIX = 'set-aside:';

/** `meta` key of the count of firings whose notification could not be shown. */
const NOTIFY_FAILURES = 'alerts-notify-failures';
/** `meta` key of the outbox: firings committed, not yet shown (lib/alerts/outbox.ts). A value: no upgrade. */
const PENDING = 'alerts-pending';
const firingKey = (e: { ruleId: string; at: number }) => `${e.ruleId}:${e.at}`;
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
    async commitFirings(states, seen, pending) {
      const tx = (await database).transaction(['alertState', 'meta'], 'readwrite');
      const stateStore = tx.objectStore('alertState');
      for (const [id, state] of states) await stateStore.put(state, id);
      const meta = tx.objectStore('meta');
      await meta.put(seen, 'alerts-seen');
      const waiting: unknown = await meta.get(PENDING);
      // Whatever was there stays (unreadable entries too: outbox.ts sets them aside, never here).
      await meta.put([...(Array.isArray(waiting) ? waiting : []), ...pending], PENDING);
      await tx.done;
    },
    pendingFirings: async () => (await database).get('meta', PENDING),
    async settleFirings(entries) {
      const tx = (await database).transaction(['alertLog', 'meta'], 'readwrite');
      const log = tx.objectStore('alertLog');
      for (const e of entries) await log.add(e);
      await trimLog(log);
      const meta = tx.objectStore('meta');
      const waiting: unknown = await meta.get(PENDING);
      const done = new Set(entries.map(firingKey));
      const left = (Array.isArray(waiting) ? waiting : []).filter(
        (e: unknown) =>
          !(typeof e === 'object' && e !== null && done.has(firingKey(e as { ruleId: string; at: number }))),
      );
      await meta.put(left, PENDING);
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
      await trimLog(tx.store);
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

/** Keeps the last LOG_LIMIT entries (the log is a view of recent firings, not a record to keep). */
async function trimLog<Tx extends ArrayLike<StoreNames<KrakenDB>>>(
  log: IDBPObjectStore<KrakenDB, Tx, 'alertLog', 'readwrite'>,
): Promise<void> {
  const count = await log.count();
  if (count <= LOG_LIMIT) return;
  let cursor = await log.openCursor();
  for (let extra = count - LOG_LIMIT; cursor && extra > 0; extra--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}
