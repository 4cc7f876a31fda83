import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { type AnyJson, getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';
import { errors, ok, privateCall } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 21 });
});
afterAll(() => sim.close());

const post = (path: string, body?: unknown) =>
  getJson(`${sim.rest}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const bid = () => sim.exchange.market.pair('BTC/USD')?.best().bid?.tick ?? 0;
const usd = (tick: number) => (tick / 10).toFixed(1);
const as = (material: { key: string; secret: string }) => ({ key: material.key, secret: material.secret });

async function okAs(
  material: { key: string; secret: string },
  method: string,
  params = {},
): Promise<AnyJson> {
  const reply = await privateCall(sim, method, params, as(material));
  if (reply.json.error.length > 0) throw new Error(`${method}: ${reply.json.error.join(', ')}`);
  return reply.json.result;
}

async function newKey(body: Record<string, unknown>): Promise<{ key: string; secret: string }> {
  const reply = await post('/_sim/keys', body);
  expect(reply.status).toBe(200);
  return { key: reply.json.key, secret: reply.json.secret };
}

describe('several accounts', () => {
  it("an order placed with account A's key is invisible to account B (REST and WS executions)", async () => {
    const second = sim.keys.second;
    const tokenB = (await okAs(second, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    await client.next(isChannel('status'));
    client.send({ method: 'subscribe', params: { channel: 'executions', token: tokenB, snap_orders: true } });
    const snapshot = JSON.parse(await client.next(isChannel('executions', 'snapshot')));
    expect(snapshot.data).toEqual([]);
    const placed = await ok(sim, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '0.01',
    });
    const txid = placed.txid[0];
    expect(Object.hasOwn(await ok(sim, 'QueryOrders', { txid }), txid)).toBe(true);
    expect(await okAs(second, 'QueryOrders', { txid })).toEqual({});
    expect((await okAs(second, 'ClosedOrders')).count).toBe(0);
    expect((await okAs(second, 'TradesHistory')).count).toBe(0);
    expect((await okAs(second, 'Balance')).ZUSD).toBe('100000.0000');
    // B's own order shows up on B's feed; A's never did.
    const own = await okAs(second, 'AddOrder', {
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.01',
      price: usd(bid() - 900),
    });
    const frame = await client.next((f) => JSON.parse(f).channel === 'executions');
    expect(JSON.parse(frame).data[0].order_id).toBe(own.txid[0]);
    expect(client.frames.join('\n')).not.toContain(txid);
    expect(Object.keys((await okAs(second, 'OpenOrders')).open)).toEqual([own.txid[0]]);
    expect(Object.keys((await ok(sim, 'OpenOrders')).open)).not.toContain(own.txid[0]);
    await client.close();
  });

  it('POST /_sim/accounts makes a fresh funded account with its own key, orders and nonces', async () => {
    const made = await post('/_sim/accounts');
    expect(made.json).toMatchObject({ ok: true, account: expect.stringMatching(/^acct-\d+$/) });
    const material = { key: made.json.key, secret: made.json.secret };
    // Its nonces are its own: a nonce far below the main key's is fine for the new key.
    const reply = await privateCall(sim, 'Balance', {}, { ...as(material), nonce: '5' });
    expect(reply.json.error).toEqual([]);
    expect(reply.json.result.XXBT).toBe('2.0000000000');
    expect((await okAs(material, 'OpenOrders')).open).toEqual({});
    expect((await post('/_sim/accounts/volume', { account: 'nope', volume: '1' })).status).toBe(400);
  });
});

describe('key permissions and GetApiKeyInfo', () => {
  it("GetApiKeyInfo answers Kraken's documented shape for the calling key", async () => {
    const result = await ok(sim, 'GetApiKeyInfo');
    expect(result).toEqual({
      apiKeyName: 'sim-trading',
      apiKey: sim.keys.trading.key,
      nonce: expect.stringMatching(/^\d+$/),
      nonceWindow: 0,
      permissions: [
        'query-funds',
        'query-open-trades',
        'query-closed-trades',
        'modify-trades',
        'close-trades',
        'query-ledger',
        'create-ws-token',
      ],
      iban: expect.stringMatching(/^[A-Z]{2}\d{2} [A-Z0-9]{4} [A-Z0-9]{4} [A-Z0-9]{4}$/),
      validUntil: '0',
      queryFrom: '0',
      queryTo: '0',
      createdTime: expect.stringMatching(/^\d{10}$/),
      modifiedTime: expect.stringMatching(/^\d{10}$/),
      ipAllowlist: [],
      lastUsed: expect.stringMatching(/^\d{10}$/),
    });
    const withdraw = await okAs(sim.keys.withdraw, 'GetApiKeyInfo');
    expect(withdraw.permissions).toContain('withdraw-funds');
    expect(withdraw.permissions).toContain('modify-trades');
    expect((await okAs(sim.keys.query, 'GetApiKeyInfo')).permissions).not.toContain('modify-trades');
  });

  it('a key made by /_sim/keys carries its permissions, name, expiry and allow-list', async () => {
    const validUntil = Math.floor(Date.now() / 1000) + 3600;
    const key = await newKey({
      permissions: ['query-funds'],
      name: 'probe',
      validUntil,
      ipAllowlist: ['127.0.0.0/8'],
    });
    const info = await okAs(key, 'GetApiKeyInfo');
    expect(info).toMatchObject({
      apiKeyName: 'probe',
      permissions: ['query-funds'],
      validUntil: String(validUntil),
      ipAllowlist: ['127.0.0.0/8'],
    });
    expect(await errors(sim, 'AddOrder', { pair: 'XBTUSD' }, as(key))).toEqual([
      'EGeneral:Permission denied',
    ]);
    expect(await errors(sim, 'WithdrawStatus', {}, as(key))).toEqual(['EGeneral:Permission denied']);
    expect((await post('/_sim/keys', { permissions: ['trade'] })).status).toBe(400);
  });

  it('an expired key and a caller outside the allow-list are refused with EAPI:Invalid key', async () => {
    const expired = await newKey({ permissions: ['query-funds'], validUntil: 1_000_000_000 });
    expect(await errors(sim, 'Balance', {}, as(expired))).toEqual(['EAPI:Invalid key']);
    const elsewhere = await newKey({ permissions: ['query-funds'], ipAllowlist: ['203.0.113.7'] });
    expect(await errors(sim, 'Balance', {}, as(elsewhere))).toEqual(['EAPI:Invalid key']);
    const here = await newKey({ permissions: ['query-funds'], ipAllowlist: ['127.0.0.1'] });
    expect(await errors(sim, 'Balance', {}, as(here))).toEqual([]);
  });

  it('WithdrawStatus: an empty list for withdraw-funds or query-ledger keys', async () => {
    expect(await okAs(sim.keys.withdraw, 'WithdrawStatus')).toEqual([]);
    const withdrawOnly = await newKey({ permissions: ['withdraw-funds'], account: 'second' });
    expect(await okAs(withdrawOnly, 'WithdrawStatus')).toEqual([]);
    expect(await ok(sim, 'WithdrawStatus')).toEqual([]);
  });

  it('a query-only key cannot trade over WebSocket either', async () => {
    const token = (await okAs(sim.keys.query, 'GetWebSocketsToken')).token;
    const client = await WsClient.open(sim.wsPrivate ?? '');
    client.send({
      method: 'add_order',
      params: { order_type: 'market', side: 'buy', order_qty: 0.001, symbol: 'BTC/USD', token },
      req_id: 3,
    });
    expect(JSON.parse(await client.next(isMethod('add_order')))).toMatchObject({
      success: false,
      error: 'EGeneral:Permission denied',
    });
    await client.close();
  });
});
