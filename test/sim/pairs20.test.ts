import { readFileSync } from 'node:fs';
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import {
  type AnyJson,
  checksumOf,
  FIXTURES,
  getJson,
  isChannel,
  rawChecksum,
  rawLevels,
  startTestSim,
  WsClient,
} from './helpers.ts';
import { privateCall } from './private-helpers.ts';

/**
 * `--pairs 20` over real sockets: the 14 opt-in pairs are served by every public endpoint and by ccxt, an
 * order on one of them executes, the six default pairs move exactly as in a 6-pair simulator, and a 6-pair
 * simulator (the default) knows none of the 14.
 */

/** v2 symbol → REST pair id of the opt-in pairs (as recorded from live AssetPairs; docs/kraken-quirks.md). */
const EXTRA: Readonly<Record<string, string>> = {
  'ADA/USD': 'ADAUSD',
  'ALGO/USD': 'ALGOUSD',
  'ATOM/USD': 'ATOMUSD',
  'AVAX/USD': 'AVAXUSD',
  'BCH/USD': 'BCHUSD',
  'DOT/USD': 'DOTUSD',
  'ETC/USD': 'XETCZUSD',
  'EUR/USD': 'ZEURZUSD',
  'LINK/USD': 'LINKUSD',
  'LTC/USD': 'XLTCZUSD',
  'TRX/USD': 'TRXUSD',
  'UNI/USD': 'UNIUSD',
  'XLM/USD': 'XXLMZUSD',
  'XMR/USD': 'XXMRZUSD',
};
const CORE_IDS = ['SOLUSD', 'XDGUSD', 'XETHXXBT', 'XETHZUSD', 'XXBTZUSD', 'XXRPZUSD'];
const ALL_IDS = [...CORE_IDS, ...Object.values(EXTRA)].sort();

/** The real 2024 instrument snapshot, parsed (numbers as JS numbers: enough to compare decimals here). */
const fixture = JSON.parse(
  readFileSync(
    new URL('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json', FIXTURES),
    'utf8',
  ),
) as { data: { pairs: AnyJson[] } };
const realPair = (symbol: string): AnyJson => fixture.data.pairs.find((p) => p.symbol === symbol);

let sim20: SimHandle;
let sim6: SimHandle;
beforeAll(async () => {
  [sim20, sim6] = await Promise.all([startTestSim({ pairs: 20 }), startTestSim()]);
});
afterAll(async () => {
  await Promise.all([sim20.close(), sim6.close()]);
});

const pub = (sim: SimHandle, path: string) => getJson(`${sim.rest}/0/public/${path}`);

