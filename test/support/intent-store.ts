// The background's intent store without IndexedDB: the memory store plus the pruning the trading service uses.
import type { PrunableIntentStore } from '../../lib/kraken/index.ts';
import { memoryIntentStore } from '../../lib/kraken/index.ts';

export function memoryIdbIntentStore(): PrunableIntentStore {
  const store = memoryIntentStore();
  return { ...store, prune: async () => 0 };
}
