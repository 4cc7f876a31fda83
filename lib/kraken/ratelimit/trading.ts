import type { Clock } from '../clock.ts';
import { createDecayingCounter, type DecayingCounter } from './counter.ts';
import { type CounterLimits, type Tier, TRADING_LIMITS } from './tiers.ts';

// Per-pair trading-engine counter (https://docs.kraken.com/api/docs/guides/spot-ratelimits, SPEC.md §4.2):
// fixed cost on receipt plus a penalty by the age of the order (since created or last amended).

export type TradingAction = 'add' | 'amend' | 'edit' | 'cancel';

// [age limit in seconds, penalty]: first row whose limit exceeds the age applies; older orders cost 0.
const PENALTIES: Record<TradingAction, { fixed: number; byAge: readonly (readonly [number, number])[] }> = {
  add: { fixed: 1, byAge: [] },
  amend: {
    fixed: 1,
    byAge: [
      [5, 3],
      [10, 2],
      [15, 1],
    ],
  },
  edit: {
    fixed: 1,
    byAge: [
      [5, 6],
      [10, 5],
      [15, 4],
      [45, 2],
      [90, 1],
    ],
  },
  cancel: {
    fixed: 0,
    byAge: [
      [5, 8],
      [10, 6],
      [15, 5],
      [45, 4],
      [90, 2],
      [300, 1],
    ],
  },
};

/** Points one action costs on a pair, given the order's age in ms (undefined for a new order). */
export function tradingCost(action: TradingAction, ageMs: number | undefined): number {
  const rule = PENALTIES[action];
  if (ageMs === undefined) return rule.fixed;
  const age = ageMs / 1000;
  const row = rule.byAge.find(([limit]) => age < limit);
  return rule.fixed + (row?.[1] ?? 0);
}

export function createTradingLimiter(tier: Tier, clock: Clock, override?: CounterLimits) {
  const limits = override ?? TRADING_LIMITS[tier];
  const counters = new Map<string, DecayingCounter>();
  /** txid or cl_ord_id → pair and last create/amend time, to price cancels and amends. */
  const orders = new Map<string, { pair: string; since: number }>();

  const counterFor = (pair: string) => {
    let c = counters.get(pair);
    if (!c) {
      c = createDecayingCounter(limits, clock);
      counters.set(pair, c);
    }
    return c;
  };

  async function book(pair: string, cost: number, signal?: AbortSignal): Promise<() => void> {
    const counter = counterFor(pair);
    await counter.acquire(cost, signal);
    const at = clock.now();
    return () => counter.redate(cost, clock.now() - at);
  }

  return {
    /**
     * Waits until the action fits under the pair's threshold and books its cost. Returns what to call once
     * Kraken has answered: Kraken charges on receipt, after our booking, so the booking moves to the answer
     * (the REST counter does the same, docs/kraken-quirks.md "REST client" 3) and the model never runs below
     * Kraken's. Without it, a counter filled to the threshold here was a hundredth over at Kraken (the
     * simulator): `EOrder:Rate limit exceeded` on an amend the model had waited for.
     */
    async acquire(
      pair: string,
      action: TradingAction,
      orderId?: string,
      signal?: AbortSignal,
    ): Promise<() => void> {
      const known = orderId === undefined ? undefined : orders.get(orderId);
      const age = known ? clock.now() - known.since : undefined;
      return book(pair, Math.min(limits.max, tradingCost(action, age)), signal);
    },
    /** Books a fixed number of points (batch add: n/2); the same answer-time re-dating. */
    acquirePoints(pair: string, points: number, signal?: AbortSignal): Promise<() => void> {
      return book(pair, Math.min(limits.max, points), signal);
    },
    /** Remembers an order's birth (or amendment) so a later cancel is priced by age. */
    remember(orderId: string, pair: string): void {
      orders.set(orderId, { pair, since: clock.now() });
    },
    forget(orderId: string): void {
      orders.delete(orderId);
    },
    pairOf(orderId: string): string | undefined {
      return orders.get(orderId)?.pair;
    },
    snapToCap(pair: string): void {
      counterFor(pair).snapToCap();
    },
    level(pair: string): number {
      return counterFor(pair).level();
    },
  };
}
export type TradingLimiter = ReturnType<typeof createTradingLimiter>;
