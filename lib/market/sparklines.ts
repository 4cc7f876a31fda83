// The watchlist's sparklines: the last 24 h of each pair as 15-minute closes from Kraken's REST OHLC
// (https://docs.kraken.com/api/docs/rest-api/get-ohlc-data). The popup draws them and appends the live price
// itself (lib/ui/sparkline.ts), so the background only fetches history: when a page opens or the watchlist
// changes, and only for pairs whose history is missing or older than STALE_MS. One pair at a time, so a popup
// opening never sends a burst to Kraken's public REST limiter.
import type { OhlcRow } from '../kraken/index.ts';
import { mergeHistory } from './candles.ts';
import type { Sparkline } from './types.ts';

export const SPARK_INTERVAL_MIN = 15;
export const SPARK_SPAN_MS = 24 * 60 * 60_000;
/** A history older than this is fetched again when a page opens. */
export const STALE_MS = 5 * 60_000;

export interface SparklinesDeps {
  ohlc(params: { pair: string; interval: 15; since: number }): Promise<{ rows: readonly OhlcRow[] }>;
  restPair(symbol: string): string;
  now(): number;
  onChange(sparklines: Record<string, Sparkline>): void;
}

export function createSparklines(deps: SparklinesDeps) {
  const lines = new Map<string, Sparkline>();
  let running: Promise<void> | null = null;
  let again: readonly string[] | null = null;

  const current = (): Record<string, Sparkline> => Object.fromEntries(lines);

  async function fetchOne(symbol: string): Promise<Sparkline | null> {
    const start = deps.now() - SPARK_SPAN_MS;
    const { rows } = await deps.ohlc({
      pair: deps.restPair(symbol),
      interval: SPARK_INTERVAL_MIN,
      since: Math.floor(start / 1000) - SPARK_INTERVAL_MIN * 60,
    });
    const candles = mergeHistory(rows, []).filter(
      (c) => c.time * 1000 >= start - SPARK_INTERVAL_MIN * 60_000,
    );
    if (candles.length === 0) return null;
    return { times: candles.map((c) => c.time * 1000), closes: candles.map((c) => c.close), at: deps.now() };
  }

  async function run(symbols: readonly string[]): Promise<void> {
    let changed = false;
    for (const symbol of [...lines.keys()]) {
      if (symbols.includes(symbol)) continue;
      lines.delete(symbol);
      changed = true;
    }
    if (changed) deps.onChange(current());
    for (const symbol of symbols) {
      const held = lines.get(symbol);
      if (held && deps.now() - held.at < STALE_MS) continue;
      // A pair Kraken cannot answer for keeps no line (the row shows its placeholder): never a crash.
      const line = await fetchOne(symbol).catch(() => null);
      if (!line) continue;
      lines.set(symbol, line);
      deps.onChange(current());
    }
  }

  function refresh(symbols: readonly string[]): Promise<void> {
    if (running) {
      again = symbols;
      return running;
    }
    running = run(symbols).finally(() => {
      running = null;
      const next = again;
      again = null;
      if (next) void refresh(next);
    });
    return running;
  }

  return {
    current,
    /**
     * Fetches what is missing or stale for these pairs (the watchlist) and forgets the others. A call while a
     * refresh runs is remembered and run after it, with the latest list.
     */
    refresh,
    /** The endpoint changed: every history is another exchange's. */
    clear(): void {
      lines.clear();
      deps.onChange(current());
    },
  };
}
