import type { LedgerEntry } from './wallet.ts';

/** Every ledger entry of the account, oldest first (REST Ledgers/QueryLedgers). */
export class LedgerBook {
  private readonly entries: LedgerEntry[] = [];
  private readonly byId = new Map<string, LedgerEntry>();

  add(entry: LedgerEntry): void {
    this.entries.push(entry);
    this.byId.set(entry.id, entry);
  }

  all(): readonly LedgerEntry[] {
    return this.entries;
  }

  get(id: string): LedgerEntry | undefined {
    return this.byId.get(id);
  }
}
