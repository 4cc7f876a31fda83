import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import {
  ClientBook,
  FIXTURES,
  getJson,
  isChannel,
  isMethod,
  rawChecksum,
  rawLevels,
  startTestSim,
  step,
  WsClient,
} from './helpers.ts';

const docs = JSON.parse(readFileSync(new URL('official/ws_v2_docs_examples.json', FIXTURES), 'utf8')) as {
  examples: { page: string; dir: string; msg: Record<string, unknown> }[];
};
/** The n-th server→client docs example of a page that satisfies `pick`. */
function docExample(page: string, pick: (msg: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = docs.examples.find(
    (e) => e.page.endsWith(`/websocket-v2/${page}`) && e.dir === 'server->client' && pick(e.msg),
  );
  if (!found) throw new Error(`no docs example on ${page}`);
  return found.msg;
}

const MICROS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const NANOS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/;

/** Same keys (any order) and same JSON types as a reference object. */
function expectSameKeysAndTypes(actual: Record<string, unknown>, reference: Record<string, unknown>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(reference).sort());
  for (const key of Object.keys(reference)) expect(typeof actual[key], key).toBe(typeof reference[key]);
}

let sim: SimHandle;
const clients: WsClient[] = [];
async function connect(): Promise<WsClient> {
  const client = await WsClient.open(sim.wsPublic);
  clients.push(client);
  await client.next(isChannel('status'));
  return client;
}

