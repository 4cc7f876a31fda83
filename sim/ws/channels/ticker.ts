import { divRound, fixed } from '../../decimal.ts';
import { raw, toJson } from '../../json-raw.ts';
import type { PairMarket } from '../../market/pair-market.ts';
import { tickerWindows } from '../../market/stats.ts';
import { rfc3339Micro } from '../../time-format.ts';
import { wsPrice, wsQty, wsVwap } from '../numbers.ts';

/**
 * `ticker` data (https://docs.kraken.com/api/docs/websocket-v2/ticker): best bid/ask with quantities, last
 * trade price, and 24 h volume, vwap, low, high, change and change_pct (two decimals), plus `timestamp`.
 */
export function tickerMessage(pair: PairMarket, type: 'snapshot' | 'update', nowNs: bigint): string {
  const spec = pair.spec;
  const { last24h } = tickerWindows(pair.minutes, nowNs);
  const best = pair.best();
  const last = pair.tape.last()?.tick ?? 0;
  const open = last24h?.open ?? last;
  const change = last - open;
  const changePct = open === 0 ? 0n : divRound(BigInt(change) * 10_000n, BigInt(open));
  return toJson({
    channel: 'ticker',
    type,
    data: [
      {
        symbol: spec.symbol,
        bid: wsPrice(spec, best.bid?.tick ?? 0),
        bid_qty: wsQty(spec, best.bid?.qty ?? 0n),
        ask: wsPrice(spec, best.ask?.tick ?? 0),
        ask_qty: wsQty(spec, best.ask?.qty ?? 0n),
        last: wsPrice(spec, last),
        volume: wsQty(spec, last24h?.volume ?? 0n),
        vwap: wsVwap(spec, last24h),
        low: wsPrice(spec, last24h?.low ?? last),
        high: wsPrice(spec, last24h?.high ?? last),
        change: wsPrice(spec, change),
        change_pct: raw(fixed(changePct, 2)),
        timestamp: rfc3339Micro(nowNs),
      },
    ],
  });
}
