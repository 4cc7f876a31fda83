// The background's intent store without IndexedDB: the memory store plus the pruning the trading service uses.
import type { IdbIntentStore } from '../../lib/db/intent-store.ts';
import { memoryIntentStore } from '../../lib/kraken/index.ts';

export function memoryIdbIntentStore(): IdbIntentStore {
  const store = memoryIntentStore();
  return { ...store, prune: async () => 0 };
}
