// What the engine says: Kraken's refusals, the events the `executions` feed is built from, a placement's result.
import type { LedgerEntry } from '../account/wallet.ts';
import type { Fill, Order } from './order.ts';

/** Kraken's refusals for orders (https://docs.kraken.com/api/docs/guides/spot-errors). */
export const OrderError = {
  insufficientFunds: 'EOrder:Insufficient funds',
  postOnly: 'EOrder:Post only order',
  unknownOrder: 'EOrder:Unknown order',
} as const;

/** Everything that happens to an order, in order: the WS `executions` feed is built from these. */
export type EngineEvent =
  | { readonly kind: 'new'; readonly order: Order }
  | { readonly kind: 'fill'; readonly fill: Fill }
  | { readonly kind: 'filled'; readonly order: Order }
  | { readonly kind: 'canceled'; readonly order: Order }
  | { readonly kind: 'expired'; readonly order: Order }
  | { readonly kind: 'amended'; readonly order: Order }
  | { readonly kind: 'triggered'; readonly order: Order }
  | { readonly kind: 'ledger'; readonly entry: LedgerEntry };

export type EngineListener = (event: EngineEvent) => void;

export type PlaceResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly error: string };
