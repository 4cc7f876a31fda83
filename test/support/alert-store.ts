// An in-memory AlertStore that copies what it keeps (as IndexedDB would), for alert service tests.
import type { RuleState } from '../../lib/alerts/engine.ts';
import type { AlertRule } from '../../lib/alerts/rules.ts';
import type { AlertStore } from '../../lib/alerts/store.ts';
import type { AlertLogEntry } from '../../lib/db/schema.ts';

export function memoryAlertStore(): AlertStore & { log: AlertLogEntry[]; states: Map<string, RuleState> } {
  const rules = new Map<string, AlertRule>();
  const states = new Map<string, RuleState>();
  const log: AlertLogEntry[] = [];
  let seen: Record<string, number> = {};
  return {
    log,
    states,
    listRules: async () => [...rules.values()],
    putRule: async (r) => void rules.set(r.id, r),
    deleteRule: async (id) => void rules.delete(id),
    loadStates: async () => new Map(JSON.parse(JSON.stringify([...states]))),
    saveStates: async (s) => {
      for (const [k, v] of s) states.set(k, JSON.parse(JSON.stringify(v)));
    },
    appendLog: async (e) => void log.push(...e),
    listLog: async () => [...log],
    loadSeen: async () => ({ ...seen }),
    saveSeen: async (s) => {
      seen = { ...s };
    },
  };
}
