// What the paper account needs from storage, and what the person is told when the stored account could not
// be read. The IndexedDB implementation is lib/db/paper-store.ts.
import type { PaperStateCorrupted } from './parse.ts';
import type { PaperState } from './types.ts';

/** What the person is told when a stored account could not be read. */
export const PAPER_RESET_NOTICE =
  'Your paper account could not be read and was reset to 10,000 USD (the old record is kept aside in the browser).';

export type PaperRead =
  | { kind: 'loaded'; state: PaperState }
  | { kind: 'empty' }
  | { kind: 'corrupted'; error: PaperStateCorrupted };

export interface PaperStore {
  /** The stored account, saying why there is none: never saved, or unreadable (then reset and tell the person). */
  read(): Promise<PaperRead>;
  /** The stored account, or undefined when there is none or it was unreadable (`onCorrupted` is told). */
  load(): Promise<PaperState | undefined>;
  save(state: PaperState): Promise<void>;
  /**
   * Keeps the unreadable record under its own key (`account.unreadable.<time>`) before a reset overwrites
   * it: nothing is lost, and it can be looked at later. Returns that key, or null when there was none.
   */
  setAsideUnreadable(now: number): Promise<string | null>;
}
