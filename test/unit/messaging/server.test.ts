import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../entrypoints/background/handlers.ts';
import { KrakenError, krakenErrorFrom } from '../../../lib/kraken/index.ts';
import { deserializeError } from '../../../lib/messaging/errors.ts';
import { REQUEST_TYPES } from '../../../lib/messaging/parse.ts';
import { REQUEST_PORT, STREAM_PORT, type StreamEvent } from '../../../lib/messaging/protocol.ts';
import { type Handlers, type PortLike, serveRequests, serveStream } from '../../../lib/messaging/server.ts';

const PAGE = { id: 'self', url: 'chrome-extension://self/popup.html' };
const WEB = { id: 'self', url: 'https://evil.example/' };
const trusted = (s: { url?: string } | undefined) => s?.url?.startsWith('chrome-extension://self/') === true;

interface Fake {
  calls: string[];
}

/** Handlers for a fake service: only the ones these tests send do anything. */
function fakeHandlers(): Handlers<Fake> {
  const h = {} as Record<string, unknown>;
  for (const type of REQUEST_TYPES)
    h[type] = { handle: () => Promise.reject(new Error(`${type} not faked`)) };
  return Object.assign(h, {
    'settings.get': {
      handle: (_: unknown, s: Fake) => {
        s.calls.push('settings.get');
        return { version: 1 };
      },
    },
    'vault.lock': {
      handle: async (_: unknown, s: Fake) => {
        s.calls.push('vault.lock');
        return { status: 'locked' };
      },
      refreshLive: true,
    },
    'trading.place': {
      handle: async () => {
        throw krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0);
      },
    },
  }) as unknown as Handlers<Fake>;
}

/** A well-formed order for trading.place (the fake handler refuses it as Kraken would). */
const MARKET_BUY = {
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'market',
  volume: '1',
  postOnly: false,
  timeInForce: 'GTC',
};
const CL_ORD_ID = '0b0d3c1e-5f61-4a7e-9c1d-2f3a4b5c6d7e';

function send(message: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, resolve).then((answers) => {
      // No listener returned true: no answer will ever come.
      if (!answers.includes(true as never)) resolve('no answer');
    });
  });
}

describe('serveRequests', () => {
  let services: Fake;
  const refused: string[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    refused.length = 0;
    services = { calls: [] };
    serveRequests<Fake>({
      onMessage: fakeBrowser.runtime.onMessage as never,
      trusted,
      ready: Promise.resolve(services),
      handlers: fakeHandlers(),
      refused: (kind) => refused.push(kind),
      used: () => services.calls.push('used'),
      refreshLive: async (s) => void s.calls.push('refreshLive'),
    });
  });

  it('answers a trusted, well-formed request with its handler’s value, and counts it as use', async () => {
    expect(await send({ type: 'settings.get' }, PAGE)).toEqual({ ok: true, value: { version: 1 } });
    expect(services.calls).toEqual(['used', 'settings.get']);
  });

  it('never answers a web page or a malformed payload, and counts each refusal by kind', async () => {
    expect(await send({ type: 'settings.get' }, WEB)).toBe('no answer');
    expect(await send({ type: 'settings.get', extra: 1, nope: true, __proto__: null }, PAGE)).toEqual({
      ok: true,
      value: { version: 1 },
    });
    expect(await send({ type: 'no.such.request' }, PAGE)).toBe('no answer');
    expect(refused).toEqual(['untrusted', 'malformed']);
    expect(services.calls.filter((c) => c === 'settings.get')).toHaveLength(1);
  });

  it('a request declared to change live trading re-matches it before its answer leaves', async () => {
    expect(await send({ type: 'vault.lock' }, PAGE)).toMatchObject({ ok: true });
    expect(services.calls).toEqual(['used', 'vault.lock', 'refreshLive']);
  });

  it('a failure comes back as data that rebuilds the same class', async () => {
    const answer = (await send({ type: 'trading.place', order: MARKET_BUY, clOrdId: CL_ORD_ID }, PAGE)) as {
      ok: false;
      error: never;
    };
    expect(answer.ok).toBe(false);
    expect(deserializeError(answer.error)).toBeInstanceOf(KrakenError);
  });

  it('a background that could not start says so', async () => {
    fakeBrowser.reset();
    serveRequests<Fake>({
      onMessage: fakeBrowser.runtime.onMessage as never,
      trusted,
      ready: Promise.reject(new Error('settings from a newer version')),
      handlers: fakeHandlers(),
      refused: () => {},
      refreshLive: async () => {},
    });
    expect(await send({ type: 'settings.get' }, PAGE)).toEqual({
      ok: false,
      error: { name: 'StartupError', message: 'settings from a newer version' },
    });
  });
});

