// The options page and the side panel as a person sees them (issues 19 and 20), in the production build
// against the simulator: in French when the browser is French (the language setting left to the browser), in
// English and French by the setting, light and dark by the theme setting or the system's; with axe-core's
// audit (0 serious or critical) in both themes. Screenshots go to artifacts/ (not committed).
import { mkdirSync } from 'node:fs';
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
import { axeViolations, blocking } from './axe-audit.ts';
import { addKey } from './harness.ts';

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
}

/** Opens a page of the extension in a tab and waits for it to be drawn. */
async function open(
  ext: ExtensionBrowser,
  name: 'options.html' | 'sidepanel.html',
  width = 420,
): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(extensionUrl(ext, name));
  if (name === 'options.html') await page.getByTestId('vault').waitFor();
  else {
    await page.locator('[data-testid="chart"]:not([data-candles="0"])').waitFor({ timeout: 20_000 });
    await page.getByTestId('ladder-row').first().waitFor({ timeout: 20_000 });
  }
  return page;
}

const headings = async (page: Page) =>
  (await page.locator('h1, h2').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

async function launch(lang: string): Promise<{ sim: SimProcess; ext: ExtensionBrowser }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
  mkdirSync(ARTIFACTS, { recursive: true });
  const sim = await startSimProcess(['--port', '0']);
  const ext = await launchWithExtension({ executablePath, headless: true, lang });
  await pointAtSimulator(ext, sim.rest);
  return { sim, ext };
}

describe('a browser in French, the language left to the browser', () => {
  let sim: SimProcess;
  let ext: ExtensionBrowser;
  beforeAll(async () => ({ sim, ext } = await launch('fr')));
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  it('the options page is French, in the order a newcomer needs it, diagnostics behind “Détails”', async () => {
    const page = await open(ext, 'options.html');
    expect(await headings(page)).toEqual([
      'Trader for Kraken — Réglages',
      'Plateforme',
      'Coffre Aucune clé',
      'Clés d’API',
      'Alertes',
      'Son',
      'Langue',
      'Thème',
      'Raccourcis clavier',
      'Barre d’adresse',
    ]);
    expect(await page.title()).toBe('Trader for Kraken — Réglages');
    expect(await page.getByTestId('save-key').innerText()).toBe('Enregistrer la clé');
    expect(await page.getByTestId('refused').isVisible()).toBe(false);
    await page.locator('details summary').click();
    expect(await page.getByTestId('refused').innerText()).toMatch(/^Messages refusés depuis le démarrage/);
    // A too-short passphrase is refused here, in French, and the key just pasted stays.
    await page.getByTestId('key-api-key').fill('K'.repeat(56));
    await page.getByTestId('vault-passphrase').fill('court');
    await page.getByTestId('vault-passphrase-confirm').fill('court');
    await page.getByTestId('save-key').click();
    expect(await page.getByTestId('vault-error').innerText()).toBe(
      'La phrase secrète est trop courte\u00a0: utilisez au moins 10 caractères. Rien n’a été envoyé.',
    );
    expect(await page.getByTestId('key-api-key').inputValue()).toBe('K'.repeat(56));
    for (const width of [320, 800]) await shoot(page, 'pages-options-fr-dark', width);
    await page.close();
  });

  it('the side panel is French: the book, the chart’s intervals, numbers the French way', async () => {
    const page = await open(ext, 'sidepanel.html', 800);
    expect(await page.locator('h1').innerText()).toBe('Trader for Kraken');
    expect(await page.getByTestId('depth-ladder').locator('h2').innerText()).toBe('Carnet');
    expect(await page.getByTestId('interval-1h').innerText()).toBe('1 h');
    expect(await page.getByTestId('ladder-spread').innerText()).toMatch(/^Écart [\d\u202f]+(,\d+)? \(/);
    // French decimals: a comma, never a point, in the book's prices.
    expect(await page.locator('.ladder-price').first().innerText()).toMatch(/^\d{1,3}(\u202f\d{3})*,\d+$/);
    expect(await page.getByTestId('chart').getAttribute('aria-label')).toMatch(
      /^Graphique en chandeliers de /,
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    for (const width of [320, 800]) await shoot(page, 'pages-sidepanel-fr-dark', width);
    await page.close();
  });
});

describe('a browser in English: the language and theme settings', () => {
  let sim: SimProcess;
  let ext: ExtensionBrowser;
  let options: Page;
  let panel: Page;
  beforeAll(async () => {
    ({ sim, ext } = await launch('en'));
    // The simulator's demo key, so the audits see a stored key's row, its actions and the vault's settings.
    if (!sim.apiKey || !sim.apiSecret) throw new Error('the simulator printed no demo key');
    await addKey(ext, { label: 'Demo', apiKey: sim.apiKey, apiSecret: sim.apiSecret }, 'a long passphrase');
    options = await open(ext, 'options.html');
    panel = await open(ext, 'sidepanel.html');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
  });

  it('is English by default; French chosen in the options switches the options and the open side panel', async () => {
    expect((await headings(options)).slice(0, 4)).toEqual([
      'Trader for Kraken — Settings',
      'Exchange',
      'Vault Unlocked',
      'API keys',
    ]);
    expect(await options.getByTestId('key-row').innerText()).toContain('Demo');
    expect(await panel.getByTestId('depth-ladder').locator('h2').innerText()).toBe('Book');
    await options.getByTestId('language').selectOption('fr');
    await options.getByRole('heading', { name: 'Plateforme' }).waitFor();
    await panel.getByRole('heading', { name: 'Carnet' }).waitFor();
    expect(await panel.getByTestId('interval-1d').innerText()).toBe('1 j');
    await options.getByTestId('language').selectOption('en');
    await panel.getByRole('heading', { name: 'Book' }).waitFor();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the ${theme} theme: set on both pages, 0 serious or critical axe findings`, async () => {
      await options.getByTestId('theme').selectOption(theme);
      await expect.poll(() => themeOf(options), { timeout: 5_000 }).toBe(theme);
      await expect.poll(() => themeOf(panel), { timeout: 5_000 }).toBe(theme);
      for (const [name, page] of [
        ['options', options],
        ['sidepanel', panel],
      ] as const) {
        await page.setViewportSize({ width: 420, height: 900 });
        expect(blocking(await axeViolations(page)), `${name} in ${theme}`).toEqual([]);
        for (const width of [320, 420, 800]) await shoot(page, `pages-${name}-en-${theme}`, width);
      }
    });
  }

  it('locked: the unlock form passes the audit too', async () => {
    await options.getByTestId('lock-now').click();
    await options.getByTestId('unlock-form').waitFor();
    expect(blocking(await axeViolations(options))).toEqual([]);
    await shoot(options, 'pages-options-en-locked', 420);
  });

  it('“Same as the system” follows the system’s colour scheme', async () => {
    await options.getByTestId('theme').selectOption('system');
    await options.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => themeOf(options), { timeout: 5_000 }).toBe('light');
    await options.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => themeOf(options), { timeout: 5_000 }).toBe('dark');
    expect(await options.getByTestId('theme').locator('option:checked').innerText()).toBe(
      'Same as the system (dark)',
    );
  });

  it('the side panel stays usable from 320 px to 800 px: nothing wider than the page', async () => {
    for (const width of [320, 800]) {
      await panel.setViewportSize({ width, height: 900 });
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
});
