import type { KrakenDatabase } from '../db/schema.ts';
import type { VaultHeader, VaultRecord } from './format.ts';
import type { VaultStore } from './vault.ts';

/** The vault's records in the extension's IndexedDB (lib/db/schema.ts). */
export function idbVaultStore(db: KrakenDatabase): VaultStore {
  return {
    async getHeader() {
      return (await db.get('meta', 'vault-header')) as VaultHeader | undefined;
    },
    listRecords: () => db.getAll('vault'),
    async getActiveId() {
      return (await db.get('meta', 'active-key')) as string | undefined;
    },
    async setActiveId(id) {
      if (id === undefined) await db.delete('meta', 'active-key');
      else await db.put('meta', id, 'active-key');
    },
    async putRecord(record: VaultRecord) {
      await db.put('vault', record);
    },
    async deleteRecord(id) {
      await db.delete('vault', id);
    },
    async replaceAll(header, records) {
      const tx = db.transaction(['meta', 'vault'], 'readwrite');
      await tx.objectStore('meta').put(header, 'vault-header');
      const vault = tx.objectStore('vault');
      await vault.clear();
      for (const r of records) await vault.put(r);
      await tx.done;
    },
  };
}
