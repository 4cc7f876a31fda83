// The screenshots `npm start` writes: the popup's Watch tab, its Trade tab in paper and in live (the simulator's
// demo key added and unlocked), the options page and the side panel, in English and French, light and dark.
// They are taken in a browser of their own (headless, a throw-away profile), so the person's browser stays as
// a newcomer finds it: pointed at the simulator, no key stored. Each step that cannot be done (a page the popup's
// redesign changed) is logged and skipped; the others still run.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, extensionUrl, launchWithExtension, pointAtSimulator } from './browser.ts';
import type { SimProcess } from './sim-process.ts';

type Lang = 'en' | 'fr';
type Scheme = 'light' | 'dark';
const LANGS: readonly Lang[] = ['en', 'fr'];
const SCHEMES: readonly Scheme[] = ['dark', 'light'];
/** The vault passphrase of the screenshot browser's own profile (deleted with it). */
const PASSPHRASE = 'screenshots only';
/** The two pictures the README shows (docs/screenshots/), copied with --docs-screenshots. */
export const README_SHOTS = ['popup-watch-en-dark', 'sidepanel-fr-light'] as const;

interface Shot {
  name: string;
  page: 'popup.html' | 'options.html' | 'sidepanel.html';
  width: number;
  height: number;
  /** What to do once the page is open, before the picture. */
  prepare(page: Page): Promise<void>;
}

const visible = (page: Page, selector: string, timeout = 15_000) =>
  page.locator(selector).first().waitFor({ timeout });

async function tradeTab(page: Page): Promise<void> {
  await visible(page, '[data-testid="last"]');
  await page.getByTestId('tab-trade').click();
  await visible(page, '[data-testid="trading-mode"]');
}

/** Paper or live, told by the switch the mode bar offers (its words depend on the language). */
async function mode(page: Page, want: 'paper' | 'live'): Promise<void> {
  const now = async () => ((await page.getByTestId('mode-paper').count()) > 0 ? 'live' : 'paper');
  if ((await now()) === want) return;
  await page.getByTestId(want === 'live' ? 'mode-live' : 'mode-paper').click();
  // Going live asks first (issue 19): the mode bar's confirmation names the key; confirm it when it shows.
  const confirm = page.getByTestId('mode-live-confirm');
  const deadline = Date.now() + 15_000;
  while ((await now()) !== want) {
    if (Date.now() > deadline) throw new Error(`the popup did not switch to ${want}`);
    if (await confirm.count()) await confirm.first().click();
    await page.waitForTimeout(200);
  }
}

const SHOTS: readonly Shot[] = [
  {
    name: 'popup-watch',
    page: 'popup.html',
    width: 400,
    height: 600,
    prepare: async (page) => {
      await visible(page, '[data-testid="last"]');
      await visible(page, '[data-testid="sparkline"]:not([data-points="0"])').catch(() => {});
    },
  },
  {
    name: 'popup-trade-live',
    page: 'popup.html',
    width: 400,
    height: 600,
    prepare: async (page) => {
      await tradeTab(page);
      await mode(page, 'live');
      await visible(page, '[data-testid="live-status"][data-kind="ready"]').catch(() => {});
    },
  },
  {
    name: 'popup-trade-paper',
    page: 'popup.html',
    width: 400,
    height: 600,
    prepare: async (page) => {
      await tradeTab(page);
      await mode(page, 'paper');
    },
  },
  {
    name: 'options',
    page: 'options.html',
    width: 800,
    height: 900,
    prepare: (page) => visible(page, '[data-testid="key-row"]'),
  },
  {
    name: 'sidepanel',
    page: 'sidepanel.html',
    width: 420,
    height: 900,
    prepare: async (page) => {
      await visible(page, '[data-testid="chart"]:not([data-candles="0"])', 20_000);
      await visible(page, '[data-testid="ladder-row"]');
    },
  },
];

/** Adds the simulator's demo key through the options page (the vault created with it) and waits for its check. */
async function addDemoKey(ext: ExtensionBrowser, sim: SimProcess): Promise<void> {
  if (!sim.apiKey || !sim.apiSecret) throw new Error('the simulator printed no demo key');
  const page = await ext.context.newPage();
  try {
    await page.goto(extensionUrl(ext, 'options.html'));
    await page.getByTestId('vault-passphrase').fill(PASSPHRASE);
    await page.getByTestId('vault-passphrase-confirm').fill(PASSPHRASE);
    await page.getByTestId('key-label').fill('Simulator demo');
    await page.getByTestId('key-api-key').fill(sim.apiKey);
    await page.getByTestId('key-secret').fill(sim.apiSecret);
    await page.getByTestId('save-key').click();
    await page.getByTestId('key-row').waitFor({ timeout: 15_000 });
  } finally {
    await page.close();
  }
}

/** The language setting, through the options page as a person would set it. */
async function setLanguage(ext: ExtensionBrowser, lang: Lang): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(extensionUrl(ext, 'options.html'));
    await page.getByTestId('language').selectOption(lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  } finally {
    await page.close();
  }
}

/**
 * Takes every screenshot into `dir` as `<view>-<lang>-<theme>.png` and returns the paths written. The theme is
 * the setting's default, the system's, emulated per page (so a page that follows the system follows it too).
 */
export async function takeScreenshots(opts: {
  executablePath: string;
  sim: SimProcess;
  dir: string;
  log(line: string): void;
  /** Also copy README_SHOTS to docs/screenshots/. */
  docs?: string;
}): Promise<string[]> {
  const { log } = opts;
  mkdirSync(opts.dir, { recursive: true });
  const ext = await launchWithExtension({ executablePath: opts.executablePath, headless: true });
  const written: string[] = [];
  try {
    await pointAtSimulator(ext, opts.sim.rest);
    await addDemoKey(ext, opts.sim).catch((e: unknown) =>
      log(`screenshots: the demo key was not added (${e})`),
    );
    for (const lang of LANGS) {
      await setLanguage(ext, lang);
      for (const scheme of SCHEMES) {
        for (const shot of SHOTS) {
          const name = `${shot.name}-${lang}-${scheme}`;
          const page = await ext.context.newPage();
          try {
            await page.emulateMedia({ colorScheme: scheme });
            await page.setViewportSize({ width: shot.width, height: shot.height });
            await page.goto(extensionUrl(ext, shot.page));
            await shot.prepare(page);
            await page.waitForTimeout(300); // the last frame of the chart and of the live prices
            const path = resolve(opts.dir, `${name}.png`);
            await page.screenshot({ path });
            written.push(path);
          } catch (e) {
            log(`screenshots: ${name} skipped (${e instanceof Error ? e.message.split('\n')[0] : e})`);
          } finally {
            await page.close();
          }
        }
      }
    }
  } finally {
    await ext.close();
  }
  if (opts.docs) {
    mkdirSync(opts.docs, { recursive: true });
    for (const name of README_SHOTS) {
      const from = resolve(opts.dir, `${name}.png`);
      if (written.includes(from)) copyFileSync(from, resolve(opts.docs, `${name}.png`));
      else log(`screenshots: ${name} was not taken, so docs/screenshots/ keeps its old copy`);
    }
  }
  return written;
}
