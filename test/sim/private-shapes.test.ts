import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, FIXTURES, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { ok } from './private-helpers.ts';

/**
 * Field-by-field comparison of the simulator's private replies with Kraken's official examples
 * (krakenfx/api-specs examples, docs.kraken.com WS v2 examples), as test/sim does for the public side.
 */
const EXAMPLES = new URL('official/krakenfx-api-specs_spot-rest/examples/responses/', FIXTURES);
const rest = (path: string): AnyJson => parse(readFileSync(new URL(path, EXAMPLES), 'utf8'));
const wsDocs: AnyJson[] = JSON.parse(
  readFileSync(new URL('official/ws_v2_docs_examples.json', FIXTURES), 'utf8'),
).examples;
const wsExample = (page: string, predicate: (msg: AnyJson) => boolean): AnyJson =>
  wsDocs.find((e) => e.page.endsWith(page) && e.dir === 'server->client' && predicate(e.msg))?.msg;

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 41 });
});
afterAll(() => sim.close());

const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

describe('REST private replies against the official examples', () => {
  it('ClosedOrders: {closed, count}; every field of the official closed order, same types', async () => {
    const official = rest('user/orders/closed.yaml').result;
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: usd(bid() - 900),
        userref: 1000,
      })
    ).txid[0];
    await ok(sim, 'CancelOrder', { txid });
    const result = await ok(sim, 'ClosedOrders');
    expect(Object.keys(result)).toEqual(Object.keys(official));
    const example: AnyJson = Object.values(official.closed)[0];
    const mine = result.closed[txid];
    for (const [key, value] of Object.entries(example)) {
      if (value === null) continue; // refid is null in the example; ours too (checked below)
      expect([key, typeOf(mine[key])]).toEqual([key, typeOf(value)]);
    }
    expect(mine.refid).toBeNull();
    expect(Object.keys(mine.descr)).toEqual(Object.keys(example.descr));
    expect(mine).toMatchObject({ status: 'canceled', reason: 'User requested', userref: 1000 });
  });

  it('TradesHistory: {trades, count}; the spot fields of the official trade, same types', async () => {
    const official = rest('user/trades/history.yaml').result;
    await ok(sim, 'AddOrder', { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.001' });
    const result = await ok(sim, 'TradesHistory');
    expect(Object.keys(result)).toEqual(Object.keys(official));
    const example: AnyJson = Object.values(official.trades)[0];
    const mine: AnyJson = Object.values(result.trades)[0];
    // Position fields (posstatus, cprice, ccost, cfee, cvol, cmargin, net, trades) only exist for margin trades.
    const spot = [
      'ordertxid',
      'postxid',
      'pair',
      'time',
      'type',
      'ordertype',
      'price',
      'cost',
      'fee',
      'vol',
      'margin',
      'leverage',
      'misc',
      'trade_id',
    ];
    for (const key of spot) expect([key, typeOf(mine[key])]).toEqual([key, typeOf(example[key])]);
    expect(typeof mine.maker).toBe('boolean');
  });

  it('QueryOrders and OpenOrders orders carry the fields of the official QueryOrders example', async () => {
    const example: AnyJson = Object.values(rest('user/orders/query.yaml').result)[0];
    const txid = (
      await ok(sim, 'AddOrder', {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '0.01',
        price: usd(bid() - 900),
      })
    ).txid[0];
    const queried = (await ok(sim, 'QueryOrders', { txid }))[txid];
    const listed = (await ok(sim, 'OpenOrders')).open[txid];
    for (const order of [queried, listed]) {
      for (const key of Object.keys(example)) expect(order).toHaveProperty(key);
      expect(order.vol).toMatch(/^\d+\.\d{8}$/);
    }
    await ok(sim, 'CancelAll');
  });
});

