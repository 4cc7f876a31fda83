// Shared setup for the Firefox end-to-end tests: a simulator process, a request log in front of it, Firefox
// ESR with the Firefox production build (puppeteer-core over WebDriver BiDi), the extension pointed at the
// request log through its options page, and small DOM helpers (puppeteer's API, not Playwright's).
import type { Page } from 'puppeteer-core';
import { createKrakenRest } from '../../lib/kraken/index.ts';
import { findFirefox } from '../../scripts/lib/firefox.ts';
import { type FirefoxExtension, launchFirefoxWithExtension } from '../../scripts/lib/firefox-browser.ts';
import { type SimProcess, startSimProcess } from '../../scripts/lib/sim-process.ts';
import { type RequestLog, startRequestLog } from './request-log.ts';

export interface FirefoxE2E {
  sim: SimProcess;
  log: RequestLog;
  ext: FirefoxExtension;
}

export const tid = (id: string) => `[data-testid="${id}"]`;

export async function setup(simArgs: string[] = []): Promise<FirefoxE2E> {
  // `npm test` installs Firefox before this runs; failing here (not skipping) keeps a missing browser visible.
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error('No Firefox found: run `npm test` (it installs firefox-esr) or set FIREFOX_PATH.');
  const sim = await startSimProcess(['--port', '0', ...simArgs]);
  const log = await startRequestLog(sim.rest);
  const ext = await launchFirefoxWithExtension({ executablePath });
  await pointAtSimulator(ext, log.origin);
  return { sim, log, ext };
}

export async function teardown(e2e: FirefoxE2E | undefined): Promise<void> {
  await e2e?.ext.close().catch(() => {});
  await e2e?.log.close();
  await e2e?.sim.stop();
}

/** Polls until `check` returns true. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The text of the first element matching `selector`, or null when there is none. */
export function text(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/**
 * Replaces an input's value by typing over its selected text, so the page sees input events. (Clearing
 * `value` directly would race the popup's re-renders: a controlled input gets its old value back.)
 */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  await page.waitForSelector(tid(testId));
  await page.$eval(tid(testId), (el) => {
    (el as HTMLInputElement).focus();
    (el as HTMLInputElement).select();
  });
  if (value === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(value);
}

export async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.click(selector);
}

/** Uses the options page to select "Local simulator (URL)" with the given REST origin. */
export async function pointAtSimulator(ext: FirefoxExtension, restUrl: string): Promise<void> {
  const page = await ext.open('options.html');
  try {
    await click(page, tid('endpoint-custom'));
    await fill(page, 'endpoint-rest', restUrl);
    await fill(page, 'endpoint-ws', '');
    await click(page, tid('endpoint-save'));
    await waitUntil(
      async () => ((await text(page, tid('endpoint-message'))) ?? '').startsWith('Saved.'),
      10_000,
      'Saved.',
    );
  } finally {
    await page.close();
  }
}

/** The text of a watchlist row's last price, or null while it is waiting. */
export const lastPrice = (popup: Page, symbol: string) =>
  text(popup, `[data-testid="row"][data-symbol="${symbol}"] [data-testid="last"]`);

export const parsePrice = (shown: string): number => Number(shown.replace(/,/g, ''));

/**
 * Starts recording, in one of the extension's pages, the notifications Firefox reports for the extension.
 * Headless Firefox has no notification display: it hands each notification to its alerts service, which
 * finishes it at once, so `getAll()` is always empty and `onClosed` (with `onShown` where a display exists)
 * is the sign that `notifications.create` got through. A rejected call (e.g. `buttons`) shows neither.
 */
export async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Event = { addListener(f: (id: string) => void): void };
    const g = globalThis as unknown as {
      browser: { notifications: { onClosed: Event; onShown?: Event } };
      seenNotifications?: string[];
    };
    if (g.seenNotifications) return;
    const seen: string[] = [];
    g.seenNotifications = seen;
    const note = (id: string) => {
      if (!seen.includes(id)) seen.push(id);
    };
    g.browser.notifications.onShown?.addListener(note);
    g.browser.notifications.onClosed.addListener(note);
  });
}

/** The ids recorded since recordNotifications(page), oldest first. */
export function notificationIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((globalThis as { seenNotifications?: string[] }).seenNotifications ?? [])]);
}

/** POSTs a simulator test control (docs/simulator.md); throws unless 200. */
export async function simControl(e2e: FirefoxE2E, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${e2e.sim.rest}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`sim control ${path}: HTTP ${res.status} ${await res.text()}`);
}

