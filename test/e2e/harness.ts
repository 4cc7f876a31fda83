// Shared setup for the end-to-end tests: a simulator process, Chromium with the production build, the
// extension pointed at the simulator through its options page, and small DOM helpers for the popup.
import type { Page } from 'playwright-core';
import {
  type ExtensionBrowser,
  extensionUrl,
  launchWithExtension,
  pointAtSimulator,
} from '../../scripts/lib/browser.ts';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { type SimProcess, startSimProcess } from '../../scripts/lib/sim-process.ts';

export interface E2E {
  sim: SimProcess;
  ext: ExtensionBrowser;
}

export async function setup(simArgs: string[] = []): Promise<E2E> {
  // `npm test` installs Chromium before this runs; failing here (not skipping) keeps a missing browser visible.
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('No Chromium found: run `npm test` (it installs one) or set CHROMIUM_PATH.');
  const sim = await startSimProcess(['--port', '0', ...simArgs]);
  const ext = await launchWithExtension({ executablePath, headless: true });
  await pointAtSimulator(ext, sim.rest);
  return { sim, ext };
}

export async function teardown(e2e: E2E | undefined): Promise<void> {
  await e2e?.ext.close();
  await e2e?.sim.stop();
}

export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, 'popup.html'));
  return page;
}

/** The text of a watchlist row's last price, or null while it is waiting. */
export async function lastPrice(popup: Page, symbol: string): Promise<string | null> {
  const cell = popup.locator(`[data-testid="row"][data-symbol="${symbol}"] [data-testid="last"]`);
  return (await cell.count()) ? cell.innerText() : null;
}

export async function connectionState(popup: Page): Promise<string | null> {
  return popup.getByTestId('status').getAttribute('data-state');
}

interface BadgeApi {
  getBadgeText(details: object): Promise<string>;
  getBadgeBackgroundColor(details: object): Promise<number[]>;
}

export async function badge(ext: ExtensionBrowser): Promise<{ text: string; color: number[] }> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    // Runs inside the extension's service worker, where `chrome` is the extension API.
    const { action } = (globalThis as unknown as { chrome: { action: BadgeApi } }).chrome;
    return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}) };
  });
}

export const parsePrice = (text: string): number => Number(text.replace(/,/g, ''));

/** Polls until `check` returns true (for hooks, where expect.poll is not available). */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Stops the extension's service worker the way Chrome does when it idles (CDP ServiceWorker.stopAllWorkers,
 * sent from a blank page that stays open meanwhile) and waits for CDP to report it stopped. Playwright's
 * Worker handle does not notice a stop, so the next `ext.worker()` call must not be made before a restart.
 */
export async function stopWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    const prefix = `chrome-extension://${ext.extensionId}/`;
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      // Latched: an open popup's stream may wake a new worker right after the stop.
      for (const v of event.versions)
        if (v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped') stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitUntil(async () => stopped, 10_000, 'the service worker to stop');
  } finally {
    await page.close();
  }
}

/** Notification ids the extension shows right now (chrome.notifications.getAll, in the worker). */
export async function notificationIds(e2e: E2E): Promise<string[]> {
  const worker = await e2e.ext.worker();
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }
    ).chrome.notifications;
    return Object.keys(await api.getAll());
  });
}

/** POSTs a simulator test control (docs/simulator.md), e.g. `market/price`, `faults`; throws unless 200. */
export async function simControl(e2e: E2E, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${e2e.sim.rest}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`sim control ${path}: HTTP ${res.status} ${await res.text()}`);
}

/** The options page, open in a tab (close it when done). */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, 'options.html'));
  return page;
}

/**
 * Adds a key through the options page, creating the vault with `passphrase` if there is none yet, and waits
 * for the key check's verdict. Returns the verdict line.
 */
export async function addKey(
  ext: ExtensionBrowser,
  key: { label: string; apiKey: string; apiSecret: string },
  passphrase: string,
): Promise<string> {
  const page = await openOptions(ext);
  try {
    // The vault's view first (the page renders once its texts and the vault's state are in): counted earlier,
    // the rows could still be missing.
    await page.getByTestId('vault').waitFor();
    const rowsBefore = await page.getByTestId('key-row').count();
    await page.getByTestId('key-label').fill(key.label);
    await page.getByTestId('key-api-key').fill(key.apiKey);
    await page.getByTestId('key-secret').fill(key.apiSecret);
    if (await page.getByTestId('vault-passphrase').count()) {
      await page.getByTestId('vault-passphrase').fill(passphrase);
      await page.getByTestId('vault-passphrase-confirm').fill(passphrase);
    }
    await page.getByTestId('save-key').click();
    const row = page.getByTestId('key-row').nth(rowsBefore);
    await waitUntil(
      async () =>
        (await row.count()) > 0 && (await row.getByTestId('key-check').innerText()).startsWith('Checked'),
      15_000,
      'the key check',
    );
    return row.getByTestId('key-check').innerText();
  } finally {
    await page.close();
  }
}

/**
 * Switches the popup to live mode (the mode bar is in the Trade tab; going live asks for a confirmation) and
 * waits until the private feed is ready.
 */
export async function goLive(popup: Page): Promise<void> {
  // The popup has tabs; the side panel shows its mode bar at once. Either first: the page renders only once its
  // texts are loaded, so asking at once whether tabs exist could answer "no" to a popup still loading.
  await popup.locator('[data-testid="tab-trade"], [data-testid="trading-mode"]').first().waitFor();
  if (await popup.getByTestId('tab-trade').count()) await popup.getByTestId('tab-trade').click();
  await popup.getByTestId('trading-mode').waitFor();
  if ((await popup.getByTestId('trading-mode').innerText()) !== 'Live') {
    await popup.getByTestId('mode-live').click();
    await popup.getByTestId('mode-live-confirm').click();
  }
  await waitUntil(
    async () => (await popup.getByTestId('trading-mode').innerText()) === 'Live',
    5_000,
    'live mode',
  );
  await waitUntil(
    async () => (await popup.getByTestId('live-status').getAttribute('data-kind')) === 'ready',
    15_000,
    'the private feed',
  );
}

/**
 * A key of its own for the test's REST calls on a simulator account (`main` or `second`): sharing the
 * extension's key would make two clients race for the key's nonces, which Kraken (and the simulator) refuse.
 */
export async function observerKey(
  e2e: E2E,
  account: 'main' | 'second',
): Promise<{ apiKey: string; secret: string }> {
  const res = await fetch(`${e2e.sim.rest}/_sim/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      account,
      name: `e2e observer ${account}`,
      permissions: [
        'query-funds',
        'query-open-trades',
        'query-closed-trades',
        'modify-trades',
        'close-trades',
      ],
    }),
  });
  if (res.status !== 200) throw new Error(`sim control keys: HTTP ${res.status} ${await res.text()}`);
  const { key, secret } = (await res.json()) as { key: string; secret: string };
  return { apiKey: key, secret };
}

/**
 * Emulates the system's colour scheme and waits until the page wears it: the theme is set on <html> by an
 * effect after a render (lib/ui/theme.ts), so a screenshot or an axe audit taken at once could still see the
 * other theme (a "dark" screenshot of the maintenance line was light). For pages whose theme setting is
 * "Same as the system".
 */
export async function colorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme, { timeout: 5_000 });
}
