// The paper account as the background runs it: the engine fed with the market, the fee tier, Kraken's exchange
// status and the clock; amends and their history; GTD orders expiring on time, also across a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookTop, FillView, OrderRequest } from '../../../lib/orders/types.ts';
import type { PaperRead, PaperState, PaperStore } from '../../../lib/paper/index.ts';
import { OrderRefused } from '../../../lib/trading/errors.ts';
import { createPaperAccount } from '../../../lib/trading/paper-account.ts';
import { BTC_USD_RULES, T0 } from '../../support/paper-fixtures.ts';

const book: BookTop = {
  symbol: 'BTC/USD',
  at: T0,
  bids: [{ price: '45000.0', qty: '1' }],
  asks: [{ price: '45000.5', qty: '1' }],
};

function memoryStore(initial?: PaperState): PaperStore & { saved: PaperState[] } {
  let stored = initial;
  const saved: PaperState[] = [];
  return {
    saved,
    read: async (): Promise<PaperRead> => (stored ? { kind: 'loaded', state: stored } : { kind: 'empty' }),
    load: async () => stored,
    save: async (s) => {
      stored = s;
      saved.push(s);
    },
    setAsideUnreadable: async () => null,
  };
}

function account(
  opts: {
    store?: ReturnType<typeof memoryStore>;
    system?: string;
    fees?: { makerPercent: string; takerPercent: string };
    /** Ids' prefix: two accounts on one store (a worker and the next) must not make the same ids. */
    idPrefix?: string;
    /** How a fill is shown (default: listed in `fills` at once). */
    onFill?: (f: FillView) => Promise<void> | undefined;
  } = {},
) {
  let n = 0;
  const fills: string[] = [];
  const store = opts.store ?? memoryStore();
  const a = createPaperAccount({
    store,
    rulesFor: (s) => (s === 'BTC/USD' ? BTC_USD_RULES : undefined),
    book: () => book,
    watchDepth: () => {},
    now: () => Date.now(),
    newId: () => `${opts.idPrefix ?? 'P'}${++n}`,
    onChange: () => {},
    onFill:
      opts.onFill ??
      ((f) => {
        fills.push(f.id);
      }),
    fees: () => opts.fees ?? { makerPercent: '0.25', takerPercent: '0.40' },
    lastPrice: () => '45000.0',
    system: () => opts.system ?? 'online',
  });
  return { a, store, fills };
}

