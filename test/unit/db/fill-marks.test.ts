import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { idbFillMarkStore, readMarks } from '../../../lib/db/fill-marks.ts';
import { openDatabase } from '../../../lib/db/schema.ts';

const fill = { id: 'T1', orderId: 'O1', symbol: 'BTC/USD', side: 'buy', qty: '0.1', price: '100', at: 1 };

describe('fill marks in IndexedDB', () => {
  it('reads a version 1 record (the ids alone) as ids with nothing waiting to be shown', async () => {
    const db = await openDatabase('fill-marks-v1');
    await db.put('fillMarks', ['T0', 'T1'], 'acct');
    expect(await idbFillMarkStore(db).get('acct')).toEqual({ ids: ['T0', 'T1'], pending: [] });
    db.close();
  });

  it('keeps ids and the fills waiting to be shown together', async () => {
    const db = await openDatabase('fill-marks-v2');
    const store = idbFillMarkStore(db);
    // biome-ignore lint/suspicious/noExplicitAny: a FillView-shaped record as stored
    await store.put('acct', { ids: ['T1'], pending: [fill as any] });
    expect(await store.get('acct')).toEqual({ ids: ['T1'], pending: [fill] });
    expect(await store.get('other')).toBeUndefined();
    db.close();
  });

  it('leaves out what is not an id or not a fill', () => {
    expect(readMarks({ ids: ['T1', 3], pending: [fill, { id: 4 }, null] })).toEqual({
      ids: ['T1'],
      pending: [fill],
    });
    expect(readMarks('junk')).toBeUndefined();
    expect(readMarks({})).toEqual({ ids: [], pending: [] });
  });
});
