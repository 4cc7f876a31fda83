// The browser's language decides the extension's when the person left it to the browser (the default):
// Chromium started in French (LANGUAGE=fr, --lang=fr) shows the translated parts of the options page in
// French and the manifest's French description; choosing English in the options switches at once. The
// options page and the popup are photographed in both languages under artifacts/ (not committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  extensionUrl,
  launchWithExtension,
  pointAtSimulator,
} from '../../scripts/lib/browser.ts';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { type SimProcess, startSimProcess } from '../../scripts/lib/sim-process.ts';
import { lastPrice, waitUntil } from './harness.ts';
import { attachPopup, popupOpen } from './popup-view.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
}

describe('a browser in French', () => {
  let sim: SimProcess;
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    mkdirSync(ARTIFACTS, { recursive: true });
    sim = await startSimProcess(['--port', '0']);
    ext = await launchWithExtension({ executablePath, headless: true, lang: 'fr' });
    await pointAtSimulator(ext, sim.rest);
    options = await ext.context.newPage();
    await options.goto(extensionUrl(ext, 'options.html'));
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  it('shows the manifest in French and the options page’s translated parts in French', async () => {
    const worker = await ext.worker();
    const description = await worker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }
      ).chrome.i18n.getMessage('extDescription'),
    );
    expect(description).toMatch(/^Non officiel, non conçu par Kraken : /);
    await expect(options.getByTestId('language-settings').locator('h2').innerText()).resolves.toBe('Langue');
    await expect(options.getByTestId('language').locator('option:checked').innerText()).resolves.toBe(
      'Celle du navigateur (Français)',
    );
    await expect(options.getByTestId('shortcuts').locator('h2').first().innerText()).resolves.toBe(
      'Raccourcis clavier',
    );
    const rows = options.getByTestId('shortcut');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      'Ouvrir la fenêtre\tAlt+Shift+K',
      'Trader la paire étoilée (le bon d’ordre, prêt à la saisie)\tAlt+Shift+O',
      'Ouvrir le panneau latéral\tAlt+Shift+L',
    ]);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('fr');
    for (const width of [420, 800]) await shoot(options, 'options-fr', width);
  });

  it('"Change the shortcuts" opens Chrome’s shortcut settings', async () => {
    const opened = ext.context.waitForEvent('page');
    await options.getByTestId('manage-shortcuts').click();
    const page = await opened;
    await waitUntil(async () => page.url() !== 'about:blank', 5_000, 'the shortcuts page');
    expect(page.url()).toBe('chrome://extensions/shortcuts');
    await page.close();
  });

  it('the popup’s messages follow: a kr order fills the ticket with the French note', async () => {
    const tab = await ext.context.newPage();
    await tab.goto(extensionUrl(ext, 'popup.html'));
    await waitUntil(async () => (await lastPrice(tab, 'BTC/USD')) !== null, 15_000, 'prices');
    await tab.close();
    const worker = await ext.worker();
    await worker.evaluate(() => {
      const g = globalThis as unknown as {
        chrome: { omnibox: { onInputEntered: { dispatch(text: string, disposition: string): void } } };
      };
      g.chrome.omnibox.onInputEntered.dispatch('achat 0,01 btc 60000', 'currentTab');
    });
    const popup = await attachPopup(ext);
    try {
      await popup.waitFor(
        // The amount is written the page's way (a French decimal comma), and read back the same way.
        `document.querySelector('[data-testid="ticket-amount"]')?.value === '0,01'`,
        'the ticket',
      );
      expect(await popup.eval(`document.querySelector('[data-testid="launch-note"]').textContent`)).toBe(
        'Depuis la barre d’adresse : vérifiez l’ordre, puis prévisualisez-le et confirmez-le. Rien n’est envoyé avant.',
      );
      writeFileSync(resolve(ARTIFACTS, 'popup-kr-order-fr.png'), await popup.screenshot());
    } finally {
      await popup.close();
    }
    await waitUntil(async () => !(await popupOpen(ext)), 5_000, 'the popup to close');
  });

  it('choosing English switches the options page at once, and is kept', async () => {
    await options.getByTestId('language').selectOption('en');
    await options.getByText('Saved.').waitFor();
    await expect(options.getByTestId('shortcuts').locator('h2').first().innerText()).resolves.toBe(
      'Keyboard shortcuts',
    );
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    for (const width of [420, 800]) await shoot(options, 'options-en', width);
    await options.reload();
    await expect(options.getByTestId('language-settings').locator('h2').innerText()).resolves.toBe(
      'Language',
    );
    await expect(options.getByTestId('language').inputValue()).resolves.toBe('en');
  });
});
