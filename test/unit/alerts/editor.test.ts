import { describe, expect, it } from 'vitest';
import { type AlertsView, createAlertService } from '../../../lib/alerts/service.ts';
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

async function harness() {
  let n = 0;
  const store = memoryAlertStore();
  const watched: string[][] = [];
  const views: AlertsView[] = [];
  const service = createAlertService({
    store,
    notify: async () => {},
    fetchCandles: async () => [],
    watchSymbols: (symbols) => watched.push(symbols),
    latestTick: (symbol) => ({ symbol, last: 100, bid: 100, ask: 100, at: 0 }),
    now: () => 1_000,
    newId: () => `id-${++n}`,
  });
  await service.start();
  service.subscribe((v) => views.push(v));
  return { service, store, watched, views };
}

describe('alert edits', () => {
  it('creates with a state seeded from the current price, and watches the pair', async () => {
    const h = await harness();
    const view = await h.service.create({ ...cross, id: 'ignored', paused: true });
    expect(view.rules.map((r) => [r.rule.id, r.rule.paused, r.status])).toEqual([['id-1', false, 'armed']]);
    expect(h.store.states.get('id-1')?.lastPrice).toBe(100);
    expect(h.watched.at(-1)).toEqual(['BTC/USD']);
    expect(h.views).toHaveLength(1);
  });

  it('pauses (no longer watched), edits (starts over), and refuses a rule that is gone', async () => {
    const h = await harness();
    await h.service.create(cross);
    await h.service.onTick({ symbol: 'BTC/USD', last: 101, bid: 101, ask: 101, at: 2_000 });
    await h.service.update('id-1', { paused: true });
    expect(h.watched.at(-1)).toEqual([]);
    const edited = await h.service.edit('id-1', { level: '150', symbol: 'ETH/USD', kind: 'move' });
    expect(edited.rules[0]?.rule).toMatchObject({ level: '150', symbol: 'BTC/USD', kind: 'cross' });
    expect(h.store.states.get('id-1')?.lastPrice).toBe(100);
    await h.service.remove('id-1');
    await expect(h.service.update('id-1', { paused: false })).rejects.toMatchObject({
      name: 'AlertRuleError',
      problem: { code: 'missing' },
    });
    await expect(h.service.edit('id-1', {})).rejects.toMatchObject({ name: 'AlertRuleError', field: 'id' });
  });

  it('exports, and imports item by item with new ids, reporting bad items by index and field', async () => {
    const h = await harness();
    await h.service.create(cross);
    const exported = JSON.parse(h.service.exportJson()) as { format: string; alerts: unknown[] };
    expect(exported.format).toBe('kraken-trader-alerts');
    const result = await h.service.importJson(
      JSON.stringify({ alerts: [...exported.alerts, { ...cross, level: '-1' }] }),
    );
    expect(result).toEqual({
      added: 1,
      errors: [{ index: 1, field: 'level', problem: { code: 'level' } }],
    });
    expect((await h.service.view()).rules.map((r) => r.rule.id)).toEqual(['id-1', 'id-2']);
  });

  it('an unreadable file adds nothing and tells nobody', async () => {
    const h = await harness();
    const before = h.views.length;
    await expect(h.service.importJson('not json')).resolves.toEqual({
      added: 0,
      errors: [{ index: -1, field: 'file', problem: { code: 'not-export' } }],
    });
    expect(h.views).toHaveLength(before);
  });
});
