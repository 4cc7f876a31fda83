import type { PairSpec } from '../data/pairs.ts';
import { divRound, fixed } from '../decimal.ts';
import { type RawNumber, raw } from '../json-raw.ts';
import type { Candle } from '../market/minute-series.ts';

/**
 * WS v2 numbers: JSON numbers carrying the engine precision with trailing zeros kept — `"price":1797.30`,
 * `"qty":0.80386470` in a real ETH/USD capture — i.e. prices at price_precision and quantities at
 * qty_precision (https://docs.kraken.com/api/docs/guides/spot-ws-intro: "full precision can be maintained").
 */
export function wsPrice(spec: PairSpec, ticks: number | bigint): RawNumber {
  return raw(fixed(BigInt(ticks), spec.priceDecimals));
}

export function wsQty(spec: PairSpec, units: bigint): RawNumber {
  return raw(fixed(units, spec.qtyDecimals));
}

/** VWAP at price precision; 0 when nothing traded. */
export function wsVwap(spec: PairSpec, candle: Candle | undefined): RawNumber {
  if (!candle || candle.volume === 0n) return raw(fixed(0, spec.priceDecimals));
  return raw(fixed(divRound(candle.pv, candle.volume), spec.priceDecimals));
}
