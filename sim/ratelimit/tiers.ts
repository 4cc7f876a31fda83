/**
 * Kraken's verification tiers and their limits.
 * REST counter: https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits (Starter 15 / −0.33 s⁻¹,
 * Intermediate 20 / −0.5 s⁻¹, Pro 20 / −1 s⁻¹). Trading engine: https://docs.kraken.com/api/docs/guides/spot-ratelimits
 * (threshold 60 / 125 / 180, decay 1 / 2.34 / 3.75 s⁻¹, open orders per pair 60 / 80 / 225).
 * Counters are kept in hundredths so that 0.33 and 2.34 stay integers.
 */
export type Tier = 'starter' | 'intermediate' | 'pro';
export const TIERS: readonly Tier[] = ['starter', 'intermediate', 'pro'];

export interface TierLimits {
  readonly restMax: number;
  readonly restDecayPerSec: number;
  readonly tradeThreshold: number;
  readonly tradeDecayPerSec: number;
  readonly maxOpenPerPair: number;
}

export function limitsOf(tier: Tier): TierLimits {
  switch (tier) {
    case 'starter':
      return {
        restMax: 1500,
        restDecayPerSec: 33,
        tradeThreshold: 6000,
        tradeDecayPerSec: 100,
        maxOpenPerPair: 60,
      };
    case 'intermediate':
      return {
        restMax: 2000,
        restDecayPerSec: 50,
        tradeThreshold: 12500,
        tradeDecayPerSec: 234,
        maxOpenPerPair: 80,
      };
    case 'pro':
      return {
        restMax: 2000,
        restDecayPerSec: 100,
        tradeThreshold: 18000,
        tradeDecayPerSec: 375,
        maxOpenPerPair: 225,
      };
    default: {
      const never: never = tier;
      throw new Error(`unknown tier ${String(never)}`);
    }
  }
}

/**
 * `--rate-limit`: `on` as Kraken; `relaxed` multiplies every allowance (REST and trading counters) by 100;
 * `off` disables both counters. Nonces are checked strictly in every mode.
 */
export type RateLimitMode = 'on' | 'relaxed' | 'off';
export const RATE_LIMIT_MODES: readonly RateLimitMode[] = ['on', 'relaxed', 'off'];
