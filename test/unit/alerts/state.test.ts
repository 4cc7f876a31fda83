import { describe, expect, it } from 'vitest';
import type { RuleState } from '../../../lib/alerts/engine.ts';
import { type AlertProblem, createAlertService } from '../../../lib/alerts/service.ts';
import { AlertStateError, parseRuleState } from '../../../lib/alerts/state-record.ts';
import type { AlertLogEntry } from '../../../lib/db/schema.ts';
import { memoryAlertStore } from '../../support/alert-store.ts';

const good: RuleState = {
  lastPrice: 100,
  armed: true,
  lastFiredAt: null,
  fires: 0,
  done: false,
  minQ: [],
  maxQ: [],
};

describe('parseRuleState', () => {
  it('returns a clean copy of a good record', () => {
    const stored = { ...good, minQ: [[1, 2]], maxQ: [[1, 3]], extra: 'ignored' };
    const parsed = parseRuleState(stored);
    expect(parsed).toEqual({ ...good, minQ: [[1, 2]], maxQ: [[1, 3]] });
    expect(parsed.minQ).not.toBe(stored.minQ);
  });

  it.each([
    ['minQ', { ...good, minQ: null }],
    ['maxQ', { ...good, maxQ: [[1, 'x']] }],
    ['lastPrice', { ...good, lastPrice: '100' }],
    ['armed', { ...good, armed: 1 }],
    ['fires', { ...good, fires: -1 }],
    ['done', { ...good, done: undefined }],
    ['lastFiredAt', { ...good, lastFiredAt: Number.NaN }],
    ['state', null],
    ['state', [good]],
  ])('refuses a bad %s', (field, value) => {
    expect(() => parseRuleState(value)).toThrowError(
      expect.objectContaining({ name: 'AlertStateError', field }),
    );
    expect(() => parseRuleState(value)).toThrow(AlertStateError);
  });
});

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
const move = {
  kind: 'move',
  symbol: 'BTC/USD',
  percent: 5,
  windowMs: 600_000,
  source: 'last',
  repeat: { kind: 'once' },
  expiresAt: null,
};

describe('a damaged state record in storage', () => {
  it('is set aside and reported; the other rules of its pair still fire, and ticks never throw', async () => {
    const store = memoryAlertStore();
    let n = 0;
    const deps = {
      store,
      notify: async (e: AlertLogEntry) => void notified.push(e),
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => ({ symbol: 'BTC/USD', last: 100, bid: 100, ask: 100, at: 0 }),
      now: () => 1_000,
      newId: () => `rule-${++n}`,
    };
    const notified: AlertLogEntry[] = [];
    const first = createAlertService(deps);
    await first.start();
    await first.create(move); // rule-1
    await first.create(cross); // rule-2
    // An older build (or a damaged profile) left the move rule's state with no queues.
    const damaged = { ...good, minQ: null };
    store.putRawState('rule-1', damaged);

    const problems: AlertProblem[] = [];
    const restarted = createAlertService({ ...deps, onProblem: (p) => problems.push(p) });
    await restarted.start();
    await restarted.catchUp();
    await expect(
      restarted.onTick({ symbol: 'BTC/USD', last: 103, bid: 103, ask: 103, at: 2_000 }),
    ).resolves.toBeUndefined();
    await expect(
      restarted.onTick({ symbol: 'BTC/USD', last: 104, bid: 104, ask: 104, at: 3_000 }),
    ).resolves.toBeUndefined();
    expect(notified.map((e) => e.ruleId)).toEqual(['rule-2']);
    expect(problems).toEqual([
      {
        kind: 'state-set-aside',
        ruleId: 'rule-1',
        key: 'set-aside:rule-1:1000',
        reason: expect.stringContaining('minQ'),
      },
    ]);
    // Kept, not deleted; the rule itself goes on from a fresh state.
    expect(store.setAside.get('set-aside:rule-1:1000')).toEqual(damaged);
    expect(store.states.get('rule-1')?.minQ).toEqual(expect.any(Array));
    expect((await restarted.view()).rules.map((r) => r.rule.id)).toEqual(['rule-1', 'rule-2']);
  });

  it('a damaged "last seen" record is reported and its bad entries ignored', async () => {
    const store = memoryAlertStore();
    await store.saveSeen({ 'BTC/USD': 5, 'ETH/USD': 'yesterday' } as unknown as Record<string, number>);
    const problems: AlertProblem[] = [];
    const service = createAlertService({
      store,
      notify: async () => {},
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => undefined,
      now: () => 0,
      newId: () => 'x',
      onProblem: (p) => problems.push(p),
    });
    await service.start();
    expect(problems).toEqual([{ kind: 'seen-ignored', reason: '1 entries are not times' }]);
  });
});
