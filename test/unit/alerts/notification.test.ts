import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { alertNotification, krakenTradeUrl, notifyFailureReason } from '../../../lib/alerts/notification.ts';
import { createAlertService } from '../../../lib/alerts/service.ts';
import { idbAlertStore } from '../../../lib/db/alert-store.ts';
import type { AlertLogEntry } from '../../../lib/db/schema.ts';
import { openDatabase } from '../../../lib/db/schema.ts';
import { memoryAlertStore } from '../../support/alert-store.ts';

const cross = {
  kind: 'cross',
  symbol: 'BTC/USD',
  direction: 'above',
  level: '102',
  rearmBand: '0',
  source: 'last',
  repeat: { kind: 'repeat', cooldownMs: 0 },
  expiresAt: null,
};
const tick = (last: number, at: number) => ({ symbol: 'BTC/USD', last, bid: last, ask: last, at });
const text = {
  title: 'BTC/USD above 102',
  message: '103.5 at 14:02',
  buttons: ['Open on Kraken', 'Snooze 1 hour'],
} as const;

describe('alert notification options per browser', () => {
  it('Chrome: title, detail and two buttons in onButtonClicked order', () => {
    expect(alertNotification(text, { iconUrl: 'icon.png', buttons: true })).toEqual({
      type: 'basic',
      iconUrl: 'icon.png',
      title: 'BTC/USD above 102',
      message: '103.5 at 14:02',
      priority: 2,
      buttons: [{ title: 'Open on Kraken' }, { title: 'Snooze 1 hour' }],
    });
  });

  it('Firefox: no `buttons` key at all (Firefox rejects the whole call when it is there)', () => {
    const options = alertNotification(text, { iconUrl: 'icon.png', buttons: false });
    expect(Object.keys(options).sort()).toEqual(['iconUrl', 'message', 'priority', 'title', 'type']);
  });

  it('links a pair to its Kraken trade page', () => {
    expect(krakenTradeUrl('BTC/USD')).toBe('https://pro.kraken.com/app/trade/btc-usd');
  });

  it.each([
    [
      new Error('Property "buttons" is unsupported by Firefox'),
      'Property "buttons" is unsupported by Firefox',
    ],
    ['no permission', 'no permission'],
    [{ weird: true }, 'the browser gave no reason'],
    [new Error('  two\n lines '), 'two lines'],
    [new Error('x'.repeat(500)), `${'x'.repeat(199)}…`],
  ])('a failure reason is the browser message, on one short line (%#)', (error, reason) => {
    expect(notifyFailureReason(error)).toBe(reason);
  });
});

