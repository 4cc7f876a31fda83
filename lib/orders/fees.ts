// The fee schedule, one definition for the ticket's preview and the paper account. Kraken Pro's lowest volume
// tier (under 10,000 USD of 30-day volume) charges 0.25 % maker and 0.40 % taker on spot pairs
// (https://www.kraken.com/features/fee-schedule). The paper account lets a pair's own AssetPairs schedule win
// when it is known (`fees` / `fees_maker`, first tier; lib/kraken/pairs/rules.ts); the ticket's preview
// assumes the starter tier, as its label says.
import { div, type Exact, mul, normalize } from '../kraken/pairs/exact.ts';
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

/**
 * Kraken Pro's spot fee tiers by 30-day volume in USD (https://www.kraken.com/features/fee-schedule, as the
 * simulator has them: sim/trading/fee-tiers.ts): the paper account charges the tier the person picks. A live
 * account's own fees come from Kraken (TradeVolume), never from this table.
 */
export const KRAKEN_PRO_TIERS: readonly { volume: number; makerPercent: Decimal; takerPercent: Decimal }[] = [
  { volume: 0, makerPercent: '0.25', takerPercent: '0.40' },
  { volume: 10_000, makerPercent: '0.20', takerPercent: '0.35' },
  { volume: 50_000, makerPercent: '0.14', takerPercent: '0.24' },
  { volume: 100_000, makerPercent: '0.12', takerPercent: '0.22' },
  { volume: 250_000, makerPercent: '0.10', takerPercent: '0.20' },
  { volume: 500_000, makerPercent: '0.08', takerPercent: '0.18' },
  { volume: 1_000_000, makerPercent: '0.06', takerPercent: '0.16' },
  { volume: 2_500_000, makerPercent: '0.04', takerPercent: '0.14' },
  { volume: 5_000_000, makerPercent: '0.02', takerPercent: '0.12' },
  { volume: 10_000_000, makerPercent: '0.00', takerPercent: '0.10' },
];

/** The tier a 30-day volume (USD) falls in, and the next one. */
export function tierOf(volume: number): {
  makerPercent: Decimal;
  takerPercent: Decimal;
  next?: { volume: number; makerPercent: Decimal; takerPercent: Decimal };
} {
  let i = 0;
  while (i + 1 < KRAKEN_PRO_TIERS.length && (KRAKEN_PRO_TIERS[i + 1]?.volume ?? Infinity) <= volume) i += 1;
  const tier = KRAKEN_PRO_TIERS[i] ?? STARTER_TIER;
  const next = KRAKEN_PRO_TIERS[i + 1];
  return { makerPercent: tier.makerPercent, takerPercent: tier.takerPercent, ...(next ? { next } : {}) };
}
const STARTER_TIER = { volume: 0, ...STARTER_FEES };

/**
 * A rate as the person reads it: trailing zeros gone, at least 2 decimals ("0.2500" → "0.25", "0.4" → "0.40",
 * "0" → "0.00"). Kraken's TradeVolume sends 4 decimals; the value is unchanged.
 */
export function percentText(rate: Decimal): Decimal {
  const [whole = '0', fraction = ''] = normalize(rate).split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}
