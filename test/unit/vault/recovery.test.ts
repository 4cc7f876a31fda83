// A vault that recovers: stored values are validated on read, one damaged record never stops the others,
// damaged keys are listed and removable (locked too), a reset forgets the keys and nothing else, and keys
// are bound to their endpoint and nonce scale (authenticated with the record).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/schema.ts';
import { idbVaultStore } from '../../../lib/db/vault-store.ts';
import type { VaultHeader, VaultRecord } from '../../../lib/vault/format.ts';
import { createVault } from '../../../lib/vault/vault.ts';
import { memorySessionSlot, memoryVaultStore } from '../../support/vault-store.ts';

const PASS = 'correct horse battery staple';
const SECRET = Buffer.alloc(64, 0xab).toString('base64');
const API_KEY = 'TESTAPIKEYtestapikeyTESTAPIKEYtestapikeyTESTAPIKEY1234wxyz';
const KRAKEN = 'https://api.kraken.com';
const SIM = 'http://127.0.0.1:8787';
const FAST = { kdfFloor: 1_000, kdfTarget: 1_000 };

type State = { header: VaultHeader; records: VaultRecord[]; active: string | undefined };

async function twoKeys() {
  const mem = memoryVaultStore();
  const ses = memorySessionSlot();
  const vault = createVault({ store: mem.store, session: ses.session, ...FAST });
  await vault.create(PASS);
  const main = await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
  const other = await vault.addKey({
    endpoint: SIM,
    label: 'Simulator',
    apiKey: `${API_KEY.slice(0, -4)}SIMK`,
    apiSecret: SECRET,
    nonceScale: 'us',
  });
  const state = mem.state as unknown as State;
  const reopen = () => createVault({ store: mem.store, session: ses.session, ...FAST });
  return { vault, state, main, other, reopen, ...ses, store: mem.store };
}

describe('records are validated on read', () => {
  const withoutVerification = (r: VaultRecord) => {
    const { verification: _gone, ...rest } = r;
    return rest;
  };
  it.each<[string, (r: VaultRecord) => unknown]>([
    ['a record with nothing but its id', (r) => ({ id: r.id })],
    ['a record without a check result (it used to crash the options page)', withoutVerification],
    [
      'a record whose check result is nonsense',
      (r) => ({ ...r, verification: { status: 'verified', at: 'x' } }),
    ],
    ['a record without its ciphertext', (r) => ({ ...r, sealed: undefined })],
    ['a record of an unknown format', (r) => ({ ...r, format: 9 })],
    ['a record bound to another machine', (r) => ({ ...r, endpoint: 'https://evil.example' })],
    ['a record with an unknown nonce scale', (r) => ({ ...r, nonceScale: 'ps' })],
    ['a record with key version 0', (r) => ({ ...r, keyVersion: 0 })],
    ['a record with a numeric label', (r) => ({ ...r, label: 42 })],
  ])('%s is listed as damaged (locked and unlocked); the other key works', async (_name, damage) => {
    const { state, main, reopen } = await twoKeys();
    state.records = state.records.map((r) => (r.id === main.id ? (damage(r) as VaultRecord) : r));
    const fresh = reopen();
    expect(await fresh.status()).toBe('locked');
    expect((await fresh.listKeys()).map((k) => k.label)).toEqual(['Simulator']);
    expect(await fresh.listDamaged()).toHaveLength(1);
    await fresh.unlock(PASS);
    expect((await fresh.listKeys()).map((k) => k.label)).toEqual(['Simulator']);
    const [damaged] = await fresh.listDamaged();
    expect(damaged?.reason).toMatch(/stored|endpoint|nonce|record|check|key/);
    expect(JSON.stringify(damaged)).not.toContain(SECRET);
    // The damaged key was the active one: trading says so instead of signing with anything.
    await expect(fresh.activeSecrets()).rejects.toMatchObject({ code: 'record-damaged' });
    await expect(fresh.setActive(damaged?.id ?? '')).rejects.toMatchObject({ code: 'record-damaged' });
    await fresh.removeKey(damaged?.id ?? '');
    expect(await fresh.listDamaged()).toEqual([]);
    await expect(fresh.activeSecrets()).resolves.toMatchObject({ endpoint: SIM, nonceScale: 'us' });
  });

  it('a damaged record is named by what can still be read of it', async () => {
    const { state, main, reopen } = await twoKeys();
    state.records = state.records.map((r) => (r.id === main.id ? { ...r, sealed: 5 } : r)) as VaultRecord[];
    expect(await reopen().listDamaged()).toEqual([
      { id: main.id, label: 'Main', apiKeyHint: 'wxyz', reason: 'the stored record is incomplete' },
    ]);
  });

  it('a v1 record without a check result is repaired (v1 never authenticated it) and still opens', async () => {
    const { state, main, reopen } = await twoKeys();
    // Stored as a v1 record would have been: only its id is bound (re-sealed by the unlock below).
    state.records = state.records.map((r) =>
      r.id === main.id ? ({ ...r, format: 1, verification: undefined } as unknown as VaultRecord) : r,
    );
    const fresh = reopen();
    await fresh.unlock(PASS);
    // The v2 seal does not open as v1 (its associated data differs): set aside, never a crash.
    expect((await fresh.listDamaged()).map((d) => d.label)).toEqual(['Main']);
  });

  it('the vault header is checked too: garbage, a missing salt or a huge cost are “damaged, reset it”', async () => {
    for (const header of [
      'x',
      { format: 2 },
      { format: 2, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 5_000 } },
    ]) {
      const { state, reopen } = await twoKeys();
      (state as { header: unknown }).header = header;
      const error = await reopen()
        .unlock(PASS)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'corrupted' });
      expect(String((error as Error).message)).toContain('“Reset the vault” removes it');
    }
  });
});

