// Keys that sign only for Kraken (or this computer), in the production build: the pages' CSP lets the worker
// reach Kraken's hosts and loopback only; a custom endpoint on another machine is refused by the options page
// and at the message boundary; the simulator's key is never sent to the Kraken endpoint and a Kraken key
// never to the simulator; storage.session (the unlocked vault key) is out of a web page's reach.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest, createNonceSource, memoryNonceStore } from '../../lib/kraken/index.ts';
import { extensionUrl } from '../../scripts/lib/browser.ts';
import { addKey, type E2E, goLive, openOptions, openPopup, setup, teardown, waitUntil } from './harness.ts';

const PASS = 'e2e endpoints passphrase';
const KRAKEN = 'https://api.kraken.com';
// A made-up key for the Kraken endpoint (never a real credential): what matters is where it is sent.
const KRAKEN_KEY = 'E2EkrakenOnlyKeyE2EkrakenOnlyKeyE2EkrakenOnlyKeyE2EK4k7';
const KRAKEN_SECRET = Buffer.alloc(64, 0x5a).toString('base64');

interface Sent {
  url: string;
  apiKey: string | null;
}

/**
 * Wraps the worker's global fetch (which the extension calls at request time) to record every request it
 * attempts: the URL and the API-Key header. A request the key's guard refuses never reaches fetch.
 */
async function recordRequests(e2e: E2E): Promise<() => Promise<Sent[]>> {
  const worker = await e2e.ext.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __sent?: Sent[]; fetch: typeof fetch };
    if (g.__sent) return;
    const sent: Sent[] = [];
    g.__sent = sent;
    const original = g.fetch.bind(globalThis);
    g.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      sent.push({ url, apiKey: new Headers(init?.headers).get('API-Key') });
      return original(input, init);
    };
  });
  return async () =>
    (await e2e.ext.worker()).evaluate(() => (globalThis as unknown as { __sent: Sent[] }).__sent);
}

async function chooseEndpoint(e2e: E2E, rest: string | 'kraken'): Promise<void> {
  const page = await openOptions(e2e.ext);
  try {
    if (rest === 'kraken') await page.getByTestId('endpoint-kraken').check();
    else {
      await page.getByTestId('endpoint-custom').check();
      await page.getByTestId('endpoint-rest').fill(rest);
      await page.getByTestId('endpoint-ws').fill('');
    }
    await page.getByTestId('endpoint-save').click();
    await page.getByText('Saved.').waitFor({ timeout: 10_000 });
  } finally {
    await page.close();
  }
}

async function relock(e2e: E2E): Promise<void> {
  const page = await openOptions(e2e.ext);
  try {
    await page.getByTestId('lock-now').click();
    await page.getByTestId('unlock-passphrase').fill(PASS);
    await page.getByTestId('unlock').click();
    await page.getByTestId('lock-now').waitFor();
    // The checks that follow an unlock ask each key's own exchange.
    await waitUntil(
      async () => (await page.getByTestId('vault-checking').count()) === 0,
      20_000,
      'the checks',
    );
  } finally {
    await page.close();
  }
}

const liveStatus = (popup: Page) => popup.getByTestId('live-status').innerText();

