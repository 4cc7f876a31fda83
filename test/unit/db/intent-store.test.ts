import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { idbIntentStore, KEEP_SETTLED_MS } from '../../../lib/db/intent-store.ts';
import { openDatabase } from '../../../lib/db/schema.ts';
import { listSetAside } from '../../../lib/db/set-aside.ts';
import { createOrderPlacer, type OrderIntent } from '../../../lib/kraken/index.ts';
import type { OrderRequest } from '../../../lib/orders/types.ts';
import { toAddOrderParams } from '../../../lib/trading/kraken-order.ts';
import { orderMeta } from '../../../lib/trading/order-meta.ts';
import { BTC_USD_RULES as BTCUSD } from '../../support/paper-fixtures.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

let n = 0;
const fresh = () => openDatabase(`intents-${++n}`);
const ACCOUNT = { keyId: 'abcdef0123456789', keyVersion: 1, endpoint: 'https://api.kraken.com' };
const MARKET: OrderRequest = {
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'market',
  volume: '0.01',
  postOnly: false,
  timeInForce: 'GTC',
};

/** An intent as recorded before its first send: confirmed, the attempt counted, its deadline set. */
const SENT: OrderIntent = {
  clOrdId: 'c-1',
  params: { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.01' },
  state: 'pending',
  account: ACCOUNT,
  confirmedAt: 1,
  attempts: 1,
  deadlineAt: 5_000,
  createdAt: 1,
  updatedAt: 1,
};

describe('idbIntentStore', () => {
  it('keeps an intent the placer records from a real ticket order, field for field', async () => {
    const store = idbIntentStore(fresh());
    const placer = createOrderPlacer({
      rest: {
        addOrder: async () => ({ descr: { order: '' }, txid: ['O1'] }),
        openOrders: async () => ({ open: {} }),
        closedOrders: async () => ({ closed: {} }),
      } as never,
      store,
      clock: virtualClock(),
      account: ACCOUNT,
    });
    // toAddOrderParams leaves unused fields undefined; IndexedDB keeps them as such.
    const params = toAddOrderParams(MARKET, BTCUSD);
    const prepared = await placer.prepare(params, '0b0d3c1e-5f61-4a7e-9c1d-2f3a4b5c6d7e', orderMeta(MARKET));
    expect(await store.get(prepared.clOrdId)).toEqual(JSON.parse(JSON.stringify(prepared)));
    await expect(placer.submit(prepared.clOrdId)).resolves.toMatchObject({ state: 'placed', txid: ['O1'] });
  });

  it('sets a damaged record aside (kept, with why) and still lists the others', async () => {
    const db = await fresh();
    const store = idbIntentStore(db);
    const good: OrderIntent = {
      clOrdId: 'good-1',
      params: { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.01' },
      state: 'unknown',
      account: ACCOUNT,
      confirmedAt: 1,
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
    };
    await store.put(good);
    await db.put('orderIntents', { clOrdId: 'bad-1', state: 'placed', params: 'nonsense' } as never);
    expect((await store.list()).map((i) => i.clOrdId)).toEqual(['good-1']);
    expect(await listSetAside(db)).toEqual([
      expect.objectContaining({
        from: 'orderIntents',
        key: 'bad-1',
        reason: 'bad order parameters',
        value: expect.objectContaining({ params: 'nonsense' }),
      }),
    ]);
    expect(await db.get('orderIntents', 'bad-1')).toBeUndefined();
  });

  it('create records a new cl_ord_id, returns the one already stored (untouched), and replaces a damaged one', async () => {
    const db = await fresh();
    const store = idbIntentStore(db);
    const intent = SENT;
    expect(await store.create?.(intent)).toBeUndefined();
    expect(await db.get('orderIntents', 'c-1')).toEqual(intent);
    const placed = { ...intent, state: 'placed' as const, txid: ['O1'], updatedAt: 2 };
    await store.put(placed);
    expect(await store.create?.({ ...intent, updatedAt: 3 })).toEqual(placed);
    expect(await db.get('orderIntents', 'c-1')).toEqual(placed);
    await db.put('orderIntents', { clOrdId: 'c-2', state: 'placed', params: 'nonsense' } as never);
    expect(await store.create?.({ ...intent, clOrdId: 'c-2' })).toBeUndefined();
    expect(await store.get('c-2')).toEqual({ ...intent, clOrdId: 'c-2' });
    expect((await listSetAside(db)).map((r) => r.key)).toEqual(['c-2']);
  });

  it('writes a new cl_ord_id with one request and commits at once: nothing is read first on the order path', async () => {
    const db = await fresh();
    const store = idbIntentStore(db);
    const intent = SENT;
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const add = vi.spyOn(IDBObjectStore.prototype, 'add');
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    try {
      expect(await store.create?.(intent)).toBeUndefined();
      expect([get.mock.calls.length, put.mock.calls.length, add.mock.calls.length]).toEqual([0, 0, 1]);
      expect(commit).toHaveBeenCalledOnce();
    } finally {
      vi.restoreAllMocks();
    }
    expect(await db.get('orderIntents', 'c-1')).toEqual(intent);
  });

  it('prunes settled intents after a week and leaves recent or unsettled ones', async () => {
    const db = await fresh();
    const store = idbIntentStore(db);
    const base = {
      params: { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '1' },
      account: ACCOUNT,
      confirmedAt: 0,
      attempts: 1,
      createdAt: 0,
    } as const;
    await store.put({ ...base, clOrdId: 'old-placed', state: 'placed', updatedAt: 0 });
    await store.put({ ...base, clOrdId: 'old-unknown', state: 'unknown', updatedAt: 0 });
    await store.put({ ...base, clOrdId: 'new-placed', state: 'placed', updatedAt: KEEP_SETTLED_MS });
    expect(await store.prune(KEEP_SETTLED_MS + 1)).toBe(1);
    expect((await store.list()).map((i) => i.clOrdId).sort()).toEqual(['new-placed', 'old-unknown']);
  });
});
