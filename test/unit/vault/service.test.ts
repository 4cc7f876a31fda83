import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../lib/settings/schema.ts';
import { createSettingsStore } from '../../../lib/settings/store.ts';
import type { VaultHeader, VaultRecord } from '../../../lib/vault/format.ts';
import { createVaultService } from '../../../lib/vault/service.ts';
import { createVault, type VaultStore } from '../../../lib/vault/vault.ts';

function memoryStore(): VaultStore {
  let header: VaultHeader | undefined;
  let records: VaultRecord[] = [];
  let active: string | undefined;
  return {
    getHeader: async () => header,
    listRecords: async () => structuredClone(records),
    getActiveId: async () => active,
    setActiveId: async (id) => {
      active = id;
    },
    putRecord: async (r) => {
      records = [...records.filter((x) => x.id !== r.id), structuredClone(r)];
    },
    deleteRecord: async (id) => {
      records = records.filter((x) => x.id !== id);
    },
    replaceAll: async (h, rs) => {
      header = structuredClone(h);
      records = structuredClone(rs);
    },
  };
}

async function service() {
  let now = 1_000_000;
  const alarms: (number | null)[] = [];
  const settings = createSettingsStore({ load: async () => defaultSettings(), save: async () => {} });
  await settings.load();
  const s = createVaultService({
    vault: createVault({
      store: memoryStore(),
      session: { load: async () => undefined, save: async () => {}, clear: async () => {} },
      kdfFloor: 1_000,
      kdfTarget: 1_000,
    }),
    settings,
    scheduleAutoLock: async (at) => void alarms.push(at),
    checkKey: async () => ({ status: 'unverified', at: now, reason: 'offline' }),
    refusedMessages: async () => ({ untrusted: 0, malformed: 0 }),
    now: () => now,
  });
  return { s, alarms, tick: (ms: number) => (now += ms) };
}

describe('auto-lock', () => {
  it('is on by default: every use pushes the alarm 15 minutes out; the alarm locks', async () => {
    const { s, alarms, tick } = await service();
    await s.create('a long passphrase');
    expect(alarms.at(-1)).toBe(1_000_000 + 15 * 60_000);
    tick(60_000);
    await s.addKey({
      label: 'Main',
      apiKey: 'K'.repeat(56),
      apiSecret: Buffer.alloc(64, 1).toString('base64'),
    });
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
    const { s } = await service();
    await s.create('a long passphrase');
    const key = { apiKey: 'K'.repeat(56), apiSecret: Buffer.alloc(64, 1).toString('base64') };
    await s.addKey({ label: 'Main', ...key });
    const before = s.activeKey();
    expect(before).toMatchObject({ keyVersion: 1 });
    const replacing = s.replaceKey(before?.id ?? '', {
      ...key,
      apiSecret: Buffer.alloc(64, 2).toString('base64'),
    });
    expect(s.activeKey()).toBeNull(); // cleared before the change is stored
    await replacing;
    expect(s.activeKey()).toEqual({ id: before?.id, keyVersion: 2 });
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
    const view = await s.addKey({
      label: 'Main',
      apiKey: 'K'.repeat(56),
      apiSecret: Buffer.alloc(64, 1).toString('base64'),
    });
    expect(view.keys).toMatchObject([
      { label: 'Main', verification: { status: 'unverified', reason: 'offline' } },
    ]);
  });
});
