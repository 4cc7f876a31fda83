import type ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { ccxtPro, ccxtRest, tradeAt } from './ccxt-clients.ts';
import { type AnyJson, startTestSim } from './helpers.ts';

/**
 * ccxt's amend path, unchanged, against the simulator: REST `editOrder` is Kraken's AmendOrder, pro
 * `editOrderWs` is WS amend_order (ccxt 4.5.84 js/src/kraken.js, js/src/pro/kraken.js). Both amend in place: the
 * order keeps its id (and, at Kraken, its queue priority where possible), and OrderAmends lists each amend.
 * Where ccxt and Kraken's docs part ways, see docs/kraken-quirks.md "ccxt against Kraken's docs".
 */
let sim: SimHandle;
let rest: InstanceType<typeof ccxt.kraken>;
let pro: InstanceType<typeof ccxt.pro.kraken>;

beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'relaxed', seed: 24 });
  rest = ccxtRest(sim);
  pro = await ccxtPro(sim);
  await rest.loadMarkets();
  await tradeAt(sim, '90000.0');
});
afterAll(async () => {
  await pro.close();
  await sim.close();
});

const open = async (id: string | undefined) => {
  const found = (await rest.fetchOpenOrders('BTC/USD')).find((o) => o.id === id);
  if (!found) throw new Error(`order ${id} is not open`);
  return found;
};
const amends = async (id: string | undefined): Promise<AnyJson[]> =>
  ((await rest.privatePostOrderAmends({ order_id: id })) as AnyJson).result.amends;

describe('ccxt REST editOrder (AmendOrder)', () => {
  it('a limit order: new amount and price, the same id, each amend in OrderAmends', async () => {
    const placed = await rest.createOrder('BTC/USD', 'limit', 'buy', 0.01, 80_000);
    const edited = await rest.editOrder(placed.id ?? '', 'BTC/USD', 'limit', 'buy', 0.02, 80_500);
    expect(await open(placed.id)).toMatchObject({ id: placed.id, amount: 0.02, price: 80_500 });
    const history = await amends(placed.id);
    // Kraken answers AmendOrder with the amend's id only; ccxt 4.5.84 hands it back as the order's `id`.
    expect(edited.id).toBe(history[1].amend_id);
    expect(history.map((a) => [a.amend_type, a.order_qty, a.limit_price])).toEqual([
      ['original', '0.01000000', '80000.0'],
      ['user', '0.02000000', '80500.0'],
    ]);
    await rest.cancelOrder(placed.id ?? '');
  });

  it('a stop-loss: stopLossPrice moves the trigger, and the new trigger fires', async () => {
    await tradeAt(sim, '90000.0');
    const placed = await rest.createOrder('BTC/USD', 'market', 'sell', 0.01, undefined, {
      stopLossPrice: 85_000,
    });
    await rest.editOrder(placed.id ?? '', 'BTC/USD', 'market', 'sell', undefined, undefined, {
      stopLossPrice: 88_000,
    });
    expect((await open(placed.id)).info.stopprice).toBe('88000.00000');
    await tradeAt(sim, '87900.0');
    expect((await rest.fetchOrder(placed.id ?? '', 'BTC/USD')).status).toBe('closed');
  });

  it("a trailing stop: Kraken's +offset only with params.offset '+' (ccxt sends the bare number otherwise)", async () => {
    await tradeAt(sim, '90000.0');
    const placed = await rest.createOrder('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingAmount: '500',
    });
    await expect(
      rest.editOrder(placed.id ?? '', 'BTC/USD', 'market', 'sell', undefined, undefined, {
        trailingAmount: '600',
      }),
    ).rejects.toThrow(/EOrder:Invalid price/);
    await rest.editOrder(placed.id ?? '', 'BTC/USD', 'market', 'sell', undefined, undefined, {
      trailingAmount: '600',
      offset: '+',
    });
    expect((await open(placed.id)).info.descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +600.0');
    // A percentage needs its % in the value itself: ccxt's editOrder adds none.
    await rest.editOrder(placed.id ?? '', 'BTC/USD', 'market', 'sell', undefined, undefined, {
      trailingPercent: '2%',
      offset: '+',
    });
    expect((await open(placed.id)).info).toMatchObject({
      descr: { order: 'sell 0.01000000 XBTUSD @ trailing stop +2.0000%' },
      stopprice: '88200.00000',
    });
    await rest.cancelOrder(placed.id ?? '');
  });
});

describe('ccxt pro editOrderWs (amend_order)', () => {
  it('a limit order: new amount and price over the socket, the same id', async () => {
    const placed = await pro.createOrderWs('BTC/USD', 'limit', 'buy', 0.01, 80_000);
    const edited = await pro.editOrderWs(placed.id ?? '', 'BTC/USD', 'limit', 'buy', 0.03, 79_500);
    expect(edited.id).toBe(placed.id);
    expect(await open(placed.id)).toMatchObject({ amount: 0.03, price: 79_500 });
    expect((await amends(placed.id)).map((a) => a.amend_type)).toEqual(['original', 'user']);
    await rest.cancelOrder(placed.id ?? '');
  });

  it('a trailing stop: trailingPercent becomes a pct trigger, trailing from the peak it has seen', async () => {
    await tradeAt(sim, '90000.0');
    const placed = await pro.createOrderWs('BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingPercent: 5,
    });
    await tradeAt(sim, '92000.0');
    await pro.editOrderWs(placed.id ?? '', 'BTC/USD', 'market', 'sell', 0.01, undefined, {
      trailingPercent: 1,
    });
    expect((await open(placed.id)).info).toMatchObject({
      descr: { order: 'sell 0.01000000 XBTUSD @ trailing stop +1.0000%' },
      stopprice: '91080.00000',
    });
    await tradeAt(sim, '91000.0');
    expect((await rest.fetchOrder(placed.id ?? '', 'BTC/USD')).status).toBe('closed');
  });
});
