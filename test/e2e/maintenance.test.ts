// Kraken's announced maintenance in the production build: the simulator's status page (Statuspage's
// documents, as status.kraken.com serves them) announces one before the extension first asks it; the Trade tab
// and the side panel show its title and window in the page's language and the person's time zone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launchWithExtension, pointAtSimulator } from '../../scripts/lib/browser.ts';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { startSimProcess } from '../../scripts/lib/sim-process.ts';
import { colorScheme, type E2E, openPopup, simControl, teardown } from './harness.ts';

const at = (hoursFromNow: number) => {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
};

describe('announced maintenance (production build, simulator)', () => {
  let e2e: E2E;
  const start = at(26);
  const end = at(28);

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    const sim = await startSimProcess(['--port', '0']);
    e2e = { sim, ext: undefined as never };
    // Announced before the extension first asks (it asks each status page at most every 15 minutes).
    await simControl(e2e, 'maintenance', { name: 'Spot trading engine upgrade', start, end });
    await simControl(e2e, 'maintenance', {
      name: 'Bitcoin funding gateway',
      start: at(2),
      end: at(3),
      components: ['BTC Funding'],
    });
    e2e.ext = await launchWithExtension({ executablePath, headless: true });
    await pointAtSimulator(e2e.ext, sim.rest);
  }, 60_000);
  afterAll(async () => teardown(e2e));

  /** The line's text, as the page writes the window (its own Intl, its own time zone). */
  const expected = (page: Page) =>
    page.evaluate(
      ([s, e]) =>
        `Kraken maintenance announced: Spot trading engine upgrade, ${new Intl.DateTimeFormat('en', {
          dateStyle: 'medium',
          timeStyle: 'short',
        }).formatRange(Date.parse(s as string), Date.parse(e as string))}. Details`,
      [start, end],
    );

  it('the Trade tab shows the next one that concerns trading (not the funding gateway), light and dark', async () => {
    const popup = await openPopup(e2e.ext);
    await popup.setViewportSize({ width: 360, height: 800 });
    await popup.getByTestId('tab-trade').click();
    const line = popup.getByTestId('maintenance');
    await expect.poll(() => line.getAttribute('data-kind'), { timeout: 15_000 }).toBe('announced');
    expect(await line.innerText()).toBe(await expected(popup));
    expect(await line.getByRole('link').getAttribute('href')).toMatch(/^https:\/\/stspg\.io\//);
    for (const scheme of ['light', 'dark'] as const) {
      await colorScheme(popup, scheme);
      await popup.screenshot({ path: `artifacts/maintenance-trade-${scheme}.png` });
    }
    await popup.close();
  }, 60_000);

  it('the side panel shows it too', async () => {
    const panel = await e2e.ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(extensionUrl(e2e.ext, 'sidepanel.html'));
    const line = panel.getByTestId('maintenance');
    await expect.poll(() => line.getAttribute('data-kind'), { timeout: 15_000 }).toBe('announced');
    expect(await line.innerText()).toBe(await expected(panel));
    await line.screenshot({ path: 'artifacts/maintenance-sidepanel.png' });
    await panel.close();
  }, 60_000);
});