describe('a 20-pair simulator, public REST', () => {
  it('AssetPairs lists all 20, sorted by id, each with the real instrument metadata', async () => {
    const { json } = await pub(sim20, 'AssetPairs');
    expect(json.error).toEqual([]);
    expect(Object.keys(json.result)).toEqual(ALL_IDS);
    for (const [symbol, id] of Object.entries(EXTRA)) {
      const pair = json.result[id];
      const real = realPair(symbol);
      expect(pair.quote, symbol).toBe('ZUSD');
      expect(pair.pair_decimals, symbol).toBe(real.price_precision);
      expect(pair.lot_decimals, symbol).toBe(real.qty_precision);
      expect(pair.cost_decimals, symbol).toBe(real.cost_precision);
      expect(Number(pair.ordermin), symbol).toBe(real.qty_min);
      expect(Number(pair.tick_size), symbol).toBe(real.price_increment);
      expect(pair.status, symbol).toBe('online');
    }
    // EUR/USD is not marginable in the snapshot: no leverage, no position limits.
    expect(json.result.ZEURZUSD).toMatchObject({ leverage_buy: [], leverage_sell: [] });
    expect(json.result.ZEURZUSD).not.toHaveProperty('long_position_limit');
    expect(json.result.XLTCZUSD).toMatchObject({ altname: 'LTCUSD', wsname: 'LTC/USD', base: 'XLTC' });
    expect(json.result.XLTCZUSD.leverage_buy.length).toBeGreaterThan(0);
  });

  it('resolves the new pairs by id, altname and v2 name', async () => {
    const { json } = await pub(sim20, 'AssetPairs?pair=XLTCZUSD,XLMUSD,ADA/USD,avaxusd');
    expect(Object.keys(json.result)).toEqual(['XLTCZUSD', 'XXLMZUSD', 'ADA/USD', 'AVAXUSD']);
  });

  it('Ticker answers for all 20, with a sane book top at cost_decimals', async () => {
    const { json: pairs } = await pub(sim20, 'AssetPairs');
    const { json } = await pub(sim20, 'Ticker');
    expect(json.error).toEqual([]);
    expect(Object.keys(json.result)).toEqual(ALL_IDS);
    for (const id of ALL_IDS) {
      const row = json.result[id];
      const decimals = pairs.result[id].cost_decimals;
      const [ask, bid, last] = [row.a[0], row.b[0], row.c[0]];
      for (const price of [ask, bid, last])
        expect(price, id).toMatch(new RegExp(`^\\d+\\.\\d{${decimals}}$`));
      expect(Number(bid), id).toBeGreaterThan(0);
      expect(Number(bid), id).toBeLessThan(Number(ask));
      expect(Number(row.v[1]), id).toBeGreaterThan(0);
    }
  });

  it('Assets lists the 20 assets of those pairs, with the legacy prefixes where Kraken keeps them', async () => {
    const { json } = await pub(sim20, 'Assets');
    expect(Object.keys(json.result)).toEqual(
      [
        ...['ADA', 'ALGO', 'ATOM', 'AVAX', 'BCH', 'DOT', 'LINK', 'SOL', 'TRX', 'UNI', 'XETC', 'XETH'],
        ...['XLTC', 'XXBT', 'XXDG', 'XXLM', 'XXMR', 'XXRP', 'ZEUR', 'ZUSD'],
      ].sort(),
    );
    expect(json.result.XLTC).toMatchObject({ altname: 'LTC', decimals: 10 });
    expect(json.result.ZEUR).toMatchObject({ altname: 'EUR', decimals: 4 });
  });

  it('the six default pairs move as in a 6-pair simulator with the same seed', async () => {
    for (const id of ['XXBTZUSD', 'XETHXXBT', 'XDGUSD']) {
      const [a, b] = await Promise.all([
        pub(sim20, `Depth?pair=${id}&count=50`),
        pub(sim6, `Depth?pair=${id}&count=50`),
      ]);
      const levels = (json: AnyJson) => ({
        asks: json.result[id].asks.map((l: string[]) => [l[0], l[1]]),
        bids: json.result[id].bids.map((l: string[]) => [l[0], l[1]]),
      });
      expect(levels(a.json), id).toEqual(levels(b.json));
    }
  });
});

describe('a 20-pair simulator, WebSocket v2 and trading', () => {
  it('ticker and book snapshots for every new pair; books verify against their checksums', async () => {
    const client = await WsClient.open(sim20.wsPublic);
    const symbols = Object.keys(EXTRA);
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: symbols }, req_id: 1 });
    for (const symbol of symbols) {
      const frame = JSON.parse(
        await client.next((f) => isChannel('ticker', 'snapshot')(f) && f.includes(`"${symbol}"`)),
      );
      expect(frame.data[0].bid, symbol).toBeLessThan(frame.data[0].ask);
    }
    client.send({ method: 'subscribe', params: { channel: 'book', symbol: symbols }, req_id: 2 });
    for (const symbol of symbols) {
      const frame = await client.next((f) => isChannel('book', 'snapshot')(f) && f.includes(`"${symbol}"`));
      const asks = rawLevels(frame, 'asks');
      expect(asks, symbol).toHaveLength(10);
      expect(checksumOf(asks, rawLevels(frame, 'bids')), symbol).toBe(rawChecksum(frame));
    }
    await client.close();
  });

  it('Balance lists the new assets with demo funds; a market buy of LTC/USD executes and credits XLTC', async () => {
    const before = await privateCall(sim20, 'Balance');
    expect(before.json.result).toMatchObject({
      XLTC: '50.0000000000',
      ZEUR: '5000.0000',
      ADA: '5000.00000000',
    });
    const order = await privateCall(sim20, 'AddOrder', {
      pair: 'LTCUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '1.5',
    });
    expect(order.json.error).toEqual([]);
    expect(order.json.result.txid).toHaveLength(1);
    const after = await privateCall(sim20, 'Balance');
    expect(after.json.result.XLTC).toBe('51.5000000000');
    expect(Number(after.json.result.ZUSD)).toBeLessThan(Number(before.json.result.ZUSD));
  });
});

