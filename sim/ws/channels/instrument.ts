import type { InstrumentAsset, InstrumentPair } from '../../data/instruments.ts';
import type { Listing } from '../../data/listing.ts';
import { type JsonValue, raw, toJson } from '../../json-raw.ts';

function assetRecord(asset: InstrumentAsset): JsonValue {
  return { ...asset, collateral_value: raw(asset.collateral_value), margin_rate: raw(asset.margin_rate) };
}

/**
 * A pair's record with its number text verbatim. Members keep the record's order (reassigning a member of
 * a spread keeps its place); a pair that is not marginable has no margin members, as on the wire.
 */
function pairRecord(pair: InstrumentPair, status: string = pair.status): JsonValue {
  return {
    ...pair,
    status,
    qty_increment: raw(pair.qty_increment),
    cost_min: raw(pair.cost_min),
    ...(pair.marginable ? { margin_initial: raw(pair.margin_initial) } : {}),
    tick_size: raw(pair.tick_size),
    price_increment: raw(pair.price_increment),
    qty_min: raw(pair.qty_min),
  };
}

/**
 * The `instrument` snapshot (https://docs.kraken.com/api/docs/websocket-v2/instrument): the listed assets
 * and pairs with the field order and number text of the real 2024 snapshot (`1E-8`, `0.50`,
 * `0.00010000`). The simulator never changes instruments, so no updates follow.
 */
export function instrumentSnapshot(listing: Listing): string {
  return toJson({
    channel: 'instrument',
    type: 'snapshot',
    data: {
      assets: listing.instrumentAssets.map(assetRecord),
      pairs: listing.instrumentPairs.map((pair) => pairRecord(pair)),
    },
  });
}

/**
 * An `instrument` update for one pair whose status changed (`POST /_sim/status`): Kraken's channel sends
 * `type: "update"` with the same `{assets, pairs}` shape; only the changed pair is listed (ours).
 */
export function instrumentStatusUpdate(listing: Listing, symbol: string, status: string): string | undefined {
  const pair = listing.instrumentPairs.find((p) => p.symbol === symbol);
  if (!pair) return undefined;
  return toJson({
    channel: 'instrument',
    type: 'update',
    data: { assets: [], pairs: [pairRecord(pair, status)] },
  });
}
