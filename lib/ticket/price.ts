// The price side of the ticket: what an order is estimated at (the live book for market orders; the typed limit
// or trigger; a trailing stop's trigger as it would be now, from the last price), which liquidity its fee
// assumes, and which typed fields carry its prices.
import { type Translate, translator } from '../i18n/translate.ts';
import { cmp, type Exact, isPositive } from '../kraken/pairs/exact.ts';
import { limitFromTrigger, trailingTrigger } from '../orders/offsets.ts';
import type { Level, PriceOffset } from '../orders/types.ts';
import { PLAIN, positive, tooLong } from './numbers.ts';
import type { PriceSource, TicketContext, TicketDraft, TicketField } from './types.ts';

/** Maker only for a post-only limit: anything else may take liquidity, and the preview must not understate. */
export function liquidityOf(draft: TicketDraft): 'maker' | 'taker' {
  return draft.type === 'limit' && draft.postOnly ? 'maker' : 'taker';
}

/** The fee rate the preview assumes for this draft, in percent. */
export function feePercentOf(draft: TicketDraft, ctx: TicketContext): string {
  return liquidityOf(draft) === 'maker' ? ctx.fees.makerPercent : ctx.fees.takerPercent;
}

/** Which rate applies, and why, in a sentence for the preview (in the page's language). */
export function feeNote(draft: TicketDraft, t: Translate = translator('en')): string {
  if (liquidityOf(draft) === 'maker') return t('feeNote.maker');
  switch (draft.type) {
    case 'market':
    case 'stop-loss':
    case 'take-profit':
    case 'trailing-stop':
      return t('feeNote.taker');
    case 'limit':
    case 'stop-loss-limit':
    case 'take-profit-limit':
    case 'trailing-stop-limit':
      return t('feeNote.takerShown');
    default: {
      const never: never = draft.type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

/** The side of the book an order takes from (buy → asks, sell → bids), when the live book has any. */
export function takingSide(draft: TicketDraft, ctx: TicketContext): readonly Level[] | undefined {
  if (!ctx.book || ctx.book.symbol !== ctx.rules.symbol) return undefined;
  const levels = draft.side === 'buy' ? ctx.book.asks : ctx.book.bids;
  return levels.length > 0 ? levels : undefined;
}

export type Basis =
  | { kind: 'fixed'; price: Exact; source: PriceSource }
  | { kind: 'book'; levels: readonly Level[] }
  | { kind: 'none' };

/** A typed offset as the order carries it, when it is a plain number above zero. */
export function offsetOf(value: string, unit: PriceOffset['unit']): PriceOffset | undefined {
  const v = positive(value);
  return v ? { value: value.trim(), unit } : undefined;
}

/**
 * A trailing stop's trigger if it were placed now: the last price less (sell) or plus (buy) its offset. It
 * follows the market from there, so the estimate is what it would be at today's price.
 */
export function trailingEstimate(draft: TicketDraft, ctx: TicketContext): Exact | undefined {
  const last = positive(ctx.last);
  const offset = offsetOf(draft.trailOffset, draft.trailUnit);
  if (!last || !offset || offsetProblem(offset) !== null) return undefined;
  const trigger = trailingTrigger(draft.side, offset, last, ctx.rules);
  return isPositive(trigger) ? trigger : undefined;
}

/** What is wrong with an offset as such (a percentage of 100 or more, or finer than 0.01 %), or null. */
export function offsetProblem(
  offset: PriceOffset,
): 'ticketProblem.percentDecimals' | 'ticketProblem.percentBelow100' | null {
  if (offset.unit !== 'percent') return null;
  if (!PLAIN.test(offset.value) || tooLong(offset.value) !== null) return null;
  const [, fraction = ''] = offset.value.split('.');
  if (fraction.replace(/0+$/, '').length > 2) return 'ticketProblem.percentDecimals';
  if (cmp(offset.value, '100') >= 0) return 'ticketProblem.percentBelow100';
  return null;
}

/** The price an order is estimated at: the book for market orders (else the last price), the typed price. */
export function basisOf(draft: TicketDraft, ctx: TicketContext): Basis {
  const fixed = (price: Exact | undefined, source: PriceSource): Basis =>
    price ? { kind: 'fixed', price, source } : { kind: 'none' };
  const type = draft.type;
  switch (type) {
    case 'limit':
    case 'stop-loss-limit':
    case 'take-profit-limit':
      // The -limit forms fill at their limit or better: the limit is what they are worth at most (buy) or least.
      return fixed(positive(draft.limitPrice), 'limit');
    case 'stop-loss':
    case 'take-profit':
      return fixed(positive(draft.triggerPrice), 'trigger');
    case 'trailing-stop':
      return fixed(trailingEstimate(draft, ctx), 'trail');
    case 'trailing-stop-limit': {
      const trigger = trailingEstimate(draft, ctx);
      const offset = offsetOf(draft.limitOffset, draft.limitOffsetUnit);
      const limit = trigger && offset && limitFromTrigger(draft.side, offset, trigger, ctx.rules);
      return fixed(limit && isPositive(limit) ? limit : undefined, 'trail');
    }
    case 'market': {
      const levels = takingSide(draft, ctx);
      if (levels) return { kind: 'book', levels };
      return fixed(positive(ctx.last), 'last');
    }
    default: {
      const never: never = type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

/** The typed price fields each type reads, in the order the form shows them. */
export function priceFieldsOf(draft: Pick<TicketDraft, 'type'>): TicketField[] {
  switch (draft.type) {
    case 'market':
      return [];
    case 'limit':
      return ['limitPrice'];
    case 'stop-loss':
    case 'take-profit':
      return ['triggerPrice'];
    case 'stop-loss-limit':
    case 'take-profit-limit':
      return ['triggerPrice', 'limitPrice'];
    case 'trailing-stop':
      return ['trailOffset'];
    case 'trailing-stop-limit':
      return ['trailOffset', 'limitOffset'];
    default: {
      const never: never = draft.type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

/** The trigger-type orders with a fixed trigger price (a warning when the last price is already past it). */
export const hasFixedTrigger = (type: TicketDraft['type']): boolean =>
  type === 'stop-loss' ||
  type === 'take-profit' ||
  type === 'stop-loss-limit' ||
  type === 'take-profit-limit';