beforeAll(async () => {
  sim = await startTestSim({ seed: 5 });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => sim.close());

describe('connection basics', () => {
  it('sends status first, with a 64-bit connection_id as raw digits', async () => {
    const client = await WsClient.open(sim.wsPublic);
    clients.push(client);
    const frame = await client.next();
    const id = /"connection_id":(\d+)/.exec(frame)?.[1] ?? '';
    expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    const message = JSON.parse(frame);
    expect(message).toEqual({
      channel: 'status',
      data: [
        {
          api_version: 'v2',
          connection_id: expect.any(Number),
          system: 'online',
          version: expect.stringMatching(/^2\.0\.\d+$/),
        },
      ],
      type: 'update',
    });
    const documented = docExample('status', () => true).data as Record<string, unknown>[];
    expectSameKeysAndTypes(message.data[0], documented[0] ?? {});
  });

  it('answers ping with pong, echoing req_id, µs times in order', async () => {
    const client = await connect();
    client.send({ method: 'ping', req_id: 101 });
    const pong = JSON.parse(await client.next(isMethod('pong')));
    expectSameKeysAndTypes(
      pong,
      docExample('ping', (m) => m.method === 'pong'),
    );
    expect(pong.req_id).toBe(101);
    expect(pong.time_in).toMatch(MICROS);
    expect(pong.time_out >= pong.time_in).toBe(true);
    client.send({ method: 'ping' });
    expect(Object.keys(JSON.parse(await client.next(isMethod('pong'))))).toEqual([
      'method',
      'time_in',
      'time_out',
    ]);
  });

  it('heartbeats about once a second, only once something is subscribed', async () => {
    const idle = await connect();
    const busy = await connect();
    busy.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'], snapshot: false } });
    await busy.next(isMethod('subscribe'));
    const started = Date.now();
    expect(await busy.next((f) => f === '{"channel":"heartbeat"}', 2500)).toBe('{"channel":"heartbeat"}');
    await busy.next((f) => f === '{"channel":"heartbeat"}', 2500);
    expect(Date.now() - started).toBeLessThan(2600);
    expect(idle.frames.filter((f) => f.includes('heartbeat'))).toEqual([]);
  });
});

describe('errors are worded like Kraken', () => {
  it('unknown symbol: one error per symbol with the symbol, acks for the good ones', async () => {
    const client = await connect();
    client.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['XBT/USD', 'ETH/USD'] },
      req_id: 7,
    });
    const error = JSON.parse(await client.next((f) => f.includes('"success":false')));
    expect(Object.keys(error)).toEqual([
      'error',
      'method',
      'req_id',
      'success',
      'symbol',
      'time_in',
      'time_out',
    ]);
    expect(error).toMatchObject({
      error: 'Currency pair not supported XBT/USD',
      method: 'subscribe',
      req_id: 7,
      success: false,
      symbol: 'XBT/USD',
    });
    const ack = JSON.parse(await client.next(isMethod('subscribe')));
    expect(ack).toMatchObject({ success: true, result: { symbol: 'ETH/USD' } });
  });

  it.each([
    [
      { method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 27 } },
      'Subscription depth not supported',
      'subscribe',
    ],
    [
      { method: 'subscribe', params: { channel: 'ohlc', symbol: ['BTC/USD'], interval: 2 } },
      'Subscription ohlc interval not supported',
      'subscribe',
    ],
    [
      { method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: '10' } },
      'Depth field must be a number_integer',
      'subscribe',
    ],
    [
      { method: 'subscribe', params: { channel: 'candles', symbol: ['BTC/USD'] } },
      'Unsupported event',
      'subscribe',
    ],
    [
      { method: 'subscribe', params: { channel: 'executions' } },
      'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
      'subscribe',
    ],
    [
      { method: 'add_order', params: {} },
      'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
      'add_order',
    ],
    [{ method: 'subscribe' }, 'EGeneral:Invalid arguments', 'subscribe'],
    [{ method: 'subscribe', params: { symbol: ['BTC/USD'] } }, 'EGeneral:Invalid arguments', 'subscribe'],
    [{ method: 'subscribe', params: { channel: 'ticker' } }, 'EGeneral:Invalid arguments', 'subscribe'],
    [
      { method: 'subscribe', params: { channel: 'ticker', symbol: 'BTC/USD' } },
      'EGeneral:Invalid arguments',
      'subscribe',
    ],
    [
      { method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'], depth: 10 } },
      "Unsupported field: 'depth' for the given msg type: subscribe",
      'subscribe',
    ],
    [{ method: 'ping', params: {} }, "Unsupported field: 'params' for the given msg type: ping", 'ping'],
    [{ method: 'frobnicate' }, 'Unsupported event', 'frobnicate'],
  ])('%j → %s', async (request, error, method) => {
    const client = await connect();
    client.send({ ...request, req_id: 3 });
    const reply = JSON.parse(await client.next((f) => f.includes('"success":false')));
    expect(reply).toEqual({
      error,
      method,
      req_id: 3,
      success: false,
      time_in: expect.stringMatching(MICROS),
      time_out: expect.stringMatching(MICROS),
    });
  });

  it.each(['{not json', '[1,2]', '{"params":{}}'])('malformed request %s', async (text) => {
    const client = await connect();
    client.send(text);
    const reply = JSON.parse(await client.next((f) => f.includes('"success":false')));
    expect(reply).toEqual({
      error: 'Malformed request',
      success: false,
      time_in: expect.any(String),
      time_out: expect.any(String),
    });
  });

  it('already subscribed and not subscribed', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['SOL/USD'] } });
    await client.next(isMethod('subscribe'));
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['SOL/USD'] } });
    expect(JSON.parse(await client.next(isMethod('subscribe')))).toMatchObject({
      error: 'Already subscribed',
      symbol: 'SOL/USD',
      success: false,
    });
    client.send({ method: 'unsubscribe', params: { channel: 'trade', symbol: ['XRP/USD'] } });
    expect(JSON.parse(await client.next(isMethod('unsubscribe')))).toMatchObject({
      error: 'Subscription Not Found',
      symbol: 'XRP/USD',
      success: false,
    });
  });
});

