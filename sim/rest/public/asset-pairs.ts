import { assertNever } from '../../assert-never.ts';
import type { PairSpec } from '../../data/pairs.ts';
import { plainDecimal } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import type { PublicHandler } from '../context.ts';
import { lookupPairs, type NamedPair } from '../pair-names.ts';
import { fail, ok, RestError } from '../reply.ts';

// Fee schedules and leverage as in the official AssetPairs example
// (krakenfx/api-specs spot-rest/examples/responses/public/assets/pairs.yaml).
const FEES: readonly (readonly [number, number])[] = [
  [0, 0.26],
  [50000, 0.24],
  [100000, 0.22],
  [250000, 0.2],
  [500000, 0.18],
  [1000000, 0.16],
  [2500000, 0.14],
  [5000000, 0.12],
  [10000000, 0.1],
];
const FEES_MAKER: readonly (readonly [number, number])[] = [
  [0, 0.16],
  [50000, 0.14],
  [100000, 0.12],
  [250000, 0.1],
  [500000, 0.08],
  [1000000, 0.06],
  [2500000, 0.04],
  [5000000, 0.02],
  [10000000, 0],
];
const LEVERAGE: readonly number[] = [2, 3, 4, 5];

type Info = 'info' | 'leverage' | 'fees' | 'margin';

function isInfo(value: string): value is Info {
  return value === 'info' || value === 'leverage' || value === 'fees' || value === 'margin';
}

function leverage(spec: PairSpec): readonly number[] {
  return spec.instrument.marginable ? LEVERAGE : [];
}

/** The documented AssetPair object (schemas/objects/public/assets/pairs.yaml), from the v2 instrument data. */
function fullInfo(spec: PairSpec): JsonValue {
  const i = spec.instrument;
  return {
    altname: spec.altname,
    wsname: spec.wsname,
    aclass_base: 'currency',
    base: spec.restBase,
    aclass_quote: 'currency',
    quote: spec.restQuote,
    lot: 'unit',
    cost_decimals: i.cost_precision,
    pair_decimals: i.price_precision,
    lot_decimals: i.qty_precision,
    lot_multiplier: 1,
    leverage_buy: leverage(spec),
    leverage_sell: leverage(spec),
    fees: FEES,
    fees_maker: FEES_MAKER,
    fee_volume_currency: 'ZUSD',
    margin_call: 80,
    margin_stop: 40,
    // REST prints these as plain decimal strings ("0.0001", "0.5", "0.1") where v2 keeps the engine text.
    ordermin: plainDecimal(i.qty_min),
    costmin: plainDecimal(i.cost_min),
    tick_size: plainDecimal(i.price_increment),
    status: i.status,
    long_position_limit: i.marginable ? i.position_limit_long : undefined,
    short_position_limit: i.marginable ? i.position_limit_short : undefined,
  };
}

/**
 * The `info` subsets. Kraken documents only "info = all info, leverage = leverage info, fees = fees schedule,
 * margin = margin info"; which fields each subset carries is not documented — these are the obvious ones.
 */
function pairInfo(spec: PairSpec, info: Info): JsonValue {
  switch (info) {
    case 'info':
      return fullInfo(spec);
    case 'leverage':
      return { leverage_buy: leverage(spec), leverage_sell: leverage(spec) };
    case 'fees':
      return { fees: FEES, fees_maker: FEES_MAKER, fee_volume_currency: 'ZUSD' };
    case 'margin':
      return { margin_call: 80, margin_stop: 40 };
    default:
      return assertNever(info);
  }
}

/** GET /0/public/AssetPairs (https://docs.kraken.com/api/docs/rest-api/get-tradable-asset-pairs). */
export const assetPairs: PublicHandler = (params, { market }) => {
  const info = params.get('info') ?? 'info';
  if (!isInfo(info)) return fail(RestError.invalidArguments);
  const aclass = params.get('aclass_base') ?? 'currency';
  if (aclass !== 'currency' && aclass !== 'tokenized_asset') return fail(RestError.invalidArguments);
  const list = params.get('pair');
  let named: readonly NamedPair[];
  if (list === undefined || list === '') {
    named = market.listing.pairs.map((spec) => ({ spec, key: spec.restId }));
  } else {
    const lookup = lookupPairs(list, market.listing);
    if (lookup.kind === 'unknown') return fail(RestError.unknownPair);
    named = lookup.pairs;
  }
  if (aclass === 'tokenized_asset') return ok({});
  // `status` follows the StatusBoard (`POST /_sim/status`); the instrument data's own is the default.
  const withStatus = (spec: PairSpec): JsonValue => {
    const body = pairInfo(spec, info);
    const status = market.status.pair(spec.symbol);
    return info === 'info' && status !== 'online' ? { ...(body as Record<string, JsonValue>), status } : body;
  };
  return ok(Object.fromEntries(named.map(({ spec, key }) => [key, withStatus(spec)])));
};
