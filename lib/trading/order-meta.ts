// The ticket's order kept with its live intent (flat, as stored intents want it), and read back to list the
// order or open a new ticket from it.
import type { OrderIntent } from '../kraken/orders/intents.ts';
import type { OrderRequest } from '../orders/types.ts';

/** The ticket's order, kept with the intent (flat, as the intent record wants it). */
export function orderMeta(order: OrderRequest): Record<string, string | boolean> {
  return { ...order };
}

export function orderFromMeta(meta: OrderIntent['meta']): OrderRequest | null {
  if (!meta) return null;
  const { symbol, side, type, volume, limitPrice, triggerPrice, postOnly, timeInForce } = meta;
  if (typeof symbol !== 'string' || (side !== 'buy' && side !== 'sell') || typeof volume !== 'string')
    return null;
  if (type !== 'market' && type !== 'limit' && type !== 'stop-loss' && type !== 'take-profit') return null;
  return {
    symbol,
    side,
    type,
    volume,
    ...(typeof limitPrice === 'string' ? { limitPrice } : {}),
    ...(typeof triggerPrice === 'string' ? { triggerPrice } : {}),
    postOnly: postOnly === true,
    timeInForce: timeInForce === 'IOC' ? 'IOC' : 'GTC',
  };
}
