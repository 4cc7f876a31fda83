import type { NonceStore } from '../kraken/index.ts';
import type { KrakenDatabase } from './schema.ts';

/** Nonce high-water marks in the extension's IndexedDB: they survive worker and browser restarts. */
export function idbNonceStore(database: KrakenDatabase | Promise<KrakenDatabase>): NonceStore {
  return {
    load: async (keyId) => (await database).get('nonce', keyId),
    save: async (keyId, value) => {
      await (await database).put('nonce', value, keyId);
    },
  };
}
