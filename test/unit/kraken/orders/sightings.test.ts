// A send whose answer was lost, settled by Kraken's own executions feed reporting its cl_ord_id with an order id
// (lib/kraken/orders/sightings.ts, placer.seen): at once, without waiting for the deadline, even while every
// lookup fails; and never for an order this account did not send.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../lib/kraken/clock.ts';
import {
  createOrderPlacer,
  memoryIntentStore,
  type OrderIntent,
  OrderOutcomeUnknown,
  transportError,
} from '../../../../lib/kraken/index.ts';
import { ACCOUNT_A as A, ACCOUNT_B as B, LIMIT_ORDER as ORDER } from '../../../support/intent-store.ts';
import { virtualClock } from '../../../support/virtual-clock.ts';

/** Time that never passes: a sleep ends only when its signal aborts (so only a report can end the wait). */
const frozen: Clock = {
  now: () => 1_700_000_000_000,
  sleep: (_ms, signal) =>
    new Promise<void>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
    ),
};

/** Every AddOrder's answer is lost (the order reached Kraken) and every lookup fails: only the feed can tell. */
function blindRest(log: string[]) {
  return {
    async addOrder() {
      log.push('add');
      throw transportError('AddOrder', 'timeout', 'no answer');
    },
    async openOrders() {
      log.push('lookup');
      throw transportError('OpenOrders', 'network', 'down');
    },
    async closedOrders() {
      log.push('lookup');
      throw transportError('ClosedOrders', 'network', 'down');
    },
  };
}

const turns = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('placer.seen: Kraken reports our cl_ord_id', () => {
  it('wakes a send waiting for its deadline: placed with Kraken’s id, no lookup', async () => {
    const log: string[] = [];
    const store = memoryIntentStore();
    const placer = createOrderPlacer({ rest: blindRest(log), store, clock: frozen, account: A });
    const placing = placer.confirm(ORDER, 'c-1');
    await turns();
    expect(log).toEqual(['add']); // sent, answer lost, waiting for the deadline (which never comes here)
    placer.seen('c-1', 'OABCDE-FGHIJ-KLMNOP');
    await expect(placing).resolves.toMatchObject({ state: 'placed', txid: ['OABCDE-FGHIJ-KLMNOP'] });
    expect(log).toEqual(['add']);
    expect((await store.get('c-1'))?.state).toBe('placed');
  });

  it('settles an order left unknown (lookups failing) at once, and check() then answers without a lookup', async () => {
    const log: string[] = [];
    const store = memoryIntentStore();
    const changes: OrderIntent[] = [];
    const placer = createOrderPlacer({
      rest: blindRest(log),
      store,
      clock: virtualClock(),
      account: A,
      onChange: (i) => changes.push(i),
    });
    await expect(placer.confirm(ORDER, 'c-1')).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    expect((await store.get('c-1'))?.state).toBe('unknown');
    placer.seen('c-1', 'O1');
    await turns();
    expect(await store.get('c-1')).toMatchObject({ state: 'placed', txid: ['O1'] });
    expect(changes.at(-1)).toMatchObject({ clOrdId: 'c-1', state: 'placed' });
    const lookups = log.filter((l) => l === 'lookup').length;
    await expect(placer.check('c-1')).resolves.toMatchObject({ state: 'placed', txid: ['O1'] });
    expect(log.filter((l) => l === 'lookup')).toHaveLength(lookups);
  });

  it('changes nothing for an order this account did not send: another account’s, one never sent, one unknown', async () => {
    const log: string[] = [];
    const store = memoryIntentStore();
    const placer = createOrderPlacer({ rest: blindRest(log), store, clock: virtualClock(), account: A });
    const other = createOrderPlacer({ rest: blindRest(log), store, clock: virtualClock(), account: B });
    await expect(other.confirm(ORDER, 'b-1')).rejects.toBeInstanceOf(OrderOutcomeUnknown);
    await placer.prepare(ORDER, 'a-unsent');
    placer.seen('b-1', 'O1');
    placer.seen('a-unsent', 'O2');
    placer.seen('someone-else', 'O3');
    await turns();
    expect(await store.get('b-1')).toMatchObject({ state: 'unknown', account: B });
    expect(await store.get('a-unsent')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await store.get('someone-else')).toBeUndefined();
    expect(log.filter((l) => l === 'add')).toHaveLength(1);
  });
});
