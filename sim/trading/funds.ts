// What an order holds, needs and can afford: the engine's fund checks as functions of the order, the book
// and the account's fee tier (basis points), so the engine itself only sequences events.
import type { AssetSpec } from '../data/assets.ts';
import type { PairMarket } from '../market/pair-market.ts';
import { baseAsset, baseUnits, feeOf, qtyForBudget, quoteAsset, quoteCost } from './money.ts';
import type { Order, OrderRequest } from './order.ts';

export interface Hold {
  readonly asset: AssetSpec;
  readonly amount: bigint;
}

export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Base quantity still to fill. */
export const remaining = (order: Order): bigint => order.request.volume - order.filled;

/** Price a resting buy reserves quote at: its limit, or its trigger for stop/take-profit market orders. */
function reserveTick(order: Order): number | undefined {
  if (order.limitTick !== undefined) return order.limitTick;
  return order.stopTick ?? order.request.priceTick;
}

/** What an open order reserves (BalanceEx `hold_trade`): base for a sell, quote plus taker fee for a buy. */
export function holdOf(order: Order, takerBps: bigint): Hold | undefined {
  const { pair, side } = order.request;
  const left = remaining(order);
  if (left <= 0n) return undefined;
  if (side === 'sell') {
    const units = baseUnits(pair, left);
    return {
      asset: baseAsset(pair),
      amount: units + (order.request.feeInBase ? feeOf(units, takerBps, true) : 0n),
    };
  }
  const tick = reserveTick(order);
  if (tick === undefined) return undefined;
  const cost = quoteCost(pair, tick, left, true);
  return { asset: quoteAsset(pair), amount: cost + feeOf(cost, takerBps, true) };
}

/** The quote a market buy of `qty` would spend sweeping the asks now. */
function sweepCost(pair: PairMarket, qty: bigint): bigint {
  let left = qty;
  let cost = 0n;
  for (const level of pair.book.asks.levels) {
    if (left <= 0n) break;
    const take = minBig(level.qty, left);
    cost += quoteCost(pair.spec, level.tick, take, true);
    left -= take;
  }
  return cost;
}

/** Funds an order needs now: a market order's estimated sweep, otherwise what it will hold. */
export function needed(request: OrderRequest, pair: PairMarket, takerBps: bigint): Hold {
  if (request.side === 'sell') {
    const units = baseUnits(request.pair, request.volume);
    return {
      asset: baseAsset(request.pair),
      amount: units + (request.feeInBase ? feeOf(units, takerBps, true) : 0n),
    };
  }
  const quote = quoteAsset(request.pair);
  if (request.type === 'market') {
    const cost = request.viqc ? request.volume : sweepCost(pair, request.volume);
    return { asset: quote, amount: cost + (request.feeInBase ? 0n : feeOf(cost, takerBps, true)) };
  }
  const tick = request.type.endsWith('-limit') ? request.price2Tick : request.priceTick;
  const cost = quoteCost(request.pair, tick ?? 0, request.volume, true);
  return { asset: quote, amount: cost + feeOf(cost, takerBps, true) };
}

/** Fill-or-kill: the book holds the whole remaining quantity at the order's limit or better. */
export function fillsInFull(order: Order, pair: PairMarket): boolean {
  const buy = order.request.side === 'buy';
  let need = order.request.viqc ? 1n : remaining(order);
  let budget = order.request.viqc ? order.request.volume : 0n;
  for (const level of (buy ? pair.book.asks : pair.book.bids).levels) {
    const limit = order.limitTick;
    if (limit !== undefined && (buy ? level.tick > limit : level.tick < limit)) break;
    if (order.request.viqc) {
      budget -= quoteCost(pair.spec, level.tick, level.qty);
      if (budget <= 0n) return true;
      continue;
    }
    need -= level.qty;
    if (need <= 0n) return true;
  }
  return false;
}

/**
 * Base units a buy can still pay for at `tick` (taker fee included) out of `spendable` quote (its own hold
 * plus what no other order reserves). A triggered stop reserves at its trigger price but sweeps the book at
 * market, so without this cap it could spend more than the account has.
 */
export function affordableQty(
  order: Order,
  pair: PairMarket,
  tick: number,
  spendable: bigint,
  takerBps: bigint,
): bigint {
  if (spendable <= 0n) return 0n;
  const feeShare = order.request.feeInBase ? 0n : takerBps;
  // Leave one unit of slack per fill for rounding.
  const budget = ((spendable - 1n) * 10000n) / (10000n + feeShare);
  return budget > 0n ? qtyForBudget(pair.spec, tick, budget) : 0n;
}
