// Creating, changing, removing, exporting and importing rules. Every edit is checked (parseRule), stored,
// and leaves the rule with a state seeded from the current price, as a new rule would have.
import { type PriceTick, seededState } from './engine.ts';
import { AlertRuleError, type AlertRuleProblem, fieldOf } from './rule-error.ts';
import type { RuleSet } from './rule-set.ts';
import { parseRule } from './rules.ts';
import type { StateBook } from './state-book.ts';
import type { AlertStore } from './store.ts';
import type { ImportResult } from './types.ts';

export interface EditorDeps {
  rules: RuleSet;
  book: StateBook;
  store: AlertStore;
  latestTick(symbol: string): PriceTick | undefined;
  now(): number;
  newId(): string;
}

export const EXPORT_FORMAT = 'kraken-trader-alerts';

/** Fields that say whether an alert speaks, not what it watches: changing them alone keeps its state. */
const QUIET_FIELDS: ReadonlySet<string> = new Set(['paused', 'snoozedUntil']);

/** The list of an export (or a bare list); null when the text is not one. */
function importedItems(text: string): unknown[] | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { alerts?: unknown })?.alerts;
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}

/** The edits, each to be run inside the service's queue; each resolves once stored. */
export function createRuleEditor(deps: EditorDeps) {
  const { rules, book, store } = deps;
  const missing = () => new AlertRuleError({ code: 'missing' });

  /** Pauses, resumes or snoozes: what the rule watches is unchanged, so is its state. */
  async function update(
    id: string,
    patch: { paused?: boolean; snoozedUntil?: number | null },
  ): Promise<void> {
    const rule = rules.get(id);
    if (!rule) throw missing();
    const next = parseRule({ ...rule, ...patch });
    await store.putRule(next);
    rules.set(rules.all().map((r) => (r.id === id ? next : r)));
  }

  return {
    async create(input: Record<string, unknown>): Promise<void> {
      const rule = parseRule({
        ...input,
        id: deps.newId(),
        createdAt: deps.now(),
        paused: false,
        snoozedUntil: null,
      });
      await store.putRule(rule);
      await book.reset(rule.id, seededState(rule, deps.latestTick(rule.symbol)));
      // Watching starts now: a later gap (sleep, a stopped worker) is caught up from here on.
      book.markSeen(rule.symbol, deps.now());
      await book.saveSeen();
      rules.set([...rules.all(), rule]);
    },

    async remove(id: string): Promise<void> {
      await store.deleteRule(id);
      rules.set(rules.all().filter((r) => r.id !== id));
      book.forget(id);
    },

    update,

    /**
     * Edits what an alert watches (level, direction, repeat…; not its pair or kind). The rule starts over
     * from the current price, as a new one would: a past firing of the old level says nothing about the new.
     * Changes to `paused` / `snoozedUntil` alone (the popup's "Snooze 1 h") are an update: nothing restarts.
     */
    async edit(id: string, changes: Record<string, unknown>): Promise<void> {
      const rule = rules.get(id);
      if (!rule) throw missing();
      const keys = Object.keys(changes);
      if (keys.length > 0 && keys.every((k) => QUIET_FIELDS.has(k))) {
        return update(id, changes as { paused?: boolean; snoozedUntil?: number | null });
      }
      const next = parseRule({
        ...rule,
        ...changes,
        id,
        symbol: rule.symbol,
        kind: rule.kind,
        createdAt: rule.createdAt,
      });
      await store.putRule(next);
      await book.reset(id, seededState(next, deps.latestTick(next.symbol)));
      rules.set(rules.all().map((r) => (r.id === id ? next : r)));
    },

    exportJson(): string {
      return JSON.stringify({ format: EXPORT_FORMAT, version: 1, alerts: rules.all() }, null, 2);
    },

    /**
     * Validates every item; valid ones are added (with new ids), invalid ones reported by index and field.
     * `read` is false when the text was not an export at all (then nothing changed).
     */
    async importJson(text: string): Promise<{ read: boolean; result: ImportResult }> {
      const items = importedItems(text);
      if (!items) {
        const problem: AlertRuleProblem = { code: 'not-export' };
        return {
          read: false,
          result: { added: 0, errors: [{ index: -1, field: fieldOf(problem), problem }] },
        };
      }
      const result: ImportResult = { added: 0, errors: [] };
      for (const [index, item] of items.entries()) {
        try {
          const rule = parseRule({
            ...(item as object),
            id: deps.newId(),
            createdAt: deps.now(),
            snoozedUntil: null,
          });
          await store.putRule(rule);
          book.update(rule.id, seededState(rule, deps.latestTick(rule.symbol)));
          rules.set([...rules.all(), rule]);
          result.added += 1;
        } catch (e) {
          // A refused rule says why by code; anything else is the store's failure, in the browser's words.
          const problem: AlertRuleProblem =
            e instanceof AlertRuleError
              ? e.problem
              : { code: 'not-saved', words: e instanceof Error ? e.message : String(e) };
          result.errors.push({ index, field: fieldOf(problem), problem });
        }
      }
      return { read: true, result };
    },
  };
}
