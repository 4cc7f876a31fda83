import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { idbPaperStore, PAPER_KEY } from '../../../lib/db/paper-store.ts';
import { openDatabase } from '../../../lib/db/schema.ts';
import {
  initialPaperState,
  type PaperState,
  type PaperStateCorrupted,
  paperBalances,
  placePaperOrder,
} from '../../../lib/paper/index.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

const rules = BTC_USD_RULES;
const book = {
  symbol: 'BTC/USD',
  at: 0,
  asks: [{ price: '45285.2', qty: '1' }],
  bids: [{ price: '45283.5', qty: '1' }],
};
const T0 = 1_700_000_000_000;

/** An account with a fill, a resting limit (holding USD) and a stop (holding BTC). */
function busyAccount(): PaperState {
  let n = 0;
  const newId = () => `P${++n}`;
  let s = initialPaperState({ USD: '20000', BTC: '0.5' }, T0);
  for (const [clOrdId, over] of [
    ['m', { type: 'market', volume: '0.1' }],
    ['l', { type: 'limit', volume: '0.2', limitPrice: '44000.0' }],
    ['s', { side: 'sell', type: 'stop-loss', volume: '0.3', triggerPrice: '43000.0' }],
  ] as const) {
    const r = placePaperOrder(
      s,
      {
        clOrdId,
        symbol: 'BTC/USD',
        side: 'buy',
        postOnly: false,
        timeInForce: 'GTC',
        ...over,
      },
      { rules, book },
      T0,
      newId,
    );
    expect(r.result.ok).toBe(true);
    s = r.state;
  }
  return s;
}

const database = openDatabase();
afterAll(async () => (await database).close());
beforeEach(async () => {
  await (await database).clear('paper');
});

describe('the paper account in IndexedDB', () => {
  it('round-trips an account with orders, holds and fills', async () => {
    const store = idbPaperStore(database);
    expect(await store.read()).toEqual({ kind: 'empty' });
    expect(await store.load()).toBeUndefined();
    const s = busyAccount();
    await store.save(s);
    const loaded = await store.load();
    expect(loaded).toEqual(s);
    expect(paperBalances(loaded as PaperState)).toEqual(paperBalances(s));
    expect(await store.read()).toEqual({ kind: 'loaded', state: s });
  });

  const good = busyAccount();
  const open0 = good.open[0] as NonNullable<(typeof good.open)[0]>;
  it.each([
    ['null', null, 'account'],
    ['a string', 'not an account', 'account'],
    ['a list', [1, 2, 3], 'account'],
    ['another version', { ...good, version: 2 }, 'account.version'],
    ['a balance that is a number', { ...good, balances: { USD: 100 } }, 'account.balances.USD'],
    ['a negative balance', { ...good, balances: { ...good.balances, BTC: '-1' } }, 'account.balances.BTC'],
    ['open orders that are not a list', { ...good, open: {} }, 'account.open'],
    [
      'an order without a volume',
      { ...good, open: [{ ...open0, volume: undefined }] },
      'account.open[0].volume',
    ],
    ['an unknown order type', { ...good, open: [{ ...open0, type: 'iceberg' }] }, 'account.open[0].type'],
    [
      'a limit without its price',
      { ...good, open: [{ ...open0, limitPrice: undefined }] },
      'account.open[0].limitPrice',
    ],
    ['more filled than ordered', { ...good, open: [{ ...open0, filled: '5' }] }, 'account.open[0].filled'],
    [
      'a fill with a float price',
      { ...good, fills: [{ ...good.fills[0], price: 45285.2 }] },
      'account.fills[0].price',
    ],
    [
      'holds above the balance',
      { ...good, balances: { ...good.balances, USD: '1' } },
      'account.balances.USD',
    ],
  ])('reports a corrupted record (%s) instead of crashing', async (_name, record, path) => {
    await (await database).put('paper', record as unknown as PaperState, PAPER_KEY);
    const reported: PaperStateCorrupted[] = [];
    const store = idbPaperStore(database, { onCorrupted: (e) => reported.push(e) });
    const read = await store.read();
    expect(read.kind).toBe('corrupted');
    expect(read.kind === 'corrupted' ? read.error.path : '').toBe(path);
    expect(await store.load()).toBeUndefined();
    expect(reported).toHaveLength(1);
    expect(reported[0]?.message).toContain(path);
    // The caller sets the bad record aside, then resets: a new account saves over it and reads back.
    const aside = await store.setAsideUnreadable(T0);
    expect(aside).toBe(`${PAPER_KEY}.unreadable.${T0}`);
    expect(await (await database).get('paper', aside ?? '')).toEqual(record);
    const fresh = initialPaperState(undefined, T0);
    await store.save(fresh);
    expect(await store.load()).toEqual(fresh);
  });
});
