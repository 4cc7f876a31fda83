import type { Listing } from '../data/listing.ts';
import type { PairSpec } from '../data/pairs.ts';

/** A pair named in a request, with the key its data is reported under. */
export interface NamedPair {
  readonly spec: PairSpec;
  readonly key: string;
}

export type PairLookup =
  | { readonly kind: 'ok'; readonly pairs: readonly NamedPair[] }
  | { readonly kind: 'unknown' };

/**
 * Resolves one REST `pair` name, case-insensitively. Kraken accepts the pair id (`XXBTZUSD`), the altname
 * (`XBTUSD`), the v2-style name with or without the slash (`BTC/USD`, `BTCUSD`; the OpenAPI AssetPairs
 * example is `pair=BTC/USD,ETH/BTC`) — but not the legacy `wsname` where it differs (`XBT/USD`, `XDG/USD`,
 * `ETH/XBT`), which a recorded live session saw refused by REST and WS alike (docs/kraken-quirks.md).
 *
 * Result key: the pair id, except that a slash name is echoed back as given (`"BTC/USD":[…]`), as recorded
 * live by two independent third-party clients (docs/kraken-quirks.md).
 */
function lookupOne(name: string, listing: Listing): NamedPair | undefined {
  const upper = name.toUpperCase();
  for (const spec of listing.pairs) {
    if (upper === spec.symbol) return { spec, key: spec.symbol };
    if (upper === spec.restId || upper === spec.altname || upper === spec.symbol.replace('/', '')) {
      return { spec, key: spec.restId };
    }
  }
  return undefined;
}

/**
 * A comma-separated list; one unknown name fails the whole request (Kraken: "EQuery:Unknown asset pair").
 * A pair this simulator does not list (`--pairs`) is unknown.
 */
export function lookupPairs(list: string, listing: Listing): PairLookup {
  const pairs: NamedPair[] = [];
  for (const name of list.split(',')) {
    const found = lookupOne(name.trim(), listing);
    if (!found) return { kind: 'unknown' };
    if (!pairs.some((pair) => pair.key === found.key)) pairs.push(found);
  }
  return { kind: 'ok', pairs };
}

/** A single pair (OHLC, Depth, Trades, Spread take exactly one). */
export function lookupPair(name: string, listing: Listing): NamedPair | undefined {
  return name.includes(',') ? undefined : lookupOne(name.trim(), listing);
}
