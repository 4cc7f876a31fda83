import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok } from './private-helpers.ts';

/**
 * Amending a trigger (AmendOrder `trigger_price`, WS amend_order `trigger_price` + `trigger_price_type`):
 * "The new trigger price to activate the order (for triggered order types only)", absolute or relative with
 * `+`/`-` and `%` (https://docs.kraken.com/api/docs/rest-api/amend-order). The new trigger is the one that fires.
 */
let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 83 });
});
afterAll(() => sim.close());

async function tradeAt(price: string): Promise<void> {
  const res = await fetch(`${sim.rest}/_sim/market/price`, {
    method: 'POST',
    body: JSON.stringify({ symbol: 'BTC/USD', price }),
  });
  expect(res.status).toBe(200);
}

const order = async (txid: string) => (await ok(sim, 'QueryOrders', { txid }))[txid];

async function place(params: Record<string, string>): Promise<string> {
  return (await ok(sim, 'AddOrder', { pair: 'XBTUSD', volume: '0.01', ...params })).txid[0];
}

describe('AmendOrder trigger_price', () => {
  it('moves a stop-loss trigger (absolute), and the new trigger is the one that fires', async () => {
    await tradeAt('90000.0');
    const txid = await place({ type: 'sell', ordertype: 'stop-loss', price: '85000.0' });
    await ok(sim, 'AmendOrder', { txid, trigger_price: '88000.0' });
    expect(await order(txid)).toMatchObject({ status: 'open', stopprice: '88000.00000' });
    expect((await order(txid)).descr.order).toBe('sell 0.01000000 XBTUSD @ stop loss 88000.0');
    await tradeAt('88500.0');
    expect((await order(txid)).status).toBe('open');
    await tradeAt('87900.0');
    expect((await order(txid)).status).toBe('closed');
    const history = await ok(sim, 'OrderAmends', { order_id: txid });
    expect(history.amends.map((a: { trigger_price: string }) => a.trigger_price)).toEqual([
      '85000.0',
      '88000.0',
    ]);
  });

  it('reads a relative trigger against the last trade: "-2%" of 90000.0 is 88200.0', async () => {
    await tradeAt('90000.0');
    const txid = await place({ type: 'sell', ordertype: 'stop-loss', price: '85000.0' });
    await ok(sim, 'AmendOrder', { txid, trigger_price: '-2%' });
    expect((await order(txid)).stopprice).toBe('88200.00000');
    await ok(sim, 'CancelOrder', { txid });
  });

  it("gives a trailing stop a new offset from its peak, written as at placement (Kraken's +)", async () => {
    await tradeAt('90000.0');
    const txid = await place({ type: 'sell', ordertype: 'trailing-stop', price: '+5%' });
    await tradeAt('92000.0'); // the peak
    expect((await order(txid)).stopprice).toBe('87400.00000');
    await ok(sim, 'AmendOrder', { txid, trigger_price: '+1%' });
    expect(await order(txid)).toMatchObject({ status: 'open', stopprice: '91080.00000' });
    expect((await order(txid)).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +1.0000%');
    // A trailing stop's trigger is an offset: a bare price is not one (AddOrder: trailing stops "must use" +),
    // nor a percentage without its + (what clients that sent "5%" got: docs/kraken-quirks.md).
    expect(await errors(sim, 'AmendOrder', { txid, trigger_price: '500.0' })).toEqual([
      'EOrder:Invalid price:Invalid price argument',
    ]);
    expect(await errors(sim, 'AmendOrder', { txid, trigger_price: '2%' })).toEqual([
      'EOrder:Invalid price:Invalid price argument',
    ]);
    // In the quote currency, as the extension sends it ("+600", trailing zeros dropped): 92000.0 − 600.
    await ok(sim, 'AmendOrder', { txid, trigger_price: '+600' });
    expect(await order(txid)).toMatchObject({ status: 'open', stopprice: '91400.00000' });
    await ok(sim, 'AmendOrder', { txid, trigger_price: '+1%' });
    await tradeAt('91000.0');
    expect((await order(txid)).status).toBe('closed');
  });

  it('refuses a trigger on an order that has none, and a trigger finer than the tick', async () => {
    await tradeAt('90000.0');
    const limit = await place({ type: 'buy', ordertype: 'limit', price: '80000.0' });
    expect(await errors(sim, 'AmendOrder', { txid: limit, trigger_price: '81000.0' })).toEqual([
      'EGeneral:Invalid arguments:trigger_price',
    ]);
    const stop = await place({ type: 'sell', ordertype: 'stop-loss', price: '85000.0' });
    expect(await errors(sim, 'AmendOrder', { txid: stop, trigger_price: '85000.05' })).toEqual([
      'EOrder:Invalid price:XXBTZUSD price can only be specified up to 1 decimals.',
    ]);
    expect((await order(stop)).stopprice).toBe('85000.00000');
    await ok(sim, 'CancelAll');
  });
});

describe('WS amend_order trigger_price', () => {
  it('static for a stop, pct for a trailing stop; the executions feed shows the new trigger', async () => {
    await tradeAt('90000.0');
    const stop = await place({ type: 'sell', ordertype: 'stop-loss', price: '85000.0' });
    const trailing = await place({ type: 'sell', ordertype: 'trailing-stop', price: '+500.0' });
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    await client.next(isChannel('status'));
    client.send({ method: 'subscribe', params: { channel: 'executions', snap_orders: false, token } });
    await client.next(isMethod('subscribe'));
    client.send({ method: 'amend_order', params: { order_id: stop, trigger_price: 86000, token } });
    expect(JSON.parse(await client.next(isMethod('amend_order'))).success).toBe(true);
    const report = JSON.parse(await client.next(isChannel('executions', 'update')));
    expect(report.data[0]).toMatchObject({
      order_id: stop,
      exec_type: 'amended',
      triggers: { price: 86000, price_type: 'static', actual_price: 86000 },
    });
    client.send({
      method: 'amend_order',
      params: { order_id: trailing, trigger_price: 2, trigger_price_type: 'pct', token },
    });
    expect(JSON.parse(await client.next(isMethod('amend_order'))).success).toBe(true);
    expect((await order(trailing)).descr.order).toBe('sell 0.01000000 XBTUSD @ trailing stop +2.0000%');
    expect((await order(trailing)).stopprice).toBe('88200.00000');
    client.send({ method: 'amend_order', params: { order_id: stop, trigger_price: -1, token } });
    expect(JSON.parse(await client.next(isMethod('amend_order'))).error).toBe(
      'EGeneral:Invalid arguments:trigger_price',
    );
    await client.close();
    await ok(sim, 'CancelAll');
  });
});
