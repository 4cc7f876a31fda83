import type { VaultHeader, VaultRecord } from '../vault/format.ts';
import type { VaultStore } from '../vault/vault.ts';
import type { KrakenDatabase } from './schema.ts';

/**
 * The vault's records in the extension's IndexedDB (lib/db/schema.ts). Takes the database or the promise
 * of it, so the worker can register its listeners before the database has opened.
 */
export function idbVaultStore(database: KrakenDatabase | Promise<KrakenDatabase>): VaultStore {
  return {
    async getHeader() {
      return (await (await database).get('meta', 'vault-header')) as VaultHeader | undefined;
    },
    listRecords: async () => (await database).getAll('vault'),
    async getActiveId() {
      return (await (await database).get('meta', 'active-key')) as string | undefined;
    },
    async setActiveId(id) {
      const db = await database;
      if (id === undefined) await db.delete('meta', 'active-key');
      else await db.put('meta', id, 'active-key');
    },
    async putRecord(record: VaultRecord) {
      await (await database).put('vault', record);
    },
    async deleteRecord(id) {
      await (await database).delete('vault', id);
    },
    async replaceAll(header, records) {
      const tx = (await database).transaction(['meta', 'vault'], 'readwrite');
      await tx.objectStore('meta').put(header, 'vault-header');
      const vault = tx.objectStore('vault');
      await vault.clear();
      for (const r of records) await vault.put(r);
      await tx.done;
    },
  };
}
