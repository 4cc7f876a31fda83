// The background's intent store without IndexedDB: the memory store plus the pruning the trading service uses.
import type { IntentAccount, PrunableIntentStore } from '../../lib/kraken/index.ts';
import { memoryIntentStore } from '../../lib/kraken/index.ts';

/** A resting limit buy as the placer sends it (AddOrder's fields). */
export const LIMIT_ORDER = {
  pair: 'XBTUSD',
  type: 'buy',
  ordertype: 'limit',
  volume: '0.01',
  price: '30000.0',
} as const;
/** Two accounts on the same endpoint: an intent of one must never be sent or settled for the other. */
export const ACCOUNT_A: IntentAccount = {
  keyId: 'aaaaaaaaaaaaaaaa',
  keyVersion: 1,
  endpoint: 'https://api.kraken.com',
};
export const ACCOUNT_B: IntentAccount = {
  keyId: 'bbbbbbbbbbbbbbbb',
  keyVersion: 1,
  endpoint: 'https://api.kraken.com',
};

export function memoryIdbIntentStore(): PrunableIntentStore {
  const store = memoryIntentStore();
  return { ...store, prune: async () => 0 };
}
