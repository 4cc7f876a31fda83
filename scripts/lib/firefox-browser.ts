// Launches Firefox (headless) with the Firefox production build installed as a temporary add-on, driven over
// WebDriver BiDi by puppeteer-core. For the Firefox end-to-end tests (test/e2e-firefox).
//
// - puppeteer-core 24.43.1: the newest release that declares Node ≥ 18 (25.x declares ≥ 22.12; CI runs Node
//   20). Its `browser.installExtension(path)` is BiDi `webExtension.install` (a temporary add-on).
// - `--remote-allow-system-access`: without it Firefox's remote agent refuses moz-extension:// pages and
//   the chrome ("moz:scope": "chrome") contexts used below.
// - The background is inspected from the parent process (ExtensionParent.GlobalManager): its state
//   (running / stopped) and manifest warnings are read, and it can be terminated as about:debugging's
//   "Terminate background script" does. Reading them is no extension API call, so it does not keep the
//   event page awake (keep-awake.ts in entrypoints/background explains what does).
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ChromeResult {
  result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
}

export interface BackgroundInfo {
  /** Firefox's own word: "running", "stopped", "starting" or "suspending". */
  state: string;
  warnings: string[];
  errors: string[];
}

export interface FirefoxExtension {
  browser: Browser;
  addonId: string;
  /** The moz-extension:// host of this install. */
  uuid: string;
  url(path: string): string;
  /** Opens one of the extension's pages in a new tab and waits until it has loaded. */
  open(path: 'popup.html' | 'options.html' | 'sidepanel.html'): Promise<Page>;
  background(): Promise<BackgroundInfo>;
  /** Stops the event page as Firefox does when it idles; the next event starts it again. */
  terminateBackground(): Promise<void>;
  close(): Promise<void>;
}

const EXTENSION_OF = `const { ExtensionParent } = ChromeUtils.importESModule(
  "resource://gre/modules/ExtensionParent.sys.mjs");
const ext = ExtensionParent.GlobalManager.extensionMap.get(id);
if (!ext) throw new Error("no such add-on: " + id);`;

export async function launchFirefoxWithExtension(opts: {
  executablePath: string;
  headless?: boolean;
  extensionDir?: string;
  /** More about:config preferences. */
  prefs?: Record<string, unknown>;
}): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: opts.executablePath,
    headless: opts.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: opts.prefs ?? {},
    defaultViewport: { width: 420, height: 640 },
  });
  try {
    const addonId = await browser.installExtension(opts.extensionDir ?? FIREFOX_EXTENSION_DIR);
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: { context: string }[] };
    };
    const chromeContext = tree.result.contexts[0]?.context;
    if (!chromeContext)
      throw new Error('Firefox showed no chrome context (is --remote-allow-system-access on?)');
    /** Runs `body` (async, with `id` bound to the add-on id) in Firefox's parent process. */
    const inParent = async (body: string): Promise<unknown> => {
      const reply = (await connection.send('script.callFunction', {
        functionDeclaration: `async (id) => { ${EXTENSION_OF}\n${body} }`,
        awaitPromise: true,
        target: { context: chromeContext },
        arguments: [{ type: 'string', value: addonId }],
      })) as ChromeResult;
      if (reply.result.type !== 'success') {
        throw new Error(`parent-process script failed: ${reply.result.exceptionDetails?.text ?? 'unknown'}`);
      }
      return reply.result.result?.value;
    };
    const uuid = String(await inParent('return ext.uuid;'));
    const url = (path: string) => `moz-extension://${uuid}/${path}`;
    return {
      browser,
      addonId,
      uuid,
      url,
      async open(path) {
        const page = await browser.newPage();
        const target = url(path);
        // Firefox's remote agent reports no navigation events for moz-extension:// documents, so
        // puppeteer's goto never settles: start it, then watch the document itself.
        void page.goto(target, { timeout: 0 }).catch(() => {});
        const deadline = Date.now() + 15_000;
        for (;;) {
          const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
          if (state === `${target} complete`) return page;
          if (Date.now() > deadline) throw new Error(`${target} did not load within 15 s (last: ${state})`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      async background() {
        return JSON.parse(
          String(
            await inParent(
              'return JSON.stringify({ state: ext.backgroundState, warnings: ext.warnings, errors: ext.errors });',
            ),
          ),
        ) as BackgroundInfo;
      },
      async terminateBackground() {
        await inParent('await ext.terminateBackground(); return ext.backgroundState;');
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
