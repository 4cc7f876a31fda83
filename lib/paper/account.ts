// The paper account's commands: open, place, cancel, expire. Pure functions of (state, input, now, newId): no clock,
// no randomness, no browser API. Each returns a new state and leaves the one passed in untouched (a refusal
// returns the very same object), so the worker saves only what changed.
import { cmp, isDecimalText, normalize } from '../kraken/pairs/exact.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { FillView, OrderView } from '../orders/types.ts';
import { placeCloses } from './close.ts';
import { closeOrder, type FillContext } from './execute.ts';
import { placeOn } from './place.ts';
import {
  type NewId,
  PAPER_STATE_VERSION,
  type PaperMarket,
  type PaperOrder,
  PaperOrderRefused,
  type PaperOrderRequest,
  type PaperResult,
  type PaperState,
} from './types.ts';
import { orderView } from './views.ts';

export const DEFAULT_FUNDING: Readonly<Record<string, Decimal>> = { USD: '10000' };

/** A fresh account holding `funding` (v2 asset names). Resetting the account is making a new one. */
export function initialPaperState(
  funding: Readonly<Record<string, Decimal>> = DEFAULT_FUNDING,
  now: number,
): PaperState {
  const balances: Record<string, Decimal> = {};
  for (const [asset, amount] of Object.entries(funding)) {
    if (!isDecimalText(amount) || cmp(amount, '0') < 0) {
      throw new RangeError(
        `paper funding for ${asset} must be a non-negative decimal, got ${JSON.stringify(amount)}`,
      );
    }
    balances[asset] = normalize(amount);
  }
  return { version: PAPER_STATE_VERSION, createdAt: now, balances, open: [], closed: [], fills: [] };
}

export interface PaperPlacement {
  state: PaperState;
  result: PaperResult;
  /** Fills made right away (market, marketable limit, stop triggered on placement), oldest first. */
  fills: FillView[];
}

const findByClOrdId = (state: PaperState, clOrdId: string): PaperOrder | undefined =>
  state.open.find((o) => o.clOrdId === clOrdId) ?? state.closed.find((o) => o.clOrdId === clOrdId);

/**
 * Places an order. Idempotent by `clOrdId`: if an order with that id is open or among the last closed ones,
 * it is returned as it is now and nothing changes (a retry after a lost answer never trades twice). A
 * refused order is not recorded, as Kraken records no order for a rejected AddOrder; the same clOrdId can
 * then be placed again.
 */
export function placePaperOrder(
  state: PaperState,
  req: PaperOrderRequest,
  market: PaperMarket,
  now: number,
  newId: NewId,
): PaperPlacement {
  const existing = findByClOrdId(state, req.clOrdId);
  if (existing) return { state, result: { ok: true, order: orderView(existing) }, fills: [] };
  const draft = structuredClone(state);
  const ctx: FillContext = { state: draft, rules: market.rules, newId, fills: [] };
  try {
    const order = placeOn(ctx, req, market, now);
    placeCloses(ctx, market.rules, market.book, market.lastTrade, now);
    return { state: draft, result: { ok: true, order: orderView(order) }, fills: ctx.fills };
  } catch (error) {
    if (error instanceof PaperOrderRefused)
      return { state, result: { ok: false, error: error.toRefusal() }, fills: [] };
    throw error;
  }
}

export interface PaperCancel {
  state: PaperState;
  result: PaperResult;
}

/**
 * Cancels one open order; its hold is released with it (holds are the open orders' own, balances.ts).
 * "User requested" is the reason Kraken gives a closed order canceled by its owner.
 */
export function cancelPaperOrder(state: PaperState, orderId: string, now: number): PaperCancel {
  const index = state.open.findIndex((o) => o.id === orderId);
  if (index < 0) {
    const closed = state.closed.find((o) => o.id === orderId);
    return {
      state,
      result: {
        ok: false,
        error: {
          code: 'EOrder:Unknown order',
          message: closed
            ? `That order is already ${closed.status === 'filled' ? 'filled' : 'closed'}.`
            : 'There is no open paper order with that id.',
        },
      },
    };
  }
  const draft = structuredClone(state);
  const order = draft.open[index] as PaperOrder;
  closeOrder(draft, order, 'canceled', 'User requested', now);
  return { state: draft, result: { ok: true, order: orderView(order) } };
}

/** Cancels every open order, or every open order of one pair. */
export function cancelAllPaper(
  state: PaperState,
  symbol?: string,
  now?: number,
): { state: PaperState; canceled: OrderView[] } {
  const hit = (o: PaperOrder) => symbol === undefined || o.symbol === symbol;
  if (!state.open.some(hit)) return { state, canceled: [] };
  const draft = structuredClone(state);
  const canceled: OrderView[] = [];
  for (const order of draft.open.filter(hit)) {
    closeOrder(draft, order, 'canceled', 'User requested', now);
    canceled.push(orderView(order));
  }
  return { state: draft, canceled };
}

/** Closes the open orders whose good-till-date expiry has come (Kraken's status `expired`). */
export function expirePaper(state: PaperState, now: number): { state: PaperState; expired: OrderView[] } {
  const due = (o: PaperOrder) => o.expiresAt !== undefined && o.expiresAt <= now;
  if (!state.open.some(due)) return { state, expired: [] };
  const draft = structuredClone(state);
  const expired: OrderView[] = [];
  for (const order of draft.open.filter(due)) {
    closeOrder(draft, order, 'expired', 'Expired: its good-till-date time came', now);
    expired.push(orderView(order));
  }
  return { state: draft, expired };
}

/** When the next open order expires (ms), if any does. */
export function nextExpiry(state: PaperState): number | undefined {
  let next: number | undefined;
  for (const o of state.open)
    if (o.expiresAt !== undefined && (next === undefined || o.expiresAt < next)) next = o.expiresAt;
  return next;
}
