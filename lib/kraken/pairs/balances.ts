import type { Decimal } from '../rest/types-public.ts';
import { add, exact, format } from './exact.ts';
import { type BalanceSuffix, parseBalanceCode } from './symbols.ts';

export interface AssetBalance {
  /** v2 asset name ("BTC"). */
  asset: string;
  /** Everything held, reward balances included — for display. */
  total: Decimal;
  /** What can be traded: the plain balance only (.F/.S/.M/.B/.T balances are read-only, SPEC.md §7). */
  tradable: Decimal;
  parts: { code: string; amount: Decimal; suffix?: BalanceSuffix }[];
}

/**
 * Groups Kraken's Balance result by v2 asset: { XXBT: "1", "XBT.F": "0.5" } → BTC total 1.5, tradable 1.
 * Sums are exact; the number of decimals is the widest of the parts (Kraken's own text is kept).
 */
export function aggregateBalances(balances: Readonly<Record<string, Decimal>>): Record<string, AssetBalance> {
  const out: Record<string, AssetBalance> = {};
  for (const [code, amount] of Object.entries(balances)) {
    const { asset, suffix } = parseBalanceCode(code);
    const entry = out[asset] ?? { asset, total: '0', tradable: '0', parts: [] };
    out[asset] = entry;
    const places = Math.max(exact(entry.total).scale, exact(amount).scale);
    entry.total = format(add(entry.total, amount), places);
    if (suffix === undefined) entry.tradable = format(add(entry.tradable, amount), places);
    entry.parts.push(suffix === undefined ? { code, amount } : { code, amount, suffix });
  }
  return out;
}
