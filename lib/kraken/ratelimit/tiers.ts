// Kraken verification tiers and their published limits.
// REST counter: https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits (SPEC.md §4.1; Starter
// 15/−0.33 s per the current /exchange page, the 2022 spec and krakenfx/kraken-cli).
// Trading engine: https://docs.kraken.com/api/docs/guides/spot-ratelimits (SPEC.md §4.2).

export type Tier = 'starter' | 'intermediate' | 'pro';

export interface CounterLimits {
  /** The counter may reach this value; a call that would exceed it waits. */
  max: number;
  /** Points removed per second. */
  decayPerSecond: number;
}

export const REST_LIMITS: Record<Tier, CounterLimits> = {
  starter: { max: 15, decayPerSecond: 0.33 },
  intermediate: { max: 20, decayPerSecond: 0.5 },
  pro: { max: 20, decayPerSecond: 1 },
};

export const TRADING_LIMITS: Record<Tier, CounterLimits & { maxOpenOrders: number }> = {
  starter: { max: 60, decayPerSecond: 1, maxOpenOrders: 60 },
  intermediate: { max: 125, decayPerSecond: 2.34, maxOpenOrders: 80 },
  pro: { max: 180, decayPerSecond: 3.75, maxOpenOrders: 225 },
};

/**
 * REST-counter cost of a private method. Ledger and trade-history calls cost 2 (the 2026 mirror says 4:
 * configurable via `costs`); order entry and cancels are not counted here — they use the per-pair engine
 * counter instead (SPEC.md §4.1).
 */
export function restCost(method: string, costs: Partial<Record<string, number>> = {}): number {
  const override = costs[method];
  if (override !== undefined) return override;
  if (TRADING_METHODS.has(method)) return 0;
  return HISTORY_METHODS.has(method) ? 2 : 1;
}

const HISTORY_METHODS = new Set(['Ledgers', 'QueryLedgers', 'TradesHistory', 'QueryTrades']);
export const TRADING_METHODS = new Set([
  'AddOrder',
  'AddOrderBatch',
  'AmendOrder',
  'EditOrder',
  'CancelOrder',
  'CancelOrderBatch',
  'CancelAll',
  'CancelAllOrdersAfter',
]);
