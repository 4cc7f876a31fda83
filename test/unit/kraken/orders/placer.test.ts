import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AddOrderParams,
  createKrakenRest,
  createOrderPlacer,
  ForeignIntent,
  type IntentAccount,
  KrakenError,
  krakenErrorFrom,
  memoryIntentStore,
  type Order,
  OrderExpired,
  type OrderIntentStore,
  OrderOutcomeUnknown,
  transportError,
} from '../../../../lib/kraken/index.ts';
import { fakeFetch, ok } from '../../../support/fake-fetch.ts';
import { ACCOUNT_A as A, ACCOUNT_B as B, LIMIT_ORDER as ORDER } from '../../../support/intent-store.ts';
import { virtualClock } from '../../../support/virtual-clock.ts';

type Fault =
  | 'none'
  /** Executed, answer lost. */
  | 'drop-after-execute'
  /** Answer lost, nothing executed. */
  | 'fail-before-execute'
  /** Answer lost; the order reaches the engine 3 s later (refused there if its deadline passed by then). */
  | 'late-3s'
  /** Answer lost; the order reaches the engine 9 s later: past any 5 s deadline, so never executed. */
  | 'late-9s'
  | 'reject'
  | 'lookup-fails';

/**
 * A tiny exchange on the test's virtual clock: orders keyed by cl_ord_id, each AddOrder consuming one
 * scripted fault. Late orders are invisible to lookups until they reach the engine, and the engine refuses
 * any send whose `deadline` has passed — Kraken's rule (https://docs.kraken.com/api/docs/rest-api/add-order).
 */
function exchange(faults: Fault[], clock: { now(): number }, account = A) {
  const orders = new Map<string, { txid: string; clOrdId: string; at: number; account: IntentAccount }>();
  const log: string[] = [];
  const sent: AddOrderParams[] = [];
  let n = 0;
  const lost = () => transportError('AddOrder', 'timeout', 'no answer');
  const visible = (clOrdId: string | undefined) =>
    [...orders.values()].filter(
      (o) => (clOrdId === undefined || o.clOrdId === clOrdId) && o.at <= clock.now() && o.account === account,
    );
  const rest = {
    async addOrder(p: AddOrderParams) {
      sent.push(p);
      const fault = faults.shift() ?? 'none';
      log.push(`add ${p.cl_ord_id} ${fault}`);
      if (fault === 'fail-before-execute') throw transportError('AddOrder', 'http-status', '502', 502);
      if (fault === 'reject') throw krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0);
      const delay = fault === 'late-3s' ? 3_000 : fault === 'late-9s' ? 9_000 : 0;
      const at = clock.now() + delay;
      const deadline = p.deadline ? Date.parse(p.deadline) : Number.POSITIVE_INFINITY;
      const txid = `O${++n}`;
      if (at <= deadline) orders.set(txid, { txid, clOrdId: p.cl_ord_id ?? '', at, account });
      if (fault !== 'none') throw lost();
      return { descr: { order: 'x' }, txid: [txid] };
    },
    async openOrders(p: { cl_ord_id?: string } = {}) {
      log.push(`query open ${p.cl_ord_id}`);
      if (faults[0] === 'lookup-fails') {
        faults.shift();
        throw transportError('OpenOrders', 'network', 'down');
      }
      return {
        open: Object.fromEntries(
          visible(p.cl_ord_id).map((o) => [o.txid, { cl_ord_id: o.clOrdId } as Order]),
        ),
      };
    },
    async closedOrders(p: { cl_ord_id?: string } = {}) {
      log.push(`query closed ${p.cl_ord_id}`);
      return { closed: {} as Record<string, Order> };
    },
  };
  return { rest, orders, log, sent };
}

let ids = 0;
function setup(
  faults: Fault[],
  extra: Record<string, unknown> = {},
  store: OrderIntentStore = memoryIntentStore(),
) {
  const clock = virtualClock();
  const ex = exchange(faults, clock, (extra.account as IntentAccount | undefined) ?? A);
  const placer = createOrderPlacer({
    rest: ex.rest,
    store,
    clock,
    account: A,
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    ...extra,
  });
  return { ...ex, store, clock, placer };
}

const adds = (log: string[]) => log.filter((l) => l.startsWith('add'));

