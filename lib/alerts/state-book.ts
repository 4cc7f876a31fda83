// The alert service's memory of each rule (its engine state) and of each pair (the last tick evaluated),
// mirrored to IndexedDB: changed states are saved in batches every couple of seconds, or at once with the
// firings to show (commit: so a restarted worker neither fires twice nor misses). Records read back are checked
// first; an unreadable one is set aside, never deleted, and reported.
import { initialState, type RuleState } from './engine.ts';
import { parseRuleState } from './state-record.ts';
import type { AlertStore } from './store.ts';
import type { AlertLogEntry, AlertProblem } from './types.ts';

const SAVE_EVERY_MS = 2_000;

export interface StateBookDeps {
  store: AlertStore;
  report(problem: AlertProblem): void;
  now(): number;
}

export function createStateBook(deps: StateBookDeps) {
  let states = new Map<string, RuleState>();
  const dirty = new Map<string, RuleState>();
  /** Per pair: when its last tick was evaluated. Keyed by pair symbols: a Map. */
  let seen = new Map<string, number>();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;

  const seenRecord = (): Record<string, number> => Object.fromEntries(seen);

  async function loadStates(): Promise<Map<string, RuleState>> {
    const loaded = new Map<string, RuleState>();
    for (const [id, raw] of await deps.store.loadStates()) {
      try {
        loaded.set(id, parseRuleState(raw));
      } catch (error) {
        const fresh = initialState();
        const key = await deps.store.setAsideState(id, raw, fresh, deps.now());
        loaded.set(id, fresh);
        deps.report({ kind: 'state-set-aside', ruleId: id, key, reason: String(error) });
      }
    }
    return loaded;
  }

  async function loadSeen(): Promise<Map<string, number>> {
    const raw = await deps.store.loadSeen();
    if (raw === undefined) return new Map();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      deps.report({ kind: 'seen-ignored', reason: 'the record is not an object' });
      return new Map();
    }
    const entries = Object.entries(raw);
    const good = entries.filter(
      (e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]),
    );
    if (good.length < entries.length) {
      deps.report({ kind: 'seen-ignored', reason: `${entries.length - good.length} entries are not times` });
    }
    return new Map(good);
  }

  async function flush(): Promise<void> {
    const batch = new Map(dirty);
    dirty.clear();
    if (batch.size) await deps.store.saveStates(batch);
    await deps.store.saveSeen(seenRecord());
  }

  /** Saves every changed state and the seen times with firings to show, in one transaction (outbox.ts). */
  async function commit(pending: readonly AlertLogEntry[]): Promise<void> {
    const batch = new Map(dirty);
    dirty.clear();
    await deps.store.commitFirings(batch, seenRecord(), pending);
  }

  return {
    async load(): Promise<void> {
      states = await loadStates();
      seen = await loadSeen();
    },
    get: (id: string): RuleState | undefined => states.get(id),
    states: (): ReadonlyMap<string, RuleState> => states,
    /** A state the engine moved on: kept, and saved with the next batch. */
    update(id: string, state: RuleState): void {
      states.set(id, state);
      dirty.set(id, state);
    },
    /** A rule (re)starts from `state`, saved now. */
    async reset(id: string, state: RuleState): Promise<void> {
      await deps.store.saveStates(new Map([[id, state]]));
      states.set(id, state);
      dirty.delete(id);
    },
    forget(id: string): void {
      states.delete(id);
      dirty.delete(id);
    },
    seenAt: (symbol: string): number | undefined => seen.get(symbol),
    /** A tick of `symbol` at `at` was evaluated (never moves backwards). */
    markSeen(symbol: string, at: number): void {
      seen.set(symbol, Math.max(seen.get(symbol) ?? 0, at));
    },
    saveSeen: (): Promise<void> => deps.store.saveSeen(seenRecord()),
    scheduleSave(): void {
      if (saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = null;
        void flush();
      }, SAVE_EVERY_MS);
    },
    /** Saves every changed state and the seen times now. */
    flush,
    commit,
    stop(): void {
      if (saveTimer) clearTimeout(saveTimer);
    },
  };
}

export type StateBook = ReturnType<typeof createStateBook>;
