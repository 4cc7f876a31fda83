// Shared inputs for the trading UI tests: BTC/USD with the rules of Kraken's AssetPairs example (price 1
// decimal, lot 8, cost 5, ordermin 0.0001, costmin 0.5, tick 0.1) and a small book around 45,284.
import type { PairRules } from '../../../lib/kraken/pairs/rules.ts';
import { STARTER_FEES } from '../../../lib/orders/fees.ts';
import type { BookTop, OrderView } from '../../../lib/orders/types.ts';
import type { TicketContext } from '../../../lib/trading/ticket.ts';
import type { TradingView } from '../../../lib/trading/types.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

export const BTCUSD: PairRules = BTC_USD_RULES;

export const BOOK: BookTop = {
  symbol: 'BTC/USD',
  asks: [
    { price: '45285.2', qty: '0.5' },
    { price: '45286.0', qty: '2' },
  ],
  bids: [
    { price: '45283.5', qty: '1' },
    { price: '45282.0', qty: '3' },
  ],
  at: 1_000,
};

export const ctx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: BTCUSD,
  book: BOOK,
  last: '45284.0',
  available: { USD: '1000', BTC: '0.5' },
  fees: STARTER_FEES,
  ...patch,
});

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
  live: { kind: 'no-key', message: 'Add an API key in Settings' },
  orders: [],
  fills: [],
  intents: [],
  balances: [
    { asset: 'USD', total: '1000', hold: '0', available: '1000', usdValue: '1000' },
    { asset: 'BTC', total: '0.5', hold: '0', available: '0.5', usdValue: '22642' },
  ],
  deadMan: { kind: 'off' },
  ...patch,
});
