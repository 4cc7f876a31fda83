// The popup's live account (lib/trading/live/account.ts) against the simulator over real sockets: placement
// through cl_ord_id intents, open orders and fills from `executions`, balances with holds from BalanceEx,
// cancels, the dead man's switch, the private feed's health and fills that happen while it is down.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FillMarkStore, memoryFillMarkStore } from '../../lib/db/fill-marks.ts';
import {
  createKrakenRest,
  createWsSession,
  memoryIntentStore,
  type OrderIntentStore,
  type PairRules,
  pairRulesFromInstrument,
  systemClock,
} from '../../lib/kraken/index.ts';
import { cmp } from '../../lib/kraken/pairs/exact.ts';
import type { FillView, OrderRequest } from '../../lib/orders/types.ts';
import { createLiveAccount, type LiveAccount } from '../../lib/trading/live/account.ts';
import type { SimHandle } from '../../sim/server.ts';
import { nodeSocket, simControl, withSim } from '../support/sim.ts';

async function until<T>(
  fn: () => T | undefined | Promise<T | undefined>,
  what: string,
  ms = 8_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Fill marks that count their writes: the ledger writes once per executions snapshot. */
function countingMarks(): FillMarkStore & { puts(): number } {
  const inner = memoryFillMarkStore();
  let puts = 0;
  return {
    get: inner.get,
    put: (account, marks) => {
      puts += 1;
      return inner.put(account, marks);
    },
    puts: () => puts,
  };
}

describe('live account against the simulator', () => {
  let sim: SimHandle;
  let rules: Record<string, PairRules>;
  const accounts: LiveAccount[] = [];

  beforeAll(async () => {
    // Kraken's REST counter relaxed (×100): every test here signs with the one simulator key, each through a
    // fresh client that starts its own count at zero, so with Kraken's Starter allowance each test waited out
    // the calls of the tests before it (115 s for the file, 45 s relaxed). Nothing here is about pacing; the
    // counters as Kraken enforces them are tested in rest-limits.test.ts and test/sim/rate-limits.test.ts.
    sim = await withSim({ stepMs: 100, rateLimit: 'relaxed' });
    // The instrument channel's rules, as the market service keeps them.
    const session = createWsSession({ url: sim.wsPublic, createSocket: nodeSocket });
    rules = await new Promise((resolve) => {
      session.on('data', (m) => {
        if (m.channel === 'instrument' && m.type === 'snapshot')
          resolve(Object.fromEntries(m.data.pairs.map((p) => [p.symbol, pairRulesFromInstrument(p)])));
      });
      session.subscribe({ channel: 'instrument' });
      session.start();
    });
    session.stop();
  });
  afterAll(async () => sim.close());
  afterEach(async () => {
    for (const a of accounts.splice(0)) await a.stop();
  });

  function account(
    fills: FillView[] = [],
    fetchImpl?: typeof fetch,
    opts: {
      key?: { key: string; secret: string };
      fillMarks?: FillMarkStore;
      intents?: OrderIntentStore;
      ordersVia?: 'websocket' | 'rest';
      restLimits?: { max: number; decayPerSecond: number };
      onFill?: (f: FillView) => Promise<void>;
    } = {},
  ) {
    const key = opts.key ?? { key: sim.apiKey ?? '', secret: sim.apiSecret ?? '' };
    const rest = createKrakenRest({
      baseUrl: sim.rest,
      credentials: { apiKey: key.key, secret: key.secret },
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(opts.restLimits ? { restLimits: opts.restLimits } : {}),
    });
    let changes = 0;
    const a = createLiveAccount({
      account: { keyId: key.key.slice(0, 16), keyVersion: 1, endpoint: sim.rest },
      fillMarks: opts.fillMarks ?? memoryFillMarkStore(),
      ordersVia: () => opts.ordersVia ?? 'websocket',
      rest,
      createSession: (token) =>
        createWsSession({ url: sim.wsPrivate ?? '', createSocket: nodeSocket, token }),
      intents: opts.intents ?? memoryIntentStore(),
      clock: systemClock,
      rulesFor: (s) => rules[s],
      onChange: () => {
        changes += 1;
      },
      onFill: opts.onFill ?? (async (f) => void fills.push(f)),
    });
    accounts.push(a);
    return { a, rest, changes: () => changes };
  }

  const limitBuy = (price: string): OrderRequest => ({
    symbol: 'BTC/USD',
    side: 'buy',
    type: 'limit',
    volume: '0.001',
    limitPrice: price,
    postOnly: false,
    timeInForce: 'GTC',
  });

  it('a resting limit order shows in open orders via executions, holds funds, and cancels', async () => {
    const { a } = account();
    await a.start();
    await until(() => a.status().kind === 'ready' || undefined, 'the private feed');
    const usdBefore = await until(() => a.balances().find((b) => b.asset === 'USD'), 'balances');
    const placed = await a.place(limitBuy('1000.0'), crypto.randomUUID());
    expect(placed.id).toMatch(/^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$/);
    const shown = await until(() => a.orders().find((o) => o.id === placed.id), 'the order in executions');
    expect(shown).toMatchObject({ symbol: 'BTC/USD', side: 'buy', type: 'limit', limitPrice: '1000.0' });
    expect(shown.volume).toBe('0.00100000');
    // The hold is BalanceEx's hold_trade: cost 1.0 USD plus the fee.
    const held = await until(() => {
      const usd = a.balances().find((b) => b.asset === 'USD');
      return usd && cmp(usd.hold, usdBefore.hold) > 0 ? usd : undefined;
    }, 'the hold');
    expect(cmp(held.available, usdBefore.available)).toBeLessThan(0);
    await a.cancel(placed.id);
    await until(() => !a.orders().some((o) => o.id === placed.id) || undefined, 'the order to leave');
  });

  it('one placement per cl_ord_id, even when confirmed twice at once', async () => {
    const { a, rest } = account();
    await a.start();
    const id = crypto.randomUUID();
    const [x, y] = await Promise.all([a.place(limitBuy('1001.0'), id), a.place(limitBuy('1001.0'), id)]);
    const again = await a.place(limitBuy('1001.0'), id); // a later re-send of the same confirmation
    expect(new Set([x.id, y.id, again.id]).size).toBe(1);
    const open = await rest.openOrders({ cl_ord_id: id });
    expect(Object.keys(open.open)).toEqual([x.id]);
    expect(await a.cancelAll('BTC/USD')).toBeGreaterThanOrEqual(1);
  });

  it('a market order fills: one notification per fill, the last one complete', async () => {
    const fills: FillView[] = [];
    const { a } = account(fills);
    await a.start();
    await until(() => a.status().kind === 'ready' || undefined, 'the private feed');
    const placed = await a.place(
      {
        symbol: 'BTC/USD',
        side: 'buy',
        type: 'market',
        volume: '0.002',
        postOnly: false,
        timeInForce: 'GTC',
      },
      crypto.randomUUID(),
    );
    const last = await until(
      () => fills.find((f) => f.orderId === placed.id && f.complete),
      'a complete fill',
    );
    expect(last).toMatchObject({ symbol: 'BTC/USD', side: 'buy', liquidity: 'taker' });
    expect(fills.filter((f) => f.orderId === placed.id).length).toBeGreaterThanOrEqual(1);
    expect(a.fills()[0]?.orderId).toBe(placed.id);
    expect(new Set(fills.map((f) => f.id)).size).toBe(fills.length);
  });

  it('Kraken’s validate refuses what Kraken would refuse, with its message', async () => {
    const { a } = account();
    await a.start();
    await expect(a.preview({ ...limitBuy('1000.0'), volume: '0.00000001' })).rejects.toThrow(
      /EOrder:Order minimum not met|minimum/i,
    );
    await expect(a.preview(limitBuy('1000.0'))).resolves.toMatchObject({
      description: expect.stringContaining('buy 0.00100000 XBTUSD'),
    });
  });

  it('the dead man’s switch arms, refreshes and disarms when stopped', async () => {
    const { a } = account();
    await a.start();
    const before = Date.now();
    await a.setDeadMan(true);
    expect(a.deadMan()).toMatchObject({ kind: 'armed' });
    const armed = a.deadMan() as { triggerAt: number };
    expect(armed.triggerAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(sim.exchange.deadMan.armed).toBe(true);
    await a.stop(); // what a lock does: disarm (timeout=0) while the key is still in hand
    expect(a.deadManState()).toEqual({ kind: 'off' });
    expect(sim.exchange.deadMan.armed).toBe(false);
  });

  it('orders go over the private WebSocket while it is live, over REST when it is not — once either way', async () => {
    const restAdds: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/0/private/AddOrder')) restAdds.push(String(init?.body ?? ''));
      return fetch(input, init);
    };
    const { a, rest } = account([], counting);
    await a.start();
    await until(() => a.status().kind === 'ready' || undefined, 'the private feed');
    const viaWs = crypto.randomUUID();
    const placedWs = await a.place(limitBuy('1005.0'), viaWs);
    expect(restAdds).toEqual([]);
    expect(Object.keys((await rest.openOrders({ cl_ord_id: viaWs })).open)).toEqual([placedWs.id]);
    // The private feed down: its connection dropped, and its next tokens refused, so it stays down a while
    // (the token's backoff: 2 s, then 4 s …).
    await simControl(sim, 'faults', {
      serviceError: { error: 'EService:Unavailable', methods: ['GetWebSocketsToken'], count: 3 },
    });
    await simControl(sim, 'ws/drop');
    await until(() => a.status().kind !== 'ready' || undefined, 'the private feed to go down');
    const viaRest = crypto.randomUUID();
    const placedRest = await a.place(limitBuy('1006.0'), viaRest);
    expect(a.status().kind).not.toBe('ready');
    expect(restAdds).toHaveLength(1);
    expect(Object.keys((await rest.openOrders({ cl_ord_id: viaRest })).open)).toEqual([placedRest.id]);
    await simControl(sim, 'faults/clear');
    await a.cancelAll('BTC/USD');
  }, 30_000);

  it('a private socket that is open but gets no token sends nothing: orders go over REST, once', async () => {
    // A key without "WebSocket API": the socket connects, GetWebSocketsToken is refused. Open is not usable.
    const restAdds: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/0/private/AddOrder')) restAdds.push(String(init?.body ?? ''));
      return fetch(input, init);
    };
    const { a, rest } = account([], counting, { key: sim.keys.nows });
    await a.start();
    await until(() => a.status().kind === 'error' || undefined, 'the token problem');
    const id = crypto.randomUUID();
    const placed = await a.place(limitBuy('1007.0'), id);
    expect(restAdds).toHaveLength(1);
    expect(Object.keys((await rest.openOrders({ cl_ord_id: id })).open)).toEqual([placed.id]);
    await a.cancel(placed.id);
  }, 30_000);

  it('a private socket whose token is still on its way is not ready: an order goes over REST at once', async () => {
    const restAdds: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/0/private/AddOrder')) restAdds.push(String(init?.body ?? ''));
      return fetch(input, init);
    };
    // A REST counter of 3 points draining one per 4 s, filled: GetWebSocketsToken (1 point) waits for it, as
    // it does behind balance refreshes at Kraken's Starter tier; order entry is not on that counter.
    const { a, rest } = account([], counting, { restLimits: { max: 3, decayPerSecond: 0.25 } });
    await a.start();
    await until(() => a.status().kind === 'ready' || undefined, 'the private feed', 15_000);
    while (rest.restCounterLevel() <= 2) await rest.balance();
    const reads = rest.balance();
    await simControl(sim, 'ws/drop');
    // The socket reconnects at once (backoff ≤ 0.5 s) and asks for a token, which waits for the counter.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(a.status().kind).toBe('connecting');
    const id = crypto.randomUUID();
    const started = Date.now();
    const placed = await a.place(limitBuy('1008.0'), id);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(restAdds).toHaveLength(1);
    expect(Object.keys((await rest.openOrders({ cl_ord_id: id })).open)).toEqual([placed.id]);
    await reads;
    // Once the token has come, the feed is ready again.
    await until(() => a.status().kind === 'ready' || undefined, 'the feed with its token', 20_000);
    await a.cancel(placed.id);
  }, 60_000);

  it('a dropped AddOrder response still yields exactly one order (reconciled by cl_ord_id)', async () => {
    const { a, rest } = account();
    await a.start();
    await simControl(sim, 'faults', { dropOrderResponses: { count: 1 } });
    const id = crypto.randomUUID();
    try {
      const placed = await a.place(limitBuy('1003.0'), id);
      const open = await rest.openOrders({ cl_ord_id: id });
      expect(Object.keys(open.open)).toEqual([placed.id]);
    } finally {
      await simControl(sim, 'faults/clear');
    }
  }, 30_000);

  it('an HTTP stack that resends a dropped AddOrder by itself (as Chromium does) still yields one order', async () => {
    // Chromium resends a POST whose reused keep-alive connection closed before any answer byte. Modelled
    // here: the first AddOrder goes out twice with the same bytes; the second copy's answer is what we see.
    let replays = 0;
    const replaying: typeof fetch = async (input, init) => {
      const url = String(input);
      if (url.endsWith('/0/private/AddOrder') && replays === 0) {
        replays += 1;
        await fetch(input, init); // executes
        return fetch(input, init); // the silent resend: same nonce → EAPI:Invalid nonce
      }
      return fetch(input, init);
    };
    const { a, rest } = account([], replaying, { ordersVia: 'rest' });
    await a.start();
    const id = crypto.randomUUID();
    const placed = await a.place(limitBuy('1004.0'), id);
    expect(replays).toBe(1);
    const open = await rest.openOrders({ cl_ord_id: id });
    expect(Object.keys(open.open)).toEqual([placed.id]);
  }, 30_000);

  it('fills made while the worker was stopped are notified once, after the next start; never again', async () => {
    const marks = countingMarks();
    const intents = memoryIntentStore();
    const first: FillView[] = [];
    const one = account(first, undefined, { fillMarks: marks, intents });
    await one.a.start();
    await until(() => one.a.status().kind === 'ready' || undefined, 'the private feed');
    await until(() => marks.puts() > 0, 'the history snapshot (the ledger writes its marks)');
    await one.a.stop();
    // While "the worker is stopped": a market buy with the same key fills.
    const other = createKrakenRest({
      baseUrl: sim.rest,
      credentials: { apiKey: sim.apiKey ?? '', secret: sim.apiSecret ?? '' },
    });
    const { txid } = await other.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '0.001',
    });
    const second: FillView[] = [];
    const two = account(second, undefined, { fillMarks: marks, intents });
    await two.a.start();
    await until(() => second.find((f) => f.orderId === txid?.[0]), 'the gap fill notified');
    await two.a.stop();
    const third: FillView[] = [];
    const three = account(third, undefined, { fillMarks: marks, intents });
    await three.a.start();
    await until(() => three.a.fills().some((f) => f.orderId === txid?.[0]) || undefined, 'the snapshot');
    expect(third).toEqual([]);
    expect(first).toEqual([]); // the very first snapshot is history, not news
  }, 30_000);

  it('a fill taken by a worker that stopped before showing it is shown by the next one, once', async () => {
    const marks = countingMarks();
    const intents = memoryIntentStore();
    const taken: FillView[] = [];
    // The dying worker: it takes the fill, and is stopped while its notification is being shown.
    const one = account([], undefined, {
      fillMarks: marks,
      intents,
      onFill: (f) => {
        taken.push(f);
        return new Promise<void>(() => {});
      },
    });
    await one.a.start();
    await until(() => one.a.status().kind === 'ready' || undefined, 'the private feed');
    await until(() => marks.puts() > 0, 'the history snapshot (the ledger writes its marks)');
    const other = createKrakenRest({
      baseUrl: sim.rest,
      credentials: { apiKey: sim.apiKey ?? '', secret: sim.apiSecret ?? '' },
    });
    const { txid } = await other.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'market',
      volume: '0.001',
    });
    await until(() => taken.find((f) => f.orderId === txid?.[0]), 'the fill taken');
    await one.a.stop();

    const second: FillView[] = [];
    const two = account(second, undefined, { fillMarks: marks, intents });
    await two.a.start();
    await until(() => second.find((f) => f.orderId === txid?.[0]), 'the fill shown by the next worker');
    await new Promise((r) => setTimeout(r, 200)); // its settle, after the notification
    await two.a.stop();
    expect(second.filter((f) => f.orderId === txid?.[0])).toHaveLength(1);

    const third: FillView[] = [];
    const three = account(third, undefined, { fillMarks: marks, intents });
    await three.a.start();
    await until(() => three.a.fills().some((f) => f.orderId === txid?.[0]) || undefined, 'the snapshot');
    expect(third).toEqual([]);
  }, 30_000);

  it('a key without WebSocket access: a visible problem with Kraken’s code and words, retried with backoff, never "ready"', async () => {
    const tokenCalls: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/GetWebSocketsToken')) tokenCalls.push(Date.now());
      return fetch(input, init);
    };
    const { a } = account([], counting, { key: sim.keys.nows });
    await a.start();
    const problem = await until(
      () => (a.status().kind === 'error' ? a.status() : undefined),
      'the token problem',
    );
    // Kraken's code (the page says our hint for it) and its own words, as sent.
    expect(problem).toMatchObject({
      kind: 'error',
      problem: {
        code: 'no-token',
        failure: { kraken: 'permission-denied', words: 'EGeneral:Permission denied' },
      },
    });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(a.status().kind).toBe('error');
    // Backoff: 2 s, then 4 s … — a flapping connection would have asked every few hundred ms.
    expect(tokenCalls.length).toBeLessThanOrEqual(3);
  }, 15_000);

  // Last in the file: its second worker's lookups (OpenOrders, ClosedOrders) count on the key's REST counter,
  // which the tests before it wait on for their tokens.
  it('the worker stops after the send, before the answer is recorded: the next one finds the order by cl_ord_id, sends nothing, lists it once', async () => {
    const store = memoryIntentStore();
    const put = store.put;
    let stopped = false;
    // The placed answer's write never lands: the worker is gone by then (shown first, recorded behind it).
    store.put = (i) => (stopped && i.state === 'placed' ? new Promise<never>(() => {}) : put(i));
    stopped = true;
    const first = account([], undefined, { intents: store });
    await first.a.start();
    await until(() => first.a.status().kind === 'ready' || undefined, 'the private feed');
    const id = crypto.randomUUID();
    const placed = await first.a.place(limitBuy('1002.0'), id);
    expect(await store.get(id)).toMatchObject({ state: 'pending', attempts: 1 });
    await first.a.stop();
    stopped = false;
    // A new worker on the same records: it looks the order up after the send's deadline, never sends it.
    const second = account([], undefined, { intents: store });
    await second.a.start();
    await until(async () => (await store.get(id))?.state === 'placed' || undefined, 'the lookup', 15_000);
    expect((await store.get(id))?.txid).toEqual([placed.id]);
    // The same confirmation again (the popup asking after the restart): the same order, not a second one.
    expect((await second.a.place(limitBuy('1002.0'), id)).id).toBe(placed.id);
    expect(Object.keys((await second.rest.openOrders({ cl_ord_id: id })).open)).toEqual([placed.id]);
    const listed = await until(() => {
      const mine = second.a.orders().filter((o) => o.clOrdId === id || o.id === placed.id);
      return mine.length > 0 ? mine : undefined;
    }, 'the order in open orders');
    expect(listed).toHaveLength(1);
    await second.a.cancelAll('BTC/USD');
  }, 30_000);
});
