import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openDatabase } from '../../../lib/db/schema.ts';

describe('IndexedDB schema upgrades', () => {
  it('a version-1 profile (vault, meta, nonce) upgrades to the current version and keeps its data', async () => {
    // The v1 database exactly as version 1 of the extension created it, with data in every store.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('vault', { keyPath: 'id' });
        db.createObjectStore('meta');
        db.createObjectStore('nonce');
      },
    });
    await v1.put('vault', { id: 'k1', label: 'Main' });
    await v1.put('meta', 'k1', 'active-key');
    await v1.put('nonce', '1700000000000', 'abcd');
    v1.close();

    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'alertLog',
      'alertState',
      'alerts',
      'fillMarks',
      'meta',
      'nonce',
      'orderIntents',
      'paper',
      'setAside',
      'vault',
    ]);
    expect(await db.get('vault', 'k1')).toMatchObject({ label: 'Main' });
    expect(await db.get('meta', 'active-key')).toBe('k1');
    expect(await db.get('nonce', 'abcd')).toBe('1700000000000');
    const seq = await db.add('alertLog', {
      ruleId: 'r',
      symbol: 'BTC/USD',
      text: 't',
      price: 1,
      at: 1,
      offline: false,
    });
    expect(seq).toBe(1);
    db.close();
  });

  it('a version-3 profile keeps its order intents and paper account when v4 adds fill marks and set-aside', async () => {
    const v3 = await openDB(`${DB_NAME}-v3`, 3, {
      upgrade(db) {
        db.createObjectStore('vault', { keyPath: 'id' });
        db.createObjectStore('meta');
        db.createObjectStore('nonce');
        db.createObjectStore('alerts', { keyPath: 'id' });
        db.createObjectStore('alertState');
        db.createObjectStore('alertLog', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('orderIntents', { keyPath: 'clOrdId' });
        db.createObjectStore('paper');
      },
    });
    await v3.put('orderIntents', { clOrdId: 'c1', state: 'unknown' });
    await v3.put('paper', { cash: '1' }, 'account');
    v3.close();
    const db = await openDatabase(`${DB_NAME}-v3`);
    expect(await db.get('orderIntents', 'c1')).toMatchObject({ state: 'unknown' });
    expect(await db.get('paper', 'account')).toEqual({ cash: '1' });
    const seq = await db.add('setAside', { from: 'orderIntents', key: 'x', reason: 'r', at: 1, value: 1 });
    expect(await db.get('setAside', seq)).toMatchObject({ from: 'orderIntents', value: 1 });
    db.close();
  });
});
