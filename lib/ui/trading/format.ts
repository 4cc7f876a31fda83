// Words and numbers for the trading panels: pure, so the components stay presentational and these are tested
// alone. Money stays decimal text (DESIGN.md §3); only trailing zeros are trimmed for display.
import { exact, format, normalize, round } from '../../kraken/pairs/exact.ts';
import type { OrderView, PriceOffset } from '../../orders/types.ts';
import type { DeadManView, LiveStatus } from '../../trading/types.ts';

/** Statuses that still rest on the book (or are about to): what "open orders" lists and cancels. */
const OPEN = new Set<OrderView['status']>(['pending', 'new', 'partially_filled']);

/** Open orders, newest first. */
export function openOrders(orders: readonly OrderView[]): OrderView[] {
  return orders.filter((o) => OPEN.has(o.status)).sort((a, b) => b.createdAt - a.createdAt);
}

/** The pairs that have open orders, in first-seen order: one "cancel all" each. */
export function pairsOf(orders: readonly { symbol: string }[]): string[] {
  return [...new Set(orders.map((o) => o.symbol))];
}

/** "0.5" for "0.50000000"; text that is not a decimal is shown as it came. */
export function trim(text: string): string {
  try {
    return normalize(text);
  } catch {
    return text;
  }
}

/** Thousands separators in the whole part, as the watchlist shows prices: "45283.50" → "45,283.50". */
export function group(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${(m[2] ?? '').replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}

/** An amount for reading: grouped, without trailing zeros ("10000.0000" → "10,000"). */
export const amount = (text: string): string => group(trim(text));

/** "buy 0.01 BTC/USD market", "sell 2 ETH/USD limit at 1,800.50": the amount trimmed, the price as given. */
export function describeOrder(
  order: Pick<OrderView, 'side' | 'volume' | 'symbol' | 'type' | 'limitPrice' | 'triggerPrice'>,
): string {
  const price = order.limitPrice ?? order.triggerPrice;
  return `${order.side} ${trim(order.volume)} ${order.symbol} ${order.type}${price ? ` at ${group(price)}` : ''}`;
}

/** A trailing offset as the person typed it: "5 %" or "500 USD" (the quote asset of the pair `symbol`). */
export function offsetText(offset: PriceOffset, symbol: string): string {
  return offset.unit === 'percent'
    ? `${trim(offset.value)} %`
    : `${amount(offset.value)} ${symbol.split('/')[1] ?? ''}`;
}

/** An order that closed as it was placed without filling in full (FOK, IOC): " · cancelled at once, 0.2 of 1 filled". */
export function closedAtOnce(order: Pick<OrderView, 'status' | 'filled' | 'volume'>): string {
  if (order.status !== 'canceled' && order.status !== 'expired') return '';
  return ` · cancelled at once, ${trim(order.filled)} of ${trim(order.volume)} filled`;
}

/**
 * The price column: the limit price; a stop's trigger ("trigger 1,700.25"); both for the -limit forms; a trailing
 * stop's trigger now and what it trails by; "market" for none. Prices keep the pair's decimals.
 */
export function orderPrice(
  o: Pick<OrderView, 'limitPrice' | 'triggerPrice' | 'symbol'> & Partial<Pick<OrderView, 'trailOffset'>>,
): string {
  const trails = o.trailOffset ? `trails ${offsetText(o.trailOffset, o.symbol)}` : '';
  const parts: string[] = [];
  if (o.triggerPrice !== undefined)
    parts.push(`trigger ${group(o.triggerPrice)}${trails ? ` (${trails})` : ''}`);
  else if (trails) parts.push(trails);
  if (o.limitPrice !== undefined)
    parts.push(parts.length > 0 ? `limit ${group(o.limitPrice)}` : group(o.limitPrice));
  return parts.length > 0 ? parts.join(', ') : 'market';
}

export const filledOf = (o: Pick<OrderView, 'filled' | 'volume'>): string =>
  `${amount(o.filled)} / ${amount(o.volume)}`;

/** A short age: "now", "42 s", "5 min", "3 h", "2 d". */
export function formatAge(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 1) return 'now';
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** A USD value at cents with thousands separators ("12,345.68"); undefined for text that is not a decimal. */
export function formatUsd(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let text: string;
  try {
    text = format(round(exact(value), 2, 'half-up'), 2);
  } catch {
    return undefined;
  }
  return group(text).replace('-', '−');
}

/** What the mode bar says about live trading. The background's message wins; these are the fallbacks. */
export function liveStatusText(status: LiveStatus): string {
  switch (status.kind) {
    case 'no-key':
      return status.message || 'Add an API key in Settings';
    case 'locked':
      return status.message || 'Unlock the vault in Settings to trade live';
    case 'connecting':
      return 'Connecting to Kraken…';
    case 'ready':
      return 'Live trading ready';
    case 'error':
      return status.message || 'Live trading is unavailable';
    default: {
      const never: never = status;
      throw new RangeError(`unknown live status ${JSON.stringify(never)}`);
    }
  }
}

/** A time of day, hh:mm:ss, for "Kraken will cancel at …". */
export function clockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * The dead man's switch line. "Off" only once Kraken confirmed it; every other state says when Kraken would
 * cancel all open orders, so a failure is never mistaken for safety.
 */
export function deadManText(view: DeadManView, now: number): string {
  switch (view.kind) {
    case 'off':
      return 'off';
    case 'arming':
      return 'arming…';
    case 'armed': {
      const age = now - view.refreshedAt;
      const refreshed = age < 1000 ? 'refreshed just now' : `refreshed ${formatAge(age)} ago`;
      return `armed · ${refreshed} · Kraken cancels all orders at ${clockTime(view.triggerAt)} if the extension stops`;
    }
    case 'refresh-failing':
      return `could not refresh it (${view.error}). Kraken will cancel all your orders at ${clockTime(view.triggerAt)} unless this recovers`;
    case 'disarming':
      return `still armed, retrying${view.error ? ` (${view.error})` : ''}. Kraken will cancel all your orders at ${clockTime(view.triggerAt)} unless turning it off gets through`;
    case 'lapsed':
      return `off: it ran out at ${clockTime(view.at)} before Kraken could be told, so Kraken cancelled your open orders`;
    case 'arm-failed':
      return view.message;
    default: {
      const never: never = view;
      throw new RangeError(`unknown dead man view ${JSON.stringify(never)}`);
    }
  }
}
