import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, nextNonce, ok, sign } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 61 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await ok(sim, 'CancelAll');
});

const setPrice = (price: string) =>
  getJson(`${sim.rest}/_sim/market/price`, {
    method: 'POST',
    body: JSON.stringify({ symbol: 'BTC/USD', price }),
  });
const query = async (txid: string): Promise<AnyJson> =>
  (await ok(sim, 'QueryOrders', { txid, trades: true }))[txid];

/** A signed AddOrder whose form body is sent exactly as written (no URL encoding). */
async function rawAddOrder(fields: string): Promise<string[]> {
  const nonce = nextNonce();
  const body = `nonce=${nonce}&${fields}`;
  const path = '/0/private/AddOrder';
  const response = await fetch(`${sim.rest}${path}`, {
    method: 'POST',
    headers: {
      'API-Key': sim.keys.trading.key,
      'API-Sign': sign(sim.keys.trading.secret, path, nonce, body),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  });
  return (await response.json()).error;
}

describe('trailing stops (REST)', () => {
  it('a +5% trailing sell does not fire on a rise, fires once after a 5% fall from the peak', async () => {
    await setPrice('90000.0');
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'trailing-stop',
        volume: '0.01',
        price: '+5%',
      })
    ).txid[0];
    const placed = await query(txid);
    expect(placed.descr).toMatchObject({
      ordertype: 'trailing-stop',
      order: 'sell 0.01000000 XBTUSD @ trailing stop +5.0000%',
    });
    expect(placed.stopprice).toBe('85500.00000');
    await setPrice('100000.0');
    const risen = await query(txid);
    expect(risen.status).toBe('open');
    expect(risen.stopprice).toBe('95000.00000');
    await setPrice('95100.0');
    expect((await query(txid)).status).toBe('open');
    await setPrice('94900.0');
    const fired = await query(txid);
    expect(fired).toMatchObject({ status: 'closed', vol_exec: '0.01000000' });
    const tradeCount = fired.trades.length;
    await setPrice('80000.0');
    await setPrice('110000.0');
    await setPrice('90000.0');
    const after = await query(txid);
    expect(after.trades).toHaveLength(tradeCount);
    expect(after.vol_exec).toBe('0.01000000');
  });

  it('trailing-stop-limit: +offset trigger, +/- limit offset from the trigger; absolute offsets at the tick', async () => {
    await setPrice('90000.0');
    const result = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'trailing-stop-limit',
      volume: '0.01',
      price: '+100',
      price2: '+10',
    });
    expect(result.descr.order).toBe('buy 0.01000000 XBTUSD @ trailing stop +100.0 -> limit +10.0');
    expect((await query(result.txid[0])).stopprice).toBe('90100.00000');
  });

  it('refuses trailing prices that are not a + offset with EOrder:Invalid price — and an unencoded "+5%" is exactly that', async () => {
    const base = { pair: 'XBTUSD', type: 'sell', ordertype: 'trailing-stop', volume: '0.01' };
    const invalid = ['EOrder:Invalid price:Invalid price argument'];
    expect(await errors(sim, 'AddOrder', { ...base, price: '85000.0' })).toEqual(invalid);
    expect(await errors(sim, 'AddOrder', { ...base, price: '-5%' })).toEqual(invalid);
    expect(await errors(sim, 'AddOrder', { ...base, price: '#5%' })).toEqual(invalid);
    expect(
      await errors(sim, 'AddOrder', {
        ...base,
        ordertype: 'trailing-stop-limit',
        price: '+5%',
        price2: '3%',
      }),
    ).toEqual(invalid);
    // Form decoding turns a raw "+" into a space: the engine sees " 5%".
    const fields = 'pair=XBTUSD&type=sell&ordertype=trailing-stop&volume=0.01';
    expect(await rawAddOrder(`${fields}&price=+5%`)).toEqual(invalid);
    expect(await rawAddOrder(`${fields}&price=%2B5%25`)).toEqual([]);
  });

  it('relative prices on plain orders resolve against the last trade (+, -, #, %)', async () => {
    await setPrice('90000.0');
    const buy = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.01',
      price: '-1%',
    });
    expect(buy.descr.order).toBe('buy 0.01000000 XBTUSD @ limit 89100.0');
    const hash = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'sell',
      ordertype: 'limit',
      volume: '0.01',
      price: '#500',
    });
    expect(hash.descr.order).toBe('sell 0.01000000 XBTUSD @ limit 90500.0');
    const stop = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'sell',
      ordertype: 'stop-loss',
      volume: '0.01',
      price: '#2%',
    });
    expect(stop.descr.order).toBe('sell 0.01000000 XBTUSD @ stop loss 88200.0');
    expect(
      await errors(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: '-0.05',
      }),
    ).toEqual(['EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.']);
  });
});

describe('trailing stops on WS v2 add_order', () => {
  it('triggers {price, price_type:"pct"} places a trailing stop; executions carry the triggers object', async () => {
    await setPrice('90000.0');
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    await client.next(isChannel('status'));
    client.send({ method: 'subscribe', params: { channel: 'executions', token, snap_orders: false } });
    await client.next(isMethod('subscribe'));
    client.send({
      method: 'add_order',
      params: {
        order_type: 'trailing-stop',
        side: 'sell',
        order_qty: 0.01,
        symbol: 'BTC/USD',
        triggers: { reference: 'last', price: 5, price_type: 'pct' },
        token,
      },
      req_id: 7,
    });
    const reply = JSON.parse(await client.next(isMethod('add_order')));
    expect(reply.success).toBe(true);
    const pending = JSON.parse(await client.next((f) => f.includes('"pending_new"')));
    expect(pending.data[0]).toMatchObject({
      order_type: 'trailing-stop',
      triggers: {
        reference: 'last',
        price: 5,
        price_type: 'pct',
        actual_price: 85500,
        peak_price: 90000,
        status: 'untriggered',
      },
    });
    client.send({
      method: 'add_order',
      params: {
        order_type: 'trailing-stop',
        side: 'sell',
        order_qty: 0.01,
        symbol: 'BTC/USD',
        triggers: { price: -5, price_type: 'pct' },
        token,
      },
      req_id: 8,
    });
    expect(JSON.parse(await client.next(isMethod('add_order')))).toMatchObject({ success: false, req_id: 8 });
    await client.close();
  });
});
