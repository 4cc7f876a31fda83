// The price side of the ticket: what an order is estimated at (the live book for market orders, else the
// typed limit or trigger, else the last price), which liquidity it takes, and the checks on the price, the
// trigger and the limit-only options (post-only, immediate-or-cancel).
import { cmp, type Exact } from '../kraken/pairs/exact.ts';
import type { Level } from '../orders/types.ts';
import { positive, tooLong, tooLongMessage } from './numbers.ts';
import type {
  PriceSource,
  TicketContext,
  TicketDraft,
  TicketField,
  TicketProblem,
  TicketProblemCode,
} from './types.ts';

/** Maker only for a post-only limit: anything else may take liquidity, and the preview must not understate. */
export function liquidityOf(draft: TicketDraft): 'maker' | 'taker' {
  return draft.type === 'limit' && draft.postOnly ? 'maker' : 'taker';
}

/** The fee rate the preview assumes for this draft, in percent. */
export function feePercentOf(draft: TicketDraft, ctx: TicketContext): string {
  return liquidityOf(draft) === 'maker' ? ctx.fees.makerPercent : ctx.fees.takerPercent;
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

/** The price an order is estimated at: the book for market orders (else the last price), the typed price. */
export function basisOf(draft: TicketDraft, ctx: TicketContext): Basis {
  const type = draft.type;
  switch (type) {
    case 'limit': {
      const price = positive(draft.limitPrice);
      return price ? { kind: 'fixed', price, source: 'limit' } : { kind: 'none' };
    }
    case 'stop-loss':
    case 'take-profit': {
      const price = positive(draft.triggerPrice);
      return price ? { kind: 'fixed', price, source: 'trigger' } : { kind: 'none' };
    }
    case 'stop-loss-limit':
    case 'take-profit-limit':
    case 'trailing-stop':
    case 'trailing-stop-limit':
      return { kind: 'none' }; // not offered by the ticket yet
    case 'market': {
      const levels = takingSide(draft, ctx);
      if (levels) return { kind: 'book', levels };
      const last = positive(ctx.last);
      return last ? { kind: 'fixed', price: last, source: 'last' } : { kind: 'none' };
    }
    default: {
      const never: never = type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

/** The field holding the typed price (limit or trigger), or undefined for a market order. */
export function priceFieldOf(draft: TicketDraft): 'limitPrice' | 'triggerPrice' | undefined {
  if (draft.type === 'market') return undefined;
  return draft.type === 'limit' ? 'limitPrice' : 'triggerPrice';
}

/**
 * The checks on the price, the trigger and the options. A typed price longer than the background accepts is an
 * error here (and counts as no price for the estimate). A post-only limit that would cross the book is an
 * error: Kraken would cancel it (AddOrder `post`). Post-only and IOC apply to limit orders only, and a post-only
 * IOC order could never trade. A stop whose trigger the last price has already reached is a warning: it fires
 * at once as a market order, which may be what the person wants (get out now).
 */
export function priceProblems(draft: TicketDraft, ctx: TicketContext, basis: Basis): TicketProblem[] {
  const { rules } = ctx;
  const problems: TicketProblem[] = [];
  const error = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'error' });
  const isLimit = draft.type === 'limit';

  const priceField = priceFieldOf(draft);
  const long = priceField && tooLong(draft[priceField]);
  if (priceField && long) {
    error(priceField, 'too-long', tooLongMessage(isLimit ? 'A limit price' : 'A trigger price', long));
  }

  if (draft.postOnly && !isLimit)
    error('postOnly', 'post-only-limit-only', 'Post-only applies to limit orders only.');
  if (draft.timeInForce === 'IOC' && !isLimit) {
    error('timeInForce', 'ioc-limit-only', 'Immediate-or-cancel applies to limit orders only.');
  }
  if (isLimit && draft.postOnly && draft.timeInForce === 'IOC') {
    error(
      'timeInForce',
      'post-only-ioc',
      'A post-only order cannot be immediate-or-cancel, because it never trades on arrival and would always be cancelled.',
    );
  }
  if (isLimit && draft.postOnly && basis.kind === 'fixed') {
    const best = takingSide(draft, ctx)?.[0];
    const crosses =
      best && (draft.side === 'buy' ? cmp(basis.price, best.price) >= 0 : cmp(basis.price, best.price) <= 0);
    if (best && crosses) {
      error(
        'postOnly',
        'post-only-would-cross',
        `A post-only ${draft.side} at ${draft.limitPrice.trim()} would trade at once against the best ${draft.side === 'buy' ? 'ask' : 'bid'} of ${best.price} ${rules.quote}, so Kraken would cancel it.`,
      );
    }
  }
  if ((draft.type === 'stop-loss' || draft.type === 'take-profit') && basis.kind === 'fixed') {
    const last = positive(ctx.last);
    // A stop-loss sell / take-profit buy fires when the last price falls to the trigger; the other two
    // when it rises to it (Kraken's trigger reference defaults to the last trade price, AddOrder `trigger`).
    const firesOnFall = (draft.type === 'stop-loss') === (draft.side === 'sell');
    if (last && (firesOnFall ? cmp(last, basis.price) <= 0 : cmp(last, basis.price) >= 0)) {
      problems.push({
        field: 'triggerPrice',
        code: 'triggers-immediately',
        message: `The last ${rules.symbol} price ${ctx.last?.trim()} is already at or ${firesOnFall ? 'below' : 'above'} this trigger, so the ${draft.type} would fire at once as a market ${draft.side}.`,
        level: 'warning',
      });
    }
  }
  return problems;
}
