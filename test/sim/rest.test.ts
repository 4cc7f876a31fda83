import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SimHandle } from '../../sim/server.ts';
import { FIXTURES, getJson, startTestSim, step } from './helpers.ts';

const example = (name: string) =>
  parse(
    readFileSync(
      new URL(`official/krakenfx-api-specs_spot-rest/examples/responses/public/${name}.yaml`, FIXTURES),
      'utf8',
    ),
  );
const ccxt = JSON.parse(
  readFileSync(new URL('ccxt/kraken_static_response_httpResponses.json', FIXTURES), 'utf8'),
) as {
  responses: { method: string; httpResponse: { result: Record<string, unknown> } }[];
};
const ccxtReply = (method: string) => {
  const found = ccxt.responses.find((r) => r.method.startsWith(method));
  if (!found) throw new Error(`no ccxt ${method}`);
  return found.httpResponse.result;
};

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Same JSON types and, for objects, the same keys in the same order; arrays compared per position against the example's first row (tuples) or element-wise. */
function expectSameShape(actual: unknown, reference: unknown, path = '$'): void {
  expect(kind(actual), path).toBe(kind(reference));
  if (Array.isArray(reference) && Array.isArray(actual)) {
    const template = reference[0];
    if (template === undefined) return;
    for (const [i, item] of actual.entries()) {
      expectSameShape(
        item,
        Array.isArray(template) ? template : (reference[Math.min(i, reference.length - 1)] ?? template),
        `${path}[${i}]`,
      );
    }
    return;
  }
  if (reference !== null && typeof reference === 'object' && actual !== null && typeof actual === 'object') {
    expect(Object.keys(actual), path).toEqual(Object.keys(reference));
    for (const key of Object.keys(reference)) {
      expectSameShape(
        (actual as Record<string, unknown>)[key],
        (reference as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
  }
}

/** A tuple row: per position type check against a template row. */
function expectSameTuple(row: unknown, template: unknown[]): void {
  expect(Array.isArray(row)).toBe(true);
  expect((row as unknown[]).length).toBe(template.length);
  for (const [i, cell] of (row as unknown[]).entries())
    expect(kind(cell), `position ${i}`).toBe(kind(template[i]));
}

const decimals = (n: number) => new RegExp(`^\\d+\\.\\d{${n}}$`);

let sim: SimHandle;
let base: string;
beforeAll(async () => {
  sim = await startTestSim({ seed: 11 });
  base = `${sim.rest}/0/public`;
  await step(sim, 20);
});
afterAll(() => sim.close());

describe('REST envelope, Time and SystemStatus', () => {
  it('Time has the official shape and Kraken’s rfc1123 style', async () => {
    const { status, json } = await getJson(`${base}/Time`);
    expect(status).toBe(200);
    expectSameShape(json, example('time'));
    expect(json.error).toEqual([]);
    expect(Math.abs(json.result.unixtime - Date.now() / 1000)).toBeLessThan(5);
    expect(json.result.rfc1123).toMatch(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [ \d]\d [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0000$/,
    );
  });

  it('SystemStatus reports online with an RFC 3339 second timestamp', async () => {
    const { json } = await getJson(`${base}/SystemStatus`);
    expect(json).toEqual({
      error: [],
      result: { status: 'online', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
    });
  });

  it('answers POST with a form body and with a JSON body like GET', async () => {
    const form = await getJson(`${base}/Depth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'pair=XBTUSD&count=2',
    });
    const json = await getJson(`${base}/Depth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pair: 'XBTUSD', count: 2 }),
    });
    expect(form.json.result.XXBTZUSD.asks).toHaveLength(2);
    expect(json.json.result).toEqual(form.json.result);
  });
});

describe('REST errors (exact Kraken strings)', () => {
  it.each([
    ['Foo', 404, { error: ['EGeneral:Unknown method'] }],
    ['ticker?pair=XBTUSD', 404, { error: ['EGeneral:Unknown method'] }],
    ['Depth', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['OHLC?pair=XBTUSD&interval=2', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['OHLC?pair=XBTUSD&since=abc', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['Depth?pair=XBTUSD&count=501', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['Depth?pair=XBTUSD&count=0', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['Trades?pair=XBTUSD&count=1001', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['AssetPairs?info=everything', 200, { error: ['EGeneral:Invalid arguments'] }],
    ['Ticker?pair=FOOBAR', 200, { error: ['EQuery:Unknown asset pair'] }],
    ['Ticker?pair=XBTUSD,FOOBAR', 200, { error: ['EQuery:Unknown asset pair'] }],
    ['Ticker?pair=XBT/USD', 200, { error: ['EQuery:Unknown asset pair'] }],
    ['OHLC?pair=XDG/USD', 200, { error: ['EQuery:Unknown asset pair'] }],
    ['Depth?pair=XBTUSD,ETHUSD', 200, { error: ['EQuery:Unknown asset pair'] }],
    ['Assets?asset=FOO', 200, { error: ['EQuery:Unknown asset'] }],
  ])('%s → %i %j', async (path, status, body) => {
    const reply = await getJson(`${base}/${path}`);
    expect(reply.status).toBe(status);
    expect(reply.json).toEqual(body);
  });

  it('unknown top-level paths and private methods answer like Kraken', async () => {
    expect((await getJson(`${sim.rest}/nope`)).json).toEqual({ error: ['EGeneral:Unknown method'] });
    const priv = await getJson(`${sim.rest}/0/private/Balance`, { method: 'POST', body: 'nonce=1' });
    expect(priv).toMatchObject({ status: 200, json: { error: ['EAPI:Invalid key'] } });
  });
});

describe('CORS', () => {
  it('preflight answers 204 with the methods and Kraken signing headers', async () => {
    const response = await fetch(`${base}/Ticker`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'api-key,api-sign',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('API-Key, API-Sign, Content-Type');
  });

  it.each(['Time', 'Foo', 'Ticker?pair=NOPE'])(
    'every reply carries Access-Control-Allow-Origin: * (%s)',
    async (path) => {
      const response = await fetch(`${base}/${path}`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    },
  );
});

describe('Assets and AssetPairs', () => {
  it('Assets entries have the official example’s keys and values for shared assets', async () => {
    const { json } = await getJson(`${base}/Assets`);
    const reference = example('assets/info').result;
    expect(Object.keys(json.result)).toEqual(['SOL', 'XETH', 'XXBT', 'XXDG', 'XXRP', 'ZUSD']);
    for (const id of ['XETH', 'XXBT', 'XXDG', 'XXRP', 'ZUSD']) {
      expectSameShape(json.result[id], reference[id], id);
      expect(json.result[id]).toEqual(reference[id]);
    }
  });

  it('Assets filters by id, altname or v2 code, in request order', async () => {
    const { json } = await getJson(`${base}/Assets?asset=XBT,DOGE,ZUSD`);
    expect(Object.keys(json.result)).toEqual(['XXBT', 'XXDG', 'ZUSD']);
  });

  it('AssetPairs entries have the official example’s keys, order and types', async () => {
    const { json } = await getJson(`${base}/AssetPairs?pair=XXBTZUSD,XETHXXBT`);
    const reference = example('assets/pairs').result;
    expect(Object.keys(json.result)).toEqual(['XXBTZUSD', 'XETHXXBT']);
    expectSameShape(json.result.XXBTZUSD, reference.XXBTZUSD, 'XXBTZUSD');
    expectSameShape(json.result.XETHXXBT, reference.XETHXXBT, 'XETHXXBT');
    const btc = json.result.XXBTZUSD;
    // Values the 2023 example and the 2024 instrument snapshot agree on.
    for (const key of [
      'altname',
      'wsname',
      'base',
      'quote',
      'cost_decimals',
      'pair_decimals',
      'lot_decimals',
      'ordermin',
      'costmin',
      'tick_size',
      'status',
      'fees',
      'fees_maker',
    ]) {
      expect(btc[key], key).toEqual(reference.XXBTZUSD[key]);
    }
  });

  it('AssetPairs names: altname, v2 name with/without slash, lower case; wsname XBT/USD is refused', async () => {
    const { json } = await getJson(`${base}/AssetPairs?pair=xbtusd,DOGEUSD,ETH/BTC`);
    expect(Object.keys(json.result)).toEqual(['XXBTZUSD', 'XDGUSD', 'ETH/BTC']);
    expect(json.result['ETH/BTC'].altname).toBe('ETHXBT');
    expect((await getJson(`${base}/AssetPairs?pair=XBT/USD`)).json).toEqual({
      error: ['EQuery:Unknown asset pair'],
    });
  });

  it('AssetPairs info subsets', async () => {
    const leverage = (await getJson(`${base}/AssetPairs?pair=XBTUSD&info=leverage`)).json.result.XXBTZUSD;
    expect(leverage).toEqual({ leverage_buy: [2, 3, 4, 5], leverage_sell: [2, 3, 4, 5] });
    const margin = (await getJson(`${base}/AssetPairs?pair=XBTUSD&info=margin`)).json.result.XXBTZUSD;
    expect(margin).toEqual({ margin_call: 80, margin_stop: 40 });
    const fees = (await getJson(`${base}/AssetPairs?pair=XBTUSD&info=fees`)).json.result.XXBTZUSD;
    expect(Object.keys(fees)).toEqual(['fees', 'fees_maker', 'fee_volume_currency']);
  });
});

describe('Ticker', () => {
  it('has the shape of the official example and of the recorded ccxt reply', async () => {
    const { json } = await getJson(`${base}/Ticker?pair=XBTUSD`);
    const t = json.result.XXBTZUSD;
    expectSameShape(t, example('ticker').result.XXBTZUSD);
    expectSameShape(t, ccxtReply('fetchTicker').XBTUSDT);
  });

  it('formats like Kraken: prices at cost_decimals, lot volumes with 3 decimals, volumes at lot_decimals', async () => {
    const { json } = await getJson(`${base}/Ticker?pair=XBTUSD,DOGEUSD,ETHXBT`);
    const cases = [
      ['XXBTZUSD', 5],
      ['XDGUSD', 9],
      ['XETHXXBT', 10],
    ] as const;
    for (const [key, cost] of cases) {
      const t = json.result[key];
      for (const price of [t.a[0], t.b[0], t.c[0], t.p[0], t.p[1], t.l[0], t.l[1], t.h[0], t.h[1], t.o]) {
        expect(price, key).toMatch(decimals(cost));
      }
      expect(t.a[1]).toMatch(/^[1-9]\d*$/);
      expect(t.a[2]).toBe(`${t.a[1]}.000`);
      expect(t.b[2]).toBe(`${t.b[1]}.000`);
      for (const volume of [t.c[1], t.v[0], t.v[1]]) expect(volume).toMatch(decimals(8));
      expect(Number.isInteger(t.t[0]) && Number.isInteger(t.t[1])).toBe(true);
    }
  });

  it('is consistent: bid < ask, low ≤ last ≤ high, 24 h ≥ today, best prices = Depth, last = Trades', async () => {
    const [ticker, depth, trades] = await Promise.all([
      getJson(`${base}/Ticker?pair=XBTUSD`),
      getJson(`${base}/Depth?pair=XBTUSD&count=1`),
      getJson(`${base}/Trades?pair=XBTUSD&count=1`),
    ]);
    const t = ticker.json.result.XXBTZUSD;
    expect(Number(t.b[0])).toBeLessThan(Number(t.a[0]));
    expect(t.a[0]).toBe(depth.json.result.XXBTZUSD.asks[0][0]);
    expect(t.b[0]).toBe(depth.json.result.XXBTZUSD.bids[0][0]);
    expect([t.c[0], t.c[1]]).toEqual(trades.json.result.XXBTZUSD[0].slice(0, 2));
    expect(Number(t.l[1])).toBeLessThanOrEqual(Number(t.c[0]));
    expect(Number(t.h[1])).toBeGreaterThanOrEqual(Number(t.c[0]));
    expect(t.t[1]).toBeGreaterThanOrEqual(t.t[0]);
    expect(Number(t.v[1])).toBeGreaterThanOrEqual(Number(t.v[0]));
    expect(t.t[1]).toBeGreaterThan(1000);
  });

  it("today's figures equal the current daily OHLC candle", async () => {
    const [ticker, daily] = await Promise.all([
      getJson(`${base}/Ticker?pair=SOLUSD`),
      getJson(`${base}/OHLC?pair=SOLUSD&interval=1440`),
    ]);
    const t = ticker.json.result.SOLUSD;
    const rows = daily.json.result.SOLUSD;
    const [, open, high, low, , vwap, volume, count] = rows[rows.length - 1];
    expect(Number(t.o)).toBe(Number(open));
    expect(Number(t.h[0])).toBe(Number(high));
    expect(Number(t.l[0])).toBe(Number(low));
    expect(t.v[0]).toBe(volume);
    expect(t.t[0]).toBe(count);
    expect(Math.abs(Number(t.p[0]) - Number(vwap))).toBeLessThanOrEqual(0.005);
  });

  it('without pair returns every pair, sorted by id; with a list, in request order', async () => {
    expect(Object.keys((await getJson(`${base}/Ticker`)).json.result)).toEqual([
      'SOLUSD',
      'XDGUSD',
      'XETHXXBT',
      'XETHZUSD',
      'XXBTZUSD',
      'XXRPZUSD',
    ]);
    expect(Object.keys((await getJson(`${base}/Ticker?pair=XRPUSD,BTCUSD`)).json.result)).toEqual([
      'XXRPZUSD',
      'XXBTZUSD',
    ]);
  });
});

describe('OHLC', () => {
  it('rows have the official shape: [time, 6 strings at pair_decimals/lot_decimals, count]', async () => {
    const { json } = await getJson(`${base}/OHLC?pair=XBTUSD`);
    const rows = json.result.XXBTZUSD;
    const reference = example('ohlc').result.XXBTZUSD[0];
    expect(Object.keys(json.result)).toEqual(['XXBTZUSD', 'last']);
    expect(typeof json.result.last).toBe('number');
    expect(rows).toHaveLength(720);
    for (const row of rows) {
      expectSameTuple(row, reference);
      for (const price of row.slice(1, 6)) expect(price).toMatch(decimals(1));
      expect(row[6]).toMatch(decimals(8));
      expect(Number(row[2])).toBeGreaterThanOrEqual(Math.max(Number(row[1]), Number(row[4])));
      expect(Number(row[3])).toBeLessThanOrEqual(Math.min(Number(row[1]), Number(row[4])));
      if (row[7] > 0) {
        expect(Number(row[5])).toBeGreaterThanOrEqual(Number(row[3]));
        expect(Number(row[5])).toBeLessThanOrEqual(Number(row[2]));
      }
    }
    const times = rows.map((row: unknown[]) => row[0]);
    expect(times.every((t: number, i: number) => i === 0 || t === times[i - 1] + 60)).toBe(true);
    const nowMinute = Math.floor(Date.now() / 60000) * 60;
    expect(Math.abs(times[719] - nowMinute)).toBeLessThanOrEqual(60);
    expect(json.result.last).toBe(times[719] - 60);
  });

  it.each([5, 15, 30, 60, 240, 1440, 10080, 21600])(
    'interval %i is aligned and capped at 720 rows',
    async (interval) => {
      const { json } = await getJson(`${base}/OHLC?pair=ETHUSD&interval=${interval}`);
      const rows = json.result.XETHZUSD;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(720);
      for (const row of rows) expect(row[0] % (interval * 60)).toBe(0);
      expect(json.result.last).toBe(rows[rows.length - 1][0] - interval * 60);
      if (interval <= 60) expect(rows).toHaveLength(720);
    },
  );

  it('since=last returns only the current candle; since keeps rows newer than it', async () => {
    const first = await getJson(`${base}/OHLC?pair=XBTUSD`);
    const last = first.json.result.last;
    const again = await getJson(`${base}/OHLC?pair=XBTUSD&since=${last}`);
    expect(again.json.result.XXBTZUSD).toHaveLength(1);
    expect(again.json.result.XXBTZUSD[0][0]).toBe(last + 60);
    const older = await getJson(`${base}/OHLC?pair=XBTUSD&since=${last - 600}`);
    expect(older.json.result.XXBTZUSD.map((row: number[]) => row[0])[0]).toBe(last - 540);
  });

  it('the current candle is made of exactly the trades in it', async () => {
    await step(sim, 5);
    const ohlc = await getJson(`${base}/OHLC?pair=XBTUSD`);
    const rows = ohlc.json.result.XXBTZUSD;
    const current = rows[rows.length - 1];
    const trades = await getJson(`${base}/Trades?pair=XBTUSD&since=${current[0]}`);
    const inMinute = trades.json.result.XXBTZUSD.filter((t: number[]) => (t[2] as number) < current[0] + 60);
    expect(current[7]).toBe(inMinute.length);
    const volume = inMinute.reduce(
      (sum: bigint, t: string[]) => sum + BigInt((t[1] ?? '0').replace('.', '')),
      0n,
    );
    expect(BigInt(current[6].replace('.', ''))).toBe(volume);
    if (inMinute.length > 0) expect(Number(current[4])).toBe(Number(inMinute[inMinute.length - 1][0]));
  });
});

describe('Depth', () => {
  it('has the official shape; prices at cost_decimals, volumes with 3 decimals, integer timestamps', async () => {
    const { json } = await getJson(`${base}/Depth?pair=XBTUSD`);
    const book = json.result.XXBTZUSD;
    expectSameShape(book, example('depth').result.XXBTZUSD);
    expect(book.asks).toHaveLength(100);
    expect(book.bids).toHaveLength(100);
    for (const [price, volume, ts] of [...book.asks, ...book.bids]) {
      expect(price).toMatch(decimals(5));
      expect(volume).toMatch(decimals(3));
      expect(Number.isInteger(ts) && Math.abs(ts - Date.now() / 1000) < 120).toBe(true);
    }
  });

  it('is sorted, deep (count=500) and never crossed', async () => {
    for (const pair of ['XBTUSD', 'ETHUSD', 'SOLUSD', 'XRPUSD', 'XDGUSD', 'ETHXBT']) {
      const { json } = await getJson(`${base}/Depth?pair=${pair}&count=500`);
      const book = Object.values(json.result)[0] as { asks: string[][]; bids: string[][] };
      expect(book.asks).toHaveLength(500);
      expect(book.bids).toHaveLength(500);
      const asks = book.asks.map((l) => Number(l[0]));
      const bids = book.bids.map((l) => Number(l[0]));
      expect(asks.every((p, i) => i === 0 || p > (asks[i - 1] ?? 0))).toBe(true);
      expect(bids.every((p, i) => i === 0 || p < (bids[i - 1] ?? 0))).toBe(true);
      expect(bids[0]).toBeLessThan(asks[0] ?? 0);
    }
  });
});

describe('Trades', () => {
  it('rows have the official shape and formats; last is a ns cursor string', async () => {
    const { json } = await getJson(`${base}/Trades?pair=XBTUSD&count=50`);
    const rows = json.result.XXBTZUSD;
    expect(rows).toHaveLength(50);
    const reference = example('trades').result.XXBTZUSD[0];
    for (const row of rows) {
      expectSameTuple(row.slice(0, 6), reference);
      expect(typeof row[6]).toBe('number');
      expect(row[0]).toMatch(decimals(5));
      expect(row[1]).toMatch(decimals(8));
      expect(['b', 's']).toContain(row[3]);
      expect(['m', 'l']).toContain(row[4]);
      expect(row[5]).toBe('');
    }
    expect(rows.map((r: number[]) => r[6])).toEqual(rows.map((_: unknown, i: number) => rows[0][6] + i));
    expect(json.result.last).toMatch(/^\d{19}$/);
    expect(Math.abs(Number(BigInt(json.result.last) / 1_000_000n) - rows[49][2] * 1000)).toBeLessThan(1);
  });

  it('matches the recorded ccxt reply’s shape for its first seven columns', async () => {
    const { json } = await getJson(`${base}/Trades?pair=XBTUSD&count=1`);
    const recorded = (ccxtReply('fetchTrades').XBTUSDT as unknown[][])[0] ?? [];
    expectSameTuple(json.result.XXBTZUSD[0], recorded.slice(0, 7));
  });

  it('defaults to 1000 rows and pages forward with since=last', async () => {
    const all = await getJson(`${base}/Trades?pair=XBTUSD`);
    expect(all.json.result.XXBTZUSD).toHaveLength(1000);
    const last = all.json.result.last;
    expect((await getJson(`${base}/Trades?pair=XBTUSD&since=${last}`)).json.result.XXBTZUSD).toEqual([]);
    await step(sim, 10);
    const next = await getJson(`${base}/Trades?pair=XBTUSD&since=${last}`);
    const rows = next.json.result.XXBTZUSD;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0][6]).toBe(all.json.result.XXBTZUSD[999][6] + 1);
  });
});

describe('Spread', () => {
  it('has the official shape: [time, bid, ask] at cost_decimals with bid < ask', async () => {
    const { json } = await getJson(`${base}/Spread?pair=XBTUSD`);
    const rows = json.result.XXBTZUSD;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(200);
    expect(typeof json.result.last).toBe('number');
    for (const row of rows) {
      expectSameTuple(row, example('spread').result.XXBTZUSD[0]);
      expect(row[1]).toMatch(decimals(5));
      expect(Number(row[1])).toBeLessThan(Number(row[2]));
    }
    expect(json.result.last).toBe(rows[rows.length - 1][0]);
    const since = await getJson(`${base}/Spread?pair=XBTUSD&since=${json.result.last}`);
    expect(since.json.result.XXBTZUSD).toEqual([]);
  });
});
