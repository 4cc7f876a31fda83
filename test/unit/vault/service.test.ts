import { describe, expect, it } from 'vitest';
import { customEndpoints, defaultSettings } from '../../../lib/settings/schema.ts';
import { createSettingsStore } from '../../../lib/settings/store.ts';
import type { KeyVerification } from '../../../lib/vault/format.ts';
import { createVaultService, type KeyToCheck } from '../../../lib/vault/service.ts';
import { createVault } from '../../../lib/vault/vault.ts';
import { memoryVaultStore } from '../../support/vault-store.ts';

const SIM = 'http://127.0.0.1:8787';
const KEY = { apiKey: 'K'.repeat(56), apiSecret: Buffer.alloc(64, 1).toString('base64') };
const verified = (
  extra: Partial<Extract<KeyVerification, { status: 'verified' }>> = {},
): KeyVerification => ({
  status: 'verified',
  at: 1,
  canQuery: true,
  canTrade: true,
  canWebSocket: true,
  notes: [],
  source: 'key-info',
  permissions: ['query-funds', 'modify-trades'],
  withdraw: 'no',
  validUntil: 0,
  ipAllowlist: [],
  ...extra,
});

async function service(
  answer: (key: KeyToCheck) => Promise<KeyVerification> = async () => ({
    status: 'unverified',
    at: 1,
    reason: 'offline',
  }),
) {
  let now = 1_000_000;
  const alarms: (number | null)[] = [];
  const checked: KeyToCheck[] = [];
  const settings = createSettingsStore({ load: async () => defaultSettings(), save: async () => {} });
  await settings.load();
  const mem = memoryVaultStore();
  const s = createVaultService({
    vault: createVault({
      store: mem.store,
      session: { load: async () => undefined, save: async () => {}, clear: async () => {} },
      kdfFloor: 1_000,
      kdfTarget: 1_000,
    }),
    settings,
    scheduleAutoLock: async (at) => void alarms.push(at),
    checkKey: (key) => {
      checked.push(key);
      return answer(key);
    },
    refusedMessages: async () => ({ untrusted: 0, malformed: 0 }),
    now: () => now,
  });
  return {
    s,
    alarms,
    checked,
    settings,
    store: mem.store,
    state: mem.state,
    tick: (ms: number) => (now += ms),
  };
}

describe('auto-lock', () => {
  it('is on by default: every use pushes the alarm 15 minutes out; the alarm locks', async () => {
    const { s, alarms, tick } = await service();
    await s.create('a long passphrase');
    expect(alarms.at(-1)).toBe(1_000_000 + 15 * 60_000);
    tick(60_000);
    await s.addKey({ label: 'Main', ...KEY });
    expect(alarms.at(-1)).toBe(1_060_000 + 15 * 60_000);
    await s.autoLock();
    expect((await s.view()).status).toBe('locked');
  });

  it('counts from the last use of the extension (any request or page), not the last vault action', async () => {
    const { s, alarms, tick } = await service();
    await s.create('a long passphrase');
    tick(10 * 60_000);
    s.used(); // e.g. the popup opened, or a trading request: no vault action at all
    await expect.poll(() => alarms.at(-1)).toBe(1_000_000 + 10 * 60_000 + 15 * 60_000);
    const count = alarms.length;
    tick(5_000);
    s.used(); // uses within 30 s do not set the alarms again
    await new Promise((r) => setTimeout(r, 0));
    expect(alarms).toHaveLength(count);
  });

  it('the active key is known synchronously, and unknown (nothing signs) while a change moves it', async () => {
    const { s, store } = await service();
    await s.create('a long passphrase');
    const key = { apiKey: 'K'.repeat(56), apiSecret: Buffer.alloc(64, 1).toString('base64') };
    await s.addKey({ label: 'Main', ...key });
    const before = s.activeKey();
    expect(before).toMatchObject({ keyVersion: 1 });
    // What a signed request would read at the moment the new credentials are written: nothing.
    const whileStoring: unknown[] = [];
    const put = store.putRecord.bind(store);
    store.putRecord = async (record) => {
      whileStoring.push(s.activeKey());
      await put(record);
    };
    await s.replaceKey(before?.id ?? '', { ...key, apiSecret: Buffer.alloc(64, 2).toString('base64') });
    expect(whileStoring).toEqual([null]);
    expect(s.activeKey()).toEqual({ id: before?.id, keyVersion: 2, endpoint: 'https://api.kraken.com' });
    await s.lock();
    expect(s.activeKey()).toBeNull();
  });

  it('can be changed or turned off; locking clears the alarm', async () => {
    const { s, alarms } = await service();
    await s.create('a long passphrase');
    await s.setAutoLock(5);
    expect(alarms.at(-1)).toBe(1_000_000 + 5 * 60_000);
    await s.setAutoLock(0);
    expect(alarms.at(-1)).toBeNull();
    await s.setAutoLock(15);
    await s.lock();
    expect(alarms.at(-1)).toBeNull();
  });

  it('keeps a key whose check failed, marked unverified with the reason', async () => {
    const { s } = await service();
    await s.create('a long passphrase');
    const view = await s.addKey({ label: 'Main', ...KEY });
    expect(view.keys).toMatchObject([
      { label: 'Main', verification: { status: 'unverified', reason: 'offline' } },
    ]);
  });
});

