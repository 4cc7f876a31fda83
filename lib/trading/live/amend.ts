// Amending a resting live order in place: Kraken's amend keeps the order id and, where it can, its place in the
// queue (https://docs.kraken.com/api/docs/rest-api/amend-order · …/websocket-v2/amend_order). Over the private
// WebSocket while it is live, REST otherwise; both wait their turn in the pair's trading counter (an amend costs
// more on a young order). Sending the same amend twice is harmless: it sets the same values.
import {
  type KrakenRest,
  type OrderReport,
  type PairRules,
  type WsSession,
  wsAmendOrder,
} from '../../kraken/index.ts';
import { cmp, isDecimalText, isPositive, normalize, significantDecimals } from '../../kraken/pairs/exact.ts';
import type { AmendOrderParams } from '../../kraken/rest/types-private.ts';
import type { PriceOffset } from '../../orders/types.ts';
import { OrderRefused } from '../errors.ts';
import type { AmendView } from '../types.ts';
import { tokenNeverCame, viaWebSocket } from './order-transport.ts';

export interface AmendChange {
  volume?: string;
  limitPrice?: string;
  triggerPrice?: string;
  /** A trailing stop's new offset from the best price since it was placed. */
  trailOffset?: PriceOffset;
}

/**
 * A trailing stop's new offset as Kraken's `trigger_price`: "+2%" or "+500.0". AmendOrder: "The relative pricing
 * can be set by using the `+`, `-` prefixes and/or `%` suffix" (https://docs.kraken.com/api/docs/rest-api/amend-order),
 * and a trailing stop's offset is written as at placement, with `+` (AddOrder: trailing stops "must use" it;
 * without, `EOrder:Invalid price:Invalid price argument`, docs/kraken-quirks.md). Over the WebSocket the same
 * text becomes `trigger_price` with `trigger_price_type` pct or quote (orders/ws-add-order.ts wsAmendOrder).
 * Percent: below 100 with at most 2 decimals, as the ticket places it (lib/trading/kraken-order.ts).
 */
export function trailTriggerText(offset: PriceOffset, pairDecimals: number): string {
  if (offset.unit === 'percent') {
    if (!isDecimalText(offset.value) || !isPositive(offset.value) || cmp(offset.value, '100') >= 0)
      throw new OrderRefused(
        'EGeneral:Invalid arguments',
        'The trailing offset in percent must be above 0 and below 100.',
      );
    if (significantDecimals(offset.value) > 2)
      throw new OrderRefused(
        'EGeneral:Invalid arguments',
        'The trailing offset in percent takes at most 2 decimals.',
      );
    return `+${normalize(offset.value)}%`;
  }
  return `+${checked(offset.value, 'trailing offset', pairDecimals)}`;
}

export interface AmenderDeps {
  rest: Pick<KrakenRest, 'amendOrder' | 'orderAmends' | 'tradingLimiter'>;
  session(): WsSession | null;
  ordersVia(): 'websocket' | 'rest';
  /** The private socket's token can be had (see order-transport.ts). */
  wsUsable?(): boolean;
  order(id: string): OrderReport | undefined;
  rulesFor(symbol: string): PairRules | undefined;
}

function checked(text: string, field: string, decimals: number): string {
  if (!isDecimalText(text) || !isPositive(text))
    throw new OrderRefused('EGeneral:Invalid arguments', `The new ${field} must be a positive number.`);
  if (significantDecimals(text) > decimals)
    throw new OrderRefused(
      'EGeneral:Invalid arguments',
      `The ${field} takes at most ${decimals} decimals on this pair.`,
    );
  return normalize(text);
}

export function createAmender(deps: AmenderDeps) {
  return {
    async amend(id: string, change: AmendChange): Promise<void> {
      const report = deps.order(id);
      if (!report)
        throw new OrderRefused(
          'EOrder:Unknown order',
          'This order is no longer open, so it cannot be amended.',
        );
      const symbol = typeof report.symbol === 'string' ? report.symbol : '';
      const rules = deps.rulesFor(symbol);
      if (!rules)
        throw new OrderRefused(
          'EQuery:Unknown asset pair',
          `No trading rules for ${symbol} yet; try again in a moment.`,
        );
      const params: AmendOrderParams = { txid: id };
      if (change.volume !== undefined) params.order_qty = checked(change.volume, 'amount', rules.lotDecimals);
      if (change.limitPrice !== undefined)
        params.limit_price = checked(change.limitPrice, 'limit price', rules.pairDecimals);
      if (change.triggerPrice !== undefined)
        params.trigger_price = checked(change.triggerPrice, 'trigger price', rules.pairDecimals);
      if (change.trailOffset !== undefined) {
        if (!String(report.order_type ?? '').startsWith('trailing-stop'))
          throw new OrderRefused(
            'EGeneral:Invalid arguments',
            'Only a trailing stop has a trailing offset to amend.',
          );
        params.trigger_price = trailTriggerText(change.trailOffset, rules.pairDecimals);
      }
      const ws = viaWebSocket(deps);
      if (ws) {
        const settle = await deps.rest.tradingLimiter.acquire(rules.altname, 'amend', id);
        try {
          await wsAmendOrder(ws)(params);
          deps.rest.tradingLimiter.remember(id, rules.altname);
          return;
        } catch (error) {
          // The socket's token could not be had, so nothing was sent: REST amends it instead.
          if (!tokenNeverCame(error)) throw error;
        } finally {
          settle();
        }
      }
      await deps.rest.amendOrder({ ...params, pair: rules.altname });
    },

    async history(id: string): Promise<AmendView[]> {
      const { amends } = await deps.rest.orderAmends({ order_id: id });
      return amends.map((a) => ({
        kind: a.amend_type,
        ...(a.order_qty !== undefined ? { volume: String(a.order_qty) } : {}),
        ...(a.limit_price !== undefined ? { limitPrice: String(a.limit_price) } : {}),
        ...(a.trigger_price !== undefined ? { triggerPrice: String(a.trigger_price) } : {}),
        ...(a.reason ? { reason: a.reason } : {}),
        at: a.timestamp,
      }));
    },
  };
}
