// Kraken's `executions` reports → what the Trade tab shows (open orders, fills). Kraken sends numbers at the
// pair's precision; fixed-point text at that precision gives back its digits (money stays decimal text).
// https://docs.kraken.com/api/docs/websocket-v2/executions
import { type OrderReport, type PairRules, toFixedDecimal } from '../../kraken/index.ts';
import { normalize } from '../../kraken/pairs/exact.ts';
import type { FillView, OrderStatus, OrderView, PriceOffset, Side, TimeInForce } from '../../orders/types.ts';

const STATUS: ReadonlyMap<string, OrderStatus> = new Map([
  ['pending_new', 'pending'],
  ['new', 'new'],
  ['partially_filled', 'partially_filled'],
  ['filled', 'filled'],
  ['canceled', 'canceled'],
  ['expired', 'expired'],
]);

/** A field that should be text, as text: numbers spelled out, anything else (objects, null) empty. */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function text(value: unknown, decimals: number | undefined): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return toFixedDecimal(value, decimals ?? 8);
}

/**
 * `triggers`: `price` and `price_type` as placed — for a trailing stop the offset, `pct` or `quote` — and
 * `actual_price`, the trigger now (https://docs.kraken.com/api/docs/websocket-v2/executions, `triggers`).
 */
interface Triggers {
  price?: unknown;
  price_type?: unknown;
  actual_price?: unknown;
  status?: unknown;
}

function trailOf(triggers: Triggers | undefined, rules: PairRules | undefined): PriceOffset | undefined {
  if (triggers?.price_type !== 'pct' && triggers?.price_type !== 'quote') return undefined;
  if (typeof triggers.price !== 'number' || !Number.isFinite(triggers.price)) return undefined;
  // Percentages come with up to 4 decimals (the simulator; Kraken's "+5%" syntax takes decimals too).
  const value = normalize(
    toFixedDecimal(triggers.price, triggers.price_type === 'pct' ? 4 : (rules?.pairDecimals ?? 8)),
  );
  return { value, unit: triggers.price_type === 'pct' ? 'percent' : 'quote' };
}

const TIME_IN_FORCE: ReadonlyMap<string, TimeInForce> = new Map([
  ['ioc', 'IOC'],
  ['gtd', 'GTD'],
  ['fok', 'FOK'],
]);

export function orderView(r: OrderReport, rules: PairRules | undefined): OrderView {
  const symbol = textOf(r.symbol);
  const triggers = r.triggers as Triggers | undefined;
  const limit = text(r.limit_price, rules?.pairDecimals);
  const trail = trailOf(triggers, rules);
  // A trailing stop's `price` is its offset: the trigger it has now is `actual_price`.
  const trigger = text(trail ? triggers?.actual_price : triggers?.price, rules?.pairDecimals);
  const tif = TIME_IN_FORCE.get(textOf(r.time_in_force).toLowerCase());
  const avg = text(r.avg_price, rules?.pairDecimals);
  return {
    id: r.order_id,
    ...(typeof r.cl_ord_id === 'string' ? { clOrdId: r.cl_ord_id } : {}),
    symbol,
    side: (r.side === 'sell' ? 'sell' : 'buy') as Side,
    type: textOf(r.order_type),
    ...(limit ? { limitPrice: limit } : {}),
    ...(trigger ? { triggerPrice: trigger } : {}),
    volume: text(r.order_qty, rules?.lotDecimals) ?? '0',
    filled: text(r.cum_qty, rules?.lotDecimals) ?? '0',
    ...(avg && r.avg_price !== 0 ? { avgPrice: avg } : {}),
    status: STATUS.get(textOf(r.order_status)) ?? 'new',
    createdAt: typeof r.timestamp === 'string' ? Date.parse(r.timestamp) || 0 : 0,
    ...(trail ? { trailOffset: trail } : {}),
    ...(tif ? { timeInForce: tif } : {}),
    ...(r.post_only === true ? { postOnly: true } : {}),
    ...(triggers?.status === 'triggered' ? { triggered: true } : {}),
  };
}

/** One trade of an order (`exec_type: trade`), with the order's fields merged from what was known before. */
export function fillView(
  r: OrderReport,
  merged: OrderReport | undefined,
  rules: PairRules | undefined,
  now: number,
): FillView | null {
  if (typeof r.last_qty !== 'number' || typeof r.last_price !== 'number') return null;
  const order = { ...merged, ...r };
  const fee = Array.isArray(r.fees)
    ? (r.fees[0] as { asset?: unknown; qty?: unknown } | undefined)
    : undefined;
  const cum = typeof order.cum_qty === 'number' ? order.cum_qty : undefined;
  const qty = typeof order.order_qty === 'number' ? order.order_qty : undefined;
  return {
    id: textOf(r.exec_id) || `${r.order_id}:${textOf(r.timestamp)}`,
    orderId: r.order_id,
    symbol: textOf(order.symbol),
    side: order.side === 'sell' ? 'sell' : 'buy',
    qty: text(r.last_qty, rules?.lotDecimals) ?? '0',
    price: text(r.last_price, rules?.pairDecimals) ?? '0',
    fee: text(fee?.qty, rules?.costDecimals) ?? '0',
    feeAsset: typeof fee?.asset === 'string' ? fee.asset : (rules?.quote ?? ''),
    liquidity: r.liquidity_ind === 'm' ? 'maker' : 'taker',
    // Kraken reports a completing trade as partially_filled and sends `filled` separately (docs/kraken-quirks.md).
    complete: cum !== undefined && qty !== undefined && cum >= qty,
    at: typeof r.timestamp === 'string' ? Date.parse(r.timestamp) || now : now,
  };
}
