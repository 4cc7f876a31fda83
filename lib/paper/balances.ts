// Balances and holds. Holds are never stored per asset: each open order carries its own, and the asset's
// hold is their sum. Closing an order (fill, cancel) therefore releases exactly what it held — there is no
// second number to keep in step. available = total − hold (Kraken's BalanceEx: balance − hold_trade, SPEC.md §1.3).
import { add, cmp, type Exact, exact, normalize, sub } from '../kraken/pairs/exact.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { PaperOrder, PaperState } from './types.ts';
import { PaperOrderRefused } from './types.ts';

/** The asset an order holds: quote for a buy (cost + fee), base for a sell. */
export const holdAsset = (o: Pick<PaperOrder, 'side' | 'base' | 'quote'>): string =>
  o.side === 'buy' ? o.quote : o.base;

export function totalOf(state: PaperState, asset: string): Exact {
  return exact(state.balances[asset] ?? '0');
}

export function holdOf(state: PaperState, asset: string): Exact {
  let sum = exact('0');
  for (const o of state.open) if (holdAsset(o) === asset) sum = add(sum, o.hold);
  return sum;
}

export function availableOf(state: PaperState, asset: string): Exact {
  return sub(totalOf(state, asset), holdOf(state, asset));
}

/** Adds (or with a negative amount, takes) to an asset's total. Mutates `state`; callers work on a copy. */
export function credit(state: PaperState, asset: string, amount: Exact | Decimal): void {
  const next = add(totalOf(state, asset), amount);
  // A negative total would be a bug in the engine (every debit is checked or held first): fail loudly.
  if (cmp(next, '0') < 0) throw new RangeError(`paper ${asset} balance would go negative`);
  state.balances[asset] = normalize(next);
}

/** Refuses with Kraken's `EOrder:Insufficient funds`, naming the asset, the need and what is available. */
export function requireAvailable(state: PaperState, asset: string, need: Exact | Decimal, why: string): void {
  const have = availableOf(state, asset);
  if (cmp(have, need) >= 0) return;
  throw new PaperOrderRefused(
    'EOrder:Insufficient funds',
    `Not enough ${asset}: ${why} needs ${normalize(need)} ${asset} and ${normalize(have)} ${asset} is available.`,
  );
}
