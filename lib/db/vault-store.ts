import type { VaultHeader, VaultRecord } from '../vault/format.ts';
import type { VaultStore } from '../vault/vault.ts';
import type { KrakenDatabase } from './schema.ts';

/**
 * The vault's records in the extension's IndexedDB (lib/db/schema.ts). Takes the database or the promise
 * of it, so the worker can register its listeners before the database has opened. Values come back as they
 * were read (`unknown`): the vault checks them (record.ts) before use.
 */
export function idbVaultStore(database: KrakenDatabase | Promise<KrakenDatabase>): VaultStore {
  return {
    async getHeader(): Promise<unknown> {
      return (await database).get('meta', 'vault-header');
    },
    listRecords: async (): Promise<unknown[]> => (await database).getAll('vault'),
    async getActiveId() {
      const id: unknown = await (await database).get('meta', 'active-key');
      return typeof id === 'string' ? id : undefined;
    },
    async setActiveId(id) {
      const db = await database;
      if (id === undefined) await db.delete('meta', 'active-key');
      else await db.put('meta', id, 'active-key');
    },
    async putRecord(record: VaultRecord) {
      await (await database).put('vault', record);
    },
    async deleteRecord(key) {
      await (await database).delete('vault', key as string);
    },
    async replaceAll(header: VaultHeader, records: readonly unknown[]) {
      const tx = (await database).transaction(['meta', 'vault'], 'readwrite');
      await tx.objectStore('meta').put(header, 'vault-header');
      const vault = tx.objectStore('vault');
      await vault.clear();
      // Damaged records are put back exactly as they were read (they are kept until the person removes them).
      for (const r of records) await vault.put(r as VaultRecord);
      await tx.done;
    },
    async clearAll() {
      const tx = (await database).transaction(['meta', 'vault'], 'readwrite');
      await tx.objectStore('meta').delete('vault-header');
      await tx.objectStore('meta').delete('active-key');
      await tx.objectStore('vault').clear();
      await tx.done;
    },
  };
}
