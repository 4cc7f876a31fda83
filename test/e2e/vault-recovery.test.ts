// A vault that recovers, in the production build: one damaged record no longer locks every key out (it is
// listed by name and removable), a record without its check result no longer breaks the options page, the
// vault can be reset from the options page (other data stays), and a key that can withdraw is kept only
// after the person confirms the warning.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKey, type E2E, openOptions, setup, teardown } from './harness.ts';

const PASS = 'e2e recovery passphrase';

/** Runs `change` on the vault records in the extension's IndexedDB (inside the worker), by label. */
async function alterRecord(e2e: E2E, label: string, change: 'label' | 'drop-verification'): Promise<void> {
  const worker = await e2e.ext.worker();
  await worker.evaluate(
    async ({ label, change }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kraken-trader');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = db.transaction('vault', 'readwrite').objectStore('vault');
      const all = await new Promise<Record<string, unknown>[]>((resolve) => {
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      });
      const record = all.find((r) => r.label === label);
      if (!record) throw new Error(`no record ${label}`);
      if (change === 'label') record.label = `${label} (altered)`;
      else delete record.verification;
      await new Promise((resolve) => {
        store.put(record).onsuccess = resolve;
      });
      db.close();
    },
    { label, change },
  );
}

async function idbCount(e2e: E2E, storeName: string): Promise<number> {
  const worker = await e2e.ext.worker();
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kraken-trader');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const n = await new Promise<number>((resolve) => {
      const req = db.transaction(name, 'readonly').objectStore(name).count();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return n;
  }, storeName);
}

const status = (page: Page) => page.getByTestId('vault').getAttribute('data-status');

async function lockAndUnlock(page: Page): Promise<void> {
  if ((await status(page)) === 'unlocked') await page.getByTestId('lock-now').click();
  await expect.poll(() => status(page)).toBe('locked');
  await page.getByTestId('unlock-passphrase').fill(PASS);
  await page.getByTestId('unlock').click();
  await expect.poll(() => status(page)).toBe('unlocked');
}

describe('a vault that recovers (production build, simulator)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await setup();
  });
  afterAll(async () => teardown(e2e));

  it('one damaged record: the other keys unlock, the damaged one is listed by name and removable', async () => {
    const { apiKey, apiSecret, second } = e2e.sim;
    if (!apiKey || !apiSecret || !second) throw new Error('the simulator printed no keys');
    await addKey(e2e.ext, { label: 'Main', apiKey, apiSecret }, PASS);
    await addKey(e2e.ext, { label: 'Second', apiKey: second.apiKey, apiSecret: second.apiSecret }, PASS);
    const page = await openOptions(e2e.ext);
    await page.getByTestId('lock-now').click();
    await expect.poll(() => status(page)).toBe('locked');
    // Locked: both keys are listed (label and last four characters are stored in clear).
    await expect.poll(() => page.getByTestId('key-row').count()).toBe(2);
    await alterRecord(e2e, 'Second', 'label');
    await page.reload();
    await page.getByTestId('unlock-passphrase').fill(PASS);
    await page.getByTestId('unlock').click();
    await expect.poll(() => status(page)).toBe('unlocked');
    await expect(page.getByTestId('key-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('key-row').innerText()).resolves.toContain('Main');
    const damaged = page.getByTestId('damaged-key');
    await expect(damaged.innerText()).resolves.toContain('Second (altered)');
    await expect(damaged.getByTestId('damaged-reason').innerText()).resolves.toMatch(
      /does not open .*altered or corrupted.*Remove it, then add the key again\./,
    );
    await damaged.getByTestId('remove-damaged').click();
    await damaged.getByTestId('confirm-remove-damaged').click();
    await expect.poll(() => page.getByTestId('damaged-key').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('a record without its check result is listed as damaged; the options page keeps working', async () => {
    await alterRecord(e2e, 'Main', 'drop-verification');
    const page = await openOptions(e2e.ext);
    await page.getByTestId('vault').waitFor();
    await expect.poll(() => page.getByTestId('damaged-key').count()).toBe(1);
    await expect(page.getByTestId('damaged-reason').innerText()).resolves.toContain(
      'the stored key check is unreadable',
    );
    await expect(page.getByTestId('add-key-form').count()).resolves.toBe(1);
    await page.close();
  });

  it('resets from the options page after typing RESET; nonce marks and other data stay', async () => {
    const noncesBefore = await idbCount(e2e, 'nonce');
    expect(noncesBefore).toBeGreaterThan(0);
    const page = await openOptions(e2e.ext);
    await page.getByTestId('reset-vault').click();
    await page.getByTestId('reset-confirm-input').fill('reset');
    expect(await page.getByTestId('reset-confirm').isDisabled()).toBe(true);
    await page.getByTestId('reset-confirm-input').fill('RESET');
    await page.getByTestId('reset-confirm').click();
    await expect.poll(() => status(page)).toBe('empty');
    expect(await page.getByTestId('key-row').count()).toBe(0);
    expect(await page.getByTestId('damaged-key').count()).toBe(0);
    expect(await idbCount(e2e, 'vault')).toBe(0);
    expect(await idbCount(e2e, 'nonce')).toBe(noncesBefore);
    await page.close();
  });

  it('a key that can withdraw gets the warning and is stored only after the person confirms', async () => {
    const res = await fetch(`${e2e.sim.rest}/_sim/keys`, {
      method: 'POST',
      body: JSON.stringify({
        name: 'e2e withdraw',
        permissions: [
          'query-funds',
          'query-open-trades',
          'modify-trades',
          'close-trades',
          'create-ws-token',
          'withdraw-funds',
        ],
      }),
    });
    const { key, secret } = (await res.json()) as { key: string; secret: string };
    const page = await openOptions(e2e.ext);
    await page.getByTestId('key-label').fill('Risky');
    await page.getByTestId('key-api-key').fill(key);
    await page.getByTestId('key-secret').fill(secret);
    await page.getByTestId('vault-passphrase').fill(PASS);
    await page.getByTestId('vault-passphrase-confirm').fill(PASS);
    await page.getByTestId('save-key').click();
    const confirm = page.getByTestId('withdraw-confirm');
    await confirm.waitFor({ timeout: 15_000 });
    await expect(confirm.innerText()).resolves.toContain('This key can withdraw funds');
    await expect(confirm.innerText()).resolves.toContain('withdraw-funds');
    // Nothing stored yet, and no secret left in the form.
    expect(await idbCount(e2e, 'vault')).toBe(0);
    expect(await page.getByTestId('key-row').count()).toBe(0);
    expect(await page.getByTestId('key-secret').inputValue()).toBe('');
    await page.getByTestId('confirm-withdraw').click();
    const row = page.locator('[data-testid="key-row"]', { hasText: 'Risky' });
    await row.waitFor({ timeout: 15_000 });
    await expect(row.getByTestId('withdraw-warning').innerText()).resolves.toContain(
      'This key can WITHDRAW funds',
    );
    await expect(row.getByTestId('key-rights').innerText()).resolves.toContain('withdraw-funds');
    expect(await idbCount(e2e, 'vault')).toBe(1);
    // The check after an unlock keeps saying so.
    await lockAndUnlock(page);
    await expect(row.getByTestId('withdraw-warning').count()).resolves.toBe(1);
    await page.close();
  }, 90_000);
});
