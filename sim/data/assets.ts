import { EXTRA_INSTRUMENT_ASSETS, EXTRA_REST_NAMES } from './assets-extra.ts';
import { INSTRUMENT_ASSETS, type InstrumentAsset } from './instruments.ts';

/**
 * REST naming of the simulated assets. Kraken's REST ids keep the legacy X (crypto) / Z (fiat) prefixes for
 * old assets and the legacy altnames XBT and XDG; WS v2 uses BTC and DOGE
 * (https://docs.kraken.com/api/docs/rest-api/get-asset-info, SPEC §7).
 */
export interface AssetSpec {
  /** REST asset id, e.g. `XXBT`. */
  readonly restId: string;
  /** REST altname, e.g. `XBT`. */
  readonly altname: string;
  /** WS v2 id, e.g. `BTC`. */
  readonly v2: string;
  readonly instrument: InstrumentAsset;
}

type RestNames = readonly (readonly [v2: string, restId: string, altname: string])[];

const CORE_REST_NAMES: RestNames = [
  ['BTC', 'XXBT', 'XBT'],
  ['USD', 'ZUSD', 'USD'],
  ['ETH', 'XETH', 'ETH'],
  ['SOL', 'SOL', 'SOL'],
  ['XRP', 'XXRP', 'XRP'],
  ['DOGE', 'XXDG', 'XDG'],
];

function build(names: RestNames, instruments: readonly InstrumentAsset[]): readonly AssetSpec[] {
  return names.map(([v2, restId, altname]) => {
    const instrument = instruments.find((asset) => asset.id === v2);
    if (!instrument) throw new Error(`no instrument data for asset ${v2}`);
    return { restId, altname, v2, instrument };
  });
}

/** The assets of the six default pairs. */
export const CORE_ASSETS: readonly AssetSpec[] = build(CORE_REST_NAMES, INSTRUMENT_ASSETS);
/** The assets the 14 opt-in pairs add (`--pairs 20`). */
export const EXTRA_ASSETS: readonly AssetSpec[] = build(EXTRA_REST_NAMES, EXTRA_INSTRUMENT_ASSETS);

/**
 * Naming and precision of an asset, listed or not (they do not depend on which pairs a simulator lists;
 * which assets it shows is its Listing's business).
 */
export function assetByV2(id: string): AssetSpec {
  const asset =
    CORE_ASSETS.find((candidate) => candidate.v2 === id) ??
    EXTRA_ASSETS.find((candidate) => candidate.v2 === id);
  if (!asset) throw new Error(`unknown asset ${id}`);
  return asset;
}
