import type { PairSpec } from '../data/pairs.ts';
import type { Rng } from './random.ts';

/**
 * Order sizes and level spacing for one pair, scaled by its price so every pair looks alike in USD terms:
 * resting levels of ~$200–$40k, taker orders of ~$20–$8k, level gaps that grow with the price (BTC levels
 * a few dollars apart deep in the book, adjacent ticks near the top).
 */
export class Sizing {
  /** Base units worth about 1,000 USD at the start price. */
  private readonly unitsPerKiloUsd: number;
  /** Largest gap between adjacent levels, in ticks. */
  readonly gapMax: number;
  /** Largest half-spread makers quote around the fair price, in ticks. */
  readonly halfSpreadMax: number;

  constructor(private readonly spec: PairSpec) {
    const price = spec.startTicks / 10 ** spec.priceDecimals;
    this.unitsPerKiloUsd = (1000 * 10 ** spec.qtyDecimals) / (price * spec.usdPerQuote);
    this.gapMax = Math.max(1, Math.round(spec.startTicks * 0.00002));
    this.halfSpreadMax = Math.max(0, Math.round(this.gapMax / 4));
  }

  private units(rng: Rng, loKiloUsd: number, hiKiloUsd: number): bigint {
    return BigInt(Math.max(1, Math.round(this.unitsPerKiloUsd * rng.logUniform(loKiloUsd, hiKiloUsd))));
  }

  /** Quantity of a resting level. */
  levelQty(rng: Rng): bigint {
    return this.units(rng, 0.2, 40);
  }

  /** Quantity of a taker order, never below the pair's `qty_min`. */
  takerQty(rng: Rng): bigint {
    const qty = this.units(rng, 0.02, 8);
    if (qty < this.spec.qtyMinUnits) return this.spec.qtyMinUnits;
    return qty;
  }

  /** Mean taker quantity (for synthetic history volumes): the mean of log-uniform(0.02, 8) k$. */
  meanTakerUnits(): number {
    return (this.unitsPerKiloUsd * (8 - 0.02)) / Math.log(8 / 0.02);
  }

  /** Gap to the next level, skewed towards small gaps. */
  gap(rng: Rng): number {
    return 1 + Math.floor(rng.next() ** 3 * this.gapMax);
  }
}
