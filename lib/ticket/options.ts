// The ticket's checks beyond the pair rules validateOrder applies: what the market takes now, the background's
// length limit on every typed price, trailing offsets, time in force (IOC and FOK for limits, never post-only;
// a GTD expiry), post-only limits that would cross, stops already past their trigger, and the attached close.

import { translator } from '../i18n/translate.ts';
import {
  cmp,
  type Exact,
  format,
  isMultipleOf,
  isPositive,
  significantDecimals,
} from '../kraken/pairs/exact.ts';
import type { TicketOrderType } from '../orders/types.ts';
import { gateRefusal, marketGate } from './market-status.ts';
import { PLAIN, plural, positive, tooLong, tooLongMessage } from './numbers.ts';
import { type Basis, hasFixedTrigger, offsetOf, offsetProblem, priceFieldsOf, takingSide } from './price.ts';
import type { TicketContext, TicketDraft, TicketField, TicketProblem, TicketProblemCode } from './types.ts';

/** Kraken keeps a good-till-date order for at most a month (WS v2 add_order `expire_time`, SPEC.md §5). */
export const MAX_EXPIRY_MS = 30 * 24 * 60 * 60_000;
/** An expiry closer than this would lapse on its way. */
const MIN_EXPIRY_MS = 60_000;

const LABEL: Partial<Record<TicketField, string>> = {
  limitPrice: 'A limit price',
  triggerPrice: 'A trigger price',
  trailOffset: 'A trailing offset',
  limitOffset: 'A limit offset',
  closePrice: 'A close price',
};

/** The expiry a datetime-local text names (local time), or undefined when it names none. */
export function expiryOf(text: string): number | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(text.trim())) return undefined;
  const at = new Date(text.trim()).getTime();
  return Number.isFinite(at) ? at : undefined;
}

/** Stops (loss and trailing) fire when the price moves against the side; take-profits the other way. */
export const firesOnFall = (type: TicketOrderType, side: 'buy' | 'sell'): boolean =>
  (type !== 'take-profit' && type !== 'take-profit-limit') === (side === 'sell');

export function optionProblems(draft: TicketDraft, ctx: TicketContext, basis: Basis): TicketProblem[] {
  const { rules } = ctx;
  const problems: TicketProblem[] = [];
  const error = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'error' });
  const warn = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'warning' });
  const isLimit = draft.type === 'limit';

  const refusal = gateRefusal(
    marketGate(rules.symbol, rules.status, ctx.system, translator(ctx.locale ?? 'en')),
    draft.type,
    draft.postOnly,
  );
  if (refusal) error('pair', 'market-status', refusal);

  const fields = priceFieldsOf(draft);
  if (draft.closeType !== 'none') fields.push('closePrice');
  for (const field of fields) {
    const long = tooLong(draft[field as 'limitPrice']);
    if (long) error(field, 'too-long', tooLongMessage(LABEL[field] ?? 'A price', long));
  }

  for (const [field, unit] of [
    ['trailOffset', draft.trailUnit],
    ['limitOffset', draft.limitOffsetUnit],
  ] as const) {
    if (!fields.includes(field) || tooLong(draft[field])) continue;
    const label = field === 'trailOffset' ? 'trailing offset' : 'limit offset';
    const text = draft[field].trim();
    const offset = offsetOf(text, unit);
    if (text === '') error(field, 'required', `Enter a ${label}.`);
    else if (!PLAIN.test(text)) error(field, 'not-a-number', `The ${label} must be a number like 2.5.`);
    else if (!offset) error(field, 'not-positive', `The ${label} must be above zero.`);
    else if (unit === 'percent') {
      const problem = offsetProblem(offset);
      if (problem) error(field, 'offset', problem);
    } else if (significantDecimals(text) > rules.pairDecimals) {
      error(
        field,
        'too-many-decimals',
        `${rules.symbol} prices take at most ${plural(rules.pairDecimals, 'decimal')}.`,
      );
    } else if (rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(text, rules.tickSize)) {
      error(field, 'tick-size', `The ${label} must be a multiple of ${rules.tickSize} ${rules.quote}.`);
    }
  }

  const tif = draft.timeInForce;
  if (draft.postOnly && !isLimit)
    error('postOnly', 'post-only-limit-only', 'Post-only applies to limit orders only.');
  if (tif === 'IOC' && !isLimit)
    error('timeInForce', 'ioc-limit-only', 'Immediate-or-cancel applies to limit orders only.');
  if (tif === 'FOK' && !isLimit)
    error('timeInForce', 'tif-limit-only', 'Fill-or-kill applies to limit orders only.');
  if (isLimit && draft.postOnly && (tif === 'IOC' || tif === 'FOK')) {
    error(
      'timeInForce',
      'post-only-ioc',
      `A post-only order cannot be ${tif === 'IOC' ? 'immediate-or-cancel' : 'fill-or-kill'}, because it never trades on arrival and would always be cancelled.`,
    );
  }
  if (tif === 'GTD') expiryProblems(draft, ctx, error);

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

  const trigger = positive(draft.triggerPrice);
  const last = positive(ctx.last);
  if (hasFixedTrigger(draft.type) && trigger && last) {
    // Kraken's trigger reference defaults to the last trade price (AddOrder `trigger`).
    const fall = firesOnFall(draft.type, draft.side);
    if (fall ? cmp(last, trigger) <= 0 : cmp(last, trigger) >= 0) {
      warn(
        'triggerPrice',
        'triggers-immediately',
        `The last ${rules.symbol} price ${ctx.last?.trim()} is already at or ${fall ? 'below' : 'above'} this trigger, so the ${draft.type} would fire at once${draft.type.endsWith('-limit') ? '' : ` as a market ${draft.side}`}.`,
      );
    }
  }
  if (draft.closeType !== 'none') closeProblems(draft, ctx, basis, error, warn);
  return problems;
}

