// After a start, a reconnect or a wake: the 1-minute candles since the last tick seen of each pair are
// replayed as ticks, so a crossing that happened while we were away fires once ("while offline"). Live
// ticks that arrive meanwhile wait, then follow the replay in order.
import { candleTicks, type PriceTick } from './engine.ts';
import type { Candle } from './types.ts';

export const MINUTE = 60_000;
/** Live ticks held back while a catch-up is due; past this many they are applied anyway (memory bound). */
const HELD_TICKS_MAX = 5_000;

/**
 * The ticks implied by the candles of whole minutes after `since` (the last tick seen) up to `now`. The
 * minute that contains `since` was partly watched live: replaying its open or low could re-arm and re-fire
 * a crossing that already fired, and a lasting crossing inside it is still caught by the first live tick
 * (the persisted last price).
 */
export function gapTicks(
  symbol: string,
  since: number,
  now: number,
  candles: readonly Candle[],
): PriceTick[] {
  return candles
    .filter((c) => c.time >= Math.floor(since / MINUTE) * MINUTE + MINUTE)
    .filter((c) => c.time <= now)
    .flatMap((c) => candleTicks(symbol, c, MINUTE, now));
}

/**
 * Only whole minutes after the last tick can be replayed: nothing to ask while still in its minute (a time
 * threshold here once skipped a 4-second stop that spanned a minute boundary).
 */
export function gapStarted(since: number | undefined, now: number): since is number {
  return since !== undefined && Math.floor(now / MINUTE) !== Math.floor(since / MINUTE);
}

export interface CatchUpDeps {
  /** Pairs with active alerts. */
  symbols(): string[];
  seenAt(symbol: string): number | undefined;
  /** 1-minute candles since a time (ms), oldest first. */
  fetchCandles(symbol: string, sinceMs: number): Promise<Candle[]>;
  apply(ticks: readonly PriceTick[]): Promise<void>;
  now(): number;
}

export function createCatchUp(deps: CatchUpDeps) {
  /**
   * Live ticks wait while a catch-up is due (after a start or a lost connection). Applying one first would
   * move a pair's "last seen" past the gap and compare the new price with the one from before it, so a
   * crossing that came and went while we were away would never be replayed from the candles.
   */
  let due = true;
  let held: PriceTick[] = [];

  return {
    /** True when the tick was held back for the next catch-up. */
    hold(tick: PriceTick): boolean {
      if (!due || held.length >= HELD_TICKS_MAX) return false;
      held.push(tick);
      return true;
    },
    /** The live feed was lost: ticks wait for the next catch-up, which replays the gap first. */
    suspend(): void {
      due = true;
    },
    /** Replays every pair's gap, then the held ticks; returns how many ticks were replayed. */
    async run(): Promise<number> {
      const now = deps.now();
      let replayed = 0;
      for (const symbol of deps.symbols()) {
        const since = deps.seenAt(symbol);
        if (!gapStarted(since, now)) continue;
        const candles = await deps.fetchCandles(symbol, since).catch(() => []);
        const ticks = gapTicks(symbol, since, now, candles);
        replayed += ticks.length;
        await deps.apply(ticks);
      }
      // Then the live ticks that arrived meanwhile, in order, newer than anything replayed.
      due = false;
      const waiting = held;
      held = [];
      if (waiting.length) await deps.apply(waiting);
      return replayed;
    },
  };
}