describe('book', () => {
  it('acks like the docs and snapshots with raw-precision numbers and a valid checksum', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'book', symbol: ['ETH/USD'] } });
    const ack = JSON.parse(await client.next(isMethod('subscribe')));
    const docAck = docExample('book', (m) => m.method === 'subscribe');
    expect(Object.keys(ack)).toEqual(Object.keys(docAck));
    expect(ack.result).toEqual({ channel: 'book', depth: 10, snapshot: true, symbol: 'ETH/USD' });
    const frame = await client.next(isChannel('book', 'snapshot'));
    const bids = rawLevels(frame, 'bids');
    const asks = rawLevels(frame, 'asks');
    expect(bids).toHaveLength(10);
    expect(asks).toHaveLength(10);
    for (const level of [...bids, ...asks]) {
      expect(level.price).toMatch(/^\d+\.\d{2}$/);
      expect(level.qty).toMatch(/^\d+\.\d{8}$/);
    }
    const book = new ClientBook(10);
    book.apply(frame);
    expect(book.checksum()).toBe(rawChecksum(frame));
    const data = JSON.parse(frame).data[0];
    expect(Object.keys(data)).toEqual(['symbol', 'bids', 'asks', 'checksum', 'timestamp']);
  });

  it('keeps checksums right over many updates at depths 10, 25, 100 and 1000, never crossing, deleting only what left the book', async () => {
    const a = await connect();
    const b = await connect();
    a.send({ method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 10 } });
    a.send({ method: 'subscribe', params: { channel: 'book', symbol: ['DOGE/USD'], depth: 1000 } });
    b.send({ method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 1000 } });
    b.send({ method: 'subscribe', params: { channel: 'book', symbol: ['DOGE/USD'], depth: 25 } });
    b.send({ method: 'subscribe', params: { channel: 'book', symbol: ['ETH/BTC'], depth: 100 } });
    await a.next(isChannel('book', 'snapshot'));
    await a.next(isChannel('book', 'snapshot'));
    for (let i = 0; i < 3; i += 1) await b.next(isChannel('book', 'snapshot'));
    await step(sim, 150);
    await b.next(isMethod('pong'), 0).catch(() => undefined);
    a.send({ method: 'ping', req_id: 1 });
    b.send({ method: 'ping', req_id: 1 });
    await a.next(isMethod('pong'));
    await b.next(isMethod('pong'));

    const depthOf = {
      a: { 'BTC/USD': 10, 'DOGE/USD': 1000 },
      b: { 'BTC/USD': 1000, 'DOGE/USD': 25, 'ETH/BTC': 100 },
    } as const;
    /** Prices present in the depth-1000 BTC book after each update timestamp. */
    const deepAt = new Map<string, Set<string>>();
    const deletesAt: [timestamp: string, sidePrice: string][] = [];
    let updates = 0;
    for (const [name, client] of [
      ['b', b],
      ['a', a],
    ] as const) {
      const books = new Map<string, ClientBook>();
      for (const frame of client.frames.filter(isChannel('book'))) {
        const message = JSON.parse(frame);
        const { symbol, timestamp } = message.data[0];
        const depth = (depthOf[name] as Record<string, number>)[symbol] ?? 0;
        const book = books.get(symbol) ?? new ClientBook(depth);
        books.set(symbol, book);
        book.apply(frame);
        if (message.type === 'update') updates += 1;
        expect(book.checksum(), `${name} ${symbol} ${message.type}`).toBe(rawChecksum(frame));
        const bestBid = Number(book.bidLevels[0]?.price);
        const bestAsk = Number(book.askLevels[0]?.price);
        expect(bestBid).toBeLessThan(bestAsk);
        expect(book.bidLevels).toHaveLength(depth);
        expect(book.askLevels).toHaveLength(depth);
        if (symbol === 'BTC/USD' && depth === 1000) {
          const prices = [
            ...book.bidLevels.map((l) => `bids ${l.price}`),
            ...book.askLevels.map((l) => `asks ${l.price}`),
          ];
          deepAt.set(timestamp, new Set(prices));
        }
        if (symbol === 'BTC/USD' && depth === 10 && message.type === 'update') {
          for (const side of ['bids', 'asks'] as const) {
            for (const level of rawLevels(frame, side)) {
              if (Number(level.qty) === 0) deletesAt.push([timestamp, `${side} ${level.price}`]);
            }
          }
        }
      }
    }
    expect(updates).toBeGreaterThan(300);
    expect(deletesAt.length).toBeGreaterThan(0);
    for (const [timestamp, price] of deletesAt) {
      // A level deleted from a depth-10 view must be gone from the whole book at that moment.
      expect(deepAt.get(timestamp)?.has(price), `${price} at ${timestamp}`).toBe(false);
    }
  });

  it('the depth-1000 view agrees with REST Depth', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'book', symbol: ['SOL/USD'], depth: 1000 } });
    const book = new ClientBook(1000);
    book.apply(await client.next(isChannel('book', 'snapshot')));
    await step(sim, 5);
    client.send({ method: 'ping' });
    await client.next(isMethod('pong'));
    for (const frame of client.frames.filter(isChannel('book', 'update'))) book.apply(frame);
    const { json } = await getJson(`${sim.rest}/0/public/Depth?pair=SOLUSD&count=500`);
    const rest = json.result.SOLUSD;
    // REST rounds volumes to 3 decimals (half up); do the same exactly, from the 8-decimal text.
    const three = (qty: string) => {
      const thousandths = (BigInt(qty.replace('.', '')) + 50_000n) / 100_000n;
      return `${thousandths / 1000n}.${(thousandths % 1000n).toString().padStart(3, '0')}`;
    };
    expect(book.askLevels.slice(0, 500).map((l) => [Number(l.price), three(l.qty)])).toEqual(
      rest.asks.map((l: string[]) => [Number(l[0]), l[1]]),
    );
    expect(book.bidLevels.slice(0, 500).map((l) => Number(l.price))).toEqual(
      rest.bids.map((l: string[]) => Number(l[0])),
    );
  });

  it('unsubscribe acks with the subscribed depth and stops updates', async () => {
    const client = await connect();
    client.send({
      method: 'subscribe',
      params: { channel: 'book', symbol: ['BTC/USD'], depth: 25, snapshot: false },
    });
    expect(JSON.parse(await client.next(isMethod('subscribe'))).result).toEqual({
      channel: 'book',
      depth: 25,
      snapshot: false,
      symbol: 'BTC/USD',
    });
    client.send({ method: 'unsubscribe', params: { channel: 'book', symbol: ['BTC/USD'] }, req_id: 9 });
    const ack = JSON.parse(await client.next(isMethod('unsubscribe')));
    expect(ack).toMatchObject({
      method: 'unsubscribe',
      req_id: 9,
      result: { channel: 'book', depth: 25, symbol: 'BTC/USD' },
      success: true,
    });
    client.drain();
    await step(sim, 10);
    client.send({ method: 'ping' });
    await client.next(isMethod('pong'));
    expect(client.frames.filter(isChannel('book'))).toEqual([]);
  });
});

