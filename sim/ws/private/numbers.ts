import { assetByV2 } from '../../data/assets.ts';
import type { PairSpec } from '../../data/pairs.ts';
import { fixed, plainDecimal } from '../../decimal.ts';
import { type RawNumber, raw } from '../../json-raw.ts';
import { quoteAsset } from '../../trading/money.ts';

/**
 * Private WS v2 numbers. Kraken's executions/balances examples print plain decimals without padding
 * (`"last_qty":0.005`, `"cost":132.9995`, `"balance":80595.4943`,
 * https://docs.kraken.com/api/docs/websocket-v2/executions), so these are rendered exactly from integers
 * and then stripped of trailing zeros — never through a float.
 */
export function plain(units: bigint | number, decimals: number): RawNumber {
  return raw(plainDecimal(fixed(units, decimals)));
}

export const price = (spec: PairSpec, tick: number | undefined): RawNumber =>
  plain(tick ?? 0, spec.priceDecimals);
export const qty = (spec: PairSpec, units: bigint): RawNumber => plain(units, spec.qtyDecimals);
/** Quote asset units of a pair. */
export const quote = (spec: PairSpec, units: bigint): RawNumber =>
  plain(units, quoteAsset(spec).instrument.precision);
export const asset = (id: string, units: bigint): RawNumber =>
  plain(units, assetByV2(id).instrument.precision);

/** JSON number → decimal text without exponent (`1e-7` → `0.0000001`); undefined for non-numbers. */
export function numberText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return value;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(18).replace(/0+$/, '').replace(/\.$/, '');
}
