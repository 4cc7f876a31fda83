// Fills are notified exactly once per account, across reconnects and restarted workers: every fill id
// taken is stored (lib/db/fill-marks.ts) with the fill in an outbox before its notification, and each
// `executions` snapshot (the first frame after every (re)connection) is compared with it — fills that
// happened during a gap in the private feed are notified then, once; fills taken by a worker that stopped
// before showing them are shown by the next one. The very first snapshot of an account is history.
import { createSerialQueue } from '../../base/serial-queue.ts';
import type { FillView } from '../../orders/types.ts';

/** Enough to cover any snapshot (Kraken sends the last 50 trades) and the updates between two. */
const KEPT_IDS = 500;

/**
 * Per account: the fill ids already taken (notified or being notified), and the fills whose notification was
 * not yet shown (the outbox: a worker stopped between taking a fill and showing it shows it when it starts
 * again; the notification id is the fill's own, fill:<id>, so one shown just before the stop is replaced,
 * not doubled).
 */
export interface FillMarks {
  ids: string[];
  pending: FillView[];
}

/** Where the marks are kept, per account (IndexedDB `fillMarks`: lib/db/fill-marks.ts). */
export interface FillMarkStore {
  get(account: string): Promise<FillMarks | undefined>;
  put(account: string, marks: FillMarks): Promise<void>;
}

export function createFillLedger(store: FillMarkStore, account: string) {
  let marks: FillMarks | undefined;
  let recovered = false;
  const queue = createSerialQueue();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(fn);

  async function record(fills: readonly FillView[], first: boolean): Promise<FillView[]> {
    marks ??= await store.get(account);
    const known = new Set(marks?.ids ?? []);
    const fresh = first && marks === undefined ? [] : fills.filter((f) => !known.has(f.id));
    // The first snapshot this worker sees also brings what a stopped one took and did not show.
    const left = first && !recovered ? (marks?.pending ?? []) : [];
    if (first) recovered = true;
    const ids = [...(marks?.ids ?? []), ...fills.map((f) => f.id).filter((id) => !known.has(id))];
    marks = { ids: ids.slice(-KEPT_IDS), pending: [...(marks?.pending ?? []), ...fresh].slice(-KEPT_IDS) };
    await store.put(account, marks); // stored before anyone is told: a restart never notifies twice
    return [...left, ...fresh];
  }

  async function settle(ids: readonly string[]): Promise<void> {
    if (!marks) return;
    const shown = new Set(ids);
    marks = { ids: marks.ids, pending: marks.pending.filter((f) => !shown.has(f.id)) };
    await store.put(account, marks);
  }

  return {
    /** The fills of a snapshot to show: those never taken (during a gap) and, once, those left unshown. */
    snapshot: (fills: readonly FillView[]) => serial(() => record(fills, true)),
    /** Live fills: the ones not taken yet. */
    update: (fills: readonly FillView[]) => serial(() => record(fills, false)),
    /** These fills' notifications were shown (or the browser refused them): out of the outbox. */
    settle: (ids: readonly string[]) => serial(() => settle(ids)),
  };
}
