import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createKrakenRest,
  createNonceSource,
  KrakenError,
  keyIdOf,
  memoryNonceStore,
  signRequest,
} from '../../../lib/kraken/index.ts';
import { fail, fakeFetch, ok } from '../../support/fake-fetch.ts';
import { fixtureJson } from '../../support/fixtures.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

const SECRET = 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==';
const API_KEY = 'TESTKEY+abc/DEF123456789';
const credentials = { apiKey: API_KEY, secret: SECRET };

type Recorded = { method: string; description: string; httpResponse: unknown };
const recorded = fixtureJson<{ responses: Recorded[] }>(
  'ccxt/kraken_static_response_httpResponses.json',
).responses;
const replay = (method: string) => {
  const r = recorded.find((x) => x.method.startsWith(method));
  if (!r) throw new Error(`no recording for ${method}`);
  return { body: r.httpResponse };
};

function client(
  handler: Parameters<typeof fakeFetch>[0],
  extra: Parameters<typeof createKrakenRest>[0] = {},
) {
  const fake = fakeFetch(handler);
  const clock = virtualClock();
  const rest = createKrakenRest({
    fetch: fake.fetch,
    credentials,
    clock,
    random: () => 0.5,
    baseUrl: 'https://api.example',
    ...extra,
  });
  return { rest, requests: fake.requests, clock };
}

describe('signed private calls', () => {
  it('signs exactly the body it sends (captured from the fetch) with key, sign and content type', async () => {
    const { rest, requests } = client(() => replay('createOrder'));
    const result = await rest.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '1.25',
      price: '37500',
      oflags: ['post', 'fciq'],
      starttm: '+5',
      cl_ord_id: 'abc',
    });
    expect(result.txid).toEqual(['OL7LNO-R4SAD-6UINEU']);
    const [req] = requests;
    if (!req) throw new Error('no request');
    expect(req.url).toBe('https://api.example/0/private/AddOrder');
    expect(req.method).toBe('POST');
    expect(req.headers['API-Key']).toBe(API_KEY);
    expect(req.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    const nonce = req.params.get('nonce') ?? '';
    expect(req.body.startsWith(`nonce=${nonce}&pair=XBTUSD&type=buy&ordertype=limit&volume=1.25`)).toBe(true);
    expect(req.body).toContain('oflags=post%2Cfciq');
    expect(req.body).toContain('starttm=%2B5');
    expect(req.headers['API-Sign']).toBe(
      signRequest({ path: '/0/private/AddOrder', nonce, body: req.body, secret: SECRET }),
    );
  });

  it('encodes a conditional close and batch orders in bracket form', async () => {
    const { rest, requests } = client(() => ok({ orders: [{ txid: 'A', descr: { order: 'x' } }] }));
    await rest.addOrderBatch({
      pair: 'XBTUSD',
      orders: [
        {
          type: 'buy',
          ordertype: 'limit',
          volume: '1',
          price: '10',
          close: { ordertype: 'limit', price: '20' },
        },
        { type: 'sell', ordertype: 'limit', volume: '2', price: '30' },
      ],
    });
    const params = requests[0]?.params;
    expect(params?.get('orders[0][close][price]')).toBe('20');
    expect(params?.get('orders[1][volume]')).toBe('2');
  });

  it('refuses a float where Kraken expects an amount, before anything is sent', async () => {
    const { rest, requests } = client(() => ok({}));
    await expect(rest.privateCall('AddOrder', { volume: 0.1 })).rejects.toThrow(RangeError);
    expect(requests).toHaveLength(0);
  });

  it('serialises concurrent private calls: each request goes out after the previous answer, nonces rising', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { rest, requests } = client(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return ok({ ZUSD: '1.0000' });
    });
    await Promise.all(Array.from({ length: 10 }, () => rest.balance()));
    expect(maxInFlight).toBe(1);
    const nonces = requests.map((r) => BigInt(r.params.get('nonce') ?? '0'));
    expect(nonces.every((n, i) => i === 0 || n > (nonces[i - 1] ?? 0n))).toBe(true);
  });

  it('two clients built for one key share its queue and its stored mark: no overlap, rising nonces', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake = fakeFetch(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return ok({});
    });
    const store = memoryNonceStore();
    const clock = virtualClock();
    const make = () =>
      createKrakenRest({
        fetch: fake.fetch,
        clock,
        baseUrl: 'https://shared.example',
        credentials,
        nonce: createNonceSource({ store, keyId: keyIdOf(API_KEY), now: clock.now }),
      });
    const [a, b] = [make(), make()];
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).balance()));
    expect(maxInFlight).toBe(1);
    const nonces = fake.requests.map((r) => BigInt(r.params.get('nonce') ?? '0'));
    expect(nonces.every((n, i) => i === 0 || n > (nonces[i - 1] ?? 0n))).toBe(true);
  });

  it('sends the 2FA one-time password in the signed body when the key has one', async () => {
    const { rest, requests } = client(() => ok({}), { credentials: { ...credentials, otp: () => '123456' } });
    await rest.balance();
    expect(requests[0]?.params.get('otp')).toBe('123456');
  });

  it('without credentials, a private call fails with a typed error and sends nothing', async () => {
    const { rest, requests } = client(() => ok({}), { credentials: undefined });
    await expect(rest.balance()).rejects.toMatchObject({ code: 'invalid-key' });
    expect(requests).toHaveLength(0);
  });
});

