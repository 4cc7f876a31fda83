// A record that fails validation is set aside (kept with where it came from and why), then removed from
// its store, so one bad record never blocks the rest and nothing is lost without a trace.
import type { KrakenDatabase, SetAsideRecord } from './schema.ts';

export async function setAside(database: KrakenDatabase, record: Omit<SetAsideRecord, 'seq'>): Promise<void> {
  await database.add('setAside', record);
}

/** Everything set aside so far (diagnostics; the options page lists them). */
export async function listSetAside(database: KrakenDatabase): Promise<SetAsideRecord[]> {
  return database.getAll('setAside');
}
