// What the popup opens with when a keyboard shortcut or the address bar (`kr …`) opened it. The background
// keeps it until the popup takes it (`launch.take`, lib/messaging/protocol.ts); nothing travels in the URL.
// It only ever fills a form: an order still needs the ticket's own preview and confirmation.
import type { OrderRequest, Side } from '../orders/types.ts';
import { isSymbol } from '../settings/watchlist.ts';

export type Launch =
  /** The ticket on `symbol`, ready to type in; `order` fills it (checked by the ticket like typed text). */
  | { kind: 'ticket'; symbol: string; order: LaunchOrder | null }
  /** The alert form for `symbol`, filled in. */
  | { kind: 'alert'; symbol: string; direction: 'above' | 'below'; level: string }
  /** The request could not be opened; `reason` is already in the person's language. */
  | { kind: 'failed'; reason: string };

export interface LaunchOrder {
  side: Side;
  /** Base amount as plain decimal text ("0.01"). */
  amount: string;
  /** A limit price as plain decimal text; none: a market order. */
  limitPrice: string | null;
}

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The same bounds as an order at the message boundary (lib/orders/parse.ts DECIMAL_LIMITS): 20 + 20 digits. */
const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
const decimal = (v: unknown): v is string => typeof v === 'string' && DECIMAL.test(v);

function launchOrder(v: unknown): LaunchOrder | null | undefined {
  if (v === null) return null;
  if (!isRecord(v) || (v.side !== 'buy' && v.side !== 'sell') || !decimal(v.amount)) return undefined;
  if (v.limitPrice !== null && !decimal(v.limitPrice)) return undefined;
  return { side: v.side, amount: v.amount, limitPrice: v.limitPrice };
}

/**
 * A launch as the popup receives it, checked field by field like any message (the page trusts nothing it
 * did not check); null for anything that is not one.
 */
export function parseLaunch(v: unknown): Launch | null {
  if (!isRecord(v)) return null;
  switch (v.kind) {
    case 'ticket': {
      const order = launchOrder(v.order);
      return isSymbol(v.symbol) && order !== undefined ? { kind: 'ticket', symbol: v.symbol, order } : null;
    }
    case 'alert':
      return isSymbol(v.symbol) && (v.direction === 'above' || v.direction === 'below') && decimal(v.level)
        ? { kind: 'alert', symbol: v.symbol, direction: v.direction, level: v.level }
        : null;
    case 'failed':
      return typeof v.reason === 'string' && v.reason.length <= 500
        ? { kind: 'failed', reason: v.reason }
        : null;
    default:
      return null;
  }
}

/**
 * The ticket's starting form for a launch, as an order the ticket fills itself from (OrderTicket's `prefill`):
 * a limit order when a price was given, else market; without an order, the pair alone with an empty amount.
 * The ticket checks it like typed text, and sends nothing before its own preview and confirmation.
 */
export function launchPrefill(symbol: string, order: LaunchOrder | null): OrderRequest {
  const base = { symbol, postOnly: false, timeInForce: 'GTC' } as const;
  if (!order) return { ...base, side: 'buy', type: 'market', volume: '' };
  return order.limitPrice === null
    ? { ...base, side: order.side, type: 'market', volume: order.amount }
    : { ...base, side: order.side, type: 'limit', volume: order.amount, limitPrice: order.limitPrice };
}
