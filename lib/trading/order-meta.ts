// The ticket's order kept with its live intent, and read back to list the order or open a new ticket from it.
// Kept as the JSON of the order and read back through the messaging boundary's own validator, so a stored
// order is checked exactly like one a page sends.
import type { OrderIntent } from '../kraken/orders/intents.ts';
import { parseOrderRequest } from '../orders/parse.ts';
import type { OrderRequest } from '../orders/types.ts';

export function orderMeta(order: OrderRequest): Record<string, string> {
  return { order: JSON.stringify(order) };
}

export function orderFromMeta(meta: OrderIntent['meta']): OrderRequest | null {
  const text = meta?.order;
  if (typeof text !== 'string') return null;
  try {
    return parseOrderRequest(JSON.parse(text));
  } catch {
    return null;
  }
}