describe('keys are checked with their own endpoint, then bound to it', () => {
  it('a new key is checked with the configured endpoint and its scale, and stored bound to them', async () => {
    const h = await service(async () => verified());
    await h.settings.update((x) => ({ ...x, endpoints: customEndpoints(SIM) }));
    await h.s.create('a long passphrase');
    const view = await h.s.addKey({ label: 'Sim', ...KEY, nonceScale: 'us' });
    expect(h.checked).toEqual([{ ...KEY, endpoint: SIM, nonceScale: 'us' }]);
    expect(view.endpoint).toBe(SIM);
    expect(view.keys).toMatchObject([
      { label: 'Sim', endpoint: SIM, nonceScale: 'us', verification: verified() },
    ]);
    // Another endpoint configured later: a replacement is still checked with the key's own.
    await h.settings.update((x) => ({ ...x, endpoints: { kind: 'kraken' } }));
    await h.s.replaceKey(view.keys[0]?.id ?? '', KEY);
    expect(h.checked.at(-1)).toMatchObject({ endpoint: SIM, nonceScale: 'us' });
  });

  it('a key that can withdraw is not stored until the person confirms; confirming re-sends with the flag', async () => {
    const h = await service(async () =>
      verified({ withdraw: 'yes', permissions: ['query-funds', 'withdraw-funds'] }),
    );
    await h.s.create('a long passphrase');
    const refused = await h.s.addKey({ label: 'Risky', ...KEY }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'VaultError', code: 'withdraw-rights' });
    expect(String((refused as Error).message)).toContain('withdraw-funds');
    expect(h.state.records).toEqual([]);
    expect((await h.s.view()).keys).toEqual([]);
    const kept = await h.s.addKey({ label: 'Risky', ...KEY, allowWithdraw: true });
    expect(kept.keys).toMatchObject([{ label: 'Risky', verification: { withdraw: 'yes' } }]);
    expect(h.checked).toHaveLength(2); // the confirmation asked Kraken again
  });

  it('a key whose withdraw rights are unknown is stored, with a note (it cannot be told apart)', async () => {
    const h = await service(async () =>
      verified({ withdraw: 'unknown', source: 'probe', notes: ['check it'] }),
    );
    await h.s.create('a long passphrase');
    await expect(h.s.addKey({ label: 'Probed', ...KEY })).resolves.toMatchObject({
      keys: [{ label: 'Probed' }],
    });
  });

  it('refuses a malformed key before anything is sent, and needs the vault unlocked', async () => {
    const h = await service(async () => verified());
    await expect(h.s.addKey({ label: 'x', ...KEY })).rejects.toMatchObject({ code: 'no-vault' });
    await h.s.create('a long passphrase');
    await expect(h.s.addKey({ label: 'x', apiKey: 'short', apiSecret: KEY.apiSecret })).rejects.toMatchObject(
      {
        code: 'invalid-key',
      },
    );
    await h.s.lock();
    await expect(h.s.addKey({ label: 'x', ...KEY })).rejects.toMatchObject({ code: 'locked' });
    expect(h.checked).toEqual([]);
  });
});

describe('after an unlock', () => {
  it('every key is asked again; only a definite answer replaces the stored one', async () => {
    let next: KeyVerification = verified();
    const h = await service(async () => next);
    await h.s.create('a long passphrase');
    await h.s.addKey({ label: 'A', ...KEY });
    await h.s.lock();
    next = { status: 'unverified', at: 2, reason: 'offline' };
    await h.s.unlock('a long passphrase');
    await h.s.rechecked();
    expect((await h.s.view()).keys[0]?.verification).toEqual(verified());
    next = verified({ withdraw: 'yes', permissions: ['withdraw-funds'] });
    const view = await h.s.unlock('a long passphrase');
    expect(view.checking).toBe(true);
    await h.s.rechecked();
    const after = await h.s.view();
    expect(after.checking).toBe(false);
    expect(after.keys[0]?.verification).toMatchObject({ withdraw: 'yes' });
  });
});

describe('reset', () => {
  it('asks for the typed word, then empties the vault', async () => {
    const h = await service();
    await h.s.create('a long passphrase');
    await h.s.addKey({ label: 'A', ...KEY });
    await expect(h.s.reset('yes')).rejects.toMatchObject({ code: 'reset-unconfirmed' });
    const view = await h.s.reset('RESET');
    expect(view).toMatchObject({ status: 'empty', keys: [], damaged: [] });
    expect(h.s.activeKey()).toBeNull();
  });
});
