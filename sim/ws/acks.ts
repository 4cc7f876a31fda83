import { assertNever } from '../assert-never.ts';
import type { JsonValue } from '../json-raw.ts';
import type { Subscription } from './subscription.ts';

/**
 * `result` of subscribe/unsubscribe acks, one per symbol, shaped like the documentation's examples
 * (https://docs.kraken.com/api/docs/websocket-v2/book, /ticker, /instrument):
 *  book   subscribe {"channel":"book","depth":10,"snapshot":true,"symbol":"ALGO/USD"}
 *  ticker subscribe {"channel":"ticker","snapshot":true,"symbol":"ALGO/USD"}
 *  ticker unsubscribe {"channel":"ticker","event_trigger":"trades","symbol":"ALGO/USD"}
 *  instrument subscribe {"channel":"instrument","snapshot":true,"warnings":["tick_size is deprecated, use price_increment"]}
 *  trade  subscribe {"channel":"trade","snapshot":false,"symbol":"BTC/USD"} (recorded live)
 * The ticker subscribe example has no `event_trigger`; the simulator adds it only for `bbo`, so a bbo
 * subscription is distinguishable.
 */
export function subscribeResult(sub: Subscription, snapshot: boolean): JsonValue {
  switch (sub.channel) {
    case 'ticker':
      return {
        channel: 'ticker',
        event_trigger: sub.eventTrigger === 'bbo' ? 'bbo' : undefined,
        snapshot,
        symbol: sub.symbol,
      };
    case 'book':
      return { channel: 'book', depth: sub.depth, snapshot, symbol: sub.symbol };
    case 'trade':
      return { channel: 'trade', snapshot, symbol: sub.symbol };
    case 'ohlc':
      return { channel: 'ohlc', interval: sub.interval, snapshot, symbol: sub.symbol };
    case 'instrument':
      return { channel: 'instrument', snapshot, warnings: ['tick_size is deprecated, use price_increment'] };
    default:
      return assertNever(sub);
  }
}

export function unsubscribeResult(sub: Subscription): JsonValue {
  switch (sub.channel) {
    case 'ticker':
      return { channel: 'ticker', event_trigger: sub.eventTrigger, symbol: sub.symbol };
    case 'book':
      return { channel: 'book', depth: sub.depth, symbol: sub.symbol };
    case 'trade':
      return { channel: 'trade', symbol: sub.symbol };
    case 'ohlc':
      return { channel: 'ohlc', interval: sub.interval, symbol: sub.symbol };
    case 'instrument':
      return { channel: 'instrument' };
    default:
      return assertNever(sub);
  }
}