type Report = (field: TicketField, code: TicketProblemCode, message: string) => void;

function expiryProblems(draft: TicketDraft, ctx: TicketContext, error: Report): void {
  if (draft.type === 'market') {
    error('timeInForce', 'expiry', 'A market order fills now: it cannot wait for a date.');
    return;
  }
  const text = draft.expiresAt.trim();
  const at = expiryOf(text);
  if (text === '') error('expiresAt', 'required', 'Enter when the order expires.');
  else if (at === undefined) error('expiresAt', 'expiry', 'The expiry must be a date and a time.');
  else if (ctx.now !== undefined && at < ctx.now + MIN_EXPIRY_MS)
    error('expiresAt', 'expiry', 'That time has passed (or is under a minute away): choose a later one.');
  else if (ctx.now !== undefined && at > ctx.now + MAX_EXPIRY_MS)
    error(
      'expiresAt',
      'expiry',
      'Kraken keeps a good-till-date order for at most a month: choose an earlier time.',
    );
}

/**
 * The attached close: its trigger on the pair's grid, and a warning when it is already on the wrong side of the
 * price the order fills at (it would fire as soon as the order has filled).
 */
function closeProblems(
  draft: TicketDraft,
  ctx: TicketContext,
  basis: Basis,
  error: Report,
  warn: Report,
): void {
  const { rules } = ctx;
  const text = draft.closePrice.trim();
  if (tooLong(text)) return;
  const price = positive(text);
  const wrong: [TicketProblemCode, string] | null =
    text === ''
      ? ['required', `Enter the ${draft.closeType}’s trigger price.`]
      : !PLAIN.test(text)
        ? ['not-a-number', 'The close price must be a number like 1234.5.']
        : !price
          ? ['not-positive', 'The close price must be above zero.']
          : significantDecimals(price) > rules.pairDecimals
            ? [
                'too-many-decimals',
                `${rules.symbol} prices take at most ${plural(rules.pairDecimals, 'decimal')}.`,
              ]
            : rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(price, rules.tickSize)
              ? ['tick-size', `The close price must be a multiple of ${rules.tickSize} ${rules.quote}.`]
              : null;
  if (wrong || !price) {
    if (wrong) error('closePrice', ...wrong);
    return;
  }
  const reference: Exact | undefined =
    basis.kind === 'fixed'
      ? basis.price
      : basis.kind === 'book'
        ? positive(basis.levels[0]?.price)
        : undefined;
  if (!reference) return;
  // The close is on the other side: after a buy, a take-profit sells when the price rises to it, a stop-loss
  // when it falls to it.
  const closeSide = draft.side === 'buy' ? 'sell' : 'buy';
  const fall = firesOnFall(draft.closeType === 'stop-loss' ? 'stop-loss' : 'take-profit', closeSide);
  if (fall ? cmp(price, reference) >= 0 : cmp(price, reference) <= 0) {
    warn(
      'closePrice',
      'close-triggers-at-once',
      `This ${draft.closeType} is ${fall ? 'at or above' : 'at or below'} the price the order fills at (about ${format(reference, rules.pairDecimals)} ${rules.quote}), so it would fire as soon as the order has filled.`,
    );
  }
}
