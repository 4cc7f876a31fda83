import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimProcess } from '../../scripts/lib/sim-process.ts';
import {
  badge,
  connectionState,
  type E2E,
  lastPrice,
  openPopup,
  parsePrice,
  setup,
  simControl,
  teardown,
} from './harness.ts';

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

describe('watchlist in the production build, against the simulator', () => {
  let e2e: E2E;
  let popup: Page;

  beforeAll(async () => {
    e2e = await setup();
    popup = await openPopup(e2e.ext);
  });
  afterAll(async () => teardown(e2e));

  it('shows live prices that change, with a live status', async () => {
    await expect.poll(() => lastPrice(popup, 'BTC/USD'), { timeout: 15_000 }).not.toBeNull();
    const first = await lastPrice(popup, 'BTC/USD');
    expect(parsePrice(first ?? '')).toBeGreaterThan(1000);
    await expect.poll(() => lastPrice(popup, 'BTC/USD'), { timeout: 15_000 }).not.toBe(first);
    expect(await connectionState(popup)).toBe('live');
    await expect(popup.getByTestId('status').innerText()).resolves.toMatch(/^Live · last tick/);
    // Every default pair gets prices, each at its own precision (ETH/BTC has 5 decimals on Kraken).
    for (const symbol of ['ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD', 'ETH/BTC']) {
      await expect.poll(() => lastPrice(popup, symbol), { timeout: 10_000 }).not.toBeNull();
    }
    expect(await lastPrice(popup, 'ETH/BTC')).toMatch(/^0\.\d{5}$/);
  });

  it('shows the chosen pair on the badge in at most four characters, coloured by direction', async () => {
    // The simulator trades BTC/USD at a price we choose; the badge text for it is written out by hand
    // (thousands as "k"), not computed with the code under test.
    await simControl(e2e, 'market/price', { symbol: 'BTC/USD', price: '12345.6' });
    await expect.poll(async () => (await badge(e2e.ext)).text, { timeout: 10_000 }).toBe('12k');
    // Pick ETH/USD for the badge: its price is about 3,400, so four digits.
    await popup.locator('[data-symbol="ETH/USD"] button[title^="Show on the toolbar badge"]').click();
    await expect.poll(async () => (await badge(e2e.ext)).text, { timeout: 10_000 }).toMatch(/^\d{4}$/);
    const colors = ['#15803d', '#b91c1c'].map(hexToRgb); // green up, red down (white text on them: AA)
    await expect
      .poll(
        async () => {
          const shown = (await badge(e2e.ext)).color.slice(0, 3).join();
          return colors.some((c) => c.join() === shown);
        },
        {
          timeout: 15_000,
        },
      )
      .toBe(true);
  });

  it('adds and removes pairs, refuses bad ones with a clear message, and persists the list', async () => {
    await popup.getByRole('button', { name: 'Remove ETH/BTC' }).click();
    await expect.poll(() => popup.locator('[data-symbol="ETH/BTC"]').count()).toBe(0);

    const input = popup.getByTestId('add-pair-input');
    await input.fill('FOO/USD');
    await input.press('Enter');
    // Said by the page from the refusal's code and the pair it names (lib/ui/error-text.ts).
    await expect(popup.getByTestId('add-pair-error').innerText()).resolves.toBe(
      'Kraken has no pair “FOO/USD”. Write it like BTC/USD.',
    );
    await input.fill('xbtusd');
    await input.press('Enter');
    await expect(popup.getByTestId('add-pair-error').innerText()).resolves.toBe(
      'BTC/USD is already on the watchlist.',
    );

    await input.fill('ethxbt'); // Kraken's legacy altname spelling
    await input.press('Enter');
    await expect.poll(() => lastPrice(popup, 'ETH/BTC'), { timeout: 10_000 }).not.toBeNull();

    await popup.reload();
    await expect
      .poll(() =>
        popup
          .locator('[data-testid="row"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-symbol'))),
      )
      .toEqual(['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD', 'ETH/BTC']);
  });

  it('comes back live within 3 s after the service worker is stopped', async () => {
    const cdp = await e2e.ext.context.newCDPSession(popup);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.includes(e2e.ext.extensionId)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const before = await lastPrice(popup, 'BTC/USD');
    const stoppedAt = Date.now();
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(
        async () =>
          (await connectionState(popup)) === 'live' && (await lastPrice(popup, 'BTC/USD')) !== before,
        {
          timeout: 3_000,
          interval: 50,
        },
      )
      .toBe(true);
    const elapsed = Date.now() - stoppedAt;
    expect(elapsed).toBeLessThanOrEqual(3_000);
    // The worker really went down and came back (not merely kept running).
    expect(statuses).toContain('stopped');
    expect(statuses.lastIndexOf('running')).toBeGreaterThan(statuses.indexOf('stopped'));
    await cdp.detach();
  });

  it('shows reconnecting while the simulator is down, then live again after it restarts', async () => {
    const port = e2e.sim.port;
    await e2e.sim.stop('SIGKILL');
    await expect.poll(() => connectionState(popup), { timeout: 15_000 }).toBe('reconnecting');
    await expect(popup.getByTestId('status').innerText()).resolves.toMatch(/^Reconnecting \(attempt \d+/);
    e2e.sim = await startSimProcess(['--port', String(port)]);
    await expect.poll(() => connectionState(popup), { timeout: 40_000 }).toBe('live');
    const after = await lastPrice(popup, 'BTC/USD');
    await expect.poll(() => lastPrice(popup, 'BTC/USD'), { timeout: 10_000 }).not.toBe(after);
  });
});