describe('ticker', () => {
  it('snapshot has the docs fields and Kraken number formats', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    const ack = JSON.parse(await client.next(isMethod('subscribe')));
    // Docs: {"channel":"ticker","snapshot":true,"symbol":"ALGO/USD"} — same keys, our symbol.
    const documentedAck = docExample('ticker', (m) => m.method === 'subscribe').result as Record<
      string,
      unknown
    >;
    expect(ack.result).toEqual({ ...documentedAck, symbol: 'BTC/USD' });
    const frame = await client.next(isChannel('ticker', 'snapshot'));
    const data = JSON.parse(frame).data[0];
    const reference =
      (docExample('ticker', (m) => m.channel === 'ticker').data as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(data)).toEqual(Object.keys(reference));
    expect(frame).toMatch(
      /"bid":\d+\.\d,"bid_qty":\d+\.\d{8},"ask":\d+\.\d,"ask_qty":\d+\.\d{8},"last":\d+\.\d,"volume":\d+\.\d{8},"vwap":\d+\.\d,"low":\d+\.\d,"high":\d+\.\d,"change":-?\d+\.\d,"change_pct":-?\d+\.\d\d,/,
    );
    expect(data.bid).toBeLessThan(data.ask);
    expect(data.low).toBeLessThanOrEqual(data.last);
    expect(data.high).toBeGreaterThanOrEqual(data.last);
    expect(data.timestamp).toMatch(MICROS);
  });

  it('trades trigger: updates carry the last trade price; bbo trigger: updates on best-price changes', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'], snapshot: false } });
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['BTC/USD'] } });
    client.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['ETH/USD'], event_trigger: 'bbo' },
    });
    const acks = [
      await client.next(isMethod('subscribe')),
      await client.next(isMethod('subscribe')),
      await client.next(isMethod('subscribe')),
    ];
    expect(JSON.parse(acks[2] ?? '').result).toEqual({
      channel: 'ticker',
      event_trigger: 'bbo',
      snapshot: true,
      symbol: 'ETH/USD',
    });
    await step(sim, 20);
    client.send({ method: 'ping' });
    await client.next(isMethod('pong'));
    const btcTickers = client.frames
      .filter(isChannel('ticker', 'update'))
      .map((f) => JSON.parse(f).data[0])
      .filter((d) => d.symbol === 'BTC/USD');
    const tradeFrames = client.frames.filter(isChannel('trade', 'update')).map((f) => JSON.parse(f).data);
    expect(btcTickers.length).toBe(tradeFrames.length);
    for (const [i, ticker] of btcTickers.entries()) expect(ticker.last).toBe(tradeFrames[i]?.at(-1).price);
    const ethTickers = client.frames
      .filter(isChannel('ticker', 'update'))
      .filter((f) => f.includes('"ETH/USD"'));
    expect(ethTickers.length).toBeGreaterThan(0);
    client.send({ method: 'unsubscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    const unsub = JSON.parse(await client.next(isMethod('unsubscribe')));
    // Docs: {"channel":"ticker","event_trigger":"trades","symbol":"ALGO/USD"}.
    const documentedUnsub = docExample('ticker', (m) => m.method === 'unsubscribe').result as Record<
      string,
      unknown
    >;
    expect(unsub.result).toEqual({ ...documentedUnsub, symbol: 'BTC/USD' });
  });
});