const order = (over: Partial<OrderRequest>): OrderRequest => ({
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  volume: '0.1',
  limitPrice: '40000.0',
  postOnly: false,
  timeInForce: 'GTC',
  ...over,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('the paper account in the background', () => {
  it('charges the tier it is given now: a market buy at 0.24 % taker', async () => {
    const { a } = account({ fees: { makerPercent: '0.14', takerPercent: '0.24' } });
    await a.start();
    await a.place(order({ type: 'market', limitPrice: undefined }), 'c1');
    // 0.1 × 45000.5 = 4500.05; 0.24 % → 10.80012
    expect(a.fills().map((f) => f.fee)).toEqual(['10.80012']);
  });

  it('refuses new orders while Kraken is in cancel-only, with Kraken’s error', async () => {
    const { a } = account({ system: 'cancel_only' });
    await a.start();
    await expect(a.place(order({}), 'c1')).rejects.toMatchObject({
      name: 'OrderRefused',
      code: 'EService:Market in cancel_only mode',
    });
  });

  it('starts a trailing stop from the ticker’s last price when no trade was seen yet', async () => {
    const { a } = account();
    await a.start();
    const placed = await a.place(
      order({
        side: 'buy',
        type: 'trailing-stop',
        limitPrice: undefined,
        trailOffset: { value: '1', unit: 'percent' },
      }),
      'c1',
    );
    expect(placed.triggerPrice).toBe('45450.0'); // 1 % above 45000.0
  });

  it('amends in place, keeps the id and lists the history', async () => {
    const { a } = account();
    await a.start();
    const placed = await a.place(order({}), 'c1');
    await a.amend(placed.id, { limitPrice: '41000.0' });
    expect(a.orders()).toMatchObject([{ id: placed.id, limitPrice: '41000.0' }]);
    expect(a.amends(placed.id).map((x) => [x.kind, x.limitPrice])).toEqual([
      ['original', '40000.0'],
      ['user', '41000.0'],
    ]);
    await expect(a.amend('nope', { limitPrice: '1.0' })).rejects.toBeInstanceOf(OrderRefused);
  });

  it('expires a GTD order at its time, and one whose time came while the worker was stopped on start', async () => {
    const { a, store } = account();
    await a.start();
    await a.place(order({ timeInForce: 'GTD', expiresAt: T0 + 90_000 }), 'c1');
    await vi.advanceTimersByTimeAsync(89_000);
    expect(a.orders()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(a.orders()).toEqual([]);
    expect(store.saved.at(-1)?.closed[0]).toMatchObject({ status: 'expired' });

    const again = account();
    await again.a.start();
    await again.a.place(order({ timeInForce: 'GTD', expiresAt: T0 + 200_000 }), 'c2');
    const stored = again.store.saved.at(-1);
    vi.setSystemTime(T0 + 300_000);
    const restarted = account({ store: memoryStore(stored) });
    await restarted.a.start();
    expect(restarted.a.orders()).toEqual([]);
  });
});

describe('paper fills are notified once, also across a stopped worker', () => {
  it('saves a fill with its notification owed, and clears it once shown', async () => {
    const store = memoryStore();
    let release: () => void = () => {};
    const shown: string[] = [];
    const { a } = account({
      store,
      // The notification takes a while: the worker could stop meanwhile.
      onFill: (f) =>
        new Promise<void>((resolve) => {
          release = () => {
            shown.push(f.id);
            resolve();
          };
        }),
    });
    await a.start();
    await a.place(order({ type: 'market', limitPrice: undefined }), 'c1');
    const fillId = a.fills()[0]?.id ?? '';
    // The record that holds the fill also says its notification is owed.
    const withFill = store.saved.find((s) => s.fills.some((f) => f.id === fillId));
    expect(withFill?.unshown).toEqual([fillId]);
    release();
    await vi.waitFor(() => expect((store.saved.at(-1) as PaperState).unshown).toBeUndefined());
    expect(shown).toEqual([fillId]);
  });

  it('a worker that starts shows the fills a stopped one saved and did not show, oldest first, once', async () => {
    // A first worker takes two fills and stops before showing them.
    const store = memoryStore();
    let hang = true;
    const firstShown: string[] = [];
    const { a: stopped } = account({
      store,
      idPrefix: 'Q',
      onFill: (f) => (hang ? new Promise<void>(() => {}) : void firstShown.push(f.id)),
    });
    await stopped.start();
    await stopped.place(order({ type: 'market', limitPrice: undefined }), 'c1');
    await stopped.place(order({ type: 'market', limitPrice: undefined, volume: '0.05' }), 'c2');
    hang = false;
    const saved = store.saved.at(-1) as PaperState;
    const [newest, oldest] = saved.fills.map((f) => f.id);
    expect(saved.unshown).toEqual([oldest, newest]);
    // A stale id whose fill is no longer kept is dropped, not shown.
    await store.save({ ...saved, unshown: ['gone', ...(saved.unshown ?? [])] });

    const next = account({ store });
    await next.a.start();
    await vi.waitFor(() => expect(next.fills).toEqual([oldest, newest]));
    await vi.waitFor(() => expect((store.saved.at(-1) as PaperState).unshown).toBeUndefined());
    // And a third start owes nothing.
    const third = account({ store });
    await third.a.start();
    await Promise.resolve();
    expect(third.fills).toEqual([]);
    expect(firstShown).toEqual([]);
  });
});
