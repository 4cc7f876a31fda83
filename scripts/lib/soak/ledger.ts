// What the worker said about itself over the run, one record per worker life (keyed by its start time):
// the latest `__traderDiagnostics()` of each life and the notifications it created, plus the union of every
// `chrome.notifications.getAll()` poll. A notification id created twice (in one life or across lives) is a
// duplicate; one seen in neither the polls nor any life's list was never shown.
import type { Diagnostics } from '../../../entrypoints/background/diagnostics.ts';
import type { HeapSample } from './worker-probe.ts';
import { evaluateInWorker, type SoakWorld } from './world.ts';

export interface WorkerLife {
  startedAt: number;
  diag: Diagnostics;
  /** Heap a while after this life started (after a full GC). */
  heapAfterStart?: HeapSample & { at: number };
  /** Heap right before the soak stopped it. */
  heapBeforeStop?: HeapSample & { at: number };
}

export interface Observation {
  diag: Diagnostics;
  ids: string[];
}

/** Reads the diagnostics hook and the notifications shown, inside the worker. */
export function observe(world: SoakWorld): Promise<Observation> {
  return evaluateInWorker(world, async () => {
    const scope = globalThis as unknown as {
      __traderDiagnostics(): Diagnostics;
      chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };
    };
    return {
      diag: scope.__traderDiagnostics(),
      ids: Object.keys(await scope.chrome.notifications.getAll()),
    };
  });
}

export function createLedger() {
  const lives = new Map<number, WorkerLife>();
  const shown = new Set<string>();

  function record({ diag, ids }: Observation): WorkerLife {
    for (const id of ids) shown.add(id);
    const life = lives.get(diag.startedAt) ?? { startedAt: diag.startedAt, diag };
    life.diag = diag;
    lives.set(diag.startedAt, life);
    return life;
  }

  /** How many times each notification id was created, over every worker life. */
  function creates(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const life of lives.values())
      for (const id of life.diag.notified) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  return {
    record,
    async poll(world: SoakWorld): Promise<WorkerLife> {
      return record(await observe(world));
    },
    lives: (): WorkerLife[] => [...lives.values()].sort((a, b) => a.startedAt - b.startedAt),
    creates,
    /** Ids with a prefix (`fill:`, `alert:`) ever seen, from the polls and the lives' lists. */
    idsWith(prefix: string): Set<string> {
      const ids = new Set<string>();
      for (const id of shown) if (id.startsWith(prefix)) ids.add(id);
      for (const id of creates().keys()) if (id.startsWith(prefix)) ids.add(id);
      return ids;
    },
    /** Created at least once (seen in a poll counts as once when no life's list has it). */
    timesShown(id: string): number {
      return creates().get(id) ?? (shown.has(id) ? 1 : 0);
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
