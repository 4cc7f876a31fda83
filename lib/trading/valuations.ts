// Balances valued in USD (display only): every asset held gets its ASSET/USD ticker watched, when Kraken
// lists that pair, and its last price times the total.
import { toFixedDecimal } from '../kraken/pairs/decimal.ts';
import { format, mul, round } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BalanceView } from '../orders/types.ts';

export interface ValuationMarket {
  rulesFor(symbol: string): PairRules | undefined;
  lastPrice(symbol: string): number | undefined;
  watchTickers(symbols: string[]): void;
}

export function valuations(market: ValuationMarket) {
  let watched = '';
  function usdValue(asset: string, total: string): string | undefined {
    if (asset === 'USD') return total;
    const last = market.lastPrice(`${asset}/USD`);
    if (last === undefined) return undefined;
    return format(round(mul(total, toFixedDecimal(last, 10)), 2, 'half-up'), 2);
  }
  return {
    value(balances: BalanceView[]): (BalanceView & { usdValue?: string })[] {
      return balances.map((b) => {
        const usd = usdValue(b.asset, b.total);
        return usd === undefined ? b : { ...b, usdValue: usd };
      });
    },
    /** Keeps the ASSET/USD tickers of these balances watched (replacing the previous set). */
    watch(balances: readonly BalanceView[]): void {
      const pairs = balances
        .map((b) => `${b.asset}/USD`)
        .filter((pair) => pair !== 'USD/USD' && market.rulesFor(pair) !== undefined)
        .sort();
      const key = pairs.join(',');
      if (key === watched) return;
      watched = key;
      market.watchTickers(pairs);
    },
  };
}
