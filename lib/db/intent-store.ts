// Live order intents in IndexedDB (`orderIntents`): written before every send, so a restarted worker
// reconciles them instead of sending again (lib/kraken/orders/placer.ts). Every record is validated on read;
// a bad one is set aside, never allowed to stop the others.
import { type OrderIntent, type PrunableIntentStore, parseIntent } from '../kraken/index.ts';
import type { KrakenDatabase } from './schema.ts';
import { setAside } from './set-aside.ts';

/** Settled intents (placed, refused, not placed) are kept this long: they only guard against resends. */
export const KEEP_SETTLED_MS = 7 * 24 * 60 * 60_000;
/** Unsettled ones (another account's, never reconciled) are dropped after this: Kraken's own history remains. */
export const KEEP_ANY_MS = 30 * 24 * 60 * 60_000;

export function idbIntentStore(database: KrakenDatabase | Promise<KrakenDatabase>): PrunableIntentStore {
  async function quarantine(db: KrakenDatabase, key: string, value: unknown, reason: string): Promise<void> {
    await setAside(db, { from: 'orderIntents', key, reason, at: Date.now(), value });
    await db.delete('orderIntents', key);
  }

  async function create(intent: OrderIntent): Promise<OrderIntent | undefined> {
    // One request before the send: `add` writes the intent only where the cl_ord_id is not taken, and the
    // transaction is committed at once. A get, then a put (two round trips to the browser), and the commit left
    // to the end of the task cost 0.3-0.4 ms more of every order's path (docs/design.md §10). Relaxed
    // durability (committed once the browser has written it, without waiting for the disk's flush) is enough:
    // the record survives the worker's and the browser's end, which is what the never-twice guarantee must
    // outlive; only an operating-system crash or power loss could lose it, and then no popup is left to resend
    // it and the order still shows in Kraken's open orders.
    // https://developer.mozilla.org/docs/Web/API/IDBTransaction/durability
    // https://developer.mozilla.org/docs/Web/API/IDBObjectStore/add (ConstraintError when the key exists)
    const db = await database;
    const tx = db.transaction('orderIntents', 'readwrite', { durability: 'relaxed' });
    const added = tx.store.add(intent);
    tx.commit();
    try {
      await Promise.all([added, tx.done]);
      return undefined;
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'ConstraintError')) throw e;
    }
    // Taken: what is stored answers (a second confirmation of the same order joins it, never sends it).
    const raw: unknown = await db.get('orderIntents', intent.clOrdId);
    if (raw === undefined) return create(intent);
    const parsed = parseIntent(raw);
    if (parsed.ok) return parsed.intent;
    await quarantine(db, intent.clOrdId, raw, parsed.reason);
    return create(intent);
  }

  return {
    async get(clOrdId) {
      const db = await database;
      const raw: unknown = await db.get('orderIntents', clOrdId);
      if (raw === undefined) return undefined;
      const parsed = parseIntent(raw);
      if (parsed.ok) return parsed.intent;
      await quarantine(db, clOrdId, raw, parsed.reason);
      return undefined;
    },
    async put(intent: OrderIntent) {
      // Resolves after the transaction commits: the intent is durable before the order is sent.
      await (await database).put('orderIntents', intent);
    },
    create,
    async list() {
      const db = await database;
      const keys = await db.getAllKeys('orderIntents');
      const out: OrderIntent[] = [];
      for (const key of keys) {
        const raw: unknown = await db.get('orderIntents', key);
        const parsed = parseIntent(raw);
        if (parsed.ok) out.push(parsed.intent);
        else await quarantine(db, String(key), raw, parsed.reason);
      }
      return out;
    },
    async prune(now) {
      const db = await database;
      const all = await this.list();
      const old = all.filter((i) => {
        const age = now - i.updatedAt;
        const settled = i.state === 'placed' || i.state === 'rejected' || i.state === 'expired';
        return (settled && age > KEEP_SETTLED_MS) || age > KEEP_ANY_MS;
      });
      if (old.length) {
        const tx = db.transaction('orderIntents', 'readwrite');
        await Promise.all([...old.map((i) => tx.store.delete(i.clOrdId)), tx.done]);
      }
      return old.length;
    },
  };
}
