import type { Clock } from '../clock.ts';
import type { AssetPair } from '../rest/types-public.ts';
import type { InstrumentPair } from '../ws/protocol.ts';
import { type PairRules, pairRulesFrom, pairRulesFromInstrument } from './rules.ts';
import { toV2Symbol } from './symbols.ts';

export interface PairCacheOptions {
  /** Usually `rest.assetPairs`. */
  load: () => Promise<Record<string, AssetPair>>;
  clock: Clock;
  /** Default 1 hour: minimums and tick sizes change rarely, and an order refused for them refreshes. */
  ttlMs?: number;
}

/**
 * AssetPairs, loaded once and shared (single flight), refreshed after `ttlMs` or on demand (after
 * EQuery:Unknown asset pair or an order-minimum refusal). Looks pairs up by any of Kraken's names.
 */
export function createPairCache(options: PairCacheOptions) {
  const ttl = options.ttlMs ?? 3_600_000;
  let loadedAt = -Infinity;
  let bySymbol = new Map<string, PairRules>();
  let names: { id: string; altname: string; wsname?: string; base: string; quote: string }[] = [];
  let inflight: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    inflight ??= (async () => {
      try {
        const pairs = await options.load();
        const next = new Map<string, PairRules>();
        const nextNames: typeof names = [];
        for (const [id, p] of Object.entries(pairs)) {
          const rules = pairRulesFrom(id, p);
          next.set(rules.symbol, rules);
          nextNames.push({ id, altname: p.altname, wsname: p.wsname, base: p.base, quote: p.quote });
        }
        bySymbol = next;
        names = nextNames;
        loadedAt = options.clock.now();
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  async function fresh(): Promise<void> {
    if (options.clock.now() - loadedAt >= ttl) await refresh();
  }

  return {
    refresh,
    /** Rules for a pair by any name ("BTC/USD", "XBTUSD", "XXBTZUSD"), or undefined if Kraken lists none. */
    async rules(name: string): Promise<PairRules | undefined> {
      await fresh();
      const symbol = toV2Symbol(name, names);
      return symbol === undefined ? undefined : bySymbol.get(symbol);
    },
    /**
     * Adds pairs from the WebSocket v2 `instrument` channel (which the worker already receives) for symbols
     * AssetPairs has not supplied; AssetPairs entries win, they carry fees and REST ids.
     */
    useInstruments(pairs: readonly InstrumentPair[]): void {
      for (const p of pairs) {
        if (bySymbol.has(p.symbol)) continue;
        const rules = pairRulesFromInstrument(p);
        bySymbol.set(p.symbol, rules);
        // v2 asset names map to themselves, so the v2 base/quote resolve like AssetPairs ids do.
        names.push({ id: rules.id, altname: rules.altname, base: p.base, quote: p.quote });
      }
    },
    /** Every listed pair's rules. */
    async all(): Promise<PairRules[]> {
      await fresh();
      return [...bySymbol.values()];
    },
  };
}
export type PairCache = ReturnType<typeof createPairCache>;
