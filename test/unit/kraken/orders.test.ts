import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AddOrderParams,
  createDeadManSwitch,
  createKrakenRest,
  createOrderPlacer,
  KrakenError,
  memoryIntentStore,
  type Order,
} from '../../../lib/kraken/index.ts';
import { fail, fakeFetch, ok } from '../../support/fake-fetch.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

const ORDER = { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.01', price: '30000.0' } as const;

type Fault = 'none' | 'drop-after-execute' | 'fail-before-execute' | 'reject' | 'lookup-fails';

/**
 * A tiny exchange: orders keyed by cl_ord_id. Each AddOrder consumes one scripted fault:
 * drop-after-execute places the order and then loses the answer (what the simulator's drop fault does).
 */
function exchange(faults: Fault[]) {
  const orders = new Map<string, { txid: string; clOrdId: string }>();
  const log: string[] = [];
  const sent: AddOrderParams[] = [];
  let n = 0;
  const timeout = () => KrakenError.transport('AddOrder', 'timeout', 'no answer');
  const rest = {
    async addOrder(p: AddOrderParams) {
      sent.push(p);
      const fault = faults.shift() ?? 'none';
      log.push(`add ${p.cl_ord_id} ${fault}`);
      if (fault === 'fail-before-execute') throw KrakenError.transport('AddOrder', 'http-status', '502', 502);
      if (fault === 'reject') throw KrakenError.fromKraken('AddOrder', ['EOrder:Insufficient funds'], 0);
      const txid = `O${++n}`;
      orders.set(txid, { txid, clOrdId: p.cl_ord_id ?? '' });
      if (fault === 'drop-after-execute') throw timeout();
      return { descr: { order: 'x' }, txid: [txid] };
    },
    async openOrders(p: { cl_ord_id?: string } = {}) {
      log.push(`query open ${p.cl_ord_id}`);
      if (faults[0] === 'lookup-fails') {
        faults.shift();
        throw KrakenError.transport('OpenOrders', 'network', 'down');
      }
      const open: Record<string, Order> = {};
      for (const o of orders.values()) if (o.clOrdId === p.cl_ord_id) open[o.txid] = {} as Order;
      return { open };
    },
    async closedOrders(p: { cl_ord_id?: string } = {}) {
      log.push(`query closed ${p.cl_ord_id}`);
      return { closed: {} as Record<string, Order> };
    },
  };
  return { rest, orders, log, sent };
}

let ids = 0;
const setup = (faults: Fault[], extra = {}) => {
  const ex = exchange(faults);
  const store = memoryIntentStore();
  const clock = virtualClock();
  const placer = createOrderPlacer({
    rest: ex.rest,
    store,
    clock,
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    ...extra,
  });
  return { ...ex, store, clock, placer };
};

describe('createOrderPlacer', () => {
  it('records the intent before sending and marks it placed with the txid', async () => {
    const { placer, store, log } = setup([]);
    const seen: string[] = [];
    const origPut = store.put;
    store.put = async (i) => {
      seen.push(`${i.state}/${i.attempts}`);
      return origPut(i);
    };
    const intent = await placer.place(ORDER);
    expect(intent).toMatchObject({ state: 'placed', txid: ['O1'], attempts: 1 });
    expect(seen.slice(0, 2)).toEqual(['pending/0', 'pending/1']);
    expect(log).toEqual([`add ${intent.clOrdId} none`]);
  });

  it('a caller-made cl_ord_id is used as given, and preparing it again returns the same intent', async () => {
    const { placer, orders } = setup([]);
    const first = await placer.prepare(ORDER, 'ticket-1');
    const again = await placer.prepare({ ...ORDER, volume: '9' }, 'ticket-1');
    expect(again).toEqual(first);
    await placer.submit('ticket-1');
    expect((await placer.submit((await placer.prepare(ORDER, 'ticket-1')).clOrdId)).state).toBe('placed');
    expect(orders.size).toBe(1);
  });

  it('after a dropped answer it asks Kraken by cl_ord_id and does not resend', async () => {
    const { placer, orders, log } = setup(['drop-after-execute']);
    const intent = await placer.place(ORDER);
    expect(intent.state).toBe('placed');
    expect(orders.size).toBe(1);
    expect(log).toEqual([`add ${intent.clOrdId} drop-after-execute`, `query open ${intent.clOrdId}`]);
  });

  it('after a failure that never reached the engine, it confirms absence then resends the same cl_ord_id', async () => {
    const { placer, orders, log } = setup(['fail-before-execute']);
    const intent = await placer.place(ORDER);
    expect(intent).toMatchObject({ state: 'placed', attempts: 2 });
    expect(orders.size).toBe(1);
    expect(log).toEqual([
      `add ${intent.clOrdId} fail-before-execute`,
      `query open ${intent.clOrdId}`,
      `query closed ${intent.clOrdId}`,
      `add ${intent.clOrdId} none`,
    ]);
  });

  it('with deadlineMs every send carries deadline, and a lost answer waits past it before asking', async () => {
    const { placer, clock, log, sent } = setup(['drop-after-execute'], { deadlineMs: 10_000, settleMs: 0 });
    const start = clock.now(); // 1_700_000_000_000 = 2023-11-14T22:13:20Z
    const intent = await placer.place(ORDER);
    expect(intent.state).toBe('placed');
    expect(sent.map((p) => p.deadline)).toEqual(['2023-11-14T22:13:30Z']);
    expect(log).toHaveLength(2);
    expect(clock.now() - start).toBe(11_000); // the deadline plus a second of margin
  });

  it.each([[1_000], [61_000]])('refuses deadlineMs %i outside Kraken’s 2–60 s', (deadlineMs) => {
    expect(() => setup([], { deadlineMs })).toThrow(RangeError);
  });

  it('a refusal is final: the intent is rejected with the typed error and nothing is resent', async () => {
    const { placer, store, log } = setup(['reject']);
    await expect(placer.place(ORDER)).rejects.toMatchObject({ code: 'insufficient-funds' });
    const [intent] = await store.list();
    expect(intent).toMatchObject({ state: 'rejected', error: { code: 'insufficient-funds' } });
    expect(log).toHaveLength(1);
  });

  it('if Kraken cannot be asked, the intent stays unknown; resuming later asks first', async () => {
    const { placer, store, orders, log } = setup(['drop-after-execute', 'lookup-fails']);
    await expect(placer.place(ORDER)).rejects.toMatchObject({ code: 'network' });
    const [stuck] = await store.list();
    expect(stuck?.state).toBe('unknown');
    const [resumed] = await placer.resumeAll();
    expect(resumed).toMatchObject({ state: 'placed', txid: ['O1'] });
    expect(orders.size).toBe(1);
    expect(log.filter((l) => l.startsWith('add'))).toHaveLength(1);
  });

  it('property: any sequence of faults → every intent ends with exactly one order, none doubled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Fault>('none', 'drop-after-execute', 'fail-before-execute'), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 8 }),
        async (faults, count) => {
          const { placer, orders } = setup([...faults], { maxAttempts: 100 });
          const intents = await Promise.all(Array.from({ length: count }, () => placer.place(ORDER)));
          expect(intents.every((i) => i.state === 'placed')).toBe(true);
          expect(orders.size).toBe(count);
          const perId = new Map<string, number>();
          for (const o of orders.values()) perId.set(o.clOrdId, (perId.get(o.clOrdId) ?? 0) + 1);
          expect([...perId.values()].every((v) => v === 1)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('end to end through the client: the same cl_ord_id goes out in the body of every send', async () => {
    const fake = fakeFetch((req, i) => {
      const method = req.path.split('/').at(-1);
      if (method === 'AddOrder')
        return i === 0
          ? { status: 503, text: '<html>Service Unavailable</html>' }
          : ok({ descr: { order: 'x' }, txid: ['OABC'] });
      if (method === 'OpenOrders') return ok({ open: {} });
      return ok({ closed: {}, count: 0 });
    });
    const clock = virtualClock();
    const rest = createKrakenRest({
      fetch: fake.fetch,
      clock,
      credentials: { apiKey: 'K', secret: 'c2VjcmV0' },
    });
    const placer = createOrderPlacer({ rest, store: memoryIntentStore(), clock, newId: () => 'fixed-id-1' });
    const intent = await placer.place(ORDER);
    expect(intent).toMatchObject({ state: 'placed', txid: ['OABC'] });
    const trail = fake.requests.map((r) => `${r.path.split('/').at(-1)} ${r.params.get('cl_ord_id')}`);
    expect(trail).toEqual([
      'AddOrder fixed-id-1',
      'OpenOrders fixed-id-1',
      'ClosedOrders fixed-id-1',
      'AddOrder fixed-id-1',
    ]);
  });

  it('preview sends validate=true and records nothing', async () => {
    const fake = fakeFetch(() => ok({ descr: { order: 'buy 0.01 XBTUSD @ limit 30000.0' } }));
    const clock = virtualClock();
    const rest = createKrakenRest({
      fetch: fake.fetch,
      clock,
      credentials: { apiKey: 'K', secret: 'c2VjcmV0' },
    });
    const store = memoryIntentStore();
    const placer = createOrderPlacer({ rest, store, clock });
    const result = await placer.preview(ORDER);
    expect(result.txid).toBeUndefined();
    expect(fake.requests[0]?.params.get('validate')).toBe('true');
    expect(await store.list()).toEqual([]);
  });
});

describe('createDeadManSwitch', () => {
  it('arms with the timeout, refreshes while armed, disarms with 0 on stop', async () => {
    const clock = virtualClock();
    const calls: number[] = [];
    let refreshes = 0;
    const rest = {
      async cancelAllOrdersAfter(p: { timeout: number }) {
        calls.push(p.timeout);
        if (p.timeout > 0) refreshes++;
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, timeoutSec: 60, refreshMs: 20_000 });
    await dms.arm();
    expect(dms.armed).toBe(true);
    await expect.poll(() => refreshes).toBeGreaterThanOrEqual(3);
    await dms.stop();
    expect(dms.armed).toBe(false);
    expect(calls.at(-1)).toBe(0);
    expect(calls.slice(0, -1).every((t) => t === 60)).toBe(true);
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls.length).toBe(after);
    expect(clock.sleeps.every((ms) => ms === 20_000)).toBe(true);
  });

  it('a refused first arm leaves it off (a later arm tries again) and reports each accepted arm', async () => {
    const clock = virtualClock();
    const refreshed: number[] = [];
    let refuse = true;
    const rest = {
      async cancelAllOrdersAfter() {
        if (refuse) throw new Error('EAPI:Invalid key');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, onRefresh: (at) => refreshed.push(at) });
    await expect(dms.arm()).rejects.toThrow('EAPI:Invalid key');
    expect(dms.armed).toBe(false);
    expect(refreshed).toEqual([]);
    refuse = false;
    await dms.arm();
    expect(dms.armed).toBe(true);
    expect(refreshed).toHaveLength(1);
    await dms.stop();
  });

  it('keeps refreshing through failed refreshes and reports them', async () => {
    const clock = virtualClock();
    const errors: unknown[] = [];
    let n = 0;
    const rest = {
      async cancelAllOrdersAfter() {
        n++;
        if (n === 2) throw new Error('offline');
        return { currentTime: '', triggerTime: '' };
      },
    };
    const dms = createDeadManSwitch({ rest, clock, onError: (e) => errors.push(e) });
    await dms.arm();
    await expect.poll(() => n).toBeGreaterThanOrEqual(4);
    await dms.stop();
    expect(errors).toHaveLength(1);
  });

  it.each([[{ timeoutSec: 0 }], [{ timeoutSec: 86_400 }], [{ timeoutSec: 10, refreshMs: 10_000 }]])(
    'refuses a useless configuration %j',
    (cfg) => {
      expect(() =>
        createDeadManSwitch({
          rest: { cancelAllOrdersAfter: async () => ({ currentTime: '', triggerTime: '' }) },
          clock: virtualClock(),
          ...cfg,
        }),
      ).toThrow(RangeError);
    },
  );
});

it('fail helper is Kraken-shaped', () => {
  expect(fail('EAPI:Invalid key')).toEqual({ body: { error: ['EAPI:Invalid key'] } });
});
