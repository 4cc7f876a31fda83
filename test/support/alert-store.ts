// An in-memory AlertStore that copies what it keeps (as IndexedDB would), for alert service tests.
import type { RuleState } from '../../lib/alerts/engine.ts';
import type { AlertRule } from '../../lib/alerts/rules.ts';
import type { AlertStore } from '../../lib/alerts/store.ts';
import type { AlertLogEntry } from '../../lib/db/schema.ts';

export function memoryAlertStore(): AlertStore & {
  log: AlertLogEntry[];
  states: Map<string, RuleState>;
  setAside: Map<string, unknown>;
  /** Writes a record as it is, checked or not (a damaged or old profile). */
  putRawState(id: string, raw: unknown): void;
} {
  const rules = new Map<string, AlertRule>();
  const states = new Map<string, RuleState>();
  const setAside = new Map<string, unknown>();
  const log: AlertLogEntry[] = [];
  let seen: Record<string, number> = {};
  let notifyFailures = 0;
  let pending: unknown[] = [];
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));
  return {
    log,
    states,
    setAside,
    putRawState: (id, raw) => void states.set(id, raw as RuleState),
    listRules: async () => [...rules.values()],
    putRule: async (r) => void rules.set(r.id, r),
    deleteRule: async (id) => void rules.delete(id),
    loadStates: async () => new Map(JSON.parse(JSON.stringify([...states]))),
    saveStates: async (s) => {
      for (const [k, v] of s) states.set(k, JSON.parse(JSON.stringify(v)));
    },
    setAsideState: async (id, raw, replacement, at) => {
      const key = `set-aside:${id}:${at}`;
      setAside.set(key, JSON.parse(JSON.stringify(raw)));
      states.set(id, JSON.parse(JSON.stringify(replacement)));
      return key;
    },
    commitFirings: async (s, seenTimes, firings) => {
      for (const [k, v] of s) states.set(k, copy(v));
      seen = { ...seenTimes };
      pending = [...pending, ...copy(firings)];
    },
    pendingFirings: async () => copy(pending),
    settleFirings: async (entries) => {
      log.push(...copy(entries));
      const done = new Set(entries.map((e) => `${e.ruleId}:${e.at}`));
      pending = pending.filter((e) => {
        const f = e as { ruleId?: unknown; at?: unknown };
        return !done.has(`${String(f.ruleId)}:${String(f.at)}`);
      });
    },
    appendLog: async (e) => void log.push(...e),
    listLog: async () => [...log],
    loadSeen: async () => ({ ...seen }),
    saveSeen: async (s) => {
      seen = { ...s };
    },
    notifyFailures: async () => notifyFailures,
    addNotifyFailures: async (count) => {
      notifyFailures += count;
      return notifyFailures;
    },
  };
}
