// Which fills of a live account were already notified (`fillMarks`, per accountKey): after a reconnect or a
// restarted worker, the `executions` snapshot is compared with it, so each fill is notified exactly once.
import type { FillMarkStore } from '../trading/live/fill-ledger.ts';
import type { KrakenDatabase } from './schema.ts';

export type { FillMarkStore };

export function idbFillMarkStore(database: KrakenDatabase | Promise<KrakenDatabase>): FillMarkStore {
  return {
    async get(account) {
      const value: unknown = await (await database).get('fillMarks', account);
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
    },
    async put(account, ids) {
      await (await database).put('fillMarks', ids, account);
    },
  };
}

export function memoryFillMarkStore(): FillMarkStore {
  const data = new Map<string, string[]>();
  return {
    get: async (account) => data.get(account)?.slice(),
    put: async (account, ids) => void data.set(account, ids.slice()),
  };
}