describe('keys bound to their exchange (production build, simulator)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await setup();
  });
  afterAll(async () => teardown(e2e));

  it('the worker reaches Kraken and this computer only: anything else is refused by CSP, not by DNS', async () => {
    const worker = await e2e.ext.worker();
    const result = await worker.evaluate(async (sim) => {
      // A CSP refusal fires securitypolicyviolation; a DNS or connection failure (what the test browser's
      // host-resolver rules give every other name) rejects the same way but fires nothing.
      const violations: string[] = [];
      const listener = (e: Event) => {
        const v = e as SecurityPolicyViolationEvent;
        violations.push(`${v.effectiveDirective} ${v.blockedURI}`);
      };
      globalThis.addEventListener('securitypolicyviolation', listener);
      const outcome: Record<string, string> = {};
      for (const url of [
        'http://example.invalid/',
        'http://10.255.255.1/',
        'https://api.kraken.com.example.invalid/0/public/Time',
        'http://[::1]:1/',
        'http://127.0.0.1:1/',
        `${sim}/0/public/Time`,
      ]) {
        try {
          outcome[url] = `answered ${(await fetch(url)).status}`;
        } catch {
          outcome[url] = 'failed';
        }
      }
      await new Promise((r) => setTimeout(r, 200));
      globalThis.removeEventListener('securitypolicyviolation', listener);
      return { outcome, violations };
    }, e2e.sim.rest);
    expect(result.violations.sort()).toEqual(
      [
        'connect-src http://example.invalid/',
        'connect-src http://10.255.255.1/',
        'connect-src https://api.kraken.com.example.invalid/0/public/Time',
        'connect-src http://[::1]:1/',
      ].sort(),
    );
    // Loopback is allowed: nothing listens on port 1 (a network failure), the simulator answers.
    expect(result.outcome['http://127.0.0.1:1/']).toBe('failed');
    expect(result.outcome[`${e2e.sim.rest}/0/public/Time`]).toBe('answered 200');
  });

  it('a custom endpoint on another machine is refused by the options page and at the message boundary', async () => {
    const page = await openOptions(e2e.ext);
    await page.getByTestId('endpoint-custom').check();
    await page.getByTestId('endpoint-rest').fill('http://10.0.0.5:8787');
    await page.getByTestId('endpoint-save').click();
    await expect
      .poll(() => page.getByTestId('endpoint-message').innerText())
      .toMatch(/must be on this computer \(127\.0\.0\.1 or localhost, any port\)/);
    // A page that skips the form's check gets no answer, and nothing changes.
    const answer = await page.evaluate(async () => {
      const rt = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const hostile = {
        kind: 'custom',
        rest: 'http://10.0.0.5:8787',
        wsPublic: 'ws://10.0.0.5:8787/v2',
        wsPrivate: null,
      };
      const refused = await rt
        .sendMessage({ type: 'settings.setEndpoints', endpoints: hostile })
        .catch(String);
      const settings = (await rt.sendMessage({ type: 'settings.get' })) as {
        value: { endpoints: { rest?: string } };
      };
      return { refused, rest: settings.value.endpoints.rest };
    });
    expect(answer.refused).toBeUndefined();
    expect(answer.rest).toBe(e2e.sim.rest);
    await page.close();
  });

  it('the simulator’s key is never sent to Kraken, and a Kraken key never to the simulator', async () => {
    const { apiKey, apiSecret } = e2e.sim;
    if (!apiKey || !apiSecret) throw new Error('the simulator printed no key');
    await addKey(e2e.ext, { label: 'Simulator', apiKey, apiSecret }, PASS);
    const sent = await recordRequests(e2e);
    const popup = await openPopup(e2e.ext);
    await goLive(popup); // the Trade tab's mode bar, with its confirmation

    // Kraken configured: the simulator's key has no live account there, and nothing of it leaves for Kraken.
    await chooseEndpoint(e2e, 'kraken');
    await expect
      .poll(() => liveStatus(popup), { timeout: 15_000 })
      .toContain('Add a key for this endpoint to trade live; paper trading works meanwhile.');
    await relock(e2e);

    // A key added now is bound to Kraken; its check goes to Kraken only (unreachable from the test browser).
    const page = await openOptions(e2e.ext);
    await page.getByTestId('key-label').fill('Kraken');
    await page.getByTestId('key-api-key').fill(KRAKEN_KEY);
    await page.getByTestId('key-secret').fill(KRAKEN_SECRET);
    await page.getByTestId('save-key').click();
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Kraken' });
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 20_000 })
      .toMatch(/^Saved but not checked/);
    await expect(row.getByTestId('key-endpoint').innerText()).resolves.toContain('Signs only for Kraken');
    // Made active, then the simulator configured again: the Kraken key has no live account there.
    await row.locator('input[name="active-key"]').check();
    await page.close();
    await chooseEndpoint(e2e, e2e.sim.rest);
    await expect
      .poll(() => liveStatus(popup), { timeout: 15_000 })
      .toContain('Add a key for this endpoint to trade live');
    await relock(e2e);
    await popup.close();

    const requests = await sent();
    const simOrigin = new URL(e2e.sim.rest).origin;
    const signed = requests.filter((r) => r.apiKey !== null);
    // The recorder saw both keys at work (the checks after each unlock), each only ever at its own endpoint.
    expect(signed.filter((r) => r.apiKey === apiKey).length).toBeGreaterThan(0);
    expect(signed.filter((r) => r.apiKey === KRAKEN_KEY).length).toBeGreaterThan(0);
    expect(signed.filter((r) => r.apiKey === apiKey && new URL(r.url).origin !== simOrigin)).toEqual([]);
    expect(signed.filter((r) => r.apiKey === KRAKEN_KEY && new URL(r.url).origin !== KRAKEN)).toEqual([]);
    expect(signed.filter((r) => r.apiKey !== apiKey && r.apiKey !== KRAKEN_KEY)).toEqual([]);
  }, 120_000);

  it('each key signs with the nonce scale chosen for it', async () => {
    // A key another app already used at microseconds: Kraken's highest nonce for it is ~10^15.
    const res = await fetch(`${e2e.sim.rest}/_sim/keys`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'used elsewhere',
        permissions: ['query-funds', 'query-open-trades', 'modify-trades', 'close-trades', 'create-ws-token'],
      }),
    });
    const { key, secret } = (await res.json()) as { key: string; secret: string };
    const elsewhere = createKrakenRest({
      baseUrl: e2e.sim.rest,
      credentials: { apiKey: key, secret },
      nonce: createNonceSource({ store: memoryNonceStore(), keyId: 'elsewhere', scale: 'us' }),
    });
    await elsewhere.balance();
    const page = await openOptions(e2e.ext);
    await page.getByTestId('key-label').fill('Used elsewhere');
    await page.getByTestId('key-api-key').fill(key);
    await page.getByTestId('key-secret').fill(secret);
    await page.getByTestId('save-key').click(); // milliseconds, the default: too small for this key
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Used elsewhere' });
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toMatch(/^Refused by the exchange: EAPI:Invalid nonce.*add it again with that nonce scale/);
    await row.getByTestId('replace-key').click();
    await row.getByTestId('replace-api-key').fill(key);
    await row.getByTestId('replace-secret').fill(secret);
    await row.getByTestId('replace-nonce-scale').selectOption('us');
    await row.getByTestId('save-replace').click();
    await expect
      .poll(() => row.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toBe('Checked: can query funds and trade.');
    await expect(row.getByTestId('key-endpoint').innerText()).resolves.toContain('nonces in microseconds');
    await page.close();
  });

  it('storage.session, where the unlocked key lives, is out of a web page’s reach', async () => {
    // Our own page reads it (trusted context): the vault key slot is there while unlocked.
    const options = await openOptions(e2e.ext);
    const own = await options.evaluate(async () => {
      const s = (
        globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
      ).chrome.storage.session;
      return Object.keys(await s.get(null));
    });
    expect(own).toContain('vault-key');
    await options.close();
    // A web page (the simulator's origin, in a tab) has no storage API of ours at all.
    const page = await e2e.ext.context.newPage();
    await page.goto(`${e2e.sim.rest}/0/public/Time`);
    const web = await page.evaluate(() => {
      const c = (globalThis as unknown as { chrome?: { storage?: unknown } }).chrome;
      return c?.storage === undefined ? 'no storage API' : 'storage API present';
    });
    expect(web).toBe('no storage API');
    await page.close();
    // The options page is where a person would look: it still answers after all this.
    const again = await e2e.ext.context.newPage();
    await again.goto(extensionUrl(e2e.ext, 'options.html'));
    await again.getByTestId('vault').waitFor();
    await again.close();
  });
});