describe('a notification that cannot be shown', () => {
  it('is logged with its reason, counted, and told (reason only), and the firing still counts', async () => {
    const store = memoryAlertStore();
    const told: [string, number][] = [];
    let attempts = 0;
    const service = createAlertService({
      store,
      notify: async () => {
        attempts += 1;
        throw new Error('Property "buttons" is unsupported by Firefox');
      },
      onNotifyFailure: (reason, total) => told.push([reason, total]),
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => tick(100, 0),
      now: () => 1_000,
      newId: () => 'r1',
    });
    await service.start();
    await service.catchUp(); // live ticks are evaluated from the first catch-up on
    await service.create(cross);
    await service.onTick(tick(103, 2_000));
    await service.onTick(tick(101, 3_000));
    await service.onTick(tick(104, 4_000));

    expect(attempts).toBe(2);
    const view = await service.view();
    expect(view.notifyFailures).toBe(2);
    expect(view.rules[0]?.fires).toBe(2);
    expect(view.log.map((e) => [e.text.split(':')[0], e.notifyError])).toEqual([
      ['BTC/USD > 102', 'Property "buttons" is unsupported by Firefox'],
      ['BTC/USD > 102', 'Property "buttons" is unsupported by Firefox'],
    ]);
    expect(told).toEqual([
      ['Property "buttons" is unsupported by Firefox', 1],
      ['Property "buttons" is unsupported by Firefox', 2],
    ]);
    // Nothing private reaches the console: neither the pair, the level nor the price.
    expect(told.flat().join(' ')).not.toMatch(/BTC|102|103|104/);
  });

  it('a shown notification leaves no error on its entry and no count', async () => {
    const notified: AlertLogEntry[] = [];
    const service = createAlertService({
      store: memoryAlertStore(),
      notify: async (e) => void notified.push(e),
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => tick(100, 0),
      now: () => 1_000,
      newId: () => 'r1',
    });
    await service.start();
    await service.catchUp(); // live ticks are evaluated from the first catch-up on
    await service.create(cross);
    await service.onTick(tick(103, 2_000));
    const view = await service.view();
    expect(notified).toHaveLength(1);
    expect(view.notifyFailures).toBe(0);
    expect(view.log[0]?.notifyError).toBeUndefined();
  });

  it('IndexedDB keeps the count across restarts, and the reason on the log entry', async () => {
    const db = await openDatabase();
    const store = idbAlertStore(db);
    expect(await store.notifyFailures()).toBe(0);
    expect(await store.addNotifyFailures(2)).toBe(2);
    expect(await store.addNotifyFailures(1)).toBe(3);
    expect(await idbAlertStore(db).notifyFailures()).toBe(3);
    await store.appendLog([
      { ruleId: 'r', symbol: 'BTC/USD', text: 't', price: 1, at: 1, offline: false, notifyError: 'denied' },
    ]);
    expect((await store.listLog()).at(-1)?.notifyError).toBe('denied');
    db.close();
  });
});

describe('snoozing from the popup (an edit of snoozedUntil only)', () => {
  it('keeps the rule state, unlike an edit of what it watches', async () => {
    const store = memoryAlertStore();
    const service = createAlertService({
      store,
      notify: async () => {},
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => tick(100, 0),
      now: () => 1_000,
      newId: () => 'r1',
    });
    await service.start();
    await service.catchUp(); // live ticks are evaluated from the first catch-up on
    await service.create({ ...cross, repeat: { kind: 'once' } });
    await service.onTick(tick(103, 2_000));
    expect((await service.view()).rules[0]?.status).toBe('done');
    const snoozed = await service.edit('r1', { snoozedUntil: 1_000 + 3_600_000 });
    expect(snoozed.rules[0]?.rule.snoozedUntil).toBe(3_601_000);
    expect(snoozed.rules[0]?.fires).toBe(1);
    expect(store.states.get('r1')).toMatchObject({ done: true, fires: 1, lastPrice: 103 });
    const edited = await service.edit('r1', { level: '110' });
    expect(edited.rules[0]?.fires).toBe(0); // a new level starts over
  });
});

describe("whether an alert still needs live prices (what keeps Firefox's event page awake)", () => {
  it('yes while one can fire (snoozed too), no once all are paused or done', async () => {
    const service = createAlertService({
      store: memoryAlertStore(),
      notify: async () => {},
      fetchCandles: async () => [],
      watchSymbols: () => {},
      latestTick: () => tick(100, 0),
      now: () => 1_000,
      newId: () => 'r1',
    });
    await service.start();
    await service.catchUp();
    expect(service.watching()).toBe(false);
    await service.create({ ...cross, repeat: { kind: 'once' } });
    expect(service.watching()).toBe(true);
    await service.update('r1', { snoozedUntil: 5_000 });
    expect(service.watching()).toBe(true);
    await service.update('r1', { paused: true });
    expect(service.watching()).toBe(false);
    await service.update('r1', { paused: false, snoozedUntil: null });
    await service.onTick(tick(103, 2_000)); // fires once: done
    expect((await service.view()).rules[0]?.status).toBe('done');
    expect(service.watching()).toBe(false);
  });
});
