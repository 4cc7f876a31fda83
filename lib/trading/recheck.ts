// The pair's rules re-checked in the background, whatever the popup said: status, lot and price decimals,
// tick, minimum and cost minimum (validateOrder, the same rules the ticket shows). Funds are the account's
// business (Kraken's engine, or the paper account with its book).
import { say, translator } from '../i18n/translate.ts';
import { toFixedDecimal } from '../kraken/pairs/decimal.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { type OrderProblem, validateOrder } from '../kraken/pairs/validate.ts';
import { orderProblemText } from '../orders/problem-text.ts';
import type { OrderRequest } from '../orders/types.ts';
import { OrderRefused } from './errors.ts';

/**
 * A refusal's words: the rule broken, in the catalogs' English (the ticket has said it beside the field in the
 * person's language already; this is the background's own backstop, seen only if the popup let it through).
 */
const english = (p: OrderProblem) => say(translator('en'), orderProblemText(p, 'en'));

export interface RecheckMarket {
  rulesFor(symbol: string): PairRules | undefined;
  lastPrice(symbol: string): number | undefined;
}

/**
 * The order's prices as AddOrder carries them (https://docs.kraken.com/api/docs/rest-api/add-order): `price` the
 * limit (limit) or the trigger (the other priced types; a trailing stop's offset, "+5%" or "+50"), `price2` the
 * -limit forms' limit (a trailing-stop-limit's limit offset, signed away from the market).
 */
function pricesOf(order: OrderRequest): { price?: string; price2?: string } {
  const offset = (o: OrderRequest['trailOffset'], sign: '+' | '-') =>
    o ? `${sign}${o.value}${o.unit === 'percent' ? '%' : ''}` : undefined;
  const type = order.type;
  switch (type) {
    case 'market':
      return {};
    case 'limit':
      return { price: order.limitPrice };
    case 'stop-loss':
    case 'take-profit':
      return { price: order.triggerPrice };
    case 'stop-loss-limit':
    case 'take-profit-limit':
      return { price: order.triggerPrice, price2: order.limitPrice };
    case 'trailing-stop':
      return { price: offset(order.trailOffset, '+') };
    case 'trailing-stop-limit':
      return {
        price: offset(order.trailOffset, '+'),
        price2: offset(order.limitOffset, order.side === 'sell' ? '-' : '+'),
      };
    default: {
      const never: never = type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
}

export function recheckOrder(market: RecheckMarket, order: OrderRequest): void {
  const rules = market.rulesFor(order.symbol);
  if (!rules)
    throw new OrderRefused(
      'EQuery:Unknown asset pair',
      `No trading rules for ${order.symbol} yet; try again in a moment.`,
    );
  const lastPrice = market.lastPrice(order.symbol);
  const { price, price2 } = pricesOf(order);
  const trailing = order.type === 'trailing-stop' || order.type === 'trailing-stop-limit';
  const check = validateOrder(
    rules,
    {
      side: order.side,
      ordertype: order.type,
      volume: order.volume,
      ...(price !== undefined ? { price } : {}),
      ...(price2 !== undefined ? { price2 } : {}),
      postOnly: order.postOnly,
    },
    {
      // Only a trailing stop's offsets are relative ("+5%"); every other price must be a plain decimal.
      relativePrices: trailing,
      ...(lastPrice !== undefined ? { marketPrice: toFixedDecimal(lastPrice, rules.pairDecimals) } : {}),
    },
  );
  if (!check.ok) {
    const problem = check.problems[0];
    if (problem) throw new OrderRefused('EGeneral:Invalid arguments', english(problem));
  }
  const close = order.close;
  if (close) {
    const closeCheck = validateOrder(
      rules,
      {
        side: order.side === 'buy' ? 'sell' : 'buy',
        ordertype: close.type,
        volume: order.volume,
        price: close.price,
        ...(close.limitPrice !== undefined ? { price2: close.limitPrice } : {}),
      },
      { relativePrices: false },
    );
    const problem = closeCheck.ok
      ? undefined
      : closeCheck.problems.find((p) => p.field !== 'total' && p.field !== 'pair');
    if (problem)
      throw new OrderRefused(
        'EGeneral:Invalid arguments',
        translator('en')('problem.attachedClose', { problem: english(problem) }),
      );
  }
}
