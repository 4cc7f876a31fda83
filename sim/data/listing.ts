import { type AssetSpec, CORE_ASSETS, EXTRA_ASSETS } from './assets.ts';
import { EXTRA_INSTRUMENT_ASSETS } from './assets-extra.ts';
import {
  INSTRUMENT_ASSETS,
  INSTRUMENT_PAIRS,
  type InstrumentAsset,
  type InstrumentPair,
} from './instruments.ts';
import { EXTRA_INSTRUMENT_PAIRS } from './instruments-extra.ts';
import { byRestId, CORE_PAIRS, EXTRA_PAIRS, type PairSpec } from './pairs.ts';

/** How many pairs a simulator lists: the six default ones, or those and the 14 opt-in ones (`--pairs 20`). */
export type PairCount = 6 | 20;
export const PAIR_COUNTS: readonly PairCount[] = [6, 20];

/**
 * What one simulator lists: the pairs of AssetPairs/Ticker/the markets, the assets of Assets and the
 * balances, the records of the WS `instrument` snapshot. Names and metadata of a pair or asset never depend
 * on the listing; only whether it is listed does (an unlisted pair is unknown to every endpoint).
 */
export interface Listing {
  readonly count: PairCount;
  /** In REST id order (Kraken sorts AssetPairs/Ticker results by pair id). */
  readonly pairs: readonly PairSpec[];
  /** The six default pairs' assets first (Balance order), then the opt-in ones. */
  readonly assets: readonly AssetSpec[];
  /** The WS `instrument` snapshot: the six default pairs' records first, then the opt-in ones. */
  readonly instrumentPairs: readonly InstrumentPair[];
  readonly instrumentAssets: readonly InstrumentAsset[];
  /** The listed pair with this WS v2 symbol (exact, case-sensitive — v2 rejects anything else). */
  pair(symbol: string): PairSpec | undefined;
}

function makeListing(
  count: PairCount,
  pairs: readonly PairSpec[],
  assets: readonly AssetSpec[],
  instrumentPairs: readonly InstrumentPair[],
  instrumentAssets: readonly InstrumentAsset[],
): Listing {
  const bySymbol = new Map(pairs.map((spec) => [spec.symbol, spec]));
  return {
    count,
    pairs,
    assets,
    instrumentPairs,
    instrumentAssets,
    pair: (symbol) => bySymbol.get(symbol),
  };
}

const CORE = makeListing(6, CORE_PAIRS, CORE_ASSETS, INSTRUMENT_PAIRS, INSTRUMENT_ASSETS);
const ALL = makeListing(
  20,
  [...CORE_PAIRS, ...EXTRA_PAIRS].sort(byRestId),
  [...CORE_ASSETS, ...EXTRA_ASSETS],
  [...INSTRUMENT_PAIRS, ...EXTRA_INSTRUMENT_PAIRS],
  [...INSTRUMENT_ASSETS, ...EXTRA_INSTRUMENT_ASSETS],
);

/** The listing of a simulator started with this many pairs (default 6). */
export function listing(count: PairCount = 6): Listing {
  switch (count) {
    case 6:
      return CORE;
    case 20:
      return ALL;
    default: {
      const never: never = count;
      throw new Error(`unknown pair count ${String(never)}`);
    }
  }
}
