// The paced stream of live orders (`trading.place` with a fresh UUID cl_ord_id each, from the popup page):
// limit orders far from the market that rest, and small market orders that fill. Each answer is kept with
// the simulator generation it went to, so it can be held against that simulator's own books later.
import { randomUUID } from 'node:crypto';
import type { OrderRequest } from '../../../lib/orders/types.ts';
import { type PairInfo, priceText } from './market.ts';
import { request, type SoakWorld } from './world.ts';

export type Outcome =
  | { kind: 'placed'; id: string }
  | { kind: 'refused'; name: string; message: string }
  /** Checking with Kraken (OrderOutcomeUnknown), or no answer at all (the worker stopped under it). */
  | { kind: 'unknown'; name: string; message: string };

export interface Placement {
  clOrdId: string;
  order: OrderRequest;
  /** Simulator generation the order went to (0 before the restart, 1 after). */
  phase: number;
  sentAt: number;
  answeredMs: number;
  first: Outcome;
  /** After `trading.check` for an unknown outcome. */
  final: Outcome;
}

/**
 * Resting orders kept open at once: beyond this the oldest is cancelled (through the popup's request, as a
 * person would), so the account's open orders stay what a trader has rather than grow for the whole run (the
 * worker's heap after a restart holds every open order: a growing book of them read as a leak).
 */
export const MAX_RESTING = 12;

/** Pairs for the resting orders: not the ones whose price the soak pushes around for alerts. */
const RESTING_PREFERENCE = ['BTC/USD', 'ETH/USD', 'ETH/BTC'];

export function outcomeOf(answer: Awaited<ReturnType<typeof request<'trading.place'>>>): Outcome {
  if (answer.ok) return { kind: 'placed', id: answer.value.order.id };
  const { name, message } = answer.error;
  if (name === 'OrderOutcomeUnknown' || name === 'NoAnswer') return { kind: 'unknown', name, message };
  // KrakenError, OrderRefused, OrderExpired, TradingUnavailable…: the background says it was not placed.
  return { kind: 'refused', name, message };
}

export function createOrderStream(
  world: SoakWorld,
  pairs: readonly PairInfo[],
  refs: ReadonlyMap<string, number>,
  resting: readonly PairInfo[],
) {
  const placements: Placement[] = [];
  /** Kraken ids of the resting orders placed and not yet cancelled, oldest first. */
  const restingIds: string[] = [];
  const cancels = { sent: 0, done: 0, failed: [] as string[] };
  let inFlight: Promise<unknown> = Promise.resolve();
  let n = 0;
  let stops = 0;

  function restingOrder(i: number): OrderRequest {
    const pair = resting[i % resting.length] as PairInfo;
    const ref = refs.get(pair.symbol) ?? 0;
    const buy = Math.floor(i / resting.length) % 2 === 0;
    return {
      symbol: pair.symbol,
      side: buy ? 'buy' : 'sell',
      type: 'limit',
      volume: pair.ordermin,
      // Half or twice the price at the start: the market never gets there.
      limitPrice: priceText(buy ? ref * 0.5 : ref * 2, pair, buy ? 'floor' : 'ceil'),
      postOnly: false,
      timeInForce: 'GTC',
    };
  }

  /** Orders by index: every third rests, the others are a market buy then a market sell of the same pair. */
  function orderAt(i: number): OrderRequest {
    if (i % 3 === 0) return restingOrder(i / 3);
    const pair = pairs[Math.floor(i / 3) % pairs.length] as PairInfo;
    const side = i % 3 === 1 ? 'buy' : 'sell';
    return {
      symbol: pair.symbol,
      side,
      type: 'market',
      volume: pair.ordermin,
      postOnly: false,
      timeInForce: 'GTC',
    };
  }

  async function place(order: OrderRequest): Promise<Placement> {
    const clOrdId = randomUUID();
    const sentAt = Date.now();
    const phase = world.generation;
    const answer = await request(world, 'trading.place', { clOrdId, order });
    const first = outcomeOf(answer);
    const placement = { clOrdId, order, phase, sentAt, answeredMs: Date.now() - sentAt, first, final: first };
    placements.push(placement);
    if (order.type === 'limit' && first.kind === 'placed') {
      restingIds.push(first.id);
      if (restingIds.length > MAX_RESTING) await cancelOldest();
    }
    return placement;
  }

  async function cancelOldest(): Promise<void> {
    const id = restingIds.shift();
    if (!id) return;
    cancels.sent += 1;
    const answer = await request(world, 'trading.cancel', { id });
    if (answer.ok) cancels.done += 1;
    // Not cancelled (the worker stopping under it, the simulator restarting): noted, not retried, so the
    // figures say how many stayed open.
    else cancels.failed.push(`${id}: ${answer.error.name}`);
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight = Promise.allSettled([inFlight, promise]);
    return promise;
  }

  return {
    placements: (): readonly Placement[] => placements,
    /** The resting orders cancelled to keep MAX_RESTING open. */
    cancels: () => cancels,
    /** The next order of the stream. */
    next: (): Promise<Placement> => track(place(orderAt(n++))),
    /** A resting order outside the stream's count (the ones placed at the start). */
    resting: (i: number): Promise<Placement> => track(place(restingOrder(i))),
    /** The order sent with a worker stop: a resting one, or a small market buy that fills. */
    atStop(kind: 'resting' | 'market'): Promise<Placement> {
      stops += 1;
      if (kind === 'resting') return track(place(restingOrder(1000 + stops)));
      const pair = pairs[stops % pairs.length] as PairInfo;
      const order: OrderRequest = {
        symbol: pair.symbol,
        side: 'buy',
        type: 'market',
        volume: pair.ordermin,
        postOnly: false,
        timeInForce: 'GTC',
      };
      return track(place(order));
    },
    /** Resolves once no placement is on its way. */
    idle: (): Promise<unknown> => inFlight,
    /**
     * Asks the background about every order of `phase` whose outcome is still unknown (`trading.check` never
     * sends), until each is settled or `deadlineMs` passes.
     */
    async settle(phase: number, deadlineMs: number): Promise<void> {
      const until = Date.now() + deadlineMs;
      for (;;) {
        const open = placements.filter((p) => p.phase === phase && p.final.kind === 'unknown');
        if (open.length === 0 || Date.now() > until) return;
        for (const p of open) {
          const answer = await request(world, 'trading.check', { clOrdId: p.clOrdId });
          p.final = answer.ok
            ? { kind: 'placed', id: answer.value.order.id }
            : outcomeOf(answer as Awaited<ReturnType<typeof request<'trading.place'>>>);
        }
        await new Promise((r) => setTimeout(r, 2_000));
      }
    },
  };
}

export type OrderStream = ReturnType<typeof createOrderStream>;

/** The resting pairs: the preferred ones the simulator lists, else the first three listed. */
export function restingPairs(pairs: readonly PairInfo[]): PairInfo[] {
  const preferred = pairs.filter((p) => RESTING_PREFERENCE.includes(p.symbol));
  return preferred.length > 0 ? preferred : pairs.slice(0, 3);
}
