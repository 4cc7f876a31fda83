// What an order will do, in words, for the confirmation: "Sells 0.1 BTC at market if the price falls 5 % below
// its highest since it was placed." Every order type, time in force, post-only and the attached close. The
// trigger reference is Kraken's default, the last trade price (AddOrder `trigger=last`).
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { OrderRequest, PriceOffset, Side, TicketOrderType } from '../orders/types.ts';
import { amount, priceText } from '../ui/trading/format.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "20 Nov 2026 14:30", local time: the person's own clock, as they typed the expiry. */
export function expiryText(at: number): string {
  const d = new Date(at);
  const hm = [d.getHours(), d.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${hm}`;
}

/** Stops (loss and trailing) fire when the price moves against the side; take-profits the other way. */
function firesOnFall(type: TicketOrderType | 'stop-loss' | 'take-profit', side: Side): boolean {
  const stopLike = type !== 'take-profit' && type !== 'take-profit-limit';
  return stopLike === (side === 'sell');
}

const offsetText = (o: PriceOffset | undefined, quote: string) =>
  o ? (o.unit === 'percent' ? `${amount(o.value)} %` : `${amount(o.value)} ${quote}`) : '?';

/** "Sells 0.1 BTC at market if …". */
export function orderInWords(order: OrderRequest, rules: Pick<PairRules, 'base' | 'quote'>): string {
  const { base, quote } = rules;
  const sell = order.side === 'sell';
  const Verb = sell ? 'Sells' : 'Buys';
  const verb = sell ? 'sell' : 'buy';
  const qty = `${amount(order.volume)} ${base}`;
  const price = (p: string | undefined) => `${priceText(p ?? '?')} ${quote}`;
  const better = sell ? 'or more' : 'or less';
  const move = (type: TicketOrderType) => (firesOnFall(type, order.side) ? 'falls' : 'rises');
  const trail = `the price ${move(order.type)} ${offsetText(order.trailOffset, quote)} ${sell ? 'below its highest' : 'above its lowest'} since it was placed`;
  let text: string;
  switch (order.type) {
    case 'market':
      text = `${Verb} ${qty} at market now.`;
      break;
    case 'limit':
      text = `${Verb} ${qty} at ${price(order.limitPrice)} ${better}${limitTail(order)}`;
      break;
    case 'stop-loss':
    case 'take-profit':
      text = `${Verb} ${qty} at market if the price ${move(order.type)} to ${price(order.triggerPrice)}.`;
      break;
    case 'stop-loss-limit':
    case 'take-profit-limit':
      text = `If the price ${move(order.type)} to ${price(order.triggerPrice)}, places a limit order to ${verb} ${qty} at ${price(order.limitPrice)} ${better}.`;
      break;
    case 'trailing-stop':
      text = `${Verb} ${qty} at market if ${trail}.`;
      break;
    case 'trailing-stop-limit':
      text = `If ${trail}, places a limit order to ${verb} ${qty} at ${offsetText(order.limitOffset, quote)} ${sell ? 'below' : 'above'} that trigger ${better}.`;
      break;
    default: {
      const never: never = order.type;
      throw new RangeError(`unknown order type ${String(never)}`);
    }
  }
  if (order.type !== 'limit' && order.type !== 'market' && order.expiresAt !== undefined)
    text += ` If it has not triggered by ${expiryText(order.expiresAt)}, it expires.`;
  if (order.close) {
    const closeSide: Side = sell ? 'buy' : 'sell';
    const type = order.close.type === 'stop-loss' ? 'stop-loss' : 'take-profit';
    text += ` Once it has filled, a ${type} ${closeSide}s the same amount at market if the price ${firesOnFall(type, closeSide) ? 'falls' : 'rises'} to ${price(order.close.price)}.`;
  }
  return text;
}

/** How long a limit order stays, and post-only. */
function limitTail(order: OrderRequest): string {
  const post = order.postOnly
    ? ' Post-only: it only ever adds to the book; Kraken cancels it if it would trade at once.'
    : '';
  switch (order.timeInForce) {
    case 'GTC':
      return `; what does not fill at once rests in the book until you cancel it.${post}`;
    case 'GTD':
      return `; what does not fill at once rests in the book until ${order.expiresAt === undefined ? '?' : expiryText(order.expiresAt)}.${post}`;
    case 'IOC':
      return '; what does not fill at once is cancelled.';
    case 'FOK':
      return ', all of it at once or nothing at all.';
    default: {
      const never: never = order.timeInForce;
      throw new RangeError(`unknown time in force ${String(never)}`);
    }
  }
}