describe("Kraken's envelope", () => {
  it('returns results of recorded replies (QueryOrders, OpenOrders, Ticker, OHLC, Trades)', async () => {
    const { rest } = client((req) => {
      const m = req.path.split('/').at(-1);
      if (m === 'QueryOrders') return replay('fetchOrder (QueryOrders)');
      if (m === 'OpenOrders') return replay('fetchOpenOrders');
      if (m === 'Ticker') return replay('fetchTicker');
      if (m === 'OHLC') return replay('fetchOHLCV');
      return replay('fetchTrades');
    });
    const q = await rest.queryOrders({ txid: ['OR6EGN-KQSEG-AMI6CL'] });
    expect(q['OR6EGN-KQSEG-AMI6CL']?.descr.price).toBe('50.00000');
    const open = await rest.openOrders();
    expect(Object.values(open.open)[0]?.descr.ordertype).toBe('take-profit');
    const ticker = await rest.ticker({ pair: ['BTC/USDT'] });
    expect(ticker.XBTUSDT?.c[0]).toBe('73380.60000');
    const ohlc = await rest.ohlc({ pair: 'XBTUSDT', interval: 60 });
    expect(ohlc.key).toBe('XBTUSDT');
    expect(ohlc.rows[0]?.[1]).toBe('43437.5');
    const trades = await rest.trades({ pair: 'XBTUSDT', count: 1 });
    expect(trades.last).toBe('1710327959173746878');
  });

  it('public calls are GETs with the parameters in the query string', async () => {
    const { rest, requests } = client(() => ok({ XXBTZUSD: { asks: [], bids: [] } }));
    const depth = await rest.depth({ pair: 'XBTUSD', count: 5 });
    expect(depth.key).toBe('XXBTZUSD');
    expect(requests[0]?.url).toBe('https://api.example/0/public/Depth?pair=XBTUSD&count=5');
    expect(requests[0]?.headers['API-Key']).toBeUndefined();
  });

  it('passes warnings to onWarning and still returns the result', async () => {
    const warnings: string[] = [];
    const { rest } = client(() => ({ body: { error: ['WGeneral:Deprecated'], result: { unixtime: 1 } } }), {
      onWarning: (_e, w) => warnings.push(...w),
    });
    expect(await rest.time()).toEqual({ unixtime: 1 });
    expect(warnings).toEqual(['WGeneral:Deprecated']);
  });

  it.each([
    [
      'a Cloudflare HTML page with 520',
      { status: 520, text: '<html><title>Origin error</title></html>' },
      'http-status',
    ],
    ['an HTML page with 200', { status: 200, text: '<!DOCTYPE html><h1>Just a moment…</h1>' }, 'not-json'],
    ['JSON without an error array', { status: 200, text: '{"result":{}}' }, 'bad-envelope'],
    ['a 403 with an empty body', { status: 403, text: '' }, 'http-status'],
  ])('turns %s into a typed error', async (_, reply, code) => {
    const { rest } = client(() => reply, { retries: 0 });
    const error = await rest.time().catch((e) => e);
    expect(error).toBeInstanceOf(KrakenError);
    expect(error).toMatchObject({ code, category: 'transport', endpoint: 'Time' });
  });

  it('keeps HTTP 404 with a Kraken body as the Kraken error (unknown method)', async () => {
    const { rest } = client(() => ({ status: 404, body: { error: ['EGeneral:Unknown method'] } }));
    await expect(rest.publicCall('Nope')).rejects.toMatchObject({ code: 'unknown-method', status: 404 });
  });
});

