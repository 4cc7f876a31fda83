// The ticket's checks beyond the pair rules validateOrder applies: what the market takes now, the background's
// length limit on every typed price, trailing offsets, time in force (IOC and FOK for limits, never post-only;
// a GTD expiry), post-only limits that would cross, stops already past their trigger, and the attached close.

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
import { type LongField, PLAIN, positive, tooLong, tooLongMessage, type Voice, voiceOf } from './numbers.ts';
import { type Basis, hasFixedTrigger, offsetOf, offsetProblem, priceFieldsOf, takingSide } from './price.ts';
import type { TicketContext, TicketDraft, TicketField, TicketProblem, TicketProblemCode } from './types.ts';

/** Kraken keeps a good-till-date order for at most a month (WS v2 add_order `expire_time`, SPEC.md §5). */
export const MAX_EXPIRY_MS = 30 * 24 * 60 * 60_000;
/** An expiry closer than this would lapse on its way. */
const MIN_EXPIRY_MS = 60_000;

/** The typed prices whose length is checked here (the amount's is checked in amount.ts). */
const isLongField = (field: TicketField): field is LongField =>
  field === 'limitPrice' ||
  field === 'triggerPrice' ||
  field === 'trailOffset' ||
  field === 'limitOffset' ||
  field === 'closePrice';

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
  const voice = voiceOf(ctx);
  const { t, n } = voice;
  const problems: TicketProblem[] = [];
  const error = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'error' });
  const warn = (field: TicketField, code: TicketProblemCode, message: string) =>
    problems.push({ field, code, message, level: 'warning' });
  const isLimit = draft.type === 'limit';

  const refusal = gateRefusal(
    marketGate(rules.symbol, rules.status, ctx.system, t),
    draft.type,
    draft.postOnly,
  );
  if (refusal) error('pair', 'market-status', refusal);

  const fields = priceFieldsOf(draft);
  if (draft.closeType !== 'none') fields.push('closePrice');
  for (const field of fields) {
    const long = tooLong(draft[field as 'limitPrice']);
    if (long && isLongField(field)) error(field, 'too-long', tooLongMessage(field, long, t));
  }

  for (const [field, unit] of [
    ['trailOffset', draft.trailUnit],
    ['limitOffset', draft.limitOffsetUnit],
  ] as const) {
    if (!fields.includes(field) || tooLong(draft[field])) continue;
    const text = draft[field].trim();
    const offset = offsetOf(text, unit);
    if (text === '') error(field, 'required', t(`ticketProblem.${field}.required`));
    else if (!PLAIN.test(text))
      error(field, 'not-a-number', t(`ticketProblem.${field}.notANumber`, { example: n('2.5') }));
    else if (!offset) error(field, 'not-positive', t(`ticketProblem.${field}.notPositive`));
    else if (unit === 'percent') {
      const problem = offsetProblem(offset);
      if (problem) error(field, 'offset', t(problem));
    } else if (significantDecimals(text) > rules.pairDecimals) {
      error(
        field,
        'too-many-decimals',
        t('problem.price.decimals', { symbol: rules.symbol, count: rules.pairDecimals }),
      );
    } else if (rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(text, rules.tickSize)) {
      error(
        field,
        'tick-size',
        t(`ticketProblem.${field}.tick`, { tick: n(rules.tickSize), quote: rules.quote }),
      );
    }
  }

  const tif = draft.timeInForce;
  if (draft.postOnly && !isLimit)
    error('postOnly', 'post-only-limit-only', t('ticketProblem.postOnlyLimitOnly'));
  if (tif === 'IOC' && !isLimit) error('timeInForce', 'ioc-limit-only', t('ticketProblem.iocLimitOnly'));
  if (tif === 'FOK' && !isLimit) error('timeInForce', 'tif-limit-only', t('ticketProblem.fokLimitOnly'));
  if (isLimit && draft.postOnly && (tif === 'IOC' || tif === 'FOK')) {
    error(
      'timeInForce',
      'post-only-ioc',
      t(tif === 'IOC' ? 'ticketProblem.postOnlyIoc' : 'ticketProblem.postOnlyFok'),
    );
  }
  if (tif === 'GTD') expiryProblems(draft, ctx, error, voice);

  if (isLimit && draft.postOnly && basis.kind === 'fixed') {
    const best = takingSide(draft, ctx)?.[0];
    const crosses =
      best && (draft.side === 'buy' ? cmp(basis.price, best.price) >= 0 : cmp(basis.price, best.price) <= 0);
    if (best && crosses) {
      error(
        'postOnly',
        'post-only-would-cross',
        t(draft.side === 'buy' ? 'ticketProblem.postOnlyCross.buy' : 'ticketProblem.postOnlyCross.sell', {
          price: n(draft.limitPrice.trim()),
          best: n(best.price),
          quote: rules.quote,
        }),
      );
    }
  }

  const trigger = positive(draft.triggerPrice);
  const last = positive(ctx.last);
  if (hasFixedTrigger(draft.type) && trigger && last) {
    // Kraken's trigger reference defaults to the last trade price (AddOrder `trigger`).
    const fall = firesOnFall(draft.type, draft.side);
    if (fall ? cmp(last, trigger) <= 0 : cmp(last, trigger) >= 0) {
      const said = {
        symbol: rules.symbol,
        last: n(ctx.last?.trim() ?? ''),
        type: t(`order.type.${draft.type}`),
      };
      const key = draft.type.endsWith('-limit')
        ? fall
          ? 'ticketProblem.triggerNow.below'
          : 'ticketProblem.triggerNow.above'
        : fall
          ? draft.side === 'buy'
            ? 'ticketProblem.triggerNow.below.buy'
            : 'ticketProblem.triggerNow.below.sell'
          : draft.side === 'buy'
            ? 'ticketProblem.triggerNow.above.buy'
            : 'ticketProblem.triggerNow.above.sell';
      warn('triggerPrice', 'triggers-immediately', t(key, said));
    }
  }
  if (draft.closeType !== 'none') closeProblems(draft, ctx, basis, { error, warn }, voice);
  return problems;
}