/**
 * The ids of the main account's open orders, asked with a key of the test's own (sharing the extension's
 * key would make two clients race for its nonces).
 */
export async function openOrderIds(e2e: FirefoxE2E): Promise<string[]> {
  const res = await fetch(`${e2e.sim.rest}/_sim/keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      account: 'main',
      name: 'firefox e2e observer',
      permissions: ['query-open-trades'],
    }),
  });
  const { key, secret } = (await res.json()) as { key: string; secret: string };
  const rest = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: { apiKey: key, secret } });
  return Object.keys((await rest.openOrders()).open);
}

/** Creates a price alert from the pair's watchlist row (`repeat`: every crossing, 5 min apart). */
export async function createAlert(
  popup: Page,
  symbol: string,
  direction: 'above' | 'below',
  level: string,
  repeat: 'once' | 'repeat' = 'once',
) {
  const count = () => popup.$$eval(tid('alert-row'), (els) => els.length);
  const before = await count();
  await click(popup, `button[aria-label="New alert for ${symbol}"]`);
  await popup.select(tid('alert-direction'), direction);
  await fill(popup, 'alert-level', level);
  await popup.select('[data-testid="alert-form"] select[aria-label="Repeat"]', repeat);
  await click(popup, tid('alert-create'));
  await waitUntil(async () => (await count()) === before + 1, 10_000, 'the alert row').catch(async (e) => {
    const form = await text(popup, tid('alert-form'));
    throw new Error(`${e}; the form shows: ${form} ${await text(popup, tid('alert-error'))}`);
  });
}

/** Adds the simulator's key through the options page, creating the vault, and waits for the key check. */
export async function addKey(e2e: FirefoxE2E, passphrase: string): Promise<string> {
  const page = await e2e.ext.open('options.html');
  try {
    await fill(page, 'key-label', 'Simulator');
    await fill(page, 'key-api-key', e2e.sim.apiKey ?? '');
    await fill(page, 'key-secret', e2e.sim.apiSecret ?? '');
    await fill(page, 'vault-passphrase', passphrase);
    await fill(page, 'vault-passphrase-confirm', passphrase);
    await click(page, tid('save-key'));
    await waitUntil(
      async () => ((await text(page, tid('key-check'))) ?? '').startsWith('Checked'),
      20_000,
      'the key check',
    );
    return (await text(page, tid('key-check'))) ?? '';
  } finally {
    await page.close();
  }
}

/** Switches the popup to live mode and waits until the private feed is ready. */
export async function goLive(popup: Page): Promise<void> {
  // The mode bar lives in the Trade tab (the side panel shows it at once); it renders once the trading view
  // has arrived. Going live asks first: its confirmation names the key.
  // Tabs or the mode bar first: the page renders only once its texts are loaded.
  await popup.waitForSelector(`${tid('tab-trade')}, ${tid('trading-mode')}`);
  if (await popup.$(tid('tab-trade'))) await click(popup, tid('tab-trade'));
  await popup.waitForSelector(`${tid('mode-live')}, ${tid('mode-paper')}`);
  if ((await text(popup, tid('trading-mode'))) !== 'Live') {
    await click(popup, tid('mode-live'));
    await popup.waitForSelector(tid('mode-live-confirm'));
    await click(popup, tid('mode-live-confirm'));
  }
  await waitUntil(async () => (await text(popup, tid('trading-mode'))) === 'Live', 5_000, 'live mode');
  await waitUntil(
    async () => (await popup.$eval(tid('live-status'), (el) => el.getAttribute('data-kind'))) === 'ready',
    15_000,
    'the private feed',
  );
}

/** Fills the ticket (Trade tab open), previews (Enter) and confirms; returns the result line. */
export async function placeOrder(
  popup: Page,
  o: { symbol: string; side: 'buy' | 'sell'; type: 'market' | 'limit'; amount: string; limit?: string },
): Promise<string> {
  await popup.select(tid('ticket-pair'), o.symbol);
  await click(popup, tid(`ticket-side-${o.side}`));
  await popup.select(tid('ticket-type'), o.type);
  await fill(popup, 'ticket-amount', o.amount);
  if (o.limit !== undefined) await fill(popup, 'ticket-limit', o.limit);
  await popup.focus(tid('ticket-amount'));
  await popup.keyboard.press('Enter');
  await click(popup, tid('ticket-confirm'));
  // The preview (and its confirm button) goes once Kraken — or the paper engine — has answered.
  await waitUntil(async () => (await popup.$(tid('ticket-confirm'))) === null, 15_000, 'the order result');
  return (await text(popup, tid('ticket-result'))) ?? '';
}
