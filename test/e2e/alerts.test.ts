import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl } from '../../scripts/lib/browser.ts';
import {
  connectionState,
  type E2E,
  lastPrice,
  notificationIds,
  openPopup,
  parsePrice,
  setup,
  simControl,
  stopWorker,
  teardown,
  waitUntil,
} from './harness.ts';

const notifications = notificationIds;

/** The alert log's lines, newest first (the list sits in a collapsed <details>). */
function logLines(popup: Page): Promise<string[]> {
  return popup.getByTestId('alert-log').locator('li').allTextContents();
}

const setSimPrice = (e2e: E2E, symbol: string, price: string) =>
  simControl(e2e, 'market/price', { symbol, price });

async function createAlert(popup: Page, symbol: string, direction: 'above' | 'below', level: string) {
  await popup.getByRole('button', { name: `New alert for ${symbol}` }).click();
  await popup.getByTestId('alert-direction').selectOption(direction);
  await popup.getByTestId('alert-level').fill(level);
  await popup.getByTestId('alert-create').click();
  await expect.poll(() => popup.getByTestId('alert-form').count()).toBe(0);
}

describe('price alerts in the production build', () => {
  let e2e: E2E;
  let popup: Page;

  beforeAll(async () => {
    e2e = await setup();
    popup = await openPopup(e2e.ext);
    await waitUntil(async () => (await lastPrice(popup, 'ETH/USD')) !== null, 15_000, 'prices');
  });
  afterAll(async () => teardown(e2e));

  it('creates an alert from a watchlist row, pre-filled with the current price', async () => {
    await popup.getByRole('button', { name: 'New alert for SOL/USD' }).click();
    const prefilled = await popup.getByTestId('alert-level').inputValue();
    expect(Number(prefilled)).toBeCloseTo(parsePrice((await lastPrice(popup, 'SOL/USD')) ?? ''), -1);
    expect(prefilled).toMatch(/^\d+\.\d{2}$/); // SOL/USD's price precision
    // Far above the market, so this alert stays quiet during the other tests.
    await popup.getByTestId('alert-level').fill((Number(prefilled) * 3).toFixed(2));
    await popup.getByTestId('alert-create').click();
    await expect.poll(() => popup.getByTestId('alert-row').count()).toBe(1);
    await expect(popup.getByTestId('alert-row').innerText()).resolves.toContain('SOL/USD above');
    // Edit it: a new level, saved in place.
    const edited = (Number(prefilled) * 4).toFixed(2);
    await popup.getByTestId('alert-edit').click();
    await popup.getByTestId('alert-row').getByTestId('alert-level').fill(edited);
    await popup.getByTestId('alert-row').getByTestId('alert-create').click();
    await expect.poll(() => popup.getByTestId('alert-row').innerText()).toContain(`SOL/USD above ${edited}`);
    expect(await popup.getByTestId('alert-row').count()).toBe(1);
  });

  it('notifies when the simulator moves the price across the level, once', async () => {
    const now = parsePrice((await lastPrice(popup, 'ETH/USD')) ?? '');
    const level = (now * 1.02).toFixed(2);
    await createAlert(popup, 'ETH/USD', 'above', level);
    await setSimPrice(e2e, 'ETH/USD', (now * 1.05).toFixed(2));
    await expect.poll(() => notifications(e2e), { timeout: 10_000 }).toHaveLength(1);
    await expect(logLines(popup)).resolves.toEqual([
      expect.stringMatching(new RegExp(`^ETH/USD above ${level}: `)),
    ]);
    // The price stays above the line: no second notification for the same crossing.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await notifications(e2e)).toHaveLength(1);
  });

  it('plays the alert sound through an offscreen document only when it is turned on', async () => {
    const offscreenDocs = async () =>
      (await e2e.ext.worker()).evaluate(async () => {
        const rt = (
          globalThis as unknown as {
            chrome: { runtime: { getContexts(f: object): Promise<{ documentUrl?: string }[]> } };
          }
        ).chrome.runtime;
        return (await rt.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map(
          (c) => c.documentUrl ?? '',
        );
      });
    expect(await offscreenDocs()).toEqual([]); // the crossing above fired with the sound off
    const options = await e2e.ext.context.newPage();
    await options.goto(extensionUrl(e2e.ext, 'options.html'));
    await options.getByTestId('alert-sound').check();
    await expect.poll(() => options.getByTestId('alert-sound').isChecked()).toBe(true);
    await options.close();
    const now = parsePrice((await lastPrice(popup, 'ETH/BTC')) ?? '');
    await createAlert(popup, 'ETH/BTC', 'above', (now * 1.02).toFixed(5));
    await setSimPrice(e2e, 'ETH/BTC', (now * 1.05).toFixed(5));
    await expect
      .poll(offscreenDocs, { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/offscreen\.html$/)]);
    await setSimPrice(e2e, 'ETH/BTC', now.toFixed(5));
  });

  it('a crossing while the service worker is stopped fires once after the restart', async () => {
    const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
    const level = (now * 0.98).toFixed(1);
    await createAlert(popup, 'BTC/USD', 'below', level);
    // Let the rule see a few prices (its last price is what the crossing is judged against) and persist.
    await new Promise((r) => setTimeout(r, 2_500));
    const before = (await notifications(e2e)).length;

    await popup.close(); // nothing keeps the worker awake now
    await stopWorker(e2e.ext);
    await setSimPrice(e2e, 'BTC/USD', (now * 0.95).toFixed(1));

    popup = await openPopup(e2e.ext); // opening the popup wakes the worker
    await expect.poll(() => connectionState(popup), { timeout: 10_000 }).toBe('live');
    await expect.poll(async () => (await notifications(e2e)).length, { timeout: 10_000 }).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await notifications(e2e)).toHaveLength(before + 1);
    await expect(logLines(popup)).resolves.toContainEqual(
      expect.stringMatching(new RegExp(`^BTC/USD below ${level}: `)),
    );
  });

  it('a crossing that comes and goes while the worker is stopped is caught up from candles, once', async () => {
    const now = parsePrice((await lastPrice(popup, 'DOGE/USD')) ?? '');
    const level = (now * 1.03).toFixed(5);
    await createAlert(popup, 'DOGE/USD', 'above', level);
    await new Promise((r) => setTimeout(r, 2_500)); // the rule sees prices and its "last seen" is saved
    const before = new Set(await notifications(e2e));
    const fresh = async () => (await notifications(e2e)).filter((id) => !before.has(id));
    // No periodic wake while we wait: the worker must come back only when the popup opens (it re-creates
    // the alarm on start).
    await (await e2e.ext.worker()).evaluate(async () => {
      await (
        globalThis as unknown as { chrome: { alarms: { clear(n: string): Promise<boolean> } } }
      ).chrome.alarms.clear('wake');
    });
    await popup.close();
    await stopWorker(e2e.ext);
    // Catch-up replays whole minutes after the last tick seen, so the spike goes into the next minute.
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, Math.ceil((stoppedAt + 1) / 60_000) * 60_000 + 1_000 - stoppedAt));
    await setSimPrice(e2e, 'DOGE/USD', (now * 1.06).toFixed(5));
    await new Promise((r) => setTimeout(r, 300));
    await setSimPrice(e2e, 'DOGE/USD', now.toFixed(5)); // back under the line before anyone looks

    popup = await openPopup(e2e.ext);
    await expect.poll(() => connectionState(popup), { timeout: 10_000 }).toBe('live');
    await expect.poll(async () => (await fresh()).length, { timeout: 10_000 }).toBe(1);
    // The log line follows the notification (the entry is written after it is shown).
    await expect
      .poll(() => logLines(popup))
      .toContainEqual(
        expect.stringMatching(new RegExp(`^DOGE/USD above ${level}: .* while offline at \\d\\d:\\d\\d`)),
      );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await fresh()).toHaveLength(1);
    expect((await logLines(popup)).filter((l) => l.startsWith('DOGE/USD'))).toHaveLength(1);
  }, 120_000); // waits for the next whole minute

  it('imports alerts with per-item errors, exports them, and sends a test notification (options page)', async () => {
    const page = await e2e.ext.context.newPage();
    await page.goto(extensionUrl(e2e.ext, 'options.html'));
    const base = {
      symbol: 'XRP/USD',
      source: 'last',
      repeat: { kind: 'once' },
      expiresAt: null,
      rearmBand: '0',
    };
    const file = JSON.stringify({
      alerts: [
        { ...base, kind: 'cross', direction: 'above', level: '9.5' },
        { ...base, kind: 'move', percent: 5, windowMs: 900_000 },
        { ...base, kind: 'cross', direction: 'above', level: 'lots' },
      ],
    });
    await page
      .getByTestId('import-alerts')
      .setInputFiles({ name: 'alerts.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(page.getByTestId('import-result').innerText()).resolves.toMatch(
      /^Imported 2 alerts. 1 refused:\s+#3: The level must be a positive price such as 90000\.5\.$/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-alerts').click(),
    ]);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { alerts: { symbol: string }[] };
    expect(exported.alerts.filter((a) => a.symbol === 'XRP/USD')).toHaveLength(2);

    const before = (await notifications(e2e)).length;
    await page.getByTestId('test-notification').click();
    await expect.poll(async () => (await notifications(e2e)).length).toBe(before + 1);
    await page.close();
  });
});
