import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { getJson, startTestSim } from './helpers.ts';

/** ccxt 4.5.84's kraken, unchanged and only pointed at the simulator, on fees and trailing stops. */
let sim: SimHandle;
let exchange: InstanceType<typeof ccxt.kraken>;

beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'relaxed', seed: 23 });
  exchange = new ccxt.kraken({
    apiKey: sim.keys.trading.key,
    secret: sim.keys.trading.secret,
    enableRateLimit: false,
    timeout: 10_000,
  });
  exchange.urls.api = { ...exchange.urls.api, public: sim.rest, private: sim.rest };
  await exchange.loadMarkets();
});
afterAll(() => sim.close());

const setVolume = (volume: string) =>
  getJson(`${sim.rest}/_sim/accounts/volume`, { method: 'POST', body: JSON.stringify({ volume }) });

describe('ccxt fees against the simulator', () => {
  it("fetchTradingFee('BTC/USD') reads the account's tier from TradeVolume", async () => {
    await setVolume('0');
    expect(await exchange.fetchTradingFee('BTC/USD')).toMatchObject({
      symbol: 'BTC/USD',
      maker: 0.0025,
      taker: 0.004,
      percentage: true,
      tierBased: true,
    });
    await setVolume('60000');
    expect(await exchange.fetchTradingFee('BTC/USD')).toMatchObject({ maker: 0.0014, taker: 0.0024 });
  });

  it('fetchTradingFees is not implemented by ccxt 4.5.84 for kraken (has.fetchTradingFees is false)', async () => {
    expect(exchange.has.fetchTradingFees).toBe(false);
    await expect(exchange.fetchTradingFees()).rejects.toThrow(/not supported/i);
  });
});

describe('ccxt trailing stops against the simulator', () => {
  it('createOrder with trailingPercent / trailingAmount (+ trailingLimitAmount) places Kraken trailing stops', async () => {
    await getJson(`${sim.rest}/_sim/market/price`, {
      method: 'POST',
      body: JSON.stringify({ symbol: 'BTC/USD', price: '90000.0' }),
    });
    const pct = await exchange.createOrder('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingPercent: '5',
    });
    const amount = await exchange.createOrder('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingAmount: '500',
    });
    const limit = await exchange.createOrder('BTC/USD', 'limit', 'sell', 0.01, undefined, {
      trailingAmount: '500',
      trailingLimitAmount: '10',
    });
    const open = await exchange.fetchOpenOrders('BTC/USD');
    const byId = new Map(open.map((order) => [order.id, order]));
    const info = (id: string | undefined) =>
      byId.get(id)?.info as { descr: { ordertype: string; order: string }; stopprice: string };
    expect(info(pct.id).descr.ordertype).toBe('trailing-stop');
    expect(info(pct.id).stopprice).toBe('85500.00000');
    expect(info(amount.id).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +500.0');
    expect(info(limit.id).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +500.0 -> limit -10.0');
    await exchange.cancelAllOrders();
  });
});
