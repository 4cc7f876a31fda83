import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { initialState, type RuleState } from '../../../lib/alerts/engine.ts';
import type { AlertRule } from '../../../lib/alerts/rules.ts';
import { idbAlertStore, LOG_LIMIT } from '../../../lib/db/alert-store.ts';
import { openDatabase } from '../../../lib/db/schema.ts';

const good: RuleState = {
  lastPrice: 100,
  armed: true,
  lastFiredAt: null,
  fires: 0,
  done: false,
  minQ: [],
  maxQ: [],
};

describe('alert rules, state and log in IndexedDB', () => {
  it('an unreadable state record is kept under its own key, which later loads do not see as a rule state', async () => {
    const db = await openDatabase();
    const store = idbAlertStore(db);
    await db.put('alertState', { ...good, minQ: null } as unknown as RuleState, 'r1');
    await db.put('alertState', good, 'r2');
    const loaded = await store.loadStates();
    expect([...loaded.keys()].sort()).toEqual(['r1', 'r2']);
    const key = await store.setAsideState('r1', loaded.get('r1'), initialState(), 5);
    expect(key).toBe('set-aside:r1:5');
    expect(await db.get('alertState', key)).toEqual({ ...good, minQ: null });
    expect(await db.get('alertState', 'r1')).toEqual(initialState());
    expect([...(await store.loadStates()).keys()].sort()).toEqual(['r1', 'r2']);
    // Removing the rule leaves what was set aside.
    await store.deleteRule('r1');
    expect(await db.get('alertState', key)).toBeDefined();
    db.close();
  });

  it('keeps the last LOG_LIMIT log entries, oldest dropped first', async () => {
    const db = await openDatabase('alert-store-log');
    const store = idbAlertStore(db);
    const entry = (n: number) => ({
      ruleId: 'r',
      symbol: 'BTC/USD',
      text: `#${n}`,
      price: n,
      at: n,
      offline: false,
    });
    await store.appendLog(Array.from({ length: LOG_LIMIT - 1 }, (_, i) => entry(i)));
    await store.appendLog([entry(LOG_LIMIT - 1), entry(LOG_LIMIT), entry(LOG_LIMIT + 1)]);
    const log = await store.listLog();
    expect(log).toHaveLength(LOG_LIMIT);
    expect(log.map((e) => e.text).slice(0, 1)).toEqual(['#2']);
    expect(log.at(-1)?.text).toBe(`#${LOG_LIMIT + 1}`);
    db.close();
  });

  it('a rule and its state go together', async () => {
    const db = await openDatabase('alert-store-rules');
    const store = idbAlertStore(db);
    const rule = { id: 'r1', symbol: 'BTC/USD' } as unknown as AlertRule;
    await store.putRule(rule);
    await store.saveStates(new Map([['r1', good]]));
    expect(await store.listRules()).toEqual([rule]);
    await store.deleteRule('r1');
    expect(await store.listRules()).toEqual([]);
    expect([...(await store.loadStates()).keys()]).toEqual([]);
    db.close();
  });

  it('commits states, seen times and the firings to show together; settling logs them and empties the outbox', async () => {
    const db = await openDatabase('alert-store-outbox');
    const store = idbAlertStore(db);
    const firing = (ruleId: string, at: number) => ({
      ruleId,
      symbol: 'BTC/USD',
      text: `t ${ruleId}`,
      price: 1,
      at,
      offline: false,
    });
    // Something unreadable already there: kept, never dropped by a commit or a settle.
    await db.put('meta', ['junk'], 'alerts-pending');
    await store.commitFirings(new Map([['r1', { ...good, fires: 1 }]]), { 'BTC/USD': 7 }, [
      firing('r1', 5),
      firing('r2', 6),
    ]);
    expect(await db.get('alertState', 'r1')).toEqual({ ...good, fires: 1 });
    expect(await store.loadSeen()).toEqual({ 'BTC/USD': 7 });
    expect(await store.pendingFirings()).toEqual(['junk', firing('r1', 5), firing('r2', 6)]);

    await store.settleFirings([{ ...firing('r1', 5), notifyError: 'x' }]);
    expect(await store.pendingFirings()).toEqual(['junk', firing('r2', 6)]);
    expect((await store.listLog()).map((e) => [e.ruleId, e.notifyError])).toEqual([['r1', 'x']]);
    db.close();
  });
});
