// The shape of an order, checked wherever one arrives from outside the order path: a request from a page
// (lib/messaging/parse.ts) and an order read back from a stored intent (lib/trading/order-meta.ts). Its rules
// (lot, tick, minimums, funds) are checked again by the background; this checks that it is an order at all.
import {
  type AttachedClose,
  type OrderRequest,
  type PriceOffset,
  TICKET_ORDER_TYPES,
  type TicketOrderType,
  type TimeInForce,
} from './types.ts';

/**
 * Amounts and prices as the ticket sends them. The ticket refuses anything longer with the same limit and a
 * message that says so (lib/ticket/numbers.ts), so a valid amount never meets a silent refusal here.
 */
export const DECIMAL_LIMITS = { integerDigits: 20, fractionDigits: 20 } as const;
const DECIMAL = new RegExp(
  `^\\d{1,${DECIMAL_LIMITS.integerDigits}}(\\.\\d{1,${DECIMAL_LIMITS.fractionDigits}})?$`,
);
const SYMBOL_MAX = 32;
/** GTD no further out than a year: Kraken's own limit is not documented; a year is generous and bounded. */
const MAX_EXPIRY_MS = 366 * 24 * 60 * 60_000;

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const decimal = (v: unknown): v is string => typeof v === 'string' && DECIMAL.test(v);
const optionalDecimal = (v: unknown) => v === undefined || decimal(v);
const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'IOC', 'GTD', 'FOK'];
const CLOSE_TYPES: readonly AttachedClose['type'][] = [
  'limit',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
];

/** A trailing or limit offset (`{value, unit}`): undefined when absent, null when malformed. */
export function parseOffset(v: unknown): PriceOffset | null | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v) || !decimal(v.value) || (v.unit !== 'percent' && v.unit !== 'quote')) return null;
  return { value: v.value, unit: v.unit };
}

function close(v: unknown): AttachedClose | null | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v) || !CLOSE_TYPES.includes(v.type as AttachedClose['type']) || !decimal(v.price))
    return null;
  if (!optionalDecimal(v.limitPrice)) return null;
  return {
    type: v.type as AttachedClose['type'],
    price: v.price,
    ...(typeof v.limitPrice === 'string' ? { limitPrice: v.limitPrice } : {}),
  };
}

/** The order, with nothing but its own fields; or null when any field is not what an order carries. */
export function parseOrderRequest(v: unknown): OrderRequest | null {
  if (!isRecord(v) || typeof v.symbol !== 'string' || v.symbol.length > SYMBOL_MAX) return null;
  if (v.side !== 'buy' && v.side !== 'sell') return null;
  if (!TICKET_ORDER_TYPES.includes(v.type as TicketOrderType)) return null;
  if (!decimal(v.volume) || !optionalDecimal(v.limitPrice) || !optionalDecimal(v.triggerPrice)) return null;
  if (typeof v.postOnly !== 'boolean' || !TIME_IN_FORCE.includes(v.timeInForce as TimeInForce)) return null;
  const trailOffset = parseOffset(v.trailOffset);
  const limitOffset = parseOffset(v.limitOffset);
  const attached = close(v.close);
  if (trailOffset === null || limitOffset === null || attached === null) return null;
  if (
    v.expiresAt !== undefined &&
    !(
      Number.isSafeInteger(v.expiresAt) &&
      (v.expiresAt as number) > 0 &&
      (v.expiresAt as number) < Date.now() + MAX_EXPIRY_MS
    )
  )
    return null;
  return {
    symbol: v.symbol,
    side: v.side,
    type: v.type as TicketOrderType,
    volume: v.volume,
    ...(typeof v.limitPrice === 'string' ? { limitPrice: v.limitPrice } : {}),
    ...(typeof v.triggerPrice === 'string' ? { triggerPrice: v.triggerPrice } : {}),
    ...(trailOffset ? { trailOffset } : {}),
    ...(limitOffset ? { limitOffset } : {}),
    postOnly: v.postOnly,
    timeInForce: v.timeInForce as TimeInForce,
    ...(typeof v.expiresAt === 'number' ? { expiresAt: v.expiresAt } : {}),
    ...(attached ? { close: attached } : {}),
  };
}
