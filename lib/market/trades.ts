// Public trades (the `trade` channel) as the trading side uses them: grouped by pair, price and qty as
// exact decimal text. https://docs.kraken.com/api/docs/websocket-v2/trade
import { type InstrumentPair, type TradeData, toFixedDecimal } from '../kraken/index.ts';
import type { PublicTrade } from './types.ts';

/**
 * Trades of listed pairs, by pair, in arrival order. A trade of a pair whose precisions are not known yet
 * is skipped (its text could not be exact). A timestamp that does not parse is replaced by `now`.
 */
export function publicTrades(
  data: readonly TradeData[],
  info: (symbol: string) => InstrumentPair | undefined,
  now: number,
): Map<string, PublicTrade[]> {
  const bySymbol = new Map<string, PublicTrade[]>();
  for (const t of data) {
    const pair = info(t.symbol);
    if (!pair) continue;
    const at = Date.parse(t.timestamp);
    const list = bySymbol.get(pair.symbol) ?? [];
    list.push({
      // Kraken sends JSON numbers at the pair's precision; fixed-point text recovers the exact digits.
      price: toFixedDecimal(t.price, pair.price_precision),
      qty: toFixedDecimal(t.qty, pair.qty_precision),
      at: Number.isFinite(at) ? at : now,
    });
    bySymbol.set(pair.symbol, list);
  }
  return bySymbol;
}
