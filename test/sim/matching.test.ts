import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, getJson, startTestSim } from './helpers.ts';
import { ok } from './private-helpers.ts';

let sim: SimHandle;
let start: AnyJson;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 11 });
  start = await ok(sim, 'Balance');
});
afterAll(() => sim.close());

const book = () => sim.exchange.market.pair('BTC/USD')?.book;
const bestAsk = () => book()?.asks.best()?.tick ?? 0;
const bestBid = () => book()?.bids.best()?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);
/** Exact decimal arithmetic on balance strings (units of 10^-10), so the reconciliation is to the unit. */
const units = (text: string, scale = 10) => {
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
  return text.startsWith('-') ? -value : value;
};

async function setPrice(price: string): Promise<void> {
  const response = await fetch(`${sim.rest}/_sim/market/price`, {
    method: 'POST',
    body: JSON.stringify({ symbol: 'BTC/USD', price }),
  });
  expect(await response.json()).toEqual({ ok: true });
}

async function order(txid: string): Promise<AnyJson> {
  return (await ok(sim, 'QueryOrders', { txid, trades: true }))[txid];
}

describe('matching engine', () => {
  it('a market buy walks the asks, pays the 0.40 % taker fee and moves both balances', async () => {
    const before = await ok(sim, 'Balance');
    const asks = book()?.asks.snapshot(5) ?? [];
    const txid = (
      await ok(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.05' })
    ).txid[0];
    const placed = await order(txid);
    expect(placed).toMatchObject({ status: 'closed', vol: '0.05000000', vol_exec: '0.05000000' });
    expect(placed.descr.order).toBe('buy 0.05000000 XBTUSD @ market');
    // Cost = Σ level price × qty over the levels the order walked, to 4 USD decimals.
    let remaining = 5_000_000n;
    let cost = 0n; // 10^-9 USD
    for (const level of asks) {
      const take = level.qty < remaining ? level.qty : remaining;
      cost += BigInt(level.tick) * take;
      remaining -= take;
      if (remaining === 0n) break;
    }
    expect(Number(placed.cost)).toBeCloseTo(Number(cost) / 1e9, 3);
    expect(Number(placed.fee)).toBeCloseTo(Number(placed.cost) * 0.004, 3);
    const after = await ok(sim, 'Balance');
    expect(units(after.XXBT) - units(before.XXBT)).toBe(units('0.05'));
    expect(units(before.ZUSD) - units(after.ZUSD)).toBe(units(placed.cost) + units(placed.fee));
    const history = (await ok(sim, 'TradesHistory')).trades;
    const trades = Object.values(history).filter((t: AnyJson) => t.ordertxid === txid) as AnyJson[];
    expect(trades.length).toBeGreaterThan(0);
    expect(trades.every((t) => t.maker === false && t.pair === 'XXBTZUSD' && t.type === 'buy')).toBe(true);
    expect((await ok(sim, 'ClosedOrders')).closed[txid].status).toBe('closed');
  });

  it('a viqc market buy spends the given quote amount', async () => {
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'market',
        volume: '1000',
        oflags: 'viqc',
      })
    ).txid[0];
    const placed = await order(txid);
    expect(placed.status).toBe('closed');
    expect(Number(placed.cost)).toBeGreaterThan(999);
    expect(Number(placed.cost)).toBeLessThanOrEqual(1000);
  });

  it('a limit rests, partially fills when the market reaches it, then fills as maker (0.25 %, then the next tier at 0.20 %)', async () => {
    const limitTick = bestBid() - 500;
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.9',
        price: usd(limitTick),
      })
    ).txid[0];
    expect((await order(txid)).status).toBe('open');
    // Keep the account in the starter fee tier (earlier fills count towards its 30-day volume).
    await getJson(`${sim.rest}/_sim/accounts/volume`, { method: 'POST', body: '{"volume":"0"}' });
    // The market trades one tick below the limit: only the ask level at the limit crosses it.
    await setPrice(usd(limitTick - 1));
    const partial = await order(txid);
    expect(partial.status).toBe('open');
    expect(Number(partial.vol_exec)).toBeGreaterThan(0);
    expect(Number(partial.vol_exec)).toBeLessThan(0.9);
    // One fill, at the starter tier's maker fee.
    expect(Number(partial.fee)).toBeCloseTo(Number(partial.cost) * 0.0025, 3);
    await getJson(`${sim.rest}/_sim/accounts/volume`, { method: 'POST', body: '{"volume":"0"}' });
    await setPrice(usd(limitTick - 2000));
    const filled = await order(txid);
    expect(filled).toMatchObject({ status: 'closed', vol_exec: '0.90000000' });
    // Average price = Σ rounded fill costs / volume, so it may differ from the limit in the last digits.
    expect(Number(filled.price)).toBeCloseTo(limitTick / 10, 2);
    // The fills themselves lift the 30-day volume past $10,000: later fills pay the next tiers' 0.20 % and 0.14 %.
    expect(Number(filled.fee)).toBeLessThan(Number(filled.cost) * 0.0025);
    expect(Number(filled.fee)).toBeGreaterThan(Number(filled.cost) * 0.0014);
    expect(filled.trades.length).toBeGreaterThan(1);
  });

  it('a stop-loss sell triggers when the price falls to it; conditional close places the close order', async () => {
    const now = bestBid();
    const stop = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'sell',
        ordertype: 'stop-loss',
        volume: '0.01',
        price: usd(now - 3000),
      })
    ).txid[0];
    expect((await order(stop)).status).toBe('open');
    const parent = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: usd(now - 3500),
        'close[ordertype]': 'limit',
        'close[price]': usd(now + 5000),
      })
    ).txid[0];
    expect((await order(parent)).descr.close).toBe(`close position @ limit ${usd(now + 5000)}`);
    await setPrice(usd(now - 4000));
    expect((await order(stop)).status).toBe('closed');
    expect((await order(parent)).status).toBe('closed');
    const open = Object.values((await ok(sim, 'OpenOrders')).open) as AnyJson[];
    expect(open.some((o) => o.descr.order === `sell 0.01000000 XBTUSD @ limit ${usd(now + 5000)}`)).toBe(
      true,
    );
    await ok(sim, 'CancelAll');
  });

  it('GTD orders expire; CancelAllOrdersAfter really cancels when it fires', async () => {
    const price = usd(bestBid() - 5000);
    const gtd = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price,
        timeinforce: 'GTD',
        expiretm: '+1',
      })
    ).txid[0];
    // expiretm is whole seconds: "+1" expires within 1–2 s (checked every 250 ms).
    for (let i = 0; i < 30 && (await order(gtd)).status !== 'expired'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await order(gtd)).status).toBe('expired');
    const plain = (
      await ok(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.01', price })
    ).txid[0];
    const armed = await ok(sim, 'CancelAllOrdersAfter', { timeout: 1 });
    expect(Object.keys(armed)).toEqual(['currentTime', 'triggerTime']);
    expect(armed.currentTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(armed.triggerTime) - Date.parse(armed.currentTime)).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await order(plain)).status).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await order(plain)).status).toBe('canceled');
    const disarmed = await ok(sim, 'CancelAllOrdersAfter', { timeout: 0 });
    expect(disarmed.triggerTime).toBe('0');
  });

  it('an IOC limit takes what crosses and cancels the rest', async () => {
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: usd(bestBid() - 100),
        timeinforce: 'IOC',
      })
    ).txid[0];
    expect((await order(txid)).status).toBe('canceled');
  });

  it('balances reconcile: start + Σ fills − Σ fees = now, and holds equal what open orders reserve', async () => {
    await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'sell',
      ordertype: 'limit',
      volume: '0.1',
      price: usd(bestAsk() + 8000),
    });
    await ok(sim, 'AddOrder', {
      pair: 'ETHUSD',
      type: 'sell',
      ordertype: 'market',
      volume: '1.5',
      oflags: 'fcib',
    });
    const now = await ok(sim, 'Balance');
    const trades = Object.values((await ok(sim, 'TradesHistory')).trades) as AnyJson[];
    const expected = new Map<string, bigint>(Object.entries(start).map(([k, v]) => [k, units(v as string)]));
    const ids: Record<string, [string, string]> = { XXBTZUSD: ['XXBT', 'ZUSD'], XETHZUSD: ['XETH', 'ZUSD'] };
    const paidInBase = new Set<string>();
    for (const order of Object.values((await ok(sim, 'ClosedOrders')).closed) as AnyJson[]) {
      if (order.oflags.includes('fcib')) paidInBase.add(order.descr.order);
    }
    for (const trade of trades) {
      const [base, quote] = ids[trade.pair] ?? ['?', '?'];
      const sign = trade.type === 'buy' ? 1n : -1n;
      const fcib = [...paidInBase].some((d) => d.startsWith(`${trade.type} `)) && trade.pair === 'XETHZUSD';
      expected.set(
        base,
        (expected.get(base) ?? 0n) + sign * units(trade.vol) - (fcib ? units(trade.fee) : 0n),
      );
      expected.set(
        quote,
        (expected.get(quote) ?? 0n) - sign * units(trade.cost) - (fcib ? 0n : units(trade.fee)),
      );
    }
    for (const [asset, value] of expected) expect([asset, units(now[asset])]).toEqual([asset, value]);
    const ex = await ok(sim, 'BalanceEx');
    expect(ex.XXBT.hold_trade).toBe('0.1000000000');
    await ok(sim, 'CancelAll');
    expect((await ok(sim, 'BalanceEx')).XXBT.hold_trade).toBe('0.0000000000');
  });
});

