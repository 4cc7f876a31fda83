import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, getJson, isChannel, startTestSim, WsClient } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 44 });
});
afterAll(() => sim.close());

const setVolume = (volume: string, account?: string) =>
  getJson(`${sim.rest}/_sim/accounts/volume`, { method: 'POST', body: JSON.stringify({ volume, account }) });

describe('TradeVolume', () => {
  it('starter tier: 30-day volume, taker fee info in fees and maker in fees_maker, per requested pair', async () => {
    await setVolume('0');
    expect(await ok(sim, 'TradeVolume')).toEqual({ currency: 'ZUSD', volume: '0.0000' });
    const result = await ok(sim, 'TradeVolume', { pair: 'XBTUSD,ETH/USD' });
    expect(Object.keys(result.fees)).toEqual(['XXBTZUSD', 'XETHZUSD']);
    expect(result.fees.XXBTZUSD).toEqual({
      fee: '0.4000',
      min_fee: '0.1000',
      max_fee: '0.4000',
      next_fee: '0.3500',
      tier_volume: '0.0000',
      next_volume: '10000.0000',
    });
    expect(result.fees_maker.XXBTZUSD).toEqual({
      fee: '0.2500',
      min_fee: '0.0000',
      max_fee: '0.2500',
      next_fee: '0.2000',
      tier_volume: '0.0000',
      next_volume: '10000.0000',
    });
    expect(result.schedules).toBeUndefined();
    expect(await errors(sim, 'TradeVolume', { pair: 'XBT/USD' })).toEqual(['EQuery:Unknown asset pair']);
  });

  it('moving the volume across tiers moves the fees; the top tier has no next tier', async () => {
    await setVolume('120000');
    const mid = await ok(sim, 'TradeVolume', { pair: 'XBTUSD' });
    expect(mid.volume).toBe('120000.0000');
    expect(mid.fees.XXBTZUSD).toMatchObject({
      fee: '0.2200',
      tier_volume: '100000.0000',
      next_volume: '250000.0000',
    });
    expect(mid.fees_maker.XXBTZUSD).toMatchObject({ fee: '0.1200', next_fee: '0.1000' });
    await setVolume('20000000');
    const top = await ok(sim, 'TradeVolume', { pair: 'XBTUSD' });
    expect(top.fees.XXBTZUSD).toMatchObject({ fee: '0.1000', next_fee: null, next_volume: null });
    expect(top.fees_maker.XXBTZUSD.fee).toBe('0.0000');
    // Accounts have their own volume.
    expect((await ok(sim, 'TradeVolume', {})).volume).toBe('20000000.0000');
    const second = await privateCall(sim, 'TradeVolume', {}, sim.keys.second);
    expect(second.json.result.volume).toBe('0.0000');
  });

  it('fills are charged at the tier (REST, TradesHistory and WS executions) and add their USD cost to the volume', async () => {
    await setVolume('120000');
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    client.send({ method: 'subscribe', params: { channel: 'executions', token, snap_orders: false } });
    await client.next((frame) => JSON.parse(frame).method === 'subscribe');
    const txid = (
      await ok(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.05' })
    ).txid[0];
    const order = (await ok(sim, 'QueryOrders', { txid }))[txid];
    expect(Number(order.fee)).toBeCloseTo(Number(order.cost) * 0.0022, 4);
    const trades = Object.values((await ok(sim, 'TradesHistory')).trades) as AnyJson[];
    const mine = trades.filter((trade) => trade.ordertxid === txid);
    for (const trade of mine) expect(Number(trade.fee)).toBeCloseTo(Number(trade.cost) * 0.0022, 4);
    const frame = await client.next(
      (f) => JSON.parse(f).channel === 'executions' && JSON.parse(f).data[0].exec_type === 'trade',
    );
    const report = JSON.parse(frame).data[0];
    expect(report.fees[0].qty).toBeCloseTo(report.cost * 0.0022, 4);
    const volume = Number((await ok(sim, 'TradeVolume')).volume);
    expect(volume).toBeCloseTo(120000 + Number(order.cost), 3);
    await client.close();
    expect(isChannel('executions')(frame)).toBe(true);
  });

  it('fee_schedule: true (form text or JSON literal) adds schedules; "True" and the string "true" in JSON are refused', async () => {
    const form = await ok(sim, 'TradeVolume', { pair: 'XBTUSD', fee_schedule: 'true' });
    expect(form.schedules.XXBTZUSD).toHaveLength(10);
    expect(form.schedules.XXBTZUSD[0]).toEqual({
      volume: '0.0000',
      maker_fee: '0.2500',
      taker_fee: '0.4000',
    });
    const json = await privateCall(
      sim,
      'TradeVolume',
      { pair: 'XBTUSD', fee_schedule: true },
      { json: true },
    );
    expect(json.json.result.schedules.XXBTZUSD).toHaveLength(10);
    expect(
      (await ok(sim, 'TradeVolume', { pair: 'XBTUSD', fee_schedule: 'false' })).schedules,
    ).toBeUndefined();
    expect(await errors(sim, 'TradeVolume', { pair: 'XBTUSD', fee_schedule: 'True' })).toEqual([
      'EGeneral:Invalid arguments',
    ]);
    const quoted = await privateCall(sim, 'TradeVolume', { fee_schedule: 'true' }, { json: true });
    expect(quoted.json.error).toEqual(['EGeneral:Invalid arguments']);
  });
});

describe('TradeVolume on the REST counter', () => {
  it('costs 1: the 16th call in a burst on a starter key is refused', async () => {
    const limited = await startTestSim({ seed: 45 });
    try {
      const results: string[][] = [];
      for (let i = 0; i < 16; i += 1) results.push(await errors(limited, 'TradeVolume'));
      expect(results.slice(0, 15).every((e) => e.length === 0)).toBe(true);
      expect(results[15]).toEqual(['EAPI:Rate limit exceeded']);
    } finally {
      await limited.close();
    }
  });
});