describe('timeouts, retries and pacing', () => {
  it('aborts a request that takes longer than its timeout', async () => {
    const { rest } = client(() => 'hang', { timeoutMs: 20, retries: 0 });
    await expect(rest.balance()).rejects.toMatchObject({ code: 'timeout', endpoint: 'Balance' });
  });

  it("the caller's AbortSignal ends a call with the caller's reason", async () => {
    const { rest } = client(() => 'hang');
    const controller = new AbortController();
    const pending = rest.balance({ signal: controller.signal });
    controller.abort(new Error('user closed the popup'));
    await expect(pending).rejects.toThrow('user closed the popup');
  });

  it('retries an idempotent call on EService:Unavailable with backoff, then succeeds', async () => {
    const { rest, requests, clock } = client((_, i) =>
      i < 2 ? fail('EService:Unavailable') : ok({ ZUSD: '5' }),
    );
    expect(await rest.balance()).toEqual({ ZUSD: '5' });
    expect(requests).toHaveLength(3);
    expect(clock.sleeps.length).toBe(2);
  });

  it('never retries AddOrder on an ambiguous failure (that is the intent layer’s job)', async () => {
    const { rest, requests } = client(() => fail('EService:Unavailable'));
    await expect(
      rest.addOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '1' }),
    ).rejects.toMatchObject({ code: 'unavailable', outcomeUnknown: true });
    expect(requests).toHaveLength(1);
  });

  it('retries an invalid nonce exactly once, with a larger nonce', async () => {
    const { rest, requests } = client(() => fail('EAPI:Invalid nonce'));
    await expect(rest.balance()).rejects.toMatchObject({ code: 'invalid-nonce' });
    expect(requests).toHaveLength(2);
    const [a, b] = requests.map((r) => BigInt(r.params.get('nonce') ?? '0'));
    expect((b ?? 0n) > (a ?? 0n)).toBe(true);
  });

  it('on order entry an invalid nonce is an unknown outcome, never a resend (it may answer a replayed copy)', async () => {
    const { rest, requests } = client(() => fail('EAPI:Invalid nonce'));
    const error = await rest
      .addOrder({
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        volume: '1',
        price: '1000',
        cl_ord_id: 'c1',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-nonce', outcomeUnknown: true });
    expect(requests).toHaveLength(1);
    // It survives the messaging boundary as data.
    expect(KrakenError.fromJSON((error as KrakenError).toJSON()).outcomeUnknown).toBe(true);
  });

  it('does not retry non-retryable refusals (invalid key)', async () => {
    const { rest, requests } = client(() => fail('EAPI:Invalid key'));
    await expect(rest.balance()).rejects.toMatchObject({ code: 'invalid-key', retryable: false });
    expect(requests).toHaveLength(1);
  });

  it('on EAPI:Rate limit exceeded the counter snaps to its cap and the retry waits for it', async () => {
    const { rest, clock } = client((_, i) => (i === 0 ? fail('EAPI:Rate limit exceeded') : ok({})), {
      tier: 'pro',
    });
    const t0 = clock.now();
    await rest.balance();
    expect(clock.now() - t0).toBe(1000);
    expect(rest.restCounterLevel()).toBe(20);
  });

  it('waits for EService:Throttled until the time Kraken names', async () => {
    const { rest, clock } = client((_, i) =>
      i === 0 ? fail(`EService: Throttled: ${Math.floor(clock.now() / 1000) + 3}`) : ok({}),
    );
    const t0 = clock.now();
    await rest.balance();
    expect(clock.now() - t0).toBeGreaterThanOrEqual(2000);
    expect(clock.now() - t0).toBeLessThanOrEqual(3000);
  });

  it('paces private calls at the tier rate instead of failing (Starter: 15 at once, then ~3 s each)', async () => {
    const { rest, clock } = client(() => ok({}));
    const t0 = clock.now();
    await Promise.all(Array.from({ length: 17 }, () => rest.balance()));
    // Two calls over the cap, each waiting for one point to drain at 0.33/s (±1 ms of rounding).
    expect(Math.abs(clock.now() - t0 - 2000 / 0.33)).toBeLessThanOrEqual(2);
  });

  it('order entry is not held behind a call waiting for the REST counter (Kraken does not count it there)', async () => {
    const { rest, requests, clock } = client((req) =>
      req.path.endsWith('/AddOrder') ? replay('createOrder') : ok({}),
    );
    const t0 = clock.now();
    // Starter: 15 points. The 16th Balance waits ~3 s for one to drain; the order is asked for after it.
    const balances = Array.from({ length: 16 }, () => rest.balance());
    const placed = rest
      .addOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '1.25', price: '37500' })
      .then(() => clock.now() - t0);
    await Promise.all(balances);
    expect(await placed).toBe(0);
    // The order went out at once; the Balance that had to wait for a point went last, ~3 s later.
    const paths = requests.map((r) => r.path.replace('/0/private/', ''));
    expect(paths.filter((p) => p === 'Balance')).toHaveLength(16);
    expect(paths.at(-1)).toBe('Balance');
    expect(clock.now() - t0).toBeGreaterThanOrEqual(1000 / 0.33 - 1);
  });
});