describe('the default 6-pair simulator knows none of the 14', () => {
  it('REST refuses them; Balance and Assets do not list their assets', async () => {
    expect(Object.keys((await pub(sim6, 'AssetPairs')).json.result)).toEqual(CORE_IDS);
    expect((await pub(sim6, 'Ticker?pair=LTCUSD')).json.error).toEqual(['EQuery:Unknown asset pair']);
    expect((await pub(sim6, 'Depth?pair=XLTCZUSD')).json.error).toEqual(['EQuery:Unknown asset pair']);
    expect((await pub(sim6, 'Assets?asset=LTC')).json.error).toEqual(['EQuery:Unknown asset']);
    const order = await privateCall(sim6, 'AddOrder', {
      pair: 'LTCUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '1',
    });
    expect(order.json.error).toEqual(['EQuery:Unknown asset pair']);
    expect(Object.keys((await privateCall(sim6, 'Balance')).json.result).sort()).toEqual([
      'SOL',
      'XETH',
      'XXBT',
      'XXDG',
      'XXRP',
      'ZUSD',
    ]);
  });

  it('WS v2 refuses a subscription to LTC/USD', async () => {
    const client = await WsClient.open(sim6.wsPublic);
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['LTC/USD'] }, req_id: 3 });
    const reply = JSON.parse(await client.next((f) => f.includes('"method":"subscribe"')));
    expect(reply).toMatchObject({ success: false, error: 'Currency pair not supported LTC/USD' });
    await client.close();
  });
});

describe('ccxt against a 20-pair simulator', () => {
  it('fetchMarkets and fetchTickers load all 20', async () => {
    const exchange = new ccxt.kraken({ enableRateLimit: false, timeout: 10_000 });
    exchange.urls.api = { ...exchange.urls.api, public: sim20.rest, private: sim20.rest };
    const markets = await exchange.fetchMarkets();
    const spot = markets.filter((m) => m?.spot);
    expect(spot.map((m) => m?.id).sort()).toEqual(ALL_IDS);
    expect(spot.find((m) => m?.id === 'XLTCZUSD')).toMatchObject({
      symbol: 'LTC/USD',
      base: 'LTC',
      quote: 'USD',
    });
    expect(spot.find((m) => m?.id === 'ZEURZUSD')).toMatchObject({
      symbol: 'EUR/USD',
      base: 'EUR',
      quote: 'USD',
    });
    const tickers = await exchange.fetchTickers();
    const symbols = Object.keys(tickers).sort();
    expect(symbols).toEqual(
      [...Object.keys(EXTRA), 'BTC/USD', 'DOGE/USD', 'ETH/BTC', 'ETH/USD', 'SOL/USD', 'XRP/USD'].sort(),
    );
    for (const symbol of symbols) {
      const ticker = tickers[symbol];
      expect(ticker?.bid, symbol).toBeGreaterThan(0);
      expect(ticker?.bid, symbol).toBeLessThan(ticker?.ask ?? 0);
    }
  });
});
