import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// A made-up key (never a real credential): what matters is that it never shows up outside the vault.
const SECRET = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('base64');
const API_KEY = 'E2EtestAPIkeyE2EtestAPIkeyE2EtestAPIkeyE2EtestAPIkey9Zq7';
const SECRET_2 = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 53 + 7) % 256)).toString('base64');
const PASS = 'e2e passphrase 12345';

// Installed in every page before its own scripts: records every message a UI page receives from the
// background (request answers and stream events) so the test can look for the secret in them.
const RECORDER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__received', { value: seen });
  const rt = globalThis.chrome && chrome.runtime;
  if (!rt || !rt.sendMessage) return;
  const send = rt.sendMessage.bind(rt);
  rt.sendMessage = (...args) => send(...args).then((r) => { seen.push(JSON.stringify(r)); return r; });
  const connect = rt.connect.bind(rt);
  rt.connect = (...args) => {
    const port = connect(...args);
    port.onMessage.addListener((m) => seen.push(JSON.stringify(m)));
    return port;
  };
})();`;

async function received(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __received: string[] }).__received.join('\n'));
}

/** A secret as text, UTF-16 text, raw bytes and hex: any of them on disk is a leak. */
function needles(secret: string): Buffer[] {
  const raw = Buffer.from(secret, 'base64');
  return [Buffer.from(secret), Buffer.from(secret, 'utf16le'), raw, Buffer.from(raw.toString('hex'))];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return e.isFile() ? [path] : [];
  });
}

describe('key vault in the production build', () => {
  let sim: SimProcess;
  let ext: ExtensionBrowser;
  let profileDir: string;
  const executablePath = findChromium();

  const launch = async () => {
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    ext = await launchWithExtension({ executablePath, headless: true, profileDir });
    await ext.context.addInitScript(RECORDER);
  };
  const options = async () => {
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, 'options.html'));
    await page.getByTestId('vault').waitFor();
    return page;
  };
  const vaultStatus = (page: Page) => page.getByTestId('vault').getAttribute('data-status');

  beforeAll(async () => {
    sim = await startSimProcess(['--port', '0']);
    profileDir = mkdtempSync(join(tmpdir(), 'kraken-vault-e2e-'));
    await launch();
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('adds a key through the options page; the UI only ever sees its label and last four characters', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(extensionUrl(ext, 'popup.html'));
    const page = await options();
    expect(await vaultStatus(page)).toBe('empty');
    await page.getByTestId('key-label').fill('Main');
    await page.getByTestId('key-api-key').fill(API_KEY);
    await page.getByTestId('key-secret').fill(SECRET);
    await page.getByTestId('vault-passphrase').fill(PASS);
    await page.getByTestId('vault-passphrase-confirm').fill(PASS);
    await page.getByTestId('save-key').click();
    await expect.poll(() => vaultStatus(page)).toBe('unlocked');
    await expect(page.getByTestId('key-row').innerText()).resolves.toMatch(/Main\s+…9Zq7/);
    // The default endpoint is the real Kraken, unreachable here: the key is kept, marked unchecked.
    await expect(page.getByTestId('key-check').innerText()).resolves.toMatch(
      /^Saved but not checked: could not reach the exchange/,
    );
    // The secret inputs are cleared after saving.
    expect(await page.getByTestId('key-secret').inputValue()).toBe('');
    expect(await page.getByTestId('key-api-key').inputValue()).toBe('');
    const seen = `${await received(page)}\n${await received(popup)}`;
    expect(seen).toContain('9Zq7'); // the recorder works: the key's hint did arrive
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain(API_KEY);
    await page.close();
    await popup.close();
  });

  it("checks a key against the configured exchange: the simulator's trading key can query and trade", async () => {
    if (!sim.apiKey || !sim.apiSecret) throw new Error('the simulator printed no API key');
    await pointAtSimulator(ext, sim.rest);
    const page = await options();
    await page.getByTestId('key-label').fill('Simulator');
    await page.getByTestId('key-api-key').fill(sim.apiKey);
    await page.getByTestId('key-secret').fill(sim.apiSecret);
    await page.getByTestId('save-key').click();
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Simulator' });
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toBe('Checked: can query funds and trade.');
    expect(await received(page)).not.toContain(sim.apiSecret);
    await page.close();
  });

  it('renames and replaces a key; the new secret is cleared from the form and never sent back', async () => {
    const page = await options();
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Main' });
    await row.getByTestId('rename-key').click();
    await row.getByTestId('rename-label').fill('Old main');
    await row.getByTestId('save-rename').click();
    await expect.poll(() => page.locator('[data-testid="key-row"]', { hasText: 'Old main' }).count()).toBe(1);
    const renamed = page.locator('[data-testid="key-row"]', { hasText: 'Old main' });
    await renamed.getByTestId('replace-key').click();
    await renamed.getByTestId('replace-api-key').fill(`${API_KEY.slice(0, -4)}NEW4`);
    await renamed.getByTestId('replace-secret').fill(SECRET_2);
    await renamed.getByTestId('save-replace').click();
    await expect.poll(() => renamed.innerText()).toContain('…NEW4');
    expect(await received(page)).not.toContain(SECRET_2);
    await page.close();
  });

  it('refuses a wrong passphrase with a clear error; unlocked with the right one, private calls work', async () => {
    const page = await options();
    await page.getByTestId('lock-now').click();
    await expect.poll(() => vaultStatus(page)).toBe('locked');
    await page.getByTestId('unlock-passphrase').fill('not my passphrase');
    await page.getByTestId('unlock').click();
    await expect(page.getByTestId('vault-error').innerText()).resolves.toBe(
      'Wrong passphrase, or the vault’s passphrase check was altered. Check the passphrase and try again. If you no longer know it, “Reset the vault” removes the stored keys so you can add them again.',
    );
    expect(await vaultStatus(page)).toBe('locked');
    await page.getByTestId('unlock-passphrase').fill(PASS);
    await page.getByTestId('unlock').click();
    await expect.poll(() => vaultStatus(page)).toBe('unlocked');
    // Unlocked again, private calls work: re-entering the simulator key re-runs Balance + validate AddOrder.
    if (!sim.apiKey || !sim.apiSecret) throw new Error('the simulator printed no API key');
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Simulator' });
    const replace = async (secret: string) => {
      await row.getByTestId('replace-key').click();
      await row.getByTestId('replace-api-key').fill(sim.apiKey ?? '');
      await row.getByTestId('replace-secret').fill(secret);
      await row.getByTestId('save-replace').click();
    };
    await replace(SECRET_2); // the right key with a wrong private key: the exchange refuses the signature
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toMatch(/^Refused by the exchange: EAPI:Invalid signature/);
    await replace(sim.apiSecret);
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toBe('Checked: can query funds and trade.');
    await page.close();
  });

  it('stays unlocked when the service worker restarts', async () => {
    const page = await options();
    const cdp = await ext.context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.includes(ext.extensionId)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped')).toBe(true);
    await page.reload();
    await page.getByTestId('vault').waitFor();
    expect(await vaultStatus(page)).toBe('unlocked');
    expect(statuses.lastIndexOf('running')).toBeGreaterThan(statuses.indexOf('stopped'));
    await cdp.detach();
    await page.close();
  });

  it('is locked after a browser restart, and nothing on disk holds the secret', async () => {
    await ext.close();
    // The browser is closed: every byte it kept is on disk now.
    const files = filesUnder(profileDir);
    expect(files.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const file of files) {
      if (statSync(file).size > 64 * 1024 * 1024) continue;
      const bytes = readFileSync(file);
      for (const needle of [...needles(SECRET), ...needles(SECRET_2), ...needles(sim.apiSecret ?? SECRET)]) {
        if (bytes.includes(needle)) hits.push(file);
      }
    }
    expect(hits).toEqual([]);
    // The vault itself is on disk (IndexedDB), sealed: its hint is there, the secret is not.
    expect(files.some((f) => f.includes('IndexedDB'))).toBe(true);

    await launch();
    const page = await options();
    expect(await vaultStatus(page)).toBe('locked');
    await expect(page.getByTestId('unlock-form').innerText()).resolves.toContain('Your keys are locked.');
    await page.close();
  });
});

describe('trust boundary', () => {
  let ext: ExtensionBrowser;
  let sim: SimProcess;
  let probeDir: string;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    sim = await startSimProcess(['--port', '0']);
    // A second, unrelated extension that tries to talk to ours.
    probeDir = mkdtempSync(join(tmpdir(), 'kraken-probe-ext-'));
    writeFileSync(
      join(probeDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'probe',
        version: '1',
        background: { service_worker: 'probe.js' },
      }),
    );
    writeFileSync(
      join(probeDir, 'probe.js'),
      `self.probe = async (id) => {
        const out = {};
        try { out.message = await chrome.runtime.sendMessage(id, { type: 'vault.get' }); } catch (e) { out.messageError = String(e); }
        out.port = await new Promise((resolve) => {
          const port = chrome.runtime.connect(id, { name: 'market-stream' });
          port.onMessage.addListener((m) => resolve({ received: m }));
          port.onDisconnect.addListener(() => resolve({ disconnected: String(chrome.runtime.lastError?.message) }));
        });
        out.requests = await new Promise((resolve) => {
          const port = chrome.runtime.connect(id, { name: 'requests' });
          port.onMessage.addListener((m) => resolve({ received: m }));
          port.onDisconnect.addListener(() => resolve({ disconnected: String(chrome.runtime.lastError?.message) }));
          try { port.postMessage({ id: 1, request: { type: 'vault.get' } }); } catch (e) { resolve({ disconnected: String(e) }); }
        });
        return out;
      };`,
    );
    ext = await launchWithExtension({ executablePath, headless: true, extraExtensions: [probeDir] });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.stop();
    rmSync(probeDir, { recursive: true, force: true });
  });

  it('another extension can neither message nor connect to ours', async () => {
    const probe =
      ext.context.serviceWorkers().find((w) => w.url().endsWith('/probe.js')) ??
      (await ext.context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/probe.js') }));
    const result = await probe.evaluate(
      (id) => (self as unknown as { probe(id: string): Promise<Record<string, unknown>> }).probe(id),
      ext.extensionId,
    );
    expect(result.message).toBeUndefined();
    expect(String(result.messageError)).toMatch(
      /Could not establish connection|Receiving end does not exist/,
    );
    expect(result.port).toMatchObject({ disconnected: expect.any(String) });
    expect(result.port).not.toHaveProperty('received');
    expect(result.requests).toMatchObject({ disconnected: expect.any(String) });
    expect(result.requests).not.toHaveProperty('received');
  });

  it('refuses and counts a message that breaks the contract, even from our own page', async () => {
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, 'options.html'));
    const answer = await page.evaluate(async () => {
      const rt = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      try {
        return { answered: await rt.sendMessage({ type: 'vault.export-secrets' }) };
      } catch (e) {
        return { refused: String(e) };
      }
    });
    expect(answer).not.toHaveProperty('answered.ok');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('refused').textContent())
      .toContain('0 from other senders, 1 malformed');
    await page.close();
  });

  it('a web page gets no messaging channel to the extension', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${sim.rest}/0/public/Time`);
    const outcome = await page.evaluate(async (id) => {
      type Send = (id: string, message: unknown) => Promise<unknown>;
      const rt = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: Send } } }).chrome?.runtime;
      if (!rt?.sendMessage) return 'no channel';
      try {
        await rt.sendMessage(id, { type: 'vault.get' });
        return 'answered';
      } catch (e) {
        return `refused: ${String(e)}`;
      }
    }, ext.extensionId);
    expect(outcome === 'no channel' || outcome.startsWith('refused')).toBe(true);
    await page.close();
  });
});
