import { type BackoffPolicy, backoffDelay } from '../backoff.ts';
import { KrakenError } from '../rest/errors.ts';
import type { AddOrderParams, AddOrderResult } from '../rest/types-private.ts';
import { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from './errors.ts';
import { type ExpiredReason, freshIntent, isSettled, type OrderIntent, sameAccount } from './intents.ts';
import { clOrdIdLookup } from './lookup.ts';
import type { OrderPlacerOptions } from './placer-options.ts';
import { createSightings } from './sightings.ts';

export type { OrderPlacerOptions } from './placer-options.ts';

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 300, capMs: 3_000, floorMs: 100 };

/**
 * Places orders at most once, for one account. Each order is an intent with a cl_ord_id and the account it
 * was confirmed for, stored before the first send. Every send carries Kraken's `deadline`; after an
 * ambiguous failure (timeout, network, 5xx, EService:Unavailable/Busy) the placer waits until that deadline
 * has passed and asks Kraken (OpenOrders, ClosedOrders by cl_ord_id). Only a definitive "absent", while the
 * confirmation is fresh and someone waits for it, leads to another send with the same cl_ord_id; `check`
 * and `reconcileAll` (a restarted worker, an unlock) only look, never send.
 * https://docs.kraken.com/api/docs/rest-api/add-order (cl_ord_id, deadline), docs/kraken-protocol.md §3.
 */
