import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import { type FeeTier, SPOT_FEE_TIERS, tierIndex, USD_UNITS } from '../../trading/fee-tiers.ts';
import { lookupPairs } from '../pair-names.ts';
import { fail, ok, RestError } from '../reply.ts';
import type { PrivateHandler } from './context.ts';

/** Basis points → Kraken's percent text with 4 decimals ("0.4000"). */
const percent = (bps: bigint) => fixed(bps * 100n, 4);
const usd = (whole: bigint) => fixed(whole * USD_UNITS, 4);

type Side = 'makerBps' | 'takerBps';

/** One pair's fee info on one side (OpenAPI FeeTierInfo: fee, min_fee, max_fee, next_fee, tier_volume, next_volume). */
function feeInfo(index: number, side: Side): JsonValue {
  const tier = SPOT_FEE_TIERS[index] as FeeTier;
  const next = SPOT_FEE_TIERS[index + 1];
  const fees = SPOT_FEE_TIERS.map((t) => t[side]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const min = fees[0] ?? 0n;
  const max = fees[fees.length - 1] ?? 0n;
  return {
    fee: percent(tier[side]),
    min_fee: percent(min),
    max_fee: percent(max),
    next_fee: next ? percent(next[side]) : null,
    tier_volume: usd(tier.volumeUsd),
    next_volume: next ? usd(next.volumeUsd) : null,
  };
}

/** `fee_schedule=true`: the whole schedule per pair (shape ours; Kraken's page does not show it here). */
function schedule(): JsonValue {
  return SPOT_FEE_TIERS.map((tier) => ({
    volume: usd(tier.volumeUsd),
    maker_fee: percent(tier.makerBps),
    taker_fee: percent(tier.takerBps),
  }));
}

/**
 * `fee_schedule` (2026-06-16 changelog): a JSON literal `true`/`false`, or form text `true`/`false`;
 * anything else (`"True"`, `1`) → `EGeneral:Invalid arguments`. Undefined when absent.
 */
function feeSchedule(json: unknown, text: string | undefined): boolean | undefined | 'invalid' {
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    if (!('fee_schedule' in json)) return undefined;
    const value = (json as Record<string, unknown>).fee_schedule;
    return typeof value === 'boolean' ? value : 'invalid';
  }
  if (text === undefined) return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  return 'invalid';
}

/**
 * `TradeVolume` (https://docs.kraken.com/api/docs/rest-api/get-trade-volume; permission "Funds permissions
 * - Query"): `currency` ZUSD, `volume` = the account's 30-day USD volume, and per requested `pair`
 * (comma list) the taker fee info in `fees` and the maker's in `fees_maker`, from the account's tier of
 * Kraken Pro's spot schedule (trading/fee-tiers.ts). Without `pair`, no fee info.
 */
export const tradeVolume: PrivateHandler = ({ params, json, account }) => {
  const withSchedule = feeSchedule(json, params.get('fee_schedule'));
  if (withSchedule === 'invalid') return fail(RestError.invalidArguments);
  const pairText = params.get('pair');
  const result: Record<string, JsonValue> = { currency: 'ZUSD', volume: fixed(account.volume, 4) };
  if (pairText === undefined || pairText.trim() === '') return ok(result);
  const lookup = lookupPairs(pairText, account.market.listing);
  if (lookup.kind === 'unknown') return fail(RestError.unknownPair);
  const index = tierIndex(account.volume);
  const fees: Record<string, JsonValue> = {};
  const feesMaker: Record<string, JsonValue> = {};
  const schedules: Record<string, JsonValue> = {};
  for (const pair of lookup.pairs) {
    fees[pair.spec.restId] = feeInfo(index, 'takerBps');
    feesMaker[pair.spec.restId] = feeInfo(index, 'makerBps');
    schedules[pair.spec.restId] = schedule();
  }
  result.fees = fees;
  result.fees_maker = feesMaker;
  if (withSchedule === true) result.schedules = schedules;
  return ok(result);
};
