// Fills are notified exactly once per account, across reconnects and restarted workers: every fill id
// notified is stored (lib/db/fill-marks.ts) before its notification, and each `executions` snapshot (the
// first frame after every (re)connection) is compared with it — fills that happened during a gap in the
// private feed are notified then, once. The very first snapshot of an account is history: nothing notified.
import { createSerialQueue } from '../../base/serial-queue.ts';
import type { FillView } from '../../orders/types.ts';

/** Enough to cover any snapshot (Kraken sends the last 50 trades) and the updates between two. */
const KEPT_IDS = 500;

/** Where the notified ids are kept, per account (IndexedDB `fillMarks`: lib/db/fill-marks.ts). */
export interface FillMarkStore {
  get(account: string): Promise<string[] | undefined>;
  put(account: string, ids: string[]): Promise<void>;
}

export function createFillLedger(store: FillMarkStore, account: string) {
  let seen: string[] | undefined;
  const queue = createSerialQueue();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(fn);

  async function record(fills: readonly FillView[], first: boolean): Promise<FillView[]> {
    seen ??= await store.get(account);
    const known = new Set(seen ?? []);
    const fresh = first && seen === undefined ? [] : fills.filter((f) => !known.has(f.id));
    const ids = [...(seen ?? []), ...fills.map((f) => f.id).filter((id) => !known.has(id))];
    seen = ids.slice(-KEPT_IDS);
    await store.put(account, seen); // stored before anyone is told: a restart never notifies twice
    return fresh;
  }

  return {
    /** The fills of a snapshot: those never notified (during a gap), oldest first. */
    snapshot: (fills: readonly FillView[]) => serial(() => record(fills, true)),
    /** Live fills: the ones not notified yet. */
    update: (fills: readonly FillView[]) => serial(() => record(fills, false)),
  };
}