describe('per-pair trading counter inside the client', () => {
  it('order 61 on a pair waits for the Starter engine counter (60, −1/s); another pair does not', async () => {
    let n = 0;
    const { rest, clock } = client(() => ok({ descr: { order: 'x' }, txid: [`O${++n}`] }));
    const add = (pair: string) =>
      rest.addOrder({ pair, type: 'buy', ordertype: 'limit', volume: '1', price: '1' });
    for (let i = 0; i < 60; i++) await add('XBTUSD');
    const t0 = clock.now();
    await add('ETHUSD');
    expect(clock.now() - t0).toBe(0);
    await add('XBTUSD');
    expect(clock.now() - t0).toBe(1000);
  });

  it('a cancel right after placing costs 8 (age < 5 s); one 5 minutes later costs nothing', async () => {
    let n = 0;
    const { rest, clock } = client((req) =>
      req.path.endsWith('AddOrder') ? ok({ descr: { order: 'x' }, txid: [`O${++n}`] }) : ok({ count: 1 }),
    );
    const add = () =>
      rest.addOrder({ pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '1', price: '1' });
    await add();
    expect(rest.tradingCounterLevel('XBTUSD')).toBe(1);
    await rest.cancelOrder({ txid: 'O1' });
    expect(rest.tradingCounterLevel('XBTUSD')).toBe(9);
    await add();
    clock.advance(300_000);
    expect(rest.tradingCounterLevel('XBTUSD')).toBe(0);
    await rest.cancelOrder({ txid: 'O2' });
    expect(rest.tradingCounterLevel('XBTUSD')).toBe(0);
  });
});

describe('hostile answers', () => {
  it('property: whatever comes back (any status, any bytes), a call returns a result or throws a KrakenError', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.constantFrom(
        '{"error":"EAPI:Invalid key"}',
        '{"error":[1,2]}',
        '{"error":[],"result":null}',
        '{"error":["W"]}',
        'null',
        '[]',
        '<html>502</html>',
        '',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 200, 404, 429, 500, 502, 520), body, async (status, text) => {
        const { rest } = client(() => ({ status, text }), { retries: 0 });
        try {
          await rest.balance();
        } catch (e) {
          expect(e).toBeInstanceOf(KrakenError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('secrets never leak', () => {
  // A hostile fetch that echoes the whole request (headers, body) into its error and its reply.
  const echo = (req: { headers: Record<string, string>; body: string; url: string }) =>
    `${req.url} ${JSON.stringify(req.headers)} ${req.body} ${SECRET} ${encodeURIComponent(SECRET)}`;

  const cases: [string, Parameters<typeof fakeFetch>[0]][] = [
    ['a thrown network error', (req) => new Error(echo(req))],
    ['a 502 HTML page', (req) => ({ status: 502, text: `<html>${echo(req)}</html>` })],
    ['a 200 non-JSON body', (req) => ({ status: 200, text: echo(req) })],
    ['a Kraken error string', (req) => fail(`EGeneral:Invalid arguments:${echo(req)}`)],
  ];
  it.each(cases)('%s', async (_, handler) => {
    const logs: string[] = [];
    const { rest, requests } = client(handler, { retries: 0, onWarning: (e, w) => logs.push(e, ...w) });
    const error = await rest.balance().catch((e) => e);
    expect(error).toBeInstanceOf(KrakenError);
    const sign = requests[0]?.headers['API-Sign'] ?? 'none';
    const everything = [
      error.message,
      error.stack,
      error.hint,
      JSON.stringify(error),
      String(error.detail),
      ...error.kraken,
      ...logs,
    ].join('\n');
    for (const secret of [SECRET, encodeURIComponent(SECRET), API_KEY, encodeURIComponent(API_KEY), sign]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.cause).toBeUndefined();
  });
});
