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
import { colorScheme, lastPrice, waitUntil } from './harness.ts';
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

  it('the ticket’s field messages, its preview, an alert’s row and a refused alert are French too', async () => {
    const popup = await ext.context.newPage();
    try {
      await popup.goto(extensionUrl(ext, 'popup.html'));
      // The page renders once its language's texts are there: no English first (its first text is French).
      await popup.getByTestId('tab-trade').waitFor();
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
      await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
      // The price as the French page writes it ("97 166,0"), read back as a number.
      const shown = (await lastPrice(popup, 'BTC/USD')) ?? '';
      const last = Number(shown.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));
      expect(last).toBeGreaterThan(0);

      // An alert: its row says the rule in French, its level written the French way.
      await popup
        .locator('[data-testid="row"]', { hasText: 'BTC/USD' })
        .first()
        .getByTestId('row-alert')
        .click({ timeout: 5_000 });
      await popup.getByTestId('alert-direction').selectOption('above', { timeout: 5_000 });
      // A level the form reads (0) but the background refuses: its reason, sent as a code, said in French.
      await popup.getByTestId('alert-level').fill('0', { timeout: 5_000 });
      await popup.getByTestId('alert-create').click({ timeout: 5_000 });
      await expect
        .poll(() => popup.getByTestId('alert-error').innerText(), { timeout: 10_000 })
        .toBe('Le niveau doit être un prix positif, comme 90000,5.');
      await shoot(popup, 'popup-alert-refused-fr', 320);
      await colorScheme(popup, 'dark');
      await shoot(popup, 'popup-alert-refused-fr-dark', 320);
      await colorScheme(popup, 'light');
      await popup.getByTestId('alert-level').fill('250000,5', { timeout: 5_000 });
      await popup.getByTestId('alert-create').click({ timeout: 5_000 });
      await expect
        .poll(() => popup.getByTestId('alert-row').allInnerTexts(), { timeout: 10_000 })
        .toContainEqual(expect.stringContaining('BTC/USD au-dessus de 250000,5'));

      await popup.getByTestId('tab-trade').click({ timeout: 5_000 });
      await popup.getByTestId('ticket').waitFor({ timeout: 5_000 });
      await popup.getByTestId('ticket-pair').selectOption('BTC/USD', { timeout: 5_000 });
      await popup.getByTestId('ticket-side-buy').click({ timeout: 5_000 });
      await popup.getByTestId('ticket-type').selectOption('market', { timeout: 5_000 });
      // Below Kraken's minimum for BTC/USD: said beside the amount, in French.
      await popup.getByTestId('ticket-amount').fill('0,00001', { timeout: 5_000 });
      await expect
        .poll(() => popup.getByTestId('ticket-error-amount').innerText(), { timeout: 10_000 })
        .toMatch(/^Le plus petit ordre sur BTC\/USD est de 0,0001\u00a0BTC\.$/);

      // A stop-loss's preview in words (the paper account holds dollars: a buy stop, above the market):
      // "Achète 0,01 BTC au marché si le cours monte jusqu’à …".
      const trigger = Math.floor(last * 1.3);
      await popup.getByTestId('ticket-type').selectOption('stop-loss', { timeout: 5_000 });
      await popup.getByTestId('ticket-amount').fill('0,01', { timeout: 5_000 });
      await popup.getByTestId('ticket-trigger').fill(String(trigger), { timeout: 5_000 });
      await popup.getByTestId('ticket-amount').press('Enter', { timeout: 5_000 });
      await expect
        .poll(() => popup.getByTestId('preview-words').innerText(), { timeout: 10_000 })
        .toMatch(/^Achète 0,01 BTC au marché si le cours monte jusqu’à [\d\s\u202f\u00a0]+(,\d+)? USD\.$/);
      for (const width of [320, 420]) await shoot(popup, 'popup-trade-fr', width);
      await popup.getByTestId('ticket-back').click({ timeout: 5_000 });
    } finally {
      await popup.close();
    }
  });

  it('choosing English switches the options page at once, and is kept; an open popup follows, its Trade tab too', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(extensionUrl(ext, 'popup.html'));
    await popup.getByTestId('tab-trade').click();
    const ticket = () => popup.getByTestId('ticket').innerText();
    await expect.poll(ticket).toContain('Type d’ordre');
    await options.bringToFront();
    await options.getByTestId('language').selectOption('en');
    await options.getByText('Saved.').waitFor();
    // The Trade tab's texts came with its chunk, after the popup opened: they follow too (they once stayed
    // behind as message keys, "ticket.type", while the rest of the popup spoke English).
    await expect.poll(ticket).toContain('Order type');
    expect(await ticket()).not.toMatch(/\bticket\.[a-z]/);
    await popup.close();
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
