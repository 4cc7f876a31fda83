// Which fills of a live account were already taken, and which of them wait to be shown (`fillMarks`, per
// accountKey): after a reconnect or a restarted worker, the `executions` snapshot is compared with it, so
// each fill is notified exactly once (lib/trading/live/fill-ledger.ts).
import type { FillView } from '../orders/types.ts';
import type { FillMarkStore, FillMarks } from '../trading/live/fill-ledger.ts';
import type { KrakenDatabase } from './schema.ts';

export type { FillMarkStore, FillMarks };

export function idbFillMarkStore(database: KrakenDatabase | Promise<KrakenDatabase>): FillMarkStore {
  return {
    get: async (account) => readMarks(await (await database).get('fillMarks', account)),
    async put(account, marks) {
      await (await database).put('fillMarks', marks, account);
    },
  };
}

/**
 * A stored record, checked: version 1 was the list of ids alone; ids that are not strings and fills that
 * are not fills are left out (the record is rewritten with the next fill).
 */
export function readMarks(value: unknown): FillMarks | undefined {
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  if (Array.isArray(value)) return { ids: strings(value), pending: [] };
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { ids?: unknown; pending?: unknown };
  const pending = Array.isArray(record.pending) ? record.pending.filter(isFill) : [];
  return { ids: strings(record.ids), pending };
}

function isFill(value: unknown): value is FillView {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return typeof f.id === 'string' && typeof f.symbol === 'string' && typeof f.qty === 'string';
}

export function memoryFillMarkStore(): FillMarkStore {
  const data = new Map<string, FillMarks>();
  const copy = (m: FillMarks): FillMarks => JSON.parse(JSON.stringify(m));
  return {
    get: async (account) => {
      const m = data.get(account);
      return m ? copy(m) : undefined;
    },
    put: async (account, marks) => void data.set(account, copy(marks)),
  };
}
