// Live order intents in IndexedDB (DB v3 `orderIntents`): written before every send, so a worker restart
// resumes or reconciles them instead of sending again (lib/kraken/orders/placer.ts).
import type { KrakenDatabase } from '../db/schema.ts';
import type { OrderIntent, OrderIntentStore } from '../kraken/orders/intents.ts';

/** Settled intents older than this are dropped when the store is listed (they only guard against resends). */
const KEEP_SETTLED_MS = 7 * 24 * 60 * 60_000;

export function idbIntentStore(
  database: KrakenDatabase | Promise<KrakenDatabase>,
  now: () => number,
): OrderIntentStore {
  return {
    get: async (clOrdId) => (await database).get('orderIntents', clOrdId),
    async put(intent: OrderIntent) {
      // Resolves after the transaction commits: the intent is durable before the order is sent.
      await (await database).put('orderIntents', intent);
    },
    async list() {
      const db = await database;
      const all = await db.getAll('orderIntents');
      const stale = all.filter(
        (i) => (i.state === 'placed' || i.state === 'rejected') && now() - i.updatedAt > KEEP_SETTLED_MS,
      );
      if (stale.length) {
        const tx = db.transaction('orderIntents', 'readwrite');
        await Promise.all([...stale.map((i) => tx.store.delete(i.clOrdId)), tx.done]);
      }
      return all.filter((i) => !stale.includes(i));
    },
  };
}
