// The simulator's pairs and prices, read over its public REST API (AssetPairs, Ticker, OHLC).
import { type KrakenRest, v2SymbolOf } from '../../../lib/kraken/index.ts';

export interface PairInfo {
  /** WS v2 symbol, e.g. BTC/USD. */
  symbol: string;
  /** REST altname, e.g. XBTUSD. */
  altname: string;
  priceDecimals: number;
  lotDecimals: number;
  ordermin: string;
  quote: string;
}

export async function listPairs(rest: KrakenRest): Promise<PairInfo[]> {
  const pairs = await rest.assetPairs();
  return Object.values(pairs).map((p) => ({
    symbol: v2SymbolOf(p),
    altname: p.altname,
    priceDecimals: p.pair_decimals,
    lotDecimals: p.lot_decimals,
    ordermin: p.ordermin ?? '0',
    quote: v2SymbolOf(p).split('/')[1] ?? '',
  }));
}

/** The last trade price of a pair as the simulator's Ticker prints it (a decimal string). */
export async function lastTrade(rest: KrakenRest, pair: PairInfo): Promise<string> {
  const result = await rest.ticker({ pair: [pair.altname] });
  const info = Object.values(result)[0];
  if (!info) throw new Error(`no ticker for ${pair.symbol}`);
  return info.c[0];
}

export async function lastPrices(rest: KrakenRest, pairs: readonly PairInfo[]): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  for (const pair of pairs) prices.set(pair.symbol, Number(await lastTrade(rest, pair)));
  return prices;
}

/** A price at the pair's precision: rounded up (`ceil`) or down. */
export function priceText(value: number, pair: PairInfo, mode: 'ceil' | 'floor'): string {
  const scale = 10 ** pair.priceDecimals;
  const units = mode === 'ceil' ? Math.ceil(value * scale - 1e-9) : Math.floor(value * scale + 1e-9);
  return (units / scale).toFixed(pair.priceDecimals);
}

/** A one-minute candle's start (Unix s) and range. */
export interface MinuteCandle {
  time: number;
  high: number;
  low: number;
}

export async function minuteCandles(rest: KrakenRest, pair: PairInfo): Promise<MinuteCandle[]> {
  const { rows } = await rest.ohlc({ pair: pair.altname, interval: 1 });
  return rows.map(([time, , high, low]) => ({ time, high: Number(high), low: Number(low) }));
}
