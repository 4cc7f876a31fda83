// The pair's rules re-checked in the background, whatever the popup said: status, lot and price decimals,
// tick, minimum and cost minimum (validateOrder, the same rules the ticket shows). Funds are the account's
// business (Kraken's engine, or the paper account with its book).
import { toFixedDecimal } from '../kraken/pairs/decimal.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { validateOrder } from '../kraken/pairs/validate.ts';
import type { OrderRequest } from '../orders/types.ts';
import { OrderRefused } from './errors.ts';

export interface RecheckMarket {
  rulesFor(symbol: string): PairRules | undefined;
  lastPrice(symbol: string): number | undefined;
}

export function recheckOrder(market: RecheckMarket, order: OrderRequest): void {
  const rules = market.rulesFor(order.symbol);
  if (!rules)
    throw new OrderRefused(
      'EQuery:Unknown asset pair',
      `No trading rules for ${order.symbol} yet; try again in a moment.`,
    );
  const lastPrice = market.lastPrice(order.symbol);
  const price = order.type === 'limit' ? order.limitPrice : order.triggerPrice;
  const check = validateOrder(
    rules,
    {
      side: order.side,
      ordertype: order.type,
      volume: order.volume,
      ...(price !== undefined ? { price } : {}),
      postOnly: order.postOnly,
    },
    {
      relativePrices: false,
      ...(lastPrice !== undefined ? { marketPrice: toFixedDecimal(lastPrice, rules.pairDecimals) } : {}),
    },
  );
  if (!check.ok) {
    const problem = check.problems[0];
    if (problem) throw new OrderRefused('EGeneral:Invalid arguments', problem.message);
  }
}
