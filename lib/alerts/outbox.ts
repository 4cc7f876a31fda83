// Firings committed but not yet shown (the outbox, kept with the rules' states: lib/db/alert-store.ts). A
// worker stopped between committing a firing and showing it shows it when it starts again: the browser's
// notification id is the firing's own (alert:<rule>:<time>), so one that was in fact shown just before the
// stop is replaced, not doubled. A firing older than STALE_MS is not shown any more (a price from long ago
// would read as news): its log entry says it was missed.
import type { AlertLogEntry } from './types.ts';

/** How late a firing may still be shown after a restart. */
export const STALE_MS = 10 * 60_000;

export const MISSED_REASON = 'not shown: the browser stopped the extension before it could show it';

/** The stored outbox, checked: entries that are not firings are left out (and left in storage). */
export function readPending(raw: unknown): { entries: AlertLogEntry[]; unreadable: number } {
  if (!Array.isArray(raw)) return { entries: [], unreadable: raw === undefined ? 0 : 1 };
  const entries = raw.filter(isEntry);
  return { entries, unreadable: raw.length - entries.length };
}

function isEntry(value: unknown): value is AlertLogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.ruleId === 'string' &&
    typeof e.symbol === 'string' &&
    typeof e.text === 'string' &&
    typeof e.price === 'number' &&
    typeof e.at === 'number' &&
    Number.isFinite(e.at) &&
    typeof e.offline === 'boolean'
  );
}
