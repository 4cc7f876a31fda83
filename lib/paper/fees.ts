// Paper fees. Kraken Pro's lowest volume tier (under 10,000 USD of 30-day volume) charges 0.25 % maker and
// 0.40 % taker on spot pairs (https://www.kraken.com/features/fee-schedule). The pair's own AssetPairs
// schedule wins when known (`fees` / `fees_maker`, first tier; lib/kraken/pairs/rules.ts).
import { cmp, div, type Exact, format, mul, sub } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';

export const DEFAULT_MAKER_FEE_PERCENT = '0.25';
export const DEFAULT_TAKER_FEE_PERCENT = '0.40';

export type Liquidity = 'maker' | 'taker';

export function feePercent(rules: PairRules, liquidity: Liquidity): Decimal {
  switch (liquidity) {
    case 'maker':
      return rules.makerFeePercent ?? DEFAULT_MAKER_FEE_PERCENT;
    case 'taker':
      return rules.takerFeePercent ?? DEFAULT_TAKER_FEE_PERCENT;
    default: {
      const never: never = liquidity;
      throw new RangeError(`unknown liquidity ${String(never)}`);
    }
  }
}

/**
 * The fee on `cost` (quote), in the quote currency, rounded UP to the pair's cost decimals. Kraken does not
 * publish its rounding; exchanges round fees in their own favour, and rounding up also means a hold computed
 * with this function always covers the fee actually charged.
 */
export function feeOn(cost: Exact | Decimal, percent: Decimal, costDecimals: number): Exact {
  return div(mul(cost, percent), '100', costDecimals, 'up');
}

/**
 * The fee of one fill: the rounded fee on the order's running cost at this liquidity (this fill included)
 * minus the fee already charged. Rounding the running total (not each fill) means an order's fees add up to
 * one rounded fee per liquidity, whatever the number of fills — so a resting buy's held fee is used up
 * exactly, and splitting an order never costs more than one rounding.
 */
export function fillFee(
  costAfter: Exact | Decimal,
  feeSoFar: Decimal,
  percent: Decimal,
  costDecimals: number,
): Exact {
  return sub(feeOn(costAfter, percent, costDecimals), feeSoFar);
}

/** min(a, b) as text. */
export function minOf(a: Exact | Decimal, b: Exact | Decimal): Decimal {
  return format(cmp(a, b) <= 0 ? a : b);
}
