// What an order will do, in words, for the confirmation: "Sells 0.1 BTC at market if the price falls 5 % below
// its highest since it was placed." Every order type, time in force, post-only and the attached close, in the
// page's language (the catalogs' `words.*`). The trigger reference is Kraken's default, the last trade price
// (AddOrder `trigger=last`).
import type { Locale } from '../i18n/locales.ts';
import { type Translate, translator } from '../i18n/translate.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { OrderRequest, PriceOffset, Side, TicketOrderType } from '../orders/types.ts';
import { amount, priceText } from '../ui/trading/format.ts';

/** "20 Nov 2026 14:30", local time: the person's own clock, as they typed the expiry. */
export function expiryText(at: number, locale: Locale = 'en'): string {
  const d = new Date(at);
  const hm = [d.getHours(), d.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
  const month = d.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short' });
  return `${d.getDate()} ${month} ${d.getFullYear()} ${hm}`;
}

/** Stops (loss and trailing) fire when the price moves against the side; take-profits the other way. */
function firesOnFall(type: TicketOrderType | 'stop-loss' | 'take-profit', side: Side): boolean {
  const stopLike = type !== 'take-profit' && type !== 'take-profit-limit';
  return stopLike === (side === 'sell');
}

const offsetText = (o: PriceOffset | undefined, quote: string, locale: Locale) =>
  o
    ? o.unit === 'percent'
      ? `${amount(o.value, locale)}${locale === 'fr' ? '\u202f' : ' '}%`
      : `${amount(o.value, locale)} ${quote}`
    : '?';

/** "Sells 0.1 BTC at market if …", in the page's language (English when none is given). */
export function orderInWords(
  order: OrderRequest,
  rules: Pick<PairRules, 'base' | 'quote'>,
  t: Translate = translator('en'),
  locale: Locale = 'en',
): string {
  const { base, quote } = rules;
  const sell = order.side === 'sell';
  const qty = `${amount(order.volume, locale)} ${base}`;
  const price = (p: string | undefined) => `${p === undefined ? '?' : priceText(p, locale)} ${quote}`;
  const move = (type: TicketOrderType) =>
    firesOnFall(type, order.side) ? t('words.falls') : t('words.rises');
  const trail = t(sell ? 'words.trail.sell' : 'words.trail.buy', {
    offset: offsetText(order.trailOffset, quote, locale),
  });
  let text: string;
  switch (order.type) {
    case 'market':
      text = t(sell ? 'words.market.sell' : 'words.market.buy', { qty });
      break;
    case 'limit':
      text = `${t(sell ? 'words.limit.sell' : 'words.limit.buy', { qty, price: price(order.limitPrice) })}${limitTail(order, t, locale)}`;
      break;
    case 'stop-loss':
    case 'take-profit':
      text = t(sell ? 'words.stop.sell' : 'words.stop.buy', {
        qty,
        move: move(order.type),
        price: price(order.triggerPrice),
      });
      break;
    case 'stop-loss-limit':
    case 'take-profit-limit':
      text = t(sell ? 'words.stopLimit.sell' : 'words.stopLimit.buy', {
        qty,
        move: move(order.type),
        trigger: price(order.triggerPrice),
        price: price(order.limitPrice),
      });
      break;
    case 'trailing-stop':
      text = t(sell ? 'words.trailing.sell' : 'words.trailing.buy', { qty, trail });
      break;
    case 'trailing-stop-limit':
      text = t(sell ? 'words.trailingLimit.sell' : 'words.trailingLimit.buy', {
        qty,
        trail,
        offset: offsetText(order.limitOffset, quote, locale),
      });
      break;
    default: {
      const never: never = order.type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
  if (order.type !== 'limit' && order.type !== 'market' && order.expiresAt !== undefined)
    text += ` ${t('words.expires', { at: expiryText(order.expiresAt, locale) })}`;
  if (order.close) {
    const closeSide: Side = sell ? 'buy' : 'sell';
    const type = order.close.type === 'stop-loss' ? 'stop-loss' : 'take-profit';
    text += ` ${t(closeSide === 'sell' ? 'words.close.sell' : 'words.close.buy', {
      type: t(type === 'stop-loss' ? 'order.type.stop-loss' : 'order.type.take-profit'),
      move: firesOnFall(type, closeSide) ? t('words.falls') : t('words.rises'),
      price: price(order.close.price),
    })}`;
  }
  return text;
}

/** How long a limit order stays, and post-only. */
function limitTail(order: OrderRequest, t: Translate, locale: Locale): string {
  const post = order.postOnly ? ` ${t('words.postOnly')}` : '';
  switch (order.timeInForce) {
    case 'GTC':
      return `${t('words.tail.GTC')}${post}`;
    case 'GTD':
      return `${t('words.tail.GTD', { at: order.expiresAt === undefined ? '?' : expiryText(order.expiresAt, locale) })}${post}`;
    case 'IOC':
      return t('words.tail.IOC');
    case 'FOK':
      return t('words.tail.FOK');
    default: {
      const never: never = order.timeInForce;
      throw new RangeError(`unknown time in force ${String(never)}`);
    }
  }
}
