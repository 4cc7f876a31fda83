// Launches Chromium with the production build loaded (playwright-core) and points it at a simulator
// through the options page, exactly as a user would. Shared by `npm start` and the e2e tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumArgs } from './chromium.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's current service worker (a new handle after a restart). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: {
  executablePath: string;
  headless: boolean;
  extensionDir?: string;
  /** Reuse a profile (a browser restart); it is then kept on close. Default: a fresh temporary one. */
  profileDir?: string;
  /** More unpacked extensions to load beside ours (e.g. a probe that tries to message ours). */
  extraExtensions?: string[];
  /** The browser's language ("fr"): --lang and the environment's LANGUAGE, which Chromium on Linux reads. */
  lang?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  const ownProfile = opts.profileDir === undefined;
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'kraken-ext-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: opts.executablePath,
    headless: opts.headless,
    args: [
      ...chromiumArgs([extensionDir, ...(opts.extraExtensions ?? [])].join(',')),
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    ...(opts.lang ? { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang } } : {}),
    viewport: { width: 420, height: 560 },
  });
  const isOurs = (url: string) => url.endsWith('/background.js');
  const firstWorker =
    context.serviceWorkers().find((w) => isOurs(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()) }));
  const extensionId = new URL(firstWorker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async worker() {
      const live = context
        .serviceWorkers()
        .find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
      return live ?? (await context.waitForEvent('serviceworker'));
    },
    async close() {
      await context.close().catch(() => {});
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export function extensionUrl(
  browser: ExtensionBrowser,
  page: 'popup.html' | 'options.html' | 'sidepanel.html',
): string {
  return `chrome-extension://${browser.extensionId}/${page}`;
}

/** Uses the options page to select "Local simulator (URL)" with the given REST origin. */
export async function pointAtSimulator(browser: ExtensionBrowser, restUrl: string): Promise<void> {
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(extensionUrl(browser, 'options.html'));
    await page.getByTestId('endpoint-custom').check();
    await page.getByTestId('endpoint-rest').fill(restUrl);
    await page.getByTestId('endpoint-ws').fill('');
    await page.getByTestId('endpoint-save').click();
    // The saved message in any language (the page speaks the browser's: "Saved." or "Enregistré.").
    await page.locator('[data-testid="endpoint-message"][data-tone="ok"]').waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
  }
}
