import { assertNever } from '../assert-never.ts';
import type { OhlcInterval } from '../market/intervals.ts';
import type { BookDepth, ChannelRequest, EventTrigger } from './requests.ts';

/** One live subscription of a connection. */
export type Subscription =
  | { readonly channel: 'ticker'; readonly symbol: string; readonly eventTrigger: EventTrigger }
  | { readonly channel: 'book'; readonly symbol: string; readonly depth: BookDepth }
  | { readonly channel: 'trade'; readonly symbol: string }
  | { readonly channel: 'ohlc'; readonly symbol: string; readonly interval: OhlcInterval }
  | { readonly channel: 'instrument' };

/**
 * Identity of a subscription within a connection: one ticker/book/trade stream per symbol (a second
 * subscribe is "Already subscribed"), one ohlc stream per symbol and interval.
 */
export function subscriptionKey(sub: Subscription): string {
  switch (sub.channel) {
    case 'ticker':
    case 'book':
    case 'trade':
      return `${sub.channel}:${sub.symbol}`;
    case 'ohlc':
      return `ohlc:${sub.symbol}:${sub.interval}`;
    case 'instrument':
      return 'instrument';
    default:
      return assertNever(sub);
  }
}

/** The subscriptions a request names, one per symbol (instrument has none). */
export function subscriptionsOf(request: ChannelRequest): Subscription[] {
  switch (request.channel) {
    case 'ticker':
      return request.symbols.map((symbol) => ({
        channel: 'ticker',
        symbol,
        eventTrigger: request.eventTrigger,
      }));
    case 'book':
      return request.symbols.map((symbol) => ({ channel: 'book', symbol, depth: request.depth }));
    case 'trade':
      return request.symbols.map((symbol) => ({ channel: 'trade', symbol }));
    case 'ohlc':
      return request.symbols.map((symbol) => ({ channel: 'ohlc', symbol, interval: request.interval }));
    case 'instrument':
      return [{ channel: 'instrument' }];
    default:
      return assertNever(request);
  }
}
