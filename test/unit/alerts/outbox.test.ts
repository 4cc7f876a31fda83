// A worker stopped between committing a firing and showing it (the soak's --at-stops race): the restarted
// worker shows it, once, with the same notification id; too late to be news, it is logged as missed. Before
// the outbox the firing was persisted as fired and never shown nor logged.
import { describe, expect, it } from 'vitest';
import { MISSED_REASON, readPending, STALE_MS } from '../../../lib/alerts/outbox.ts';
import { createAlertService } from '../../../lib/alerts/service.ts';
import type { AlertLogEntry } from '../../../lib/alerts/types.ts';
import { memoryAlertStore } from '../../support/alert-store.ts';

const cross = {
  kind: 'cross',
  symbol: 'BTC/USD',
  direction: 'above',
  level: '102',
  rearmBand: '0',
  source: 'last',
  repeat: { kind: 'once' },
  expiresAt: null,
};
const tick = (last: number, at: number) => ({ symbol: 'BTC/USD', last, bid: last, ask: last, at });

function world(store = memoryAlertStore()) {
  let now = 1_000;
  const shown: AlertLogEntry[] = [];
  const deps = {
    store,
    fetchCandles: async () => [],
    watchSymbols: () => {},
    latestTick: () => tick(100, 0),
    now: () => now,
    newId: () => 'rule-1',
  };
  return {
    store,
    shown,
    setNow: (t: number) => {
      now = t;
    },
    /** A worker whose notifications never come back: it is stopped while showing. */
    dying: () => createAlertService({ ...deps, notify: () => new Promise<void>(() => {}) }),
    worker: () => createAlertService({ ...deps, notify: async (e) => void shown.push(e) }),
  };
}

describe('firings committed but not shown when the worker stopped', () => {
  it('are shown by the restarted worker, once, and logged once; the rule does not fire again', async () => {
    const w = world();
    const first = w.dying();
    await first.start();
    await first.create(cross);
    await first.catchUp();
    void first.onTick(tick(103, 2_000)); // fires; the worker stops while the notification is shown
    await new Promise((r) => setTimeout(r, 10));
    expect(w.shown).toEqual([]);
    expect(w.store.log).toEqual([]);

    w.setNow(5_000);
    const second = w.worker();
    await second.start();
    await second.catchUp();
    expect(w.shown.map((e) => [e.ruleId, e.at, e.price])).toEqual([['rule-1', 2_000, 103]]);
    expect(w.store.log.map((e) => [e.ruleId, e.at, e.notifyError])).toEqual([['rule-1', 2_000, undefined]]);
    expect(readPending(await w.store.pendingFirings()).entries).toEqual([]);

    // Committed as fired: a later price above the level does not fire a once-rule again.
    await second.onTick(tick(104, 6_000));
    const third = w.worker();
    await third.start();
    expect(w.shown).toHaveLength(1);
    expect(w.store.log).toHaveLength(1);
  });

  it(`are logged as missed, not shown, when the worker comes back more than ${STALE_MS / 60_000} min later`, async () => {
    const w = world();
    const first = w.dying();
    await first.start();
    await first.create(cross);
    await first.catchUp();
    void first.onTick(tick(103, 2_000));
    await new Promise((r) => setTimeout(r, 10));

    w.setNow(2_000 + STALE_MS + 1);
    const second = w.worker();
    await second.start();
    expect(w.shown).toEqual([]);
    expect(w.store.log.map((e) => e.notifyError)).toEqual([MISSED_REASON]);
    expect((await second.view()).notifyFailures).toBe(1);
  });

  it('leaves entries of the outbox that are not firings where they are, and says so', async () => {
    expect(
      readPending([{ ruleId: 'r', symbol: 'BTC/USD', text: 't', price: 1, at: 2, offline: false }, 'x']),
    ).toEqual({
      entries: [{ ruleId: 'r', symbol: 'BTC/USD', text: 't', price: 1, at: 2, offline: false }],
      unreadable: 1,
    });
    expect(readPending(undefined)).toEqual({ entries: [], unreadable: 0 });
    expect(readPending({})).toEqual({ entries: [], unreadable: 1 });
  });
});
