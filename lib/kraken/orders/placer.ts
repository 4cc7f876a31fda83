import { type BackoffPolicy, backoffDelay } from '../backoff.ts';
import type { Clock } from '../clock.ts';
import type { KrakenRest } from '../rest/client.ts';
import { KrakenError } from '../rest/errors.ts';
import type { AddOrderParams, AddOrderResult } from '../rest/types-private.ts';
import type { OrderIntent, OrderIntentStore } from './intents.ts';

export interface OrderPlacerOptions {
  rest: Pick<KrakenRest, 'addOrder' | 'openOrders' | 'closedOrders'>;
  store: OrderIntentStore;
  clock: Clock;
  random?: () => number;
  /** Default crypto.randomUUID (a UUID is a valid cl_ord_id). */
  newId?: () => string;
  /** Sends per intent before giving up (the intent stays resumable). Default 4. */
  maxAttempts?: number;
  /**
   * Wait after an ambiguous failure before asking Kraken: a request that timed out on our side may still
   * be on its way to the engine. Default 2 s.
   */
  settleMs?: number;
  backoff?: BackoffPolicy;
  /**
   * Opt-in: send every order with Kraken's `deadline` (now + deadlineMs, 2 000…60 000) so that after a lost
   * answer we wait until the deadline has passed; from then on the engine can no longer accept that send
   * and the lookup is definitive. Needs a clock close to Kraken's (`serverOffsetMs`, see measureClockOffset).
   */
  deadlineMs?: number;
  /** Kraken's time minus ours, in ms (from measureClockOffset). Default 0. */
  serverOffsetMs?: () => number;
}

const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 10_000, floorMs: 100 };

/**
 * Places orders at most once. Each order is an intent with a cl_ord_id, stored before the first send.
 * After a timeout, network error, 5xx or EService:Unavailable/Busy the placer asks Kraken (OpenOrders
 * and ClosedOrders filtered by cl_ord_id) before sending again; only a confirmed absence leads to a resend,
 * with the same cl_ord_id. https://docs.kraken.com/api/docs/rest-api/add-order (cl_ord_id), SPEC.md §3.
 */
export function createOrderPlacer(options: OrderPlacerOptions) {
  const { rest, store, clock } = options;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const maxAttempts = options.maxAttempts ?? 4;
  const settleMs = options.settleMs ?? 2_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const deadlineMs = options.deadlineMs;
  if (deadlineMs !== undefined && !(deadlineMs >= 2_000 && deadlineMs <= 60_000)) {
    throw new RangeError('deadlineMs must be within 2000..60000 (Kraken accepts now+2 s … now+60 s)');
  }
  const serverNow = () => clock.now() + (options.serverOffsetMs?.() ?? 0);

  async function save(intent: OrderIntent, patch: Partial<OrderIntent>): Promise<OrderIntent> {
    const next = { ...intent, ...patch, updatedAt: clock.now() };
    await store.put(next);
    return next;
  }

  /** Asks Kraken whether an order with this cl_ord_id exists (open, or already closed/cancelled). */
  async function lookup(clOrdId: string): Promise<string[] | undefined> {
    const open = await rest.openOrders({ cl_ord_id: clOrdId });
    const openIds = Object.keys(open.open ?? {});
    if (openIds.length > 0) return openIds;
    const closed = await rest.closedOrders({ cl_ord_id: clOrdId });
    const closedIds = Object.keys(closed.closed ?? {});
    return closedIds.length > 0 ? closedIds : undefined;
  }

  /**
   * Records a new intent (not sent yet). A caller-made `clOrdId` (one per confirmed ticket) makes a repeated
   * confirmation find the same intent instead of creating a second order.
   */
  async function prepare(params: OrderIntent['params'], clOrdId = newId()): Promise<OrderIntent> {
    const existing = await store.get(clOrdId);
    if (existing) return existing;
    const now = clock.now();
    const intent: OrderIntent = {
      clOrdId,
      params: { ...params },
      state: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    await store.put(intent);
    return intent;
  }

  /** Sends (or resumes) an intent until Kraken has it or refuses it. Safe to call again after a throw. */
  async function submit(clOrdId: string, signal?: AbortSignal): Promise<OrderIntent> {
    let intent = await store.get(clOrdId);
    if (!intent) throw new RangeError(`no order intent ${clOrdId}`);
    if (intent.state === 'placed' || intent.state === 'rejected') return intent;
    if (intent.state === 'unknown' || intent.attempts > 0) {
      const found = await lookup(clOrdId);
      if (found) return save(intent, { state: 'placed', txid: found });
      intent = await save(intent, { state: 'pending' });
    }
    for (;;) {
      signal?.throwIfAborted();
      // Count the send before it happens: a crash mid-send then resumes with a lookup, never a blind resend.
      intent = await save(intent, { attempts: intent.attempts + 1 });
      let result: AddOrderResult;
      // RFC 3339 in whole seconds, rounded up so it never falls below Kraken's minimum of now + 2 s.
      const deadlineAt =
        deadlineMs === undefined ? undefined : Math.ceil((serverNow() + deadlineMs) / 1000) * 1000;
      const params: AddOrderParams = { ...(intent.params as AddOrderParams), cl_ord_id: clOrdId };
      if (deadlineAt !== undefined)
        params.deadline = new Date(deadlineAt).toISOString().replace('.000Z', 'Z');
      try {
        result = await rest.addOrder(params, { signal });
      } catch (e) {
        if (!(e instanceof KrakenError)) throw e;
        if (!e.outcomeUnknown) {
          await save(intent, { state: 'rejected', error: e.toJSON() });
          throw e;
        }
        intent = await save(intent, { state: 'unknown', error: e.toJSON() });
        // With a deadline, wait until it has passed (plus a second for clock error): the send is then settled.
        const untilDeadline = deadlineAt === undefined ? 0 : deadlineAt + 1_000 - serverNow();
        await clock.sleep(Math.max(settleMs, untilDeadline), signal);
        const found = await lookup(clOrdId); // throws → stays 'unknown'; submit() again resumes here
        if (found) return save(intent, { state: 'placed', txid: found });
        intent = await save(intent, { state: 'pending' });
        if (intent.attempts >= maxAttempts) throw e;
        await clock.sleep(backoffDelay(intent.attempts, backoff, random), signal);
        continue;
      }
      return save(intent, { state: 'placed', txid: result.txid ?? [], error: undefined });
    }
  }

  return {
    prepare,
    submit,
    /** prepare + submit. */
    async place(params: OrderIntent['params'], signal?: AbortSignal): Promise<OrderIntent> {
      const intent = await prepare(params);
      return submit(intent.clOrdId, signal);
    },
    /** Kraken checks the order without placing it (validate=true): the preview before confirmation. */
    preview(params: OrderIntent['params'], signal?: AbortSignal): Promise<AddOrderResult> {
      return rest.addOrder({ ...(params as AddOrderParams), validate: true }, { signal });
    },
    /** Resumes every intent left pending or unknown (e.g. after a service-worker restart). */
    async resumeAll(signal?: AbortSignal): Promise<OrderIntent[]> {
      const open = (await store.list()).filter((i) => i.state === 'pending' || i.state === 'unknown');
      const out: OrderIntent[] = [];
      for (const i of open) out.push(await submit(i.clOrdId, signal));
      return out;
    },
    lookup,
  };
}
export type OrderPlacer = ReturnType<typeof createOrderPlacer>;