describe('a triggered stop never spends funds the account does not have', () => {
  it('a buy stop that sweeps far above its trigger fills only what the free funds pay for', async () => {
    const own = await startTestSim({ rateLimit: 'off', seed: 12 });
    try {
      const pair = own.exchange.market.pair('BTC/USD');
      const bidTick = pair?.best().bid?.tick ?? 0;
      const askTick = pair?.best().ask?.tick ?? 0;
      const place = (params: Record<string, unknown>) => ok(own, 'AddOrder', { pair: 'XBTUSD', ...params });
      // Reserve almost all USD with a resting buy far below the market.
      await place({ type: 'buy', ordertype: 'limit', volume: '1.02', price: usd(bidTick - 1000) });
      const free =
        Number((await ok(own, 'BalanceEx')).ZUSD.balance) -
        Number((await ok(own, 'BalanceEx')).ZUSD.hold_trade);
      const trigger = askTick + 50;
      const volume = (Math.floor(((free * 0.97) / (trigger / 10) / 1.004) * 1e8) / 1e8).toFixed(8);
      const stop = (await place({ type: 'buy', ordertype: 'stop-loss', volume, price: usd(trigger) }))
        .txid[0];
      const response = await fetch(`${own.rest}/_sim/market/price`, {
        method: 'POST',
        body: JSON.stringify({ symbol: 'BTC/USD', price: usd(Math.round(trigger * 1.25)) }),
      });
      expect(await response.json()).toEqual({ ok: true });
      const result = (await ok(own, 'QueryOrders', { txid: stop }))[stop];
      expect(['closed', 'canceled']).toContain(result.status);
      expect(Number(result.vol_exec)).toBeLessThan(Number(volume));
      const after = await ok(own, 'BalanceEx');
      expect(Number(after.ZUSD.balance)).toBeGreaterThanOrEqual(Number(after.ZUSD.hold_trade));
    } finally {
      await own.close();
    }
  });
});
