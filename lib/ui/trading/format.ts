// Words and numbers for the trading panels: pure, so the components stay presentational and these are tested
// alone. Money stays decimal text (DESIGN.md §3) and is written by the one formatter (lib/format/number.ts) in
// the page's language; the words come from the catalogs (lib/i18n). English when no language is given.
import { formatDecimal, formatMoney, formatPrice } from '../../format/number.ts';
import type { Locale } from '../../i18n/locales.ts';
import { type PlainKey, type Translate, translator } from '../../i18n/translate.ts';
import type { OrderView, PriceOffset, TicketOrderType } from '../../orders/types.ts';

/** The page's language and its translator: what every text here is written with. */
export interface Words {
  t: Translate;
  locale: Locale;
}
export const ENGLISH: Words = { t: translator('en'), locale: 'en' };
export const wordsOf = (locale: Locale): Words => ({ t: translator(locale), locale });

const TYPE_WORD: Readonly<Record<TicketOrderType, PlainKey>> = {
  market: 'order.type.market',
  limit: 'order.type.limit',
  'stop-loss': 'order.type.stop-loss',
  'stop-loss-limit': 'order.type.stop-loss-limit',
  'take-profit': 'order.type.take-profit',
  'take-profit-limit': 'order.type.take-profit-limit',
  'trailing-stop': 'order.type.trailing-stop',
  'trailing-stop-limit': 'order.type.trailing-stop-limit',
};

/** An order type in the page's language ("stop-loss-limit", "stop de perte limite"); Kraken's own word otherwise. */
export const typeWord = (type: OrderView['type'], w: Words = ENGLISH): string =>
  type in TYPE_WORD ? w.t(TYPE_WORD[type as TicketOrderType]) : type;

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

/** Decimals written after the point in `text` ("45000.50" → 2): a price keeps the pair's decimals as sent. */
const decimalsIn = (text: string): number => /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;

/** A price as Kraken sent it (at the pair's decimals), grouped, in the locale: "45000.50" → "45,000.50". */
export const priceText = (text: string, locale: Locale = 'en', decimals?: number): string =>
  decimals === undefined
    ? formatDecimal(text, { locale, minDecimals: decimalsIn(text) })
    : formatPrice(text, decimals, locale);

/** An amount for reading: grouped, without trailing zeros ("10000.0000" → "10,000"). */
export const amount = (text: string, locale: Locale = 'en'): string => formatDecimal(text, { locale });

/** "buy 0.01 BTC/USD market", "sell 2 ETH/USD limit at 1,800.50": the amount trimmed, the price as given. */
export function describeOrder(
  order: Pick<OrderView, 'side' | 'volume' | 'symbol' | 'type' | 'limitPrice' | 'triggerPrice'>,
  w: Words = ENGLISH,
): string {
  const price = order.limitPrice ?? order.triggerPrice;
  const params = {
    side: w.t(order.side === 'buy' ? 'order.side.buy' : 'order.side.sell'),
    volume: amount(order.volume, w.locale),
    symbol: order.symbol,
    type: typeWord(order.type, w),
  };
  return price
    ? w.t('order.describeAt', { ...params, price: priceText(price, w.locale) })
    : w.t('order.describe', params);
}

/** A trailing offset as the person typed it: "5 %" or "500 USD" (the quote asset of the pair `symbol`). */
export function offsetText(offset: PriceOffset, symbol: string, locale: Locale = 'en'): string {
  return offset.unit === 'percent'
    ? `${amount(offset.value, locale)}${locale === 'fr' ? '\u202f' : ' '}%`
    : `${amount(offset.value, locale)} ${symbol.split('/')[1] ?? ''}`;
}

/** An order that closed as it was placed without filling in full (FOK, IOC): " · cancelled at once, 0.2 of 1 filled". */
export function closedAtOnce(
  order: Pick<OrderView, 'status' | 'filled' | 'volume'>,
  w: Words = ENGLISH,
): string {
  if (order.status !== 'canceled' && order.status !== 'expired') return '';
  return w.t('order.closedAtOnce', {
    filled: amount(order.filled, w.locale),
    volume: amount(order.volume, w.locale),
  });
}

/** One piece of an order's price, kept on one line, and what joins it to the piece before ('' for the first). */
export interface PricePiece {
  joiner: string;
  text: string;
}

/**
 * The price column: the limit price; a stop's trigger ("trigger 1,700.25"); both for the -limit forms; a trailing
 * stop's trigger now and what it trails by; "market" for none. Prices keep the pair's decimals. In pieces, so a
 * narrow list wraps between them ("trigger 0.5696100," / "limit 0.5734100"), never inside one.
 */
export function orderPricePieces(
  o: Pick<OrderView, 'limitPrice' | 'triggerPrice' | 'symbol'> & Partial<Pick<OrderView, 'trailOffset'>>,
  w: Words = ENGLISH,
): PricePiece[] {
  const { t, locale } = w;
  const trails = o.trailOffset
    ? t('order.trails', { offset: offsetText(o.trailOffset, o.symbol, locale) })
    : '';
  const pieces: PricePiece[] = [];
  if (o.triggerPrice !== undefined) {
    pieces.push({ joiner: '', text: t('order.trigger', { price: priceText(o.triggerPrice, locale) }) });
    if (trails) pieces.push({ joiner: ' ', text: `(${trails})` });
  } else if (trails) pieces.push({ joiner: '', text: trails });
  if (o.limitPrice !== undefined)
    pieces.push(
      pieces.length > 0
        ? { joiner: ', ', text: t('order.limit', { price: priceText(o.limitPrice, locale) }) }
        : { joiner: '', text: priceText(o.limitPrice, locale) },
    );
  return pieces.length > 0 ? pieces : [{ joiner: '', text: t('order.market') }];
}

/** The price column as one line of text (orderPricePieces joined). */
export const orderPrice = (
  o: Pick<OrderView, 'limitPrice' | 'triggerPrice' | 'symbol'> & Partial<Pick<OrderView, 'trailOffset'>>,
  w: Words = ENGLISH,
): string =>
  orderPricePieces(o, w)
    .map((p) => p.joiner + p.text)
    .join('');

export const filledOf = (o: Pick<OrderView, 'filled' | 'volume'>, locale: Locale = 'en'): string =>
  `${amount(o.filled, locale)} / ${amount(o.volume, locale)}`;

/** A short age: "now", "42 s", "5 min", "3 h", "2 d". */
export function formatAge(ms: number, w: Words = ENGLISH): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 1) return w.t('age.now');
  if (s < 60) return w.t('age.seconds', { n: s });
  if (s < 3600) return w.t('age.minutes', { n: Math.floor(s / 60) });
  if (s < 86_400) return w.t('age.hours', { n: Math.floor(s / 3600) });
  return w.t('age.days', { n: Math.floor(s / 86_400) });
}

/** A USD value at cents, grouped ("12,345.67"); undefined for text that is not a decimal. */
export function formatUsd(value: string | undefined, locale: Locale = 'en'): string | undefined {
  if (value === undefined) return undefined;
  const text = formatMoney(value, 'USD', locale, undefined, 'half-up');
  return text === value && !/^-?\d+(\.\d+)?$/.test(value) ? undefined : text;
}

/** A time of day, hh:mm:ss, for "Kraken will cancel at …" and "as of …" (24 h in both languages). */
export function clockTime(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