describe('one damaged record never stops the others', () => {
  it('a KDF upgrade re-seals the keys that open and keeps the damaged one exactly as it was stored', async () => {
    const { state, main, store, session } = await twoKeys();
    const record = state.records.find((r) => r.id === main.id);
    if (!record) throw new Error('no record');
    record.label = 'Altered';
    const stored = structuredClone(record);
    const stronger = createVault({ store, session, kdfFloor: 1_000, kdfTarget: 2_000 });
    await stronger.unlock(PASS);
    expect(state.header.kdf.iterations).toBe(2_000);
    expect(state.records.find((r) => r.id === main.id)).toEqual(stored);
    await expect(stronger.allSecrets()).resolves.toMatchObject([{ endpoint: SIM }]);
    expect((await stronger.listDamaged()).map((d) => d.label)).toEqual(['Altered']);
  });

  it('a restarted worker finds the same damaged keys (session key, no passphrase)', async () => {
    const { state, main, reopen } = await twoKeys();
    const record = state.records.find((r) => r.id === main.id);
    if (record) record.createdAt += 1;
    const restarted = reopen();
    expect(await restarted.restore()).toBe(true);
    expect((await restarted.listDamaged()).map((d) => d.label)).toEqual(['Main']);
    expect((await restarted.listKeys()).map((k) => k.label)).toEqual(['Simulator']);
  });
});

describe('locked: keys are listed and removable', () => {
  it('lists label, hint and endpoint while locked; removes without the passphrase', async () => {
    const { vault, main } = await twoKeys();
    await vault.lock();
    expect(await vault.listKeys()).toMatchObject([
      { label: 'Main', apiKeyHint: 'wxyz', endpoint: KRAKEN, active: true },
      { label: 'Simulator', apiKeyHint: 'SIMK', endpoint: SIM, nonceScale: 'us' },
    ]);
    await vault.removeKey(main.id);
    expect((await vault.listKeys()).map((k) => [k.label, k.active])).toEqual([['Simulator', true]]);
  });
});

