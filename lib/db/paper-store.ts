// The paper account in the extension's IndexedDB (lib/db/schema.ts, store `paper`, one record under
// 'account'). Takes the database or the promise of it, so the worker registers listeners before it opens.
import { PaperStateCorrupted, parsePaperState } from '../paper/parse.ts';
import type { PaperRead, PaperStore } from '../paper/store.ts';
import type { PaperState } from '../paper/types.ts';
import type { KrakenDatabase } from './schema.ts';

export const PAPER_KEY = 'account';

export function idbPaperStore(
  database: KrakenDatabase | Promise<KrakenDatabase>,
  options: { onCorrupted?: (error: PaperStateCorrupted) => void } = {},
): PaperStore {
  async function read(): Promise<PaperRead> {
    // Typed as the schema says, but it is whatever was written: checked before use.
    const raw: unknown = await (await database).get('paper', PAPER_KEY);
    if (raw === undefined) return { kind: 'empty' };
    try {
      return { kind: 'loaded', state: parsePaperState(raw) };
    } catch (error) {
      if (error instanceof PaperStateCorrupted) return { kind: 'corrupted', error };
      // The checks themselves failed on something unforeseen (e.g. a getter that throws): still garbage.
      return { kind: 'corrupted', error: new PaperStateCorrupted('account', String(error)) };
    }
  }
  return {
    read,
    async load() {
      const r = await read();
      switch (r.kind) {
        case 'loaded':
          return r.state;
        case 'empty':
          return undefined;
        case 'corrupted':
          options.onCorrupted?.(r.error);
          return undefined;
        default: {
          const never: never = r;
          throw new RangeError(`unknown read ${JSON.stringify(never)}`);
        }
      }
    },
    async save(state) {
      await (await database).put('paper', state, PAPER_KEY);
    },
    async setAsideUnreadable(now) {
      const db = await database;
      const raw: unknown = await db.get('paper', PAPER_KEY);
      if (raw === undefined) return null;
      const key = `${PAPER_KEY}.unreadable.${now}`;
      await db.put('paper', raw as PaperState, key);
      return key;
    },
  };
}