export function createOrderPlacer(options: OrderPlacerOptions) {
  const { rest, store, clock, account } = options;
  const send = options.send ?? ((p, signal) => rest.addOrder(p, { signal }));
  const newId = options.newId ?? (() => crypto.randomUUID());
  const deadlineMs = options.deadlineMs ?? 5_000;
  const settleMarginMs = options.settleMarginMs ?? 2_000;
  const confirmTtlMs = options.confirmTtlMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  if (!(deadlineMs >= 2_000 && deadlineMs <= 60_000)) {
    throw new RangeError('deadlineMs must be within 2000..60000 (Kraken accepts now+2 s … now+60 s)');
  }
  const serverNow = () => clock.now() + (options.serverOffsetMs?.() ?? 0);
  /** One operation per cl_ord_id at a time: a double click, a check and a send never overlap. */
  const running = new Map<string, Promise<OrderIntent>>();
  /** Ids a person is waiting to send while a check runs: the check then leaves an absent order sendable. */
  const waiting = new Set<string>();

  async function save(intent: OrderIntent, patch: Partial<OrderIntent>): Promise<OrderIntent> {
    const next = { ...intent, ...patch, updatedAt: clock.now() };
    await store.put(next);
    options.onChange?.(next);
    return next;
  }

  const lookup = clOrdIdLookup(rest, clock);
  /** Kraken's executions feed reporting our cl_ord_ids (`seen`): an answer as good as a lookup's. */
  const sightings = createSightings(clock);
  /**
   * Placed answers whose record is still being written (see `answered`): anything that reads the intent back
   * waits for that write first, so it never sees the pre-send record of an order already answered.
   */
  const writing = new Map<string, Promise<void>>();

  async function own(clOrdId: string): Promise<OrderIntent> {
    await writing.get(clOrdId);
    const intent = await store.get(clOrdId);
    // Asked about an order never recorded (or set aside as unreadable): nothing was ever sent for it.
    if (!intent) throw new OrderExpired(clOrdId, 'never-sent');
    if (!sameAccount(intent.account, account)) throw new ForeignIntent(clOrdId);
    return intent;
  }

  /** Joins the operation already running for this id, or starts this one. */
  function exclusive(clOrdId: string, run: () => Promise<OrderIntent>): Promise<OrderIntent> {
    const current = running.get(clOrdId);
    if (current) return current;
    const next = run().finally(() => running.delete(clOrdId));
    running.set(clOrdId, next);
    return next;
  }

  /** A settled intent's ending, as the caller sees it: the order, or why there is none. */
  function ending(intent: OrderIntent): OrderIntent {
    if (intent.state === 'placed') return intent;
    if (intent.state === 'rejected' && intent.error) throw KrakenError.fromJSON(intent.error);
    if (intent.state === 'expired') throw new OrderExpired(intent.clOrdId, intent.expiredReason ?? 'absent');
    return intent;
  }

  /**
   * After a send whose answer was lost: wait for its deadline, then look. Placed, or absent for good, or
   * (the lookup failed) still unknown — thrown as OrderOutcomeUnknown. Kraken's executions feed reporting the
   * cl_ord_id (`seen`) answers as a lookup would, at once.
   */
  async function settle(intent: OrderIntent, signal?: AbortSignal): Promise<'absent' | OrderIntent> {
    const wait = (intent.deadlineAt ?? 0) + settleMarginMs - serverNow();
    if (wait > 0) await sightings.sleep(intent.clOrdId, wait, signal);
    const reported = sightings.get(intent.clOrdId);
    if (reported) return save(intent, { state: 'placed', txid: [reported] });
    let found: string[] | undefined;
    try {
      found = await lookup(intent.clOrdId);
    } catch (e) {
      const late = sightings.get(intent.clOrdId); // reported while the lookup failed
      if (late) return save(intent, { state: 'placed', txid: [late] });
      const detail = e instanceof Error ? e.message : String(e);
      await save(intent, { state: 'unknown' });
      throw new OrderOutcomeUnknown(intent.clOrdId, detail);
    }
    if (found) return save(intent, { state: 'placed', txid: found }); // the lost answer's error stays, for the record
    return 'absent';
  }

  async function expire(intent: OrderIntent, reason: ExpiredReason): Promise<never> {
    await save(intent, { state: 'expired', expiredReason: reason });
    throw new OrderExpired(intent.clOrdId, reason);
  }

  /** RFC 3339 in whole seconds, rounded up so it never falls below Kraken's minimum of now + 2 s. */
  const nextDeadline = () => Math.ceil((serverNow() + deadlineMs) / 1000) * 1000;

  /**
   * Kraken's answer with its order id: returned at once, its record written behind it. The record written
   * before the send (cl_ord_id, account, deadline, the attempt counted) already guards against any resend: if
   * the worker stops before this write lands, the next one finds that record unsettled, waits for its deadline
   * and finds the order by cl_ord_id (`check`, `reconcileAll`): placed, never sent again. That write held the
   * answer back by one IndexedDB transaction (docs/design.md §10, order-ack).
   */
  function answered(intent: OrderIntent, txid: string[]): OrderIntent {
    const placed: OrderIntent = {
      ...intent,
      state: 'placed',
      txid,
      error: undefined,
      updatedAt: clock.now(),
    };
    const written = store.put(placed).then(
      () => options.onChange?.(placed),
      // Left as recorded before the send: the lookup after its deadline settles it, as after a crash.
      () => {},
    );
    const done = written.finally(() => {
      if (writing.get(placed.clOrdId) === done) writing.delete(placed.clOrdId);
    });
    writing.set(placed.clOrdId, done);
    return placed;
  }

  /** `recorded`: the first attempt was counted in the intent's own first write (`confirm`). */
  async function sendLoop(start: OrderIntent, signal?: AbortSignal, recorded = false): Promise<OrderIntent> {
    let intent = start;
    for (let first = true; ; first = false) {
      signal?.throwIfAborted();
      if (!(first && recorded)) {
        if (clock.now() - intent.confirmedAt > confirmTtlMs) return expire(intent, 'too-old');
        if (intent.attempts >= maxAttempts) return expire(intent, 'attempts');
        // Counted and stored before the send: a crash mid-send resumes with a lookup, never a blind resend.
        const deadlineAt = nextDeadline();
        intent = await save(intent, { attempts: intent.attempts + 1, deadlineAt, state: 'pending' });
      }
      const deadlineAt = intent.deadlineAt ?? nextDeadline();
      const params: AddOrderParams = {
        ...(intent.params as AddOrderParams),
        cl_ord_id: intent.clOrdId,
        deadline: new Date(deadlineAt).toISOString().replace('.000Z', 'Z'),
      };
      try {
        const result = await send(params, signal);
        const txid = result.txid ?? [];
        if (txid.length === 0) {
          // Kraken always answers an accepted order with its id; without one, only a lookup can tell.
          intent = await save(intent, { state: 'unknown' });
          const settled = await settle(intent, signal);
          if (settled !== 'absent') return settled;
          continue;
        }
        return answered(intent, txid);
      } catch (e) {
        const error = asKrakenError(e);
        if (error && !error.outcomeUnknown && error.code !== 'deadline-elapsed') {
          await save(intent, { state: 'rejected', error: error.toJSON() });
          throw error;
        }
        // Ambiguous (or an abort mid-send, which may still reach Kraken): settle before anything else.
        intent = await save(intent, { state: 'unknown', ...(error ? { error: error.toJSON() } : {}) });
        if (!error) throw new OrderOutcomeUnknown(intent.clOrdId, e instanceof Error ? e.message : String(e));
        const settled = await settle(intent, signal);
        if (settled !== 'absent') return settled;
        intent = await save(intent, { state: 'pending' });
        await clock.sleep(backoffDelay(intent.attempts, backoff, random), signal);
      }
    }
  }

  /** A recorded intent someone waits for: its ending if settled, else sent (after a lookup if sent before). */
  async function resume(intent: OrderIntent, signal?: AbortSignal): Promise<OrderIntent> {
    if (isSettled(intent)) return ending(intent);
    if (intent.attempts === 0) return sendLoop(intent, signal);
    const settled = await settle(intent, signal);
    if (settled !== 'absent') return settled;
    return sendLoop(await save(intent, { state: 'pending' }), signal);
  }

  return {
    account,
    /**
     * Records a new intent (not sent yet) for this account. A caller-made `clOrdId` (one per confirmed
     * ticket) makes a repeated confirmation find the same intent instead of creating a second order.
     */
    async prepare(
      params: OrderIntent['params'],
      clOrdId = newId(),
      meta?: OrderIntent['meta'],
    ): Promise<OrderIntent> {
      const existing = await store.get(clOrdId);
      if (existing) {
        if (!sameAccount(existing.account, account)) throw new ForeignIntent(clOrdId);
        return existing;
      }
      const intent = freshIntent(params, clOrdId, clock.now(), account, meta);
      await store.put(intent);
      options.onChange?.(intent);
      return intent;
    },

    /**
     * The person is waiting for this order: send it (or, if it was sent before, look first and send again
     * only after Kraken's deadline settled the earlier send as absent). Placed → the intent; refused →
     * KrakenError; no longer sendable → OrderExpired; Kraken unreachable for the lookup → OrderOutcomeUnknown.
     */
    async submit(clOrdId: string, signal?: AbortSignal): Promise<OrderIntent> {
      const current = running.get(clOrdId);
      if (current) {
        // A send already running is this confirmation's send (a double click): share its ending. A check
        // (a restarted worker looking) must not expire an order the person is still waiting for.
        waiting.add(clOrdId);
        try {
          const shared = await current;
          if (isSettled(shared)) return shared;
        } catch (e) {
          if (!(e instanceof OrderOutcomeUnknown)) throw e;
        } finally {
          waiting.delete(clOrdId);
        }
      }
      return exclusive(clOrdId, async () => resume(await own(clOrdId), signal));
    },

    /**
     * The person confirmed this order now: `prepare` and `submit` with one IndexedDB transaction before the
     * send instead of four (the intent is written with its first attempt and deadline counted, where the
     * cl_ord_id is not taken yet; nothing is read back), and Kraken's answer returned before its record is
     * written (`answered`). A cl_ord_id already recorded (a second click, a confirmation repeated later)
     * goes the way `submit` goes: joined, looked up, never sent twice.
     */
    async confirm(
      params: OrderIntent['params'],
      clOrdId = newId(),
      meta?: OrderIntent['meta'],
      signal?: AbortSignal,
    ): Promise<OrderIntent> {
      if (running.has(clOrdId) || writing.has(clOrdId)) return this.submit(clOrdId, signal);
      return exclusive(clOrdId, async () => {
        const now = clock.now();
        const intent: OrderIntent = {
          ...freshIntent(params, clOrdId, now, account, meta),
          attempts: 1,
          deadlineAt: nextDeadline(),
        };
        const existing = store.create
          ? await store.create(intent)
          : ((await store.get(clOrdId)) ?? (await store.put(intent)));
        if (existing) {
          if (!sameAccount(existing.account, account)) throw new ForeignIntent(clOrdId);
          return resume(existing, signal);
        }
        options.onChange?.(intent);
        return sendLoop(intent, signal, true);
      });
    },

    /** Looks, never sends: placed, expired, or OrderOutcomeUnknown while Kraken cannot be asked. */
    check(clOrdId: string, signal?: AbortSignal): Promise<OrderIntent> {
      return exclusive(clOrdId, async () => {
        const intent = await own(clOrdId);
        if (isSettled(intent)) return ending(intent);
        if (intent.attempts === 0) return expire(intent, 'never-sent');
        const settled = await settle(intent, signal);
        if (settled !== 'absent') return settled;
        // Absent for good. Someone waiting to send it (submit joined this check) sends it next; else it expires.
        if (waiting.has(clOrdId)) return save(intent, { state: 'pending' });
        return expire(intent, 'absent');
      });
    },

    /**
     * Settles every unsettled intent of this account (a restarted worker, an unlock, a key change): looks
     * each up, never sends. Intents of other accounts are left as they are. Returns the ones still unknown.
     */
    async reconcileAll(signal?: AbortSignal): Promise<OrderIntent[]> {
      const mine = (await store.list()).filter((i) => !isSettled(i) && sameAccount(i.account, account));
      const unknown: OrderIntent[] = [];
      for (const i of mine) {
        if (running.has(i.clOrdId)) continue; // a send in progress settles itself
        try {
          await this.check(i.clOrdId, signal);
        } catch (e) {
          if (e instanceof OrderOutcomeUnknown) unknown.push(i);
          else if (!(e instanceof OrderExpired || e instanceof KrakenError)) throw e;
        }
      }
      return unknown;
    },

    /** Kraken checks the order without placing it (validate=true): the preview before confirmation. */
    preview(params: OrderIntent['params'], signal?: AbortSignal): Promise<AddOrderResult> {
      return rest.addOrder({ ...(params as AddOrderParams), validate: true }, { signal });
    },

    /** confirm with a new cl_ord_id (the CLI and tests). */
    place(params: OrderIntent['params'], signal?: AbortSignal): Promise<OrderIntent> {
      return this.confirm(params, newId(), undefined, signal);
    },

    /**
     * Kraken's executions feed reported `clOrdId` as order `orderId`. An intent of ours sent and still unsettled
     * is placed with that id: a send waiting for its deadline is woken (settle), one left unknown is settled now
     * rather than at the next reconcile. Reports of orders we did not send (another app's) change nothing.
     */
    seen(clOrdId: string, orderId: string): void {
      // Running: its send or settle takes the report itself. Being written: its answer came, with this id.
      if (!sightings.add(clOrdId, orderId) || running.has(clOrdId) || writing.has(clOrdId)) return;
      // `own` refuses an id we do not hold and another account's (swallowed below: nothing to change).
      void exclusive(clOrdId, async () => {
        const intent = await own(clOrdId);
        if (isSettled(intent) || intent.attempts === 0) return intent;
        return save(intent, { state: 'placed', txid: [orderId] });
      }).catch(() => {});
    },

    lookup,
    /** Whether an operation is running for this id (a send waiting for its deadline, a check). */
    busy: (clOrdId: string) => running.has(clOrdId),
  };
}
export type OrderPlacer = ReturnType<typeof createOrderPlacer>;

function asKrakenError(e: unknown): KrakenError | null {
  return e instanceof KrakenError ? e : null;
}
