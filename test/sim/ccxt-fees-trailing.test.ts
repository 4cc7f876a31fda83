import type ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { ccxtPro, ccxtRest, tradeAt } from './ccxt-clients.ts';
import { getJson, startTestSim } from './helpers.ts';

/** ccxt 4.5.84's kraken (REST and pro), unchanged and only pointed at the simulator, on fees and trailing stops. */
let sim: SimHandle;
let exchange: InstanceType<typeof ccxt.kraken>;

beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'relaxed', seed: 23 });
  exchange = ccxtRest(sim);
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

describe('ccxt trailing stops fire as Kraken describes them', () => {
  it('a 5 % trailing sell follows the highest price since it was placed and sells once it falls 5 % below', async () => {
    await tradeAt(sim, '90000.0');
    const placed = await exchange.createOrder('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingPercent: '5',
    });
    await tradeAt(sim, '95000.0'); // the peak: the trigger follows to 90250.0
    await tradeAt(sim, '90300.0');
    expect((await exchange.fetchOrder(placed.id ?? '', 'BTC/USD')).status).toBe('open');
    await tradeAt(sim, '90200.0');
    expect(await exchange.fetchOrder(placed.id ?? '', 'BTC/USD')).toMatchObject({
      status: 'closed',
      filled: 0.01,
    });
  });
});

describe('ccxt pro (WebSocket v2) on fees and trailing stops', () => {
  let pro: InstanceType<typeof ccxt.pro.kraken>;
  beforeAll(async () => {
    pro = await ccxtPro(sim);
  });
  afterAll(() => pro.close());

  it("fetchTradingFee is REST's TradeVolume in pro too", async () => {
    await setVolume('0');
    expect(await pro.fetchTradingFee('BTC/USD')).toMatchObject({ maker: 0.0025, taker: 0.004 });
  });

  it('createOrderWs with trailingPercent / trailingAmount places trailing stops (add_order triggers)', async () => {
    await tradeAt(sim, '90000.0');
    const pct = await pro.createOrderWs('BTC/USD', 'market', 'sell', 0.01, undefined, { trailingPercent: 5 });
    const quote = await pro.createOrderWs('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingAmount: 500,
    });
    // ccxt pro's trailing-stop-limit: the trigger's offset from trailingLimitAmount, the limit's offset from the
    // trigger from `price`, signed as Kraken's limit_price is (REST ccxt takes it from trailingLimitAmount).
    const limit = await pro.createOrderWs('BTC/USD', 'limit', 'sell', 0.01, -10, {
      trailingLimitAmount: 500,
    });
    const open = new Map((await exchange.fetchOpenOrders('BTC/USD')).map((o) => [o.id, o]));
    const info = (id: string | undefined) =>
      open.get(id)?.info as { descr: { order: string }; stopprice: string };
    expect(info(pct.id)).toMatchObject({
      descr: { order: 'sell 0.01000000 XBTUSD @ trailing stop +5.0000%' },
      stopprice: '85500.00000',
    });
    expect(info(quote.id).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +500.0');
    expect(info(limit.id).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +500.0 -> limit -10.0');
    await exchange.cancelAllOrders();
  });
});