describe('the background’s handlers', () => {
  it('exactly the requests that can move the vault, the active key or the endpoint re-match live trading', () => {
    const marked = REQUEST_TYPES.filter((t) => handlers[t].refreshLive === true).sort();
    expect(marked).toEqual([
      'settings.setEndpoints',
      'vault.addKey',
      'vault.create',
      'vault.lock',
      'vault.removeKey',
      'vault.replaceKey',
      'vault.reset',
      'vault.setActive',
      'vault.unlock',
    ]);
  });
});

/** A port the test controls; `throws` makes postMessage fail like a port closed under us. */
function port(sender: object, name = STREAM_PORT) {
  const posted: StreamEvent[] = [];
  const onDisconnect: (() => void)[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  const p = {
    name,
    sender,
    throws: false,
    disconnected: false,
    posted,
    postMessage(m: unknown) {
      if (p.throws) throw new Error('Attempting to use a disconnected port object');
      posted.push(m as StreamEvent);
    },
    disconnect() {
      p.disconnected = true;
    },
    onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
    onMessage: { addListener: (l: (m: unknown) => void) => void onMessage.push(l) },
    /** A message from the page. */
    send(m: unknown) {
      for (const l of onMessage) l(m);
    },
    close() {
      for (const l of onDisconnect) l();
    },
  };
  return p;
}

describe('serveStream', () => {
  function setup() {
    const connect: ((p: PortLike) => void)[] = [];
    const listeners = new Set<(e: StreamEvent) => void>();
    let value = 1;
    const counts: number[] = [];
    const refused: string[] = [];
    serveStream<object>({
      onConnect: { addListener: (l) => void connect.push(l) },
      trusted,
      ready: Promise.resolve({}),
      refused: (kind) => refused.push(kind),
      onPorts: (open) => counts.push(open),
      sources: [
        {
          initial: () => ({ type: 'fatal', message: `snapshot ${value}` }),
          subscribe: (_, post) => {
            listeners.add(post);
            return () => listeners.delete(post);
          },
        },
      ],
    });
    const open = async (p: ReturnType<typeof port>) => {
      for (const l of connect) l(p);
      await new Promise((r) => setTimeout(r, 0));
    };
    const emit = (message: string) => {
      for (const l of [...listeners]) l({ type: 'fatal', message });
    };
    return { open, emit, listeners, counts, refused, setValue: (v: number) => (value = v) };
  }

  it('sends the snapshot first, then each change', async () => {
    const s = setup();
    const a = port(PAGE);
    await s.open(a);
    s.emit('delta 1');
    expect(a.posted.map((e) => (e.type === 'fatal' ? e.message : e.type))).toEqual(['snapshot 1', 'delta 1']);
  });

  it('a port that fails on post is dropped; the others keep getting changes', async () => {
    const s = setup();
    const a = port(PAGE);
    const b = port(PAGE);
    await s.open(a);
    await s.open(b);
    a.throws = true;
    s.emit('delta');
    s.emit('delta again');
    expect(b.posted.map((e) => (e.type === 'fatal' ? e.message : ''))).toEqual([
      'snapshot 1',
      'delta',
      'delta again',
    ]);
    expect(s.listeners.size).toBe(1);
  });

  it('closing a port unsubscribes it and reports how many remain open', async () => {
    const s = setup();
    const a = port(PAGE);
    await s.open(a);
    a.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.listeners.size).toBe(0);
    expect(s.counts).toEqual([1, 0]);
  });

  it('leaves the request port to the requests’ server (nothing posted, not refused)', async () => {
    const s = setup();
    const requests = port(PAGE, REQUEST_PORT);
    await s.open(requests);
    expect([requests.disconnected, requests.posted, s.refused]).toEqual([false, [], []]);
  });

  it('a port from a web page, or with another name, is disconnected and counted', async () => {
    const s = setup();
    const web = port(WEB);
    const other = port(PAGE, 'something-else');
    await s.open(web);
    await s.open(other);
    expect([web.disconnected, other.disconnected]).toEqual([true, true]);
    expect(web.posted).toEqual([]);
    expect(s.refused).toEqual(['untrusted', 'malformed']);
  });
});