describe('binding and scale', () => {
  it('each key carries the endpoint it was added for and its nonce scale; both reach the signer', async () => {
    const { vault, other } = await twoKeys();
    await vault.setActive(other.id);
    await expect(vault.activeSecrets()).resolves.toMatchObject({
      endpoint: SIM,
      nonceScale: 'us',
      keyVersion: 1,
    });
    await vault.replaceKey(other.id, { apiKey: `${API_KEY.slice(0, -4)}NEWK`, apiSecret: SECRET });
    // A replaced key keeps its endpoint and scale; its version moves on.
    await expect(vault.activeSecrets()).resolves.toMatchObject({
      endpoint: SIM,
      nonceScale: 'us',
      keyVersion: 2,
    });
  });

  it('refuses to bind a key to an endpoint that is neither Kraken nor this computer', async () => {
    const { vault } = await twoKeys();
    await expect(
      vault.addKey({ endpoint: 'https://evil.example', label: 'x', apiKey: API_KEY, apiSecret: SECRET }),
    ).rejects.toMatchObject({ code: 'invalid-key' });
  });

  it('a check result for an older version of a replaced key is not stored over the new one', async () => {
    const { vault, main } = await twoKeys();
    await vault.replaceKey(main.id, { apiKey: API_KEY, apiSecret: SECRET });
    const stale = { status: 'rejected' as const, at: 1, reason: 'old' };
    await expect(vault.setVerification(main.id, stale, 1)).rejects.toMatchObject({ code: 'not-found' });
    await vault.setVerification(main.id, stale, 2);
    expect((await vault.listKeys())[0]?.verification).toEqual(stale);
  });
});

describe('reset', () => {
  it('needs the typed word; then forgets header, keys, active key and session slot', async () => {
    const { vault, state, slot } = await twoKeys();
    await expect(vault.reset('reset')).rejects.toMatchObject({ code: 'reset-unconfirmed' });
    expect(state.records).toHaveLength(2);
    await vault.reset('RESET');
    expect(await vault.status()).toBe('empty');
    expect(state.header).toBeUndefined();
    expect(state.records).toEqual([]);
    expect(state.active).toBeUndefined();
    expect(slot.value).toBeUndefined();
    await vault.create('a new passphrase');
    expect(await vault.listKeys()).toEqual([]);
  });

  it('works on a vault that cannot be opened (a wrong passphrase or a damaged header)', async () => {
    const { state, reopen } = await twoKeys();
    (state as { header: unknown }).header = 'garbage';
    const fresh = reopen();
    await expect(fresh.unlock(PASS)).rejects.toMatchObject({ code: 'corrupted' });
    await fresh.reset('RESET');
    expect(await fresh.status()).toBe('empty');
  });

  it('in IndexedDB, keeps alerts, the paper account, nonce marks and order intents', async () => {
    const db = await openDatabase('vault-reset-test');
    const vault = createVault({ store: idbVaultStore(db), session: memorySessionSlot().session, ...FAST });
    await vault.create(PASS);
    await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    await db.put('nonce', '1234', 'key-id');
    await db.put('meta', { 'BTC/USD': 1 }, 'alerts-seen');
    await db.put('paper', { kept: true } as never, 'account');
    await db.put('orderIntents', { clOrdId: 'c1' } as never);
    await db.put('alerts', { id: 'a1' } as never);
    await vault.reset('RESET');
    expect(await db.getAll('vault')).toEqual([]);
    expect(await db.get('meta', 'vault-header')).toBeUndefined();
    expect(await db.get('meta', 'active-key')).toBeUndefined();
    expect(await db.get('nonce', 'key-id')).toBe('1234');
    expect(await db.get('meta', 'alerts-seen')).toEqual({ 'BTC/USD': 1 });
    expect(await db.get('paper', 'account')).toEqual({ kept: true });
    expect(await db.getAll('orderIntents')).toHaveLength(1);
    expect(await db.getAll('alerts')).toHaveLength(1);
    db.close();
  });
});
