import type { PairSpec } from '../../data/pairs.ts';
import { toJson } from '../../json-raw.ts';
import type { Trade } from '../../market/trade-tape.ts';
import { rfc3339Micro } from '../../time-format.ts';
import { wsPrice, wsQty } from '../numbers.ts';

/**
 * `trade` messages (https://docs.kraken.com/api/docs/websocket-v2/trade): one object per fill,
 * `{symbol, side (the taker's), price, qty, ord_type, trade_id, timestamp}`.
 */
export function tradeMessage(spec: PairSpec, trades: readonly Trade[], type: 'snapshot' | 'update'): string {
  return toJson({
    channel: 'trade',
    type,
    data: trades.map((trade) => ({
      symbol: spec.symbol,
      side: trade.side,
      price: wsPrice(spec, trade.tick),
      qty: wsQty(spec, trade.qty),
      ord_type: trade.ordType,
      trade_id: trade.id,
      timestamp: rfc3339Micro(trade.tsNs),
    })),
  });
}