describe('trade', () => {
  it('no snapshot by default; snapshot=true gives the last 50 in docs shape', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['XRP/USD'] } });
    expect(JSON.parse(await client.next(isMethod('subscribe'))).result).toEqual({
      channel: 'trade',
      snapshot: false,
      symbol: 'XRP/USD',
    });
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['DOGE/USD'], snapshot: true } });
    await client.next(isMethod('subscribe'));
    const frame = await client.next(isChannel('trade', 'snapshot'));
    const data = JSON.parse(frame).data;
    expect(data).toHaveLength(50);
    const reference =
      (docExample('trade', (m) => m.type === 'snapshot').data as Record<string, unknown>[])[0] ?? {};
    for (const trade of data) expectSameKeysAndTypes(trade, reference);
    expect(frame).toMatch(/"price":\d+\.\d{7},"qty":\d+\.\d{8},/);
    expect(data.map((t: { trade_id: number }) => t.trade_id)).toEqual(
      data.map((_: unknown, i: number) => data[0].trade_id + i),
    );
    expect(client.frames.filter(isChannel('trade', 'snapshot'))).toHaveLength(1);
  });
});

describe('ohlc', () => {
  it('snapshot of 10 candles, then updates consistent with the trades', async () => {
    const client = await connect();
    client.send({ method: 'subscribe', params: { channel: 'ohlc', symbol: ['BTC/USD'], interval: 5 } });
    expect(JSON.parse(await client.next(isMethod('subscribe'))).result).toEqual({
      channel: 'ohlc',
      interval: 5,
      snapshot: true,
      symbol: 'BTC/USD',
    });
    const snapshot = JSON.parse(await client.next(isChannel('ohlc', 'snapshot')));
    expect(snapshot.timestamp).toMatch(NANOS);
    expect(snapshot.data).toHaveLength(10);
    for (const candle of snapshot.data) {
      expect(Object.keys(candle)).toEqual([
        'symbol',
        'open',
        'high',
        'low',
        'close',
        'trades',
        'volume',
        'vwap',
        'interval_begin',
        'interval',
        'timestamp',
      ]);
      expect(candle.interval_begin).toMatch(NANOS);
      expect(Date.parse(candle.timestamp) - Date.parse(candle.interval_begin)).toBe(300_000);
    }
    client.send({ method: 'subscribe', params: { channel: 'trade', symbol: ['BTC/USD'] } });
    await client.next(isMethod('subscribe'));
    const before = snapshot.data.at(-1);
    // Step until BTC trades (most steps do); the first ohlc update belongs to that same step.
    for (let i = 0; i < 30 && !client.frames.some(isChannel('trade', 'update')); i += 1) {
      await step(sim, 1);
      client.send({ method: 'ping' });
      await client.next(isMethod('pong'));
    }
    const trade = client.frames.find(isChannel('trade', 'update')) ?? '';
    const ohlc = client.frames.find(isChannel('ohlc', 'update')) ?? '';
    const candle = JSON.parse(ohlc).data[0];
    const trades = JSON.parse(trade).data;
    expect(candle.close).toBe(trades.at(-1).price);
    if (candle.interval_begin === before.interval_begin)
      expect(candle.trades).toBe(before.trades + trades.length);
    expect(JSON.parse(ohlc).data).toHaveLength(1);
  });
});