describe('createOrderPlacer: sending', () => {
  it('one store transaction before the send (the intent with its attempt and deadline), the answer before its record', async () => {
    const { placer, store, log } = setup([]);
    const ops: string[] = [];
    let land = () => {};
    const landed = new Promise<void>((r) => {
      land = r;
    });
    const { get, put, create } = store;
    store.get = async (id) => {
      ops.push('get');
      return get(id);
    };
    store.put = async (i) => {
      ops.push(`put ${i.state}/${i.attempts}`);
      if (i.state === 'placed') await landed; // the placed record's write has not landed yet
      return put(i);
    };
    store.create = async (i) => {
      ops.push(`create ${i.state}/${i.attempts} deadline:${i.deadlineAt !== undefined}`);
      return create?.(i);
    };
    const intent = await placer.place(ORDER);
    // The answer is back while its own record is still being written.
    expect(intent).toMatchObject({ state: 'placed', txid: ['O1'], attempts: 1, account: A });
    expect(ops).toEqual(['create pending/1 deadline:true', 'put placed/1']);
    expect(log).toEqual([`add ${intent.clOrdId} none`]);
    expect((await get(intent.clOrdId))?.state).toBe('pending');
    // Anything reading the intent back (a second click, a check) waits for that write: placed, not resent.
    const again = placer.submit(intent.clOrdId);
    land();
    expect(await again).toMatchObject({ state: 'placed', txid: ['O1'] });
    expect((await get(intent.clOrdId))?.state).toBe('placed');
    expect(adds(log)).toHaveLength(1);
  });

  it('the worker stops after the send, before the placed record is written: the next one finds it, sends nothing', async () => {
    const store = memoryIntentStore();
    const first = setup([], {}, store);
    const put = store.put;
    store.put = async (i) => {
      if (i.state === 'placed') return new Promise<never>(() => {}); // the worker is gone before it lands
      return put(i);
    };
    const answer = await first.placer.confirm(ORDER, 'crash-after-send');
    expect(answer.txid).toEqual(['O1']);
    store.put = put;
    const recorded = await store.get('crash-after-send');
    expect(recorded).toMatchObject({ state: 'pending', attempts: 1 });
    // A new worker: its placer has never seen this order; Kraken (the same exchange) has it once.
    const second = createOrderPlacer({ rest: first.rest, store, clock: first.clock, account: A });
    expect(await second.reconcileAll()).toEqual([]); // waits (virtually) for the send's deadline, then looks
    expect(await store.get('crash-after-send')).toMatchObject({ state: 'placed', txid: ['O1'] });
    // The person confirms the same ticket again: its order, not a second one.
    expect(await second.confirm(ORDER, 'crash-after-send')).toMatchObject({ state: 'placed', txid: ['O1'] });
    expect(adds(first.log)).toHaveLength(1);
    expect(first.orders.size).toBe(1);
  });

  it('every send carries Kraken’s deadline (5 s after Kraken’s now, whole seconds, rounded up)', async () => {
    const { placer, sent } = setup([], { serverOffsetMs: () => 400 });
    await placer.place(ORDER); // virtual now 1_700_000_000_000 = 2023-11-14T22:13:20Z, Kraken +0.4 s
    expect(sent.map((p) => p.deadline)).toEqual(['2023-11-14T22:13:26Z']);
  });

  it('after a lost answer it waits until the deadline has passed, then asks by cl_ord_id, and does not resend', async () => {
    const { placer, orders, log, clock } = setup(['drop-after-execute']);
    const start = clock.now();
    const intent = await placer.place(ORDER);
    expect(intent.state).toBe('placed');
    expect(orders.size).toBe(1);
    expect(adds(log)).toHaveLength(1);
    expect(clock.now() - start).toBeGreaterThanOrEqual(5_000 + 2_000); // deadline + margin
  });

  it('a copy that reaches the engine late (before its deadline) is found, never doubled', async () => {
    const { placer, orders, log } = setup(['late-3s']);
    const intent = await placer.place(ORDER);
    expect(intent.state).toBe('placed');
    expect(orders.size).toBe(1);
    expect(adds(log)).toHaveLength(1);
  });

  it('a copy too late for its deadline is refused by the engine: found absent, then sent again once', async () => {
    const { placer, orders, log } = setup(['late-9s']);
    const intent = await placer.place(ORDER);
    expect(intent).toMatchObject({ state: 'placed', attempts: 2 });
    expect(orders.size).toBe(1);
    expect(adds(log)).toHaveLength(2);
  });

  it('a refusal is final: rejected with the typed error, and sending the same ticket again refuses again', async () => {
    const { placer, store, log } = setup(['reject']);
    const intent = await placer.prepare(ORDER, 'ticket-1');
    await expect(placer.submit(intent.clOrdId)).rejects.toMatchObject({ code: 'insufficient-funds' });
    expect((await store.get('ticket-1'))?.state).toBe('rejected');
    // The old placer returned the stored rejected intent here, which the popup showed as "Placed".
    await expect(placer.submit('ticket-1')).rejects.toBeInstanceOf(KrakenError);
    expect(adds(log)).toHaveLength(1);
  });

  it('Kraken unreachable for the lookup: OrderOutcomeUnknown, the intent stays unknown, nothing resent', async () => {
    const { placer, store, log } = setup(['drop-after-execute', 'lookup-fails']);
    const intent = await placer.prepare(ORDER);
    await expect(placer.submit(intent.clOrdId)).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    expect((await store.get(intent.clOrdId))?.state).toBe('unknown');
    expect(adds(log)).toHaveLength(1);
    // Once Kraken answers lookups, a check settles it as placed, still without a second send.
    expect(await placer.check(intent.clOrdId)).toMatchObject({ state: 'placed', txid: ['O1'] });
    expect(adds(log)).toHaveLength(1);
  });

  it('a confirmation older than the limit is not sent: expired, too old', async () => {
    const { placer, clock, log } = setup([], { confirmTtlMs: 60_000 });
    const intent = await placer.prepare(ORDER);
    clock.advance(61_000);
    await expect(placer.submit(intent.clOrdId)).rejects.toMatchObject({
      name: 'OrderExpired',
      reason: 'too-old',
    });
    expect(log).toEqual([]);
  });

  it('lookups of the same moment share one unfiltered OpenOrders call (each costs a REST counter point)', async () => {
    const { placer, log } = setup(['drop-after-execute', 'drop-after-execute', 'drop-after-execute']);
    const placed = await Promise.all([placer.place(ORDER), placer.place(ORDER), placer.place(ORDER)]);
    expect(placed.every((i) => i.state === 'placed')).toBe(true);
    expect(log.filter((l) => l.startsWith('query'))).toEqual(['query open undefined']);
  });

  it('a double click shares one send', async () => {
    const { placer, orders } = setup(['drop-after-execute']);
    const intent = await placer.prepare(ORDER, 'ticket-2');
    const [a, b] = await Promise.all([placer.submit(intent.clOrdId), placer.submit(intent.clOrdId)]);
    expect(a.txid).toEqual(b.txid);
    expect(orders.size).toBe(1);
  });

  it('property: any mix of lost answers and late copies → each confirmation placed exactly once', async () => {
    const faults = fc.constantFrom<Fault>(
      'none',
      'drop-after-execute',
      'fail-before-execute',
      'late-3s',
      'late-9s',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(faults, { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        async (script, count) => {
          const { placer, orders } = setup([...script], { maxAttempts: 100, confirmTtlMs: 10 * 60_000 });
          const intents = await Promise.all(Array.from({ length: count }, () => placer.place(ORDER)));
          expect(intents.every((i) => i.state === 'placed')).toBe(true);
          const perId = new Map<string, number>();
          for (const o of orders.values()) perId.set(o.clOrdId, (perId.get(o.clOrdId) ?? 0) + 1);
          expect(perId.size).toBe(count);
          expect([...perId.values()].every((v) => v === 1)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('createOrderPlacer: resuming never sends, and only for its own account', () => {
  it('an intent of another account is neither sent nor looked up (stale or foreign orders stay where they are)', async () => {
    const store = memoryIntentStore();
    const first = setup(['drop-after-execute', 'lookup-fails'], {}, store);
    const left = await first.placer.prepare(ORDER, 'from-account-a');
    await expect(first.placer.submit(left.clOrdId)).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    // Account B's placer over the same store (the same browser profile, another key).
    const other = setup([], { account: B }, store);
    expect(await other.placer.reconcileAll()).toEqual([]);
    await expect(other.placer.submit('from-account-a')).rejects.toBeInstanceOf(ForeignIntent);
    expect(other.log).toEqual([]);
    expect((await store.get('from-account-a'))?.state).toBe('unknown');
  });

  it('another endpoint or a replaced key (another version) is another account', async () => {
    const store = memoryIntentStore();
    const a = setup(['lookup-fails'], {}, store);
    await a.placer.prepare(ORDER, 'x');
    for (const account of [
      { ...A, endpoint: 'http://127.0.0.1:8787' },
      { ...A, keyVersion: 2 },
    ]) {
      const other = setup([], { account }, store);
      await expect(other.placer.submit('x')).rejects.toBeInstanceOf(ForeignIntent);
      await other.placer.reconcileAll();
      expect(other.log).toEqual([]);
    }
  });

  it('resuming an unknown intent looks it up: placed if Kraken has it, expired (not resent) if not', async () => {
    const store = memoryIntentStore();
    const first = setup(
      ['fail-before-execute', 'lookup-fails', 'drop-after-execute', 'lookup-fails'],
      {},
      store,
    );
    const absent = await first.placer.prepare(ORDER, 'absent-one');
    const present = await first.placer.prepare(ORDER, 'present-one');
    await expect(first.placer.submit(absent.clOrdId)).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    await expect(first.placer.submit(present.clOrdId)).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    const sends = adds(first.log).length;
    expect(await first.placer.reconcileAll()).toEqual([]);
    expect(adds(first.log)).toHaveLength(sends);
    expect(await store.get('absent-one')).toMatchObject({ state: 'expired', expiredReason: 'absent' });
    expect(await store.get('present-one')).toMatchObject({ state: 'placed' });
  });

  it('a confirmed intent never sent (worker stopped before the send) expires on resume, unsent', async () => {
    const { placer, store, log } = setup([]);
    await placer.prepare(ORDER, 'never-sent');
    await placer.reconcileAll();
    expect(await store.get('never-sent')).toMatchObject({ state: 'expired', expiredReason: 'never-sent' });
    expect(log).toEqual([]);
    await expect(placer.submit('never-sent')).rejects.toBeInstanceOf(OrderExpired);
  });

  it('a person still waiting (submit joins a resume’s lookup) gets the absent order sent, once', async () => {
    const store = memoryIntentStore();
    // Worker 1: the send's answer is lost, and the worker stops while waiting for the deadline.
    const first = setup(['fail-before-execute'], {}, store);
    const stop = new AbortController();
    const addOrder = first.rest.addOrder;
    first.rest.addOrder = async (p) => {
      try {
        return await addOrder(p);
      } finally {
        stop.abort();
      }
    };
    const intent = await first.placer.prepare(ORDER, 'waiting');
    await expect(first.placer.submit(intent.clOrdId, stop.signal)).rejects.toThrow();
    expect((await store.get('waiting'))?.state).toBe('unknown');
    // Worker 2 resumes (looks, never sends) while the still-open ticket asks to send the same confirmation.
    const second = setup([], {}, store);
    const resume = second.placer.reconcileAll();
    await expect.poll(() => second.placer.busy('waiting')).toBe(true);
    const sent = second.placer.submit('waiting');
    await resume;
    await expect(sent).resolves.toMatchObject({ state: 'placed', attempts: 2 });
    expect(second.orders.size + first.orders.size).toBe(1);
  });
});

it('end to end through the client: the same cl_ord_id and a deadline go out in every send', async () => {
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
  const placer = createOrderPlacer({
    rest,
    store: memoryIntentStore(),
    clock,
    account: A,
    newId: () => 'fixed-id-1',
  });
  const intent = await placer.place(ORDER);
  expect(intent).toMatchObject({ state: 'placed', txid: ['OABC'] });
  const trail = fake.requests.map(
    (r) => `${r.path.split('/').at(-1)} ${r.params.get('cl_ord_id')} ${r.params.has('deadline')}`,
  );
  expect(trail).toEqual([
    'AddOrder fixed-id-1 true',
    'OpenOrders null false', // the shared call, for every lookup of the moment
    'ClosedOrders fixed-id-1 false', // not open: asked for by id among closed orders
    'AddOrder fixed-id-1 true',
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
  const placer = createOrderPlacer({ rest, store, clock, account: A });
  const result = await placer.preview(ORDER);
  expect(result.txid).toBeUndefined();
  expect(fake.requests[0]?.params.get('validate')).toBe('true');
  expect(await store.list()).toEqual([]);
});
