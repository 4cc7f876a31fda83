// The words of an order the engine knows (Kraken's own spellings), below both the order and the price math.

/** Order types the engine executes (REST `ordertype`; WS v2 `order_type` spells them the same). */
export type OrderType =
  | 'market'
  | 'limit'
  | 'stop-loss'
  | 'take-profit'
  | 'stop-loss-limit'
  | 'take-profit-limit'
  | 'trailing-stop'
  | 'trailing-stop-limit';
export const ORDER_TYPES: readonly OrderType[] = [
  'market',
  'limit',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
  'trailing-stop',
  'trailing-stop-limit',
];

export type OrderSide = 'buy' | 'sell';
export type TimeInForce = 'GTC' | 'IOC' | 'GTD' | 'FOK';
/** REST order statuses (https://docs.kraken.com/api/docs/rest-api/get-open-orders). */
export type OrderStatus = 'pending' | 'open' | 'closed' | 'canceled' | 'expired';
