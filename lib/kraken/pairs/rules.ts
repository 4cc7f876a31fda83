import type { AssetPair, Decimal, PairStatus } from '../rest/types-public.ts';
import { v2SymbolOf } from './symbols.ts';

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
  status: PairStatus;
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
