import type { AssetSpec } from '../../data/assets.ts';
import { plainDecimal } from '../../decimal.ts';
import { type JsonValue, raw } from '../../json-raw.ts';
import type { PublicHandler } from '../context.ts';
import { fail, ok, RestError } from '../reply.ts';

/**
 * GET /0/public/Assets (https://docs.kraken.com/api/docs/rest-api/get-asset-info). Fields as the official
 * example (`aclass, altname, decimals, display_decimals, collateral_value, status`); `collateral_value` is
 * left out for assets that are not collateral, as the example does for XXDG and XXRP.
 */
function assetInfo(asset: AssetSpec): JsonValue {
  const collateral = plainDecimal(asset.instrument.collateral_value);
  return {
    aclass: 'currency',
    altname: asset.altname,
    decimals: asset.instrument.precision,
    display_decimals: asset.instrument.precision_display,
    collateral_value: collateral === '0' ? undefined : raw(collateral),
    status: asset.instrument.status,
  };
}

function findAsset(listed: readonly AssetSpec[], name: string): AssetSpec | undefined {
  const upper = name.trim().toUpperCase();
  return listed.find((asset) => asset.restId === upper || asset.altname === upper || asset.v2 === upper);
}

export const assets: PublicHandler = (params, { market }) => {
  const listed = market.listing.assets;
  const aclass = params.get('aclass') ?? 'currency';
  if (aclass !== 'currency' && aclass !== 'tokenized_asset') return fail(RestError.invalidArguments);
  if (aclass === 'tokenized_asset') return ok({});
  const list = params.get('asset');
  let chosen: AssetSpec[];
  if (list === undefined || list === '') {
    chosen = [...listed].sort((a, b) => (a.restId < b.restId ? -1 : 1));
  } else {
    chosen = [];
    for (const name of list.split(',')) {
      const asset = findAsset(listed, name);
      if (!asset) return fail(RestError.unknownAsset);
      if (!chosen.includes(asset)) chosen.push(asset);
    }
  }
  return ok(Object.fromEntries(chosen.map((asset) => [asset.restId, assetInfo(asset)])));
};
