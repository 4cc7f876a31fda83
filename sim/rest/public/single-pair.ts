import type { PairMarket } from '../../market/pair-market.ts';
import type { RestContext } from '../context.ts';
import { lookupPair, type NamedPair } from '../pair-names.ts';
import type { Params } from '../params.ts';
import { fail, RestError, type RestReply } from '../reply.ts';

export interface ResolvedPair {
  readonly named: NamedPair;
  readonly market: PairMarket;
}

/**
 * The `pair` of OHLC/Depth/Trades/Spread: required (missing → "EGeneral:Invalid arguments", as Kraken
 * answered a recorded request without it) and a single known pair ("EQuery:Unknown asset pair").
 * `asset_class` only allows `tokenized_asset`, which none of the simulated pairs is.
 */
export function resolvePair(params: Params, { market }: RestContext): ResolvedPair | RestReply {
  const name = params.get('pair');
  if (name === undefined || name === '') return fail(RestError.invalidArguments);
  const assetClass = params.get('asset_class');
  if (assetClass !== undefined && assetClass !== 'tokenized_asset') return fail(RestError.invalidArguments);
  const named = lookupPair(name, market.listing);
  const pair = named ? market.pair(named.spec.symbol) : undefined;
  if (!named || !pair || assetClass === 'tokenized_asset') return fail(RestError.unknownPair);
  return { named, market: pair };
}

export function isReply(value: ResolvedPair | RestReply): value is RestReply {
  return 'status' in value;
}
