// The fee schedule, one definition for the ticket's preview and the paper account. Kraken Pro's lowest volume
// tier (under 10,000 USD of 30-day volume) charges 0.25 % maker and 0.40 % taker on spot pairs
// (https://www.kraken.com/features/fee-schedule). The paper account lets a pair's own AssetPairs schedule win
// when it is known (`fees` / `fees_maker`, first tier; lib/kraken/pairs/rules.ts); the ticket's preview
// assumes the starter tier, as its label says.
import { div, type Exact, mul } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';

/** Kraken Pro's starter tier, in percent. */
export const STARTER_FEES: { readonly makerPercent: Decimal; readonly takerPercent: Decimal } = {
  makerPercent: '0.25',
  takerPercent: '0.40',
};

export type Liquidity = 'maker' | 'taker';

/** The pair's own rate for `liquidity` when its rules carry one, else the starter tier's. */
export function feePercent(rules: PairRules, liquidity: Liquidity): Decimal {
  switch (liquidity) {
    case 'maker':
      return rules.makerFeePercent ?? STARTER_FEES.makerPercent;
    case 'taker':
      return rules.takerFeePercent ?? STARTER_FEES.takerPercent;
    default: {
      const never: never = liquidity;
      throw new RangeError(`unknown liquidity ${String(never)}`);
    }
  }
}

/**
 * The fee on `cost` (quote), in the quote currency, rounded UP to the pair's cost decimals. Kraken does not
 * publish its rounding; exchanges round fees in their own favour, and rounding up also means a hold computed
 * with this function always covers the fee actually charged, and a preview never understates it.
 */
export function feeOn(cost: Exact | Decimal, percent: Decimal, costDecimals: number): Exact {
  return div(mul(cost, percent), '100', costDecimals, 'up');
}
