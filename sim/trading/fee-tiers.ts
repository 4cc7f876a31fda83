/**
 * Kraken Pro's spot fee schedule for crypto pairs: maker/taker fee by 30-day USD trading volume, in basis
 * points. Source: https://www.kraken.com/features/fee-schedule (Spot, "Kraken Pro"); the first tiers
 * (0.25/0.40 from $0, 0.20/0.35 from $10,000, 0.14/0.24 from $50,000, 0.12/0.22 from $100,000, 0.10/0.20
 * from $250,000) were checked against two independent transcriptions of that page; the tiers from $250,000
 * up (−0.02 per step, 0.00/0.10 from $10M) also match the thresholds ccxt 4.5.84 still lists for Kraken.
 * A tier applies from its volume on (≥). Kraken says since 2026-07-09 the tier is the best of spot volume,
 * futures volume or AOP; the simulator only knows spot volume (docs/simulator.md).
 */
export interface FeeTier {
  /** Lower bound of the tier, whole USD. */
  readonly volumeUsd: bigint;
  readonly makerBps: bigint;
  readonly takerBps: bigint;
}

export const SPOT_FEE_TIERS: readonly FeeTier[] = [
  { volumeUsd: 0n, makerBps: 25n, takerBps: 40n },
  { volumeUsd: 10_000n, makerBps: 20n, takerBps: 35n },
  { volumeUsd: 50_000n, makerBps: 14n, takerBps: 24n },
  { volumeUsd: 100_000n, makerBps: 12n, takerBps: 22n },
  { volumeUsd: 250_000n, makerBps: 10n, takerBps: 20n },
  { volumeUsd: 500_000n, makerBps: 8n, takerBps: 18n },
  { volumeUsd: 1_000_000n, makerBps: 6n, takerBps: 16n },
  { volumeUsd: 2_500_000n, makerBps: 4n, takerBps: 14n },
  { volumeUsd: 5_000_000n, makerBps: 2n, takerBps: 12n },
  { volumeUsd: 10_000_000n, makerBps: 0n, takerBps: 10n },
];

/** USD units (10^-4) per whole USD: the account's volume is kept in USD asset units. */
export const USD_UNITS = 10_000n;

/** Index of the tier a 30-day volume (USD units) falls in. */
export function tierIndex(volumeUnits: bigint): number {
  let index = 0;
  SPOT_FEE_TIERS.forEach((tier, i) => {
    if (volumeUnits >= tier.volumeUsd * USD_UNITS) index = i;
  });
  return index;
}

export function tierOf(volumeUnits: bigint): FeeTier {
  return SPOT_FEE_TIERS[tierIndex(volumeUnits)] ?? { volumeUsd: 0n, makerBps: 25n, takerBps: 40n };
}
