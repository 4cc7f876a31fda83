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

const REST_NAMES: readonly (readonly [v2: string, restId: string, altname: string])[] = [
  ['BTC', 'XXBT', 'XBT'],
  ['USD', 'ZUSD', 'USD'],
  ['ETH', 'XETH', 'ETH'],
  ['SOL', 'SOL', 'SOL'],
  ['XRP', 'XXRP', 'XRP'],
  ['DOGE', 'XXDG', 'XDG'],
];

export const ASSETS: readonly AssetSpec[] = REST_NAMES.map(([v2, restId, altname]) => {
  const instrument = INSTRUMENT_ASSETS.find((asset) => asset.id === v2);
  if (!instrument) throw new Error(`no instrument data for asset ${v2}`);
  return { restId, altname, v2, instrument };
});

export function assetByV2(id: string): AssetSpec {
  const asset = ASSETS.find((candidate) => candidate.v2 === id);
  if (!asset) throw new Error(`unknown asset ${id}`);
  return asset;
}
