// The last tick of every pair the feed delivers. Kept across a worker restart (storage.session, through
// the injected load/save), not across a browser restart; saved at most every couple of seconds.
import { isSymbol } from '../settings/watchlist.ts';
import type { Tick } from './types.ts';

export interface TickStoreDeps {
  load(): Promise<Record<string, Tick>>;
  save(ticks: Record<string, Tick>): Promise<void>;
  /** Default: the global timers. */
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  saveEveryMs?: number;
}

const SAVE_EVERY_MS = 2000;

const NUMBERS = ['last', 'bid', 'ask', 'change', 'changePct', 'high', 'low', 'volume', 'receivedAt'] as const;

/**
 * A saved tick, read back as hostile: stored under its own symbol (a v2 symbol, so "__proto__" or
 * "constructor" never is one), every number finite. Only the known fields are kept.
 */
function readTick(key: string, value: unknown): Tick | null {
  if (!isSymbol(key) || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const t = value as Record<string, unknown>;
  if (t.symbol !== key) return null;
  for (const field of NUMBERS) {
    const n = t[field];
    if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  }
  const n = t as Record<(typeof NUMBERS)[number], number>;
  return {
    symbol: key,
    last: n.last,
    bid: n.bid,
    ask: n.ask,
    change: n.change,
    changePct: n.changePct,
    high: n.high,
    low: n.low,
    volume: n.volume,
    receivedAt: n.receivedAt,
  };
}

export function createTickStore(deps: TickStoreDeps) {
  const timers = deps.timers ?? {
    setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms),
    clearTimeout: (h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
  };
  // Keyed by symbols from frames and the UI: a Map, so "__proto__" or "constructor" is just another key.
  const ticks = new Map<string, Tick>();
  let lastTickAt: number | null = null;
  let saveTimer: unknown = null;

  function toRecord(): Record<string, Tick> {
    return Object.fromEntries(ticks);
  }

  function scheduleSave(): void {
    if (saveTimer !== null) return;
    saveTimer = timers.setTimeout(() => {
      saveTimer = null;
      deps.save(toRecord()).catch(() => {});
    }, deps.saveEveryMs ?? SAVE_EVERY_MS);
  }

  return {
    /** Replaces the store with what was saved: a bad tick is dropped, an unreadable save counts as none. */
    async load(): Promise<void> {
      const stored: unknown = await deps.load().catch(() => ({}));
      ticks.clear();
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return;
      for (const [symbol, value] of Object.entries(stored)) {
        const tick = readTick(symbol, value);
        if (tick) ticks.set(symbol, tick);
      }
    },
    /** Fresh ticks received at `at`. */
    put(fresh: readonly Tick[], at: number): void {
      for (const tick of fresh) ticks.set(tick.symbol, tick);
      lastTickAt = at;
      scheduleSave();
    },
    get: (symbol: string): Tick | undefined => ticks.get(symbol),
    delete(symbol: string): void {
      ticks.delete(symbol);
    },
    /** Those of `symbols` that have a tick, as a record for the snapshot. */
    pick(symbols: readonly string[]): Record<string, Tick> {
      return Object.fromEntries(symbols.flatMap((s) => (ticks.has(s) ? [[s, ticks.get(s) as Tick]] : [])));
    },
    lastTickAt: (): number | null => lastTickAt,
    /** Forgets every tick (another endpoint): saved empty at once, not after the delay. */
    async clear(): Promise<void> {
      ticks.clear();
      lastTickAt = null;
      await deps.save({}).catch(() => {});
    },
    stop(): void {
      if (saveTimer !== null) timers.clearTimeout(saveTimer);
      saveTimer = null;
    },
  };
}

export type TickStore = ReturnType<typeof createTickStore>;
