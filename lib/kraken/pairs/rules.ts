import type { AssetPair, Decimal, PairStatus } from '../rest/types-public.ts';
import type { InstrumentPair } from '../ws/protocol.ts';
import { toFixedDecimal } from './decimal.ts';
import { restPairName, v2SymbolOf } from './symbols.ts';

/** What order validation needs to know about a pair (from AssetPairs, SPEC.md §7). */
export interface PairRules {
  /** Kraken's pair id, e.g. "XXBTZUSD". */
  id: string;
  altname: string;
  /** v2 name, e.g. "BTC/USD". */
  symbol: string;
  base: string;
  quote: string;
  /** Price decimals. */
  pairDecimals: number;
  /** Volume decimals (base). */
  lotDecimals: number;
  /** Cost decimals (quote). */
  costDecimals: number;
  ordermin?: Decimal;
  costmin?: Decimal;
  tickSize?: Decimal;
  /** AssetPairs: online, cancel_only, post_only, limit_only, reduce_only; v2 instrument adds others. */
  status: PairStatus | (string & {});
  /** Taker fee of the lowest volume tier, in percent ("0.26"). */
  takerFeePercent?: Decimal;
  makerFeePercent?: Decimal;
}

/** Fee schedules are [volume, percent] numbers in JSON; percent values have ≤ 4 decimals, so text is exact. */
const feeText = (schedule: [number, number][] | undefined): Decimal | undefined => {
  const first = schedule?.[0]?.[1];
  return first === undefined ? undefined : String(first);
};

export function pairRulesFrom(id: string, p: AssetPair): PairRules {
  const symbol = v2SymbolOf(p);
  const [base = '', quote = ''] = symbol.split('/');
  return {
    id,
    altname: p.altname,
    symbol,
    base,
    quote,
    pairDecimals: p.pair_decimals,
    lotDecimals: p.lot_decimals,
    costDecimals: p.cost_decimals,
    ordermin: p.ordermin,
    costmin: p.costmin,
    tickSize: p.tick_size,
    status: p.status ?? 'online',
    takerFeePercent: feeText(p.fees),
    makerFeePercent: feeText(p.fees_maker) ?? feeText(p.fees),
  };
}

/**
 * The same rules from a WebSocket v2 `instrument` pair (https://docs.kraken.com/api/docs/websocket-v2/instrument).
 * v2 sends minimums and increments as JSON numbers (`1E-8`, `0.50`); they are rendered at the pair's
 * precision (≤ 15 significant digits, so exact). v2 has no REST id: the altname stands in for it (REST
 * accepts it) and fees are unknown (validation then assumes Kraken's Starter taker rate).
 */
export function pairRulesFromInstrument(p: InstrumentPair): PairRules {
  const altname = restPairName(p.symbol);
  return {
    id: altname,
    altname,
    symbol: p.symbol,
    base: p.base,
    quote: p.quote,
    pairDecimals: p.price_precision,
    lotDecimals: p.qty_precision,
    costDecimals: p.cost_precision,
    ordermin: toFixedDecimal(p.qty_min, p.qty_precision),
    costmin: toFixedDecimal(p.cost_min, p.cost_precision),
    tickSize: toFixedDecimal(p.price_increment, p.price_precision),
    status: p.status,
  };
}