describe('serveRequests over the request port', () => {
  const tick = () => new Promise((r) => setTimeout(r, 0));
  function setup(ready: Promise<Fake> = Promise.resolve({ calls: [] })) {
    const connect: ((p: PortLike) => void)[] = [];
    const refused: string[] = [];
    const used: string[] = [];
    serveRequests<Fake>({
      onMessage: { addListener: () => {} },
      onConnect: { addListener: (l) => void connect.push(l) },
      trusted,
      ready,
      handlers: fakeHandlers(),
      refused: (kind) => refused.push(kind),
      used: () => used.push('used'),
      refreshLive: async () => {},
    });
    const open = (p: ReturnType<typeof port>) => {
      for (const l of connect) l(p);
      return p;
    };
    return { open, refused, used };
  }
  it('answers each request with its own id, in whatever order they finish', async () => {
    const s = setup();
    const p = s.open(port(PAGE, REQUEST_PORT));
    p.send({
      id: 7,
      request: { type: 'trading.place', order: MARKET_BUY, clOrdId: CL_ORD_ID },
    });
    p.send({ id: 8, request: { type: 'settings.get' } });
    await tick();
    const answers = p.posted as unknown as { id: number; response: { ok: boolean; error?: never } }[];
    expect(answers.map((a) => [a.id, a.response.ok]).sort()).toEqual([
      [7, false],
      [8, true],
    ]);
    expect(answers.find((a) => a.id === 8)?.response).toEqual({ ok: true, value: { version: 1 } });
    // The refusal is Kraken's, as over runtime.onMessage: the same class comes back.
    expect(deserializeError(answers.find((a) => a.id === 7)?.response.error as never)).toBeInstanceOf(
      KrakenError,
    );
    expect(s.used).toEqual(['used', 'used']);
  });

  it('another page’s or a web page’s request port is disconnected before anything is read, and counted', async () => {
    const s = setup();
    const web = s.open(port(WEB, REQUEST_PORT));
    expect(web.disconnected).toBe(true);
    web.send({ id: 1, request: { type: 'settings.get' } });
    await tick();
    expect(web.posted).toEqual([]);
    expect(s.refused).toEqual(['untrusted']);
  });

  it('a message without a whole-number id or with a request off the contract gets no answer and is counted', async () => {
    const s = setup();
    const p = s.open(port(PAGE, REQUEST_PORT));
    for (const bad of [
      { request: { type: 'settings.get' } },
      { id: '1', request: { type: 'settings.get' } },
      { id: 1.5, request: { type: 'settings.get' } },
      { id: 2, request: { type: 'vault.export-secrets' } },
      { type: 'settings.get' },
      null,
    ])
      p.send(bad);
    await tick();
    expect(p.posted).toEqual([]);
    expect(s.refused).toEqual(Array(6).fill('malformed'));
    expect(s.used).toEqual([]);
  });

  it('an answer for a page that went away is dropped, and a port closed under the post does not throw', async () => {
    let start!: (f: Fake) => void;
    const s = setup(new Promise<Fake>((r) => (start = r)));
    const gone = s.open(port(PAGE, REQUEST_PORT));
    const closing = s.open(port(PAGE, REQUEST_PORT));
    gone.send({ id: 1, request: { type: 'settings.get' } });
    closing.send({ id: 1, request: { type: 'settings.get' } });
    gone.close();
    closing.throws = true;
    start({ calls: [] });
    await tick();
    expect([gone.posted, closing.posted]).toEqual([[], []]);
  });

  it('a background that could not start says so over the port too', async () => {
    const s = setup(Promise.reject(new Error('settings from a newer version')));
    const p = s.open(port(PAGE, REQUEST_PORT));
    p.send({ id: 3, request: { type: 'settings.get' } });
    await tick();
    expect(p.posted).toEqual([
      {
        id: 3,
        response: { ok: false, error: { name: 'StartupError', message: 'settings from a newer version' } },
      },
    ]);
  });
});
