import { DecayingCounter } from './decaying-counter.ts';
import { limitsOf, type RateLimitMode, type Tier } from './tiers.ts';

/**
 * The REST call counter per API key (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits):
 * +1 per call, +2 for ledger/trade-history calls; a call that would take the counter over the tier's
 * maximum is refused with `EAPI:Rate limit exceeded`. A refused call adds nothing (the counter stays at
 * its ceiling), so a client that stops waits at most max/decay seconds.
 */
export class RestLimiter {
  private readonly counters = new Map<string, DecayingCounter>();
  private readonly max: number;
  private readonly decay: number;

  constructor(
    tier: Tier,
    private readonly mode: RateLimitMode,
    private readonly now: () => number = Date.now,
  ) {
    const limits = limitsOf(tier);
    this.max = mode === 'relaxed' ? limits.restMax * 100 : limits.restMax;
    this.decay = mode === 'relaxed' ? limits.restDecayPerSec * 100 : limits.restDecayPerSec;
  }

  /** Charges `cost` (1 or 2) to `key`; false if the call is over the limit. */
  charge(key: string, cost: number): boolean {
    if (this.mode === 'off') return true;
    let counter = this.counters.get(key);
    if (!counter) {
      counter = new DecayingCounter(this.decay, this.now);
      this.counters.set(key, counter);
    }
    if (counter.current() + cost * 100 > this.max) return false;
    counter.add(cost * 100);
    return true;
  }
}
