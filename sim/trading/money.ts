import { type AssetSpec, assetByV2 } from '../data/assets.ts';
import type { PairSpec } from '../data/pairs.ts';
import { divRound } from '../decimal.ts';

/**
 * Integer money arithmetic. Prices are ticks (10^-pair_decimals), volumes base units (10^-lot_decimals),
 * balances asset units (10^-asset precision). A fill's cost, tick × qty, has pair_decimals + lot_decimals
 * decimals; it is rounded once, to the quote asset's precision, and that rounded figure is what moves
 * the balance, so balances reconcile exactly with the recorded trades.
 */

/** Kraken's base fee schedule, lowest volume tier: maker 0.25 %, taker 0.40 % (https://www.kraken.com/features/fee-schedule). */
export const MAKER_FEE_BPS = 25n;
export const TAKER_FEE_BPS = 40n;

export function baseAsset(pair: PairSpec): AssetSpec {
  return assetByV2(pair.instrument.base);
}

export function quoteAsset(pair: PairSpec): AssetSpec {
  return assetByV2(pair.instrument.quote);
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Quote asset units of `qty` base units at `tick`, rounded half up (fills) or up (holds). */
export function quoteCost(pair: PairSpec, tick: number, qty: bigint, roundUp = false): bigint {
  const numerator = BigInt(tick) * qty * pow10(quoteAsset(pair).instrument.precision);
  const denominator = pow10(pair.priceDecimals + pair.qtyDecimals);
  return roundUp ? (numerator + denominator - 1n) / denominator : divRound(numerator, denominator);
}

/** Base units a quote budget buys at `tick` (viqc market buys), rounded down. */
export function qtyForBudget(pair: PairSpec, tick: number, budget: bigint): bigint {
  const numerator = budget * pow10(pair.priceDecimals + pair.qtyDecimals);
  return numerator / (BigInt(tick) * pow10(quoteAsset(pair).instrument.precision));
}

/** Base units (lot precision) → base asset units (asset precision). */
export function baseUnits(pair: PairSpec, qty: bigint): bigint {
  const shift = baseAsset(pair).instrument.precision - pair.qtyDecimals;
  return shift >= 0 ? qty * pow10(shift) : qty / pow10(-shift);
}

export function feeOf(amount: bigint, bps: bigint, roundUp = false): bigint {
  return roundUp ? (amount * bps + 9999n) / 10000n : divRound(amount * bps, 10000n);
}
