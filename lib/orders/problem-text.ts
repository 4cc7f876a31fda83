// validateOrder's problems (codes with their values, lib/kraken/pairs/validate.ts) as texts to show, in the
// catalogs' words (`problem.*`, the Trade tab's area): the ticket shows them beside their fields in the page's
// language; the background's re-check says them in English to the log of a refused order. Decimals keep every
// digit they came with ("300.78000"), minimums without padding zeros, in the locale's dress ("0,0001 BTC").
import { formatAsGiven, formatDecimal } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import { type Message, msg } from '../i18n/translate.ts';
import type { OrderProblem } from '../kraken/pairs/validate.ts';

export function orderProblemText(p: OrderProblem, locale: Locale): Message {
  const n = (value: string) => formatAsGiven(value, locale);
  // A minimum as a rule, without the zeros Kraken pads it with ("0.00010000" → "0.0001").
  const min = (value: string) => formatDecimal(value, { locale, grouping: false });
  switch (p.code) {
    case 'pair-unavailable':
      return p.why === 'status'
        ? msg('problem.pair.status', { symbol: p.symbol, status: p.status })
        : p.why === 'limit-only'
          ? msg('problem.pair.limitOnly', { symbol: p.symbol })
          : msg('problem.pair.postOnly', { symbol: p.symbol });
    case 'required':
      return p.field === 'volume'
        ? msg('problem.amount.required')
        : msg(p.label === 'limit' ? 'problem.limit.required' : 'problem.trigger.required');
    case 'not-a-number':
      return p.field === 'volume'
        ? msg('problem.amount.notANumber', { example: n('0.01') })
        : msg(p.label === 'limit' ? 'problem.limit.notANumber' : 'problem.trigger.notANumber', {
            example: n('1234.5'),
          });
    case 'not-positive':
      return p.field === 'volume'
        ? msg('problem.amount.notPositive')
        : msg(p.label === 'limit' ? 'problem.limit.notPositive' : 'problem.trigger.notPositive');
    case 'too-many-decimals':
      return msg(p.field === 'volume' ? 'problem.amount.decimals' : 'problem.price.decimals', {
        symbol: p.symbol,
        count: p.decimals,
      });
    case 'tick-size':
      return msg(p.label === 'limit' ? 'problem.limit.tick' : 'problem.trigger.tick', {
        tick: n(p.tick),
        asset: p.asset,
      });
    case 'below-minimum':
      return msg('problem.amount.belowMinimum', { symbol: p.symbol, min: min(p.min), asset: p.asset });
    case 'cost-below-minimum':
      return msg('problem.cost.belowMinimum', {
        symbol: p.symbol,
        cost: n(p.cost),
        min: min(p.min),
        asset: p.asset,
      });
    case 'insufficient-balance':
      return p.side === 'buy'
        ? msg('problem.balance.buy', {
            have: n(p.have),
            needs: n(p.needs),
            asset: p.asset,
            fee: n(p.feePercent),
          })
        : msg('problem.balance.sell', { have: n(p.have), needs: n(p.needs), asset: p.asset });
    default: {
      const never: never = p;
      throw new RangeError(`unknown order problem ${JSON.stringify(never)}`);
    }
  }
}