type Report = (field: TicketField, code: TicketProblemCode, message: string) => void;

function expiryProblems(draft: TicketDraft, ctx: TicketContext, error: Report, { t }: Voice): void {
  if (draft.type === 'market') {
    error('timeInForce', 'expiry', t('ticketProblem.expiry.market'));
    return;
  }
  const text = draft.expiresAt.trim();
  const at = expiryOf(text);
  if (text === '') error('expiresAt', 'required', t('ticketProblem.expiry.required'));
  else if (at === undefined) error('expiresAt', 'expiry', t('ticketProblem.expiry.notATime'));
  else if (ctx.now !== undefined && at < ctx.now + MIN_EXPIRY_MS)
    error('expiresAt', 'expiry', t('ticketProblem.expiry.past'));
  else if (ctx.now !== undefined && at > ctx.now + MAX_EXPIRY_MS)
    error('expiresAt', 'expiry', t('ticketProblem.expiry.tooFar'));
}

/**
 * The attached close: its trigger on the pair's grid, and a warning when it is already on the wrong side of the
 * price the order fills at (it would fire as soon as the order has filled).
 */
function closeProblems(
  draft: TicketDraft,
  ctx: TicketContext,
  basis: Basis,
  { error, warn }: { error: Report; warn: Report },
  { t, n }: Voice,
): void {
  const { rules } = ctx;
  const text = draft.closePrice.trim();
  if (tooLong(text)) return;
  const price = positive(text);
  const type = t(draft.closeType === 'stop-loss' ? 'order.type.stop-loss' : 'order.type.take-profit');
  const wrong: [TicketProblemCode, string] | null =
    text === ''
      ? ['required', t('ticketProblem.close.required', { type })]
      : !PLAIN.test(text)
        ? ['not-a-number', t('ticketProblem.close.notANumber', { example: n('1234.5') })]
        : !price
          ? ['not-positive', t('ticketProblem.close.notPositive')]
          : significantDecimals(price) > rules.pairDecimals
            ? [
                'too-many-decimals',
                t('problem.price.decimals', { symbol: rules.symbol, count: rules.pairDecimals }),
              ]
            : rules.tickSize && isPositive(rules.tickSize) && !isMultipleOf(price, rules.tickSize)
              ? ['tick-size', t('ticketProblem.close.tick', { tick: n(rules.tickSize), quote: rules.quote })]
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
      t(fall ? 'ticketProblem.close.atOnce.above' : 'ticketProblem.close.atOnce.below', {
        type,
        price: n(format(reference, rules.pairDecimals)),
        quote: rules.quote,
      }),
    );
  }
}
