import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { idbPaperStore, PAPER_KEY } from '../../../lib/db/paper-store.ts';
import { openDatabase } from '../../../lib/db/schema.ts';
import {
  amendPaperOrder,
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

/**
 * Every field version 2 added: a trailing stop-limit in percent (peak, current trigger, limit offset), a GTD
 * limit with an attached take-profit, paid at a chosen tier, amended once.
 */
function newerAccount(): PaperState {
  let n = 0;
  const newId = () => `Q${++n}`;
  const market = { rules, book, lastTrade: '45284.0', fees: { makerPercent: '0.14', takerPercent: '0.24' } };
  let s = initialPaperState({ USD: '20000', BTC: '0.5' }, T0);
  const trailing = placePaperOrder(
    s,
    {
      clOrdId: 't',
      symbol: 'BTC/USD',
      side: 'sell',
      type: 'trailing-stop-limit',
      volume: '0.1',
      trailOffset: { value: '2.5', unit: 'percent' },
      limitOffset: { value: '10.0', unit: 'quote' },
      postOnly: false,
      timeInForce: 'GTC',
    },
    market,
    T0,
    newId,
  );
  s = trailing.state;
  const gtd = placePaperOrder(
    s,
    {
      clOrdId: 'g',
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      volume: '0.1',
      limitPrice: '44000.0',
      postOnly: true,
      timeInForce: 'GTD',
      expiresAt: T0 + 3_600_000,
      close: { type: 'take-profit', price: '47000.0' },
    },
    market,
    T0,
    newId,
  );
  expect([trailing.result.ok, gtd.result.ok]).toEqual([true, true]);
  const id = gtd.result.ok ? gtd.result.order.id : '';
  const amended = amendPaperOrder(gtd.state, id, { limitPrice: '44100.0' }, market, T0 + 1, newId);
  expect(amended.result.ok).toBe(true);
  return amended.state;
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

  it('round-trips the fills whose notification is owed', async () => {
    const store = idbPaperStore(database);
    const owed = { ...good, unshown: [good.fills[0]?.id ?? ''] };
    await store.save(owed);
    expect(await store.load()).toEqual(owed);
  });

  it('round-trips every field of the newer order types', async () => {
    const store = idbPaperStore(database);
    const s = newerAccount();
    expect(s.open.map((o) => [o.type, o.peak, o.triggerPrice, o.amends?.length])).toEqual([
      // 2.5 % of 45284.0 is 1132.1 on the 0.1 grid: the trigger trails the last trade by that
      ['trailing-stop-limit', '45284.0', '44151.9', undefined],
      ['limit', undefined, undefined, 2],
    ]);
    await store.save(s);
    expect(await store.read()).toEqual({ kind: 'loaded', state: s });
  });

  it('reads a version 1 record (saved before the newer order types) as the current version', async () => {
    const v1 = { ...busyAccount(), version: 1 };
    await (await database).put('paper', v1 as unknown as PaperState, PAPER_KEY);
    const read = await idbPaperStore(database).read();
    expect(read).toEqual({ kind: 'loaded', state: { ...v1, version: 2 } });
  });

  const good = busyAccount();
  const newer = newerAccount();
  const trail0 = newer.open[0] as NonNullable<(typeof newer.open)[0]>;
  const gtd0 = newer.open[1] as NonNullable<(typeof newer.open)[1]>;
  const open0 = good.open[0] as NonNullable<(typeof good.open)[0]>;
  it.each([
    ['null', null, 'account'],
    ['a string', 'not an account', 'account'],
    ['a list', [1, 2, 3], 'account'],
    ['a newer version', { ...good, version: 3 }, 'account.version'],
    [
      'a trailing stop without its offset',
      { ...newer, open: [{ ...trail0, trailOffset: undefined }, gtd0] },
      'account.open[0].trailOffset',
    ],
    [
      'a trailing stop without its peak',
      { ...newer, open: [{ ...trail0, peak: undefined }, gtd0] },
      'account.open[0].peak',
    ],
    [
      'an offset in an unknown unit',
      { ...newer, open: [{ ...trail0, limitOffset: { value: '10', unit: 'bps' } }, gtd0] },
      'account.open[0].limitOffset.unit',
    ],
    [
      'a GTD order without its expiry',
      { ...newer, open: [trail0, { ...gtd0, expiresAt: undefined }] },
      'account.open[1].expiresAt',
    ],
    [
      'a close of a type that cannot close',
      { ...newer, open: [trail0, { ...gtd0, close: { type: 'market', price: '1' } }] },
      'account.open[1].close.type',
    ],
    [
      'an amend with a float price',
      {
        ...newer,
        open: [trail0, { ...gtd0, amends: [{ kind: 'user', volume: '0.1', limitPrice: 1, at: T0 }] }],
      },
      'account.open[1].amends[0].limitPrice',
    ],
    [
      'fees that are not decimals',
      { ...newer, open: [trail0, { ...gtd0, fees: { makerPercent: 'x', takerPercent: '0.4' } }] },
      'account.open[1].fees.makerPercent',
    ],
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
    ['owed notifications that are not a list', { ...good, unshown: 'F1' }, 'account.unshown'],
    ['an owed notification that is not an id', { ...good, unshown: ['F1', 7] }, 'account.unshown[1]'],
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