describe('WS v2 private messages against the docs examples', () => {
  it('executions ack, pending_new, new, trade and balances messages have the documented fields', async () => {
    const token = (await ok(sim, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    client.send({
      method: 'subscribe',
      params: { channel: 'executions', token, snap_orders: true, snap_trades: true },
    });
    const ack = JSON.parse(await client.next(isMethod('subscribe')));
    const docAck = wsExample('executions', (m) => m.method === 'subscribe');
    expect(Object.keys(ack).sort()).toEqual(Object.keys(docAck).sort());
    expect(Object.keys(ack.result).sort()).toEqual(Object.keys(docAck.result).sort());
    client.send({ method: 'subscribe', params: { channel: 'balances', token } });
    await client.next(isMethod('subscribe'));
    const snapshot = JSON.parse(await client.next(isChannel('balances', 'snapshot')));
    const docSnapshot = wsExample('balances', (m) => m.type === 'snapshot');
    expect(Object.keys(snapshot).sort()).toEqual(Object.keys(docSnapshot).sort());
    expect(Object.keys(snapshot.data[0])).toEqual(Object.keys(docSnapshot.data[0]));

    client.send({
      method: 'add_order',
      params: {
        order_type: 'limit',
        side: 'sell',
        order_qty: 0.005,
        limit_price: Number(usd(bid() - 500)),
        symbol: 'BTC/USD',
        order_userref: 3,
        token,
      },
    });
    const reports: AnyJson[] = [];
    for (let i = 0; i < 4; i += 1)
      reports.push(JSON.parse(await client.next(isChannel('executions', 'update'))).data[0]);
    const docPending = wsExample('executions', (m) => m.data?.[0]?.exec_type === 'pending_new').data[0];
    const docNew = wsExample('executions', (m) => m.data?.[0]?.exec_type === 'new').data[0];
    const docTrade = wsExample('executions', (m) => m.data?.[0]?.exec_type === 'trade').data[0];
    const [pending, live, trade] = reports;
    for (const key of Object.keys(docPending)) expect(pending).toHaveProperty(key);
    expect(Object.keys(live).sort()).toEqual(Object.keys(docNew).sort());
    for (const key of Object.keys(docTrade)) expect(trade).toHaveProperty(key);
    expect(trade).toMatchObject({
      exec_type: 'trade',
      order_status: 'partially_filled',
      liquidity_ind: 't',
      order_userref: 3,
    });
    const ledger = JSON.parse(
      client.frames.find((f) => f.includes('"channel":"balances","type":"update"')) ?? '{}',
    );
    const docLedger = wsExample('balances', (m) => m.type === 'update' && m.data?.[0]?.type === 'trade');
    expect(Object.keys(ledger).sort()).toEqual(Object.keys(docLedger).sort());
    expect(Object.keys(ledger.data[0]).sort()).toEqual(Object.keys(docLedger.data[0]).sort());
    await client.close();
  });
});

describe('Ledgers and QueryLedgers', () => {
  it('a fill writes one entry per asset, shaped like the official example, that reconciles with Balance', async () => {
    const official: AnyJson = Object.values(rest('user/ledgers/info.yaml').result.ledger)[0];
    const before = await ok(sim, 'Balance');
    const txid = (
      await ok(sim, 'AddOrder', { pair: 'ETHUSD', type: 'sell', ordertype: 'market', volume: '0.1' })
    ).txid[0];
    const tradeIds: string[] = (await ok(sim, 'QueryOrders', { txid, trades: true }))[txid].trades;
    const result = await ok(sim, 'Ledgers');
    // The official example indents `count` one level too far out (a sibling of `result`); Ledgers, like
    // ClosedOrders and TradesHistory, carries it inside the result.
    expect(rest('user/ledgers/info.yaml').count).toBe(4);
    expect(Object.keys(result)).toEqual(['ledger', 'count']);
    const mine = Object.entries(result.ledger).filter(([, e]: [string, AnyJson]) =>
      tradeIds.includes(e.refid),
    );
    expect(mine.length).toBe(2 * tradeIds.length);
    for (const [, entry] of mine as [string, AnyJson][]) {
      for (const [key, value] of Object.entries(official))
        expect([key, typeOf(entry[key])]).toEqual([key, typeOf(value)]);
      expect(entry.subtype).toBe('');
      expect(entry.type).toBe('trade');
    }
    const eth = mine.map(([, e]) => e as AnyJson).filter((e) => e.asset === 'XETH');
    const sold = eth.reduce((sum, e) => sum + Number(e.amount), 0);
    expect(sold).toBeCloseTo(-0.1, 10);
    const after = await ok(sim, 'Balance');
    expect(Number(after.XETH)).toBeCloseTo(Number(before.XETH) - 0.1, 10);
    const newest = eth.sort((a, b) => b.time - a.time)[0];
    expect(newest.balance).toBe(after.XETH);
    const [id] = mine[0] ?? [''];
    expect(Object.keys(await ok(sim, 'QueryLedgers', { id }))).toEqual([id]);
    expect((await ok(sim, 'Ledgers', { asset: 'XXDG' })).count).toBe(0);
  });
});
