// The Firefox build in Firefox ESR (headless, WebDriver BiDi), against the simulator: what a Firefox user
// does, end to end. The event page's lifetime has its own file (event-page.test.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addKey,
  click,
  createAlert,
  type FirefoxE2E,
  fill,
  goLive,
  lastPrice,
  notificationIds,
  openOrderIds,
  parsePrice,
  placeOrder,
  recordNotifications,
  setup,
  simControl,
  teardown,
  text,
  tid,
  waitUntil,
} from './harness.ts';

const PASS = 'firefox e2e passphrase';
const rows = (popup: Page, id: string) => popup.$$eval(tid(id), (els) => els.length);
const attr = (popup: Page, selector: string, name: string) =>
  popup.$eval(selector, (el, n) => el.getAttribute(n), name);

describe('Firefox: the production build against the simulator', () => {
  let e2e: FirefoxE2E;
  let popup: Page;

  beforeAll(async () => {
    e2e = await setup();
    popup = await e2e.ext.open('popup.html');
    await recordNotifications(popup);
    await waitUntil(async () => (await lastPrice(popup, 'ETH/USD')) !== null, 15_000, 'prices');
  });
  afterAll(async () => teardown(e2e));

  it('installs as trader-for-kraken@kraken-trader-extension, without a manifest warning', async () => {
    expect(e2e.ext.addonId).toBe('trader-for-kraken@kraken-trader-extension');
    expect(await e2e.ext.background()).toEqual({ state: 'running', warnings: [], errors: [] });
  });

  it('the sidebar page draws 720 candles of the starred pair and its book (the same page as Chrome’s side panel)', async () => {
    const panel = await e2e.ext.open('sidepanel.html');
    try {
      await waitUntil(
        async () => (await attr(panel, tid('chart'), 'data-candles').catch(() => null)) === '720',
        20_000,
        'the chart to draw its candles',
      );
      expect(await attr(panel, tid('chart-panel'), 'data-symbol')).toBe('BTC/USD');
      await waitUntil(async () => (await rows(panel, 'ladder-row')) > 10, 15_000, 'the depth ladder');
    } finally {
      await panel.close();
    }
  });

  it('shows live prices in the popup and on the badge', async () => {
    const first = await lastPrice(popup, 'BTC/USD');
    expect(parsePrice(first ?? '')).toBeGreaterThan(0);
    // The simulator's market moves every 250 ms: some row changes within seconds.
    const snapshot = () => popup.$$eval(tid('last'), (els) => els.map((e) => e.textContent).join('|'));
    const before = await snapshot();
    await waitUntil(async () => (await snapshot()) !== before, 10_000, 'a price to move');
    const badge = await popup.evaluate(async () => {
      const { action } = (
        globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }
      ).browser;
      return action.getBadgeText({});
    });
    expect(badge).toMatch(/^[.\d]+k?$/);
  });

  it('an alert crossing shows a notification (no buttons), logged as shown', async () => {
    const now = parsePrice((await lastPrice(popup, 'ETH/USD')) ?? '');
    const level = (now * 1.02).toFixed(2);
    await createAlert(popup, 'ETH/USD', 'above', level, 'repeat');
    const before = new Set(await notificationIds(popup));
    await simControl(e2e, 'market/price', { symbol: 'ETH/USD', price: (now * 1.05).toFixed(2) });
    await waitUntil(
      async () => (await notificationIds(popup)).some((id) => !before.has(id) && id.startsWith('alert:')),
      10_000,
      'the alert notification',
    );
    await waitUntil(async () => (await rows(popup, 'alert-log')) === 1, 5_000, 'the alert log');
    const line = await popup.$eval(`${tid('alert-log')} li`, (li) => ({
      text: (li as HTMLElement).textContent ?? '',
      notified: li.getAttribute('data-notified'),
    }));
    expect(line.text).toMatch(new RegExp(`^ETH/USD above ${level}: `));
    expect(line).toMatchObject({ notified: 'true' });
    expect(await text(popup, `${tid('alert-log')} summary`)).toBe('Recent alerts (1)');
  });

  it('the alert row offers what Chrome puts on the notification: Snooze 1 h and Open on Kraken', async () => {
    expect(await attr(popup, tid('alert-open-kraken'), 'href')).toBe(
      'https://pro.kraken.com/app/trade/eth-usd',
    );
    await click(popup, tid('alert-snooze'));
    await waitUntil(
      async () => (await attr(popup, tid('alert-row'), 'data-status')) === 'snoozed',
      5_000,
      'snoozed',
    );
    expect(await rows(popup, 'alert-snooze')).toBe(0);
  });

  it('a paper market order fills: listed and notified', async () => {
    await click(popup, tid('tab-trade'));
    await popup.waitForSelector(tid('ticket'));
    const before = new Set(await notificationIds(popup));
    const result = await placeOrder(popup, {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      amount: '0.01',
    });
    expect(result).toMatch(/^Placed: buy 0\.01 BTC\/USD market/);
    await waitUntil(async () => (await rows(popup, 'fill-row')) >= 1, 10_000, 'a fill row');
    await waitUntil(
      async () => (await notificationIds(popup)).some((id) => !before.has(id) && id.startsWith('fill:')),
      10_000,
      'the fill notification',
    );
  });

  it('the vault takes the simulator key, locks, unlocks with the passphrase, and a live order is placed', async () => {
    expect(await addKey(e2e, PASS)).toBe('Checked: can query funds and trade.');
    const options = await e2e.ext.open('options.html');
    try {
      await click(options, tid('lock-now'));
      await options.waitForSelector(tid('unlock-form'));
      await fill(options, 'unlock-passphrase', PASS);
      await click(options, tid('unlock'));
      await waitUntil(async () => (await options.$(tid('lock-now'))) !== null, 10_000, 'unlocked');
    } finally {
      await options.close();
    }
    await goLive(popup);
    const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
    const limit = Math.floor(now * 0.5).toFixed(1);
    const result = await placeOrder(popup, {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      amount: '0.001',
      limit,
    });
    expect(result).toMatch(/^Placed: buy 0\.001 BTC\/USD limit/);
    await waitUntil(async () => (await rows(popup, 'order-row')) === 1, 10_000, 'the open order');
    // The order the popup lists (from the private feed) is the one order resting at Kraken.
    expect(await openOrderIds(e2e)).toEqual([await attr(popup, tid('order-row'), 'data-order-id')]);
  });

  it('the background is suspended and comes back with the vault still unlocked', async () => {
    const orderId = await attr(popup, tid('order-row'), 'data-order-id');
    await popup.close();
    await e2e.ext.terminateBackground();
    expect((await e2e.ext.background()).state).toBe('stopped');
    const tokens = e2e.log.times('/0/private/GetWebSocketsToken', { method: 'POST' }).length;

    popup = await e2e.ext.open('popup.html'); // its port wakes the event page
    await waitUntil(async () => (await e2e.ext.background()).state === 'running', 10_000, 'the restart');
    await goLive(popup); // ready: the private feed is back, so the key was still unlocked
    expect(e2e.log.times('/0/private/GetWebSocketsToken', { method: 'POST' }).length).toBeGreaterThan(tokens);
    await click(popup, tid('tab-trade'));
    await waitUntil(
      async () => (await attr(popup, tid('order-row'), 'data-order-id').catch(() => null)) === orderId,
      10_000,
      'the resting order, listed again',
    );
    const options = await e2e.ext.open('options.html');
    expect(await options.$(tid('unlock-form'))).toBeNull();
    await options.close();
  });
});
