import { DecayingCounter } from './decaying-counter.ts';
import { limitsOf, type RateLimitMode, type Tier } from './tiers.ts';

/**
 * Kraken's per-pair trading counter, shared by REST and WebSocket
 * (https://docs.kraken.com/api/docs/guides/spot-ratelimits): fixed costs plus penalties by the age of the
 * order (since it was placed or last amended). Values in hundredths.
 */
export type TradingAction = 'add' | 'amend' | 'edit' | 'cancel';

/** Age penalty table: [upper bound in ms, penalty] per action, from Kraken's table. */
const PENALTIES: Readonly<Record<TradingAction, readonly (readonly [number, number])[]>> = {
  add: [],
  amend: [
    [5_000, 3],
    [10_000, 2],
    [15_000, 1],
  ],
  edit: [
    [5_000, 6],
    [10_000, 5],
    [15_000, 4],
    [45_000, 2],
    [90_000, 1],
  ],
  cancel: [
    [5_000, 8],
    [10_000, 6],
    [15_000, 5],
    [45_000, 4],
    [90_000, 2],
    [300_000, 1],
  ],
};

const FIXED: Readonly<Record<TradingAction, number>> = { add: 1, amend: 1, edit: 1, cancel: 0 };

export function tradingCost(action: TradingAction, ageMs: number | undefined): number {
  let cost = FIXED[action];
  if (ageMs !== undefined) {
    const band = PENALTIES[action].find(([limit]) => ageMs < limit);
    if (band) cost += band[1];
  }
  return cost;
}

export class TradingLimiter {
  private readonly counters = new Map<string, DecayingCounter>();
  readonly threshold: number;
  readonly maxOpenPerPair: number;
  private readonly decay: number;

  constructor(
    tier: Tier,
    private readonly mode: RateLimitMode = 'on',
    private readonly now: () => number = Date.now,
  ) {
    const limits = limitsOf(tier);
    const scale = mode === 'relaxed' ? 100 : 1;
    this.threshold = limits.tradeThreshold * scale;
    this.decay = limits.tradeDecayPerSec * scale;
    this.maxOpenPerPair = limits.maxOpenPerPair;
  }

  private counter(pair: string): DecayingCounter {
    let counter = this.counters.get(pair);
    if (!counter) {
      counter = new DecayingCounter(this.decay, this.now);
      this.counters.set(pair, counter);
    }
    return counter;
  }

  /** Counter value in whole units (executions `ratecounter` reports it like this). */
  value(pair: string): number {
    return this.counter(pair).current() / 100;
  }

  /**
   * Adds a transaction's cost (applied on receipt, even if the order is then refused). Returns false when
   * the counter was already over the threshold: the transaction is refused with `EOrder:Rate limit exceeded`.
   * Cancels are always accepted ("batch cancel over the limit is still accepted").
   */
  charge(pair: string, cost: number, action: TradingAction): boolean {
    const counter = this.counter(pair);
    if (this.mode === 'off') return true;
    const over = counter.current() + cost * 100 > this.threshold;
    if (over && action !== 'cancel') return false;
    counter.add(cost * 100);
    return true;
  }
}
