import type { PairSpec } from '../data/pairs.ts';
import { divRound, fixed } from '../decimal.ts';
import type { Candle } from '../market/minute-series.ts';

/**
 * REST number formatting. Kraken's REST market data does NOT print prices at `pair_decimals` everywhere:
 *  - Ticker, Depth, Trades and Spread print prices at the pair's `cost_decimals` (XXBTZUSD: pair_decimals 1
 *    but `"a":["73380.70000",…]`; XDGUSD: cost_decimals 9 → `"0.072640000"`; ETHXBT with cost_decimals 6 →
 *    `"0.064530"`) — official examples and recorded replies, see docs/kraken-quirks.md;
 *  - OHLC prints prices and vwap at `pair_decimals` (`"30306.1"`);
 *  - volumes use `lot_decimals` (`"0.34507674"`), except Depth volumes and the Ticker `a`/`b` lot volumes,
 *    which always have 3 decimals (`"2.059"`, `"1.000"`).
 */
export function costPrice(spec: PairSpec, ticks: number | bigint): string {
  return fixed(BigInt(ticks) * 10n ** BigInt(spec.costDecimals - spec.priceDecimals), spec.costDecimals);
}

export function pairPrice(spec: PairSpec, ticks: number | bigint): string {
  return fixed(BigInt(ticks), spec.priceDecimals);
}

export function lotVolume(spec: PairSpec, units: bigint): string {
  return fixed(units, spec.qtyDecimals);
}

/** A volume rounded to 3 decimals (Depth, Ticker `a`/`b`). */
export function volume3(spec: PairSpec, units: bigint): string {
  const shift = spec.qtyDecimals - 3;
  return shift >= 0
    ? fixed(divRound(units, 10n ** BigInt(shift)), 3)
    : fixed(units * 10n ** BigInt(-shift), 3);
}

/** VWAP of a window at `decimals` (≥ price decimals); 0 when nothing traded. */
export function vwapText(spec: PairSpec, candle: Candle | undefined, decimals: number): string {
  if (!candle || candle.volume === 0n) return fixed(0, decimals);
  const scale = 10n ** BigInt(decimals - spec.priceDecimals);
  return fixed(divRound(candle.pv * scale, candle.volume), decimals);
}
