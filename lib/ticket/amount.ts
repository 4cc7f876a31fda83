// The amount side of the ticket: the typed amount (base, or quote to spend / receive) turned into base volume
// and cost at the estimate's price, and the checks only a ticket can make on it (a quote amount's own format
// and minimum, no price to convert at, the background's length limit, an estimate off the live book).
import { formatDecimal } from '../format/number.ts';
import {
  add,
  cmp,
  div,
  type Exact,
  exact,
  format,
  isPositive,
  mul,
  significantDecimals,
  sub,
} from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { walkBook } from '../orders/book-walk.ts';
import { DECIMAL_LIMITS } from '../orders/parse.ts';
import { PLAIN, positive, tooLong, tooLongMessage, voiceOf } from './numbers.ts';
import type { Basis } from './price.ts';
import type { PriceSource, TicketContext, TicketDraft, TicketProblem, TicketProblemCode } from './types.ts';

export interface Estimate {
  /** Base, at most lot decimals. */
  volume: Exact;
  /** Quote, unrounded. */
  cost: Exact;
  price: Exact;
  source: PriceSource;
  exhausted: boolean;
}

/**
 * Volume and cost for `amount` (base, or quote to spend / receive). A quote amount becomes base rounded DOWN
 * to the lot, so the order never costs more than typed. Beyond the visible book the rest is priced at its
 * last (worst) level: an estimate, flagged by `exhausted`.
 */
export function estimate(
  basis: Basis,
  amountIn: 'base' | 'quote',
  amount: Exact,
  rules: PairRules,
): Estimate | undefined {
  const lot = rules.lotDecimals;
  if (basis.kind === 'none') return undefined;
  if (basis.kind === 'fixed') {
    const volume = amountIn === 'base' ? amount : div(amount, basis.price, lot, 'down');
    return {
      volume,
      cost: mul(volume, basis.price),
      price: basis.price,
      source: basis.source,
      exhausted: false,
    };
  }
  const { levels } = basis;
  const walk = walkBook(levels, format(amount), {
    in: amountIn,
    lotDecimals: lot,
    priceDecimals: rules.pairDecimals,
  });
  let volume = exact(walk.filled);
  let cost = exact(walk.cost);
  const worst = levels[levels.length - 1]?.price ?? '0';
  if (walk.exhausted) {
    const extra = amountIn === 'base' ? sub(amount, volume) : div(sub(amount, cost), worst, lot, 'down');
    volume = add(volume, extra);
    cost = add(cost, mul(extra, worst));
  }
  const price = isPositive(volume)
    ? div(cost, volume, rules.pairDecimals, 'half-up')
    : exact(levels[0]?.price ?? worst);
  return { volume, cost, price, source: 'book', exhausted: walk.exhausted };
}

export interface AmountCheck {
  /** The estimate, when the amount and a price are known. */
  est: Estimate | undefined;
  /** The base volume for validateOrder: as typed for base amounts, derived for quote amounts ('' if none). */
  volumeText: string;
  /** True when the amount's own problems are all here: validateOrder's volume problems are not shown. */
  judged: boolean;
  problems: TicketProblem[];
}

/**
 * Checks the amount and estimates the order. Base amounts are checked by validateOrder (lot decimals,
 * minimum); quote amounts here, since validateOrder only sees the volume derived from them.
 */
export function checkAmount(draft: TicketDraft, ctx: TicketContext, basis: Basis): AmountCheck {
  const { rules } = ctx;
  const { t, n, locale } = voiceOf(ctx);
  const problems: TicketProblem[] = [];
  const error = (code: TicketProblemCode, message: string) =>
    problems.push({ field: 'amount', code, message, level: 'error' });
  const isLimit = draft.type === 'limit';
  let est: Estimate | undefined;
  let volumeText = draft.amount;
  const noPrice = () => {
    if (draft.type === 'market') {
      error('no-price', t('ticketProblem.noPrice.market', { symbol: rules.symbol }));
    } else if (draft.amountIn === 'quote') {
      const key = isLimit ? 'ticketProblem.noPrice.limit' : 'ticketProblem.noPrice.trigger';
      error('no-price', t(key, { quote: rules.quote, base: rules.base }));
    }
  };
  const long = tooLong(draft.amount);
  if (long) {
    error('too-long', tooLongMessage('amount', long, t));
    return { est, volumeText: '', judged: true, problems };
  }
  if (draft.amountIn === 'base') {
    const volume = positive(draft.amount);
    if (volume && significantDecimals(volume) <= rules.lotDecimals) {
      est = estimate(basis, 'base', volume, rules);
      if (!est) noPrice();
    }
  } else {
    volumeText = '';
    const text = draft.amount.trim();
    const cd = rules.costDecimals;
    if (text === '') error('required', t('problem.amount.required'));
    else if (!PLAIN.test(text)) error('not-a-number', t('problem.amount.notANumber', { example: n('25.5') }));
    else if (!isPositive(text)) error('not-positive', t('problem.amount.notPositive'));
    else if (significantDecimals(text) > cd) {
      error(
        'too-many-decimals',
        t('ticketProblem.quoteDecimals', { symbol: rules.symbol, quote: rules.quote, count: cd }),
      );
    } else {
      est = estimate(basis, 'quote', exact(text), rules);
      if (!est) noPrice();
      else {
        const volume = format(est.volume, rules.lotDecimals);
        const tooSmall = !isPositive(est.volume) || (rules.ordermin && cmp(est.volume, rules.ordermin) < 0);
        const derivedLong = tooLong(volume);
        const said = { symbol: rules.symbol, amount: n(text), quote: rules.quote, base: rules.base };
        if (tooSmall) {
          error(
            'below-minimum',
            rules.ordermin
              ? t('ticketProblem.quoteBelowMinimum', {
                  ...said,
                  min: formatDecimal(rules.ordermin, { locale, grouping: false }),
                  volume: n(volume),
                })
              : t('ticketProblem.quoteBelowLot', {
                  ...said,
                  lot: n(format({ units: 1n, scale: rules.lotDecimals })),
                }),
          );
        } else if (derivedLong) {
          error(
            'too-long',
            derivedLong === 'integer'
              ? t('ticketProblem.quoteTooLong.integer', {
                  ...said,
                  volume: n(volume),
                  count: DECIMAL_LIMITS.integerDigits,
                })
              : t('ticketProblem.quoteTooLong.fraction', {
                  ...said,
                  volume: n(volume),
                  count: DECIMAL_LIMITS.fractionDigits,
                }),
          );
        } else volumeText = volume;
      }
    }
  }

  if (basis.kind === 'fixed' && basis.source === 'last' && est) {
    problems.push({
      field: 'amount',
      code: 'rough-estimate',
      message: t('ticketProblem.roughEstimate', {
        symbol: rules.symbol,
        price: n(format(basis.price, rules.pairDecimals)),
      }),
      level: 'warning',
    });
  }
  if (est?.exhausted && basis.kind === 'book') {
    const worst = basis.levels[basis.levels.length - 1]?.price ?? '';
    problems.push({
      field: 'amount',
      code: 'beyond-visible-book',
      message: t('ticketProblem.beyondBook', { symbol: rules.symbol, price: n(worst), quote: rules.quote }),
      level: 'warning',
    });
  }
  return { est, volumeText, judged: draft.amountIn === 'quote', problems };
}
