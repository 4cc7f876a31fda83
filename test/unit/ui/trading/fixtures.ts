// Shared inputs for the trading panels' tests: an order and a trading view (paper, 1,000 USD and 0.5 BTC).
import type { OrderView } from '../../../../lib/orders/types.ts';
import type { TradingView } from '../../../../lib/trading/types.ts';

export const order = (patch: Partial<OrderView> = {}): OrderView => ({
  id: 'O-1',
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  limitPrice: '45000.0',
  volume: '0.01000000',
  filled: '0.00000000',
  status: 'new',
  createdAt: 1_000,
  ...patch,
});

export const tradingView = (patch: Partial<TradingView> = {}): TradingView => ({
  mode: 'paper',
  live: { kind: 'no-key', otherEndpoint: false },
  orders: [],
  fills: [],
  intents: [],
  fees: { source: 'starter', makerPercent: '0.25', takerPercent: '0.40' },
  rates: [],
  balances: [
    { asset: 'USD', total: '1000', hold: '0', available: '1000', usdValue: '1000' },
    { asset: 'BTC', total: '0.5', hold: '0', available: '0.5', usdValue: '22642' },
  ],
  deadMan: { kind: 'off' },
  ...patch,
});
