import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/schema.ts';
import { idbVaultStore } from '../../../lib/db/vault-store.ts';
import { fromBase64 } from '../../../lib/vault/crypto.ts';
import { VaultError } from '../../../lib/vault/errors.ts';
import type { VaultHeader, VaultRecord } from '../../../lib/vault/format.ts';
import { createVault, KDF_CEILING, KDF_FLOOR } from '../../../lib/vault/vault.ts';
import frozen from '../../fixtures/vault-v1.json' with { type: 'json' };
import { memorySessionSlot, memoryVaultStore } from '../../support/vault-store.ts';

const PASS = 'correct horse battery staple';
const SECRET = Buffer.alloc(64, 0xab).toString('base64');
const API_KEY = 'TESTAPIKEYtestapikeyTESTAPIKEYtestapikeyTESTAPIKEY1234wxyz';

const memoryStore = memoryVaultStore;
const sessionSlot = memorySessionSlot;
const KRAKEN = 'https://api.kraken.com';
const SIM = 'http://127.0.0.1:8787';

// Most logic tests use a low KDF cost to stay fast; the real floor is exercised separately below.
const FAST = { kdfFloor: 1_000, kdfTarget: 1_000 };

async function newVault() {
  const mem = memoryStore();
  const ses = sessionSlot();
  const vault = createVault({ store: mem.store, session: ses.session, ...FAST });
  await vault.create(PASS);
  return { vault, ...mem, ...ses };
}

describe('vault', () => {
  it('stores a key, lists it by label and hint only, and gives the secret back only in the background', async () => {
    const { vault } = await newVault();
    const key = await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    expect(key).toMatchObject({ label: 'Main', apiKeyHint: 'wxyz', active: true });
    const listed = JSON.stringify(await vault.listKeys());
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(API_KEY);
    await expect(vault.activeSecrets()).resolves.toMatchObject({ apiKey: API_KEY, apiSecret: SECRET });
  });

  it('locks; a wrong passphrase fails with a clear message; the right one unlocks', async () => {
    const { vault, slot } = await newVault();
    await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    await vault.lock();
    expect(await vault.status()).toBe('locked');
    expect(slot.value).toBeUndefined();
    await expect(vault.activeSecrets()).rejects.toMatchObject({ code: 'locked' });
    await expect(vault.unlock('not the passphrase')).rejects.toThrow(
      'Wrong passphrase, or the vault’s passphrase check was altered. Check the passphrase and try again. If you no longer know it, “Reset the vault” removes the stored keys so you can add them again.',
    );
    await vault.unlock(PASS);
    expect(await vault.status()).toBe('unlocked');
  });

  it('a restarted worker picks up the session key; a restarted browser (empty session) is locked', async () => {
    const { vault, store, session, slot } = await newVault();
    await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    const afterWorkerRestart = createVault({ store, session, ...FAST });
    expect(await afterWorkerRestart.restore()).toBe(true);
    await expect(afterWorkerRestart.activeSecrets()).resolves.toMatchObject({ apiSecret: SECRET });
    slot.value = undefined;
    const afterBrowserRestart = createVault({ store, session, ...FAST });
    expect(await afterBrowserRestart.restore()).toBe(false);
    expect(await afterBrowserRestart.status()).toBe('locked');
  });

  it('uses a fresh 16-byte salt and a fresh 12-byte IV for every encryption', async () => {
    const { vault, state } = await newVault();
    await vault.addKey({ endpoint: KRAKEN, label: 'A', apiKey: API_KEY, apiSecret: SECRET });
    await vault.addKey({ endpoint: KRAKEN, label: 'B', apiKey: API_KEY, apiSecret: SECRET });
    const at = typed(state);
    expect(fromBase64(at.header.kdf.salt)).toHaveLength(16);
    const ivs = [at.header.check.iv, ...at.records.map((r) => r.sealed.iv)];
    for (const iv of ivs) expect(fromBase64(iv)).toHaveLength(12);
    expect(new Set(ivs).size).toBe(3);
    expect(at.records[0]?.sealed.data).not.toBe(at.records[1]?.sealed.data);
  });

  it('manages several keys: one active, relabel, replace, remove', async () => {
    const { vault } = await newVault();
    const a = await vault.addKey({ endpoint: KRAKEN, label: 'Trading', apiKey: API_KEY, apiSecret: SECRET });
    const b = await vault.addKey({
      endpoint: KRAKEN,
      label: 'Query',
      apiKey: `${API_KEY.slice(0, -4)}QQQQ`,
      apiSecret: SECRET,
    });
    expect(b.active).toBe(false);
    await vault.setActive(b.id);
    await vault.relabel(b.id, 'Read-only');
    expect((await vault.listKeys()).map((k) => [k.label, k.active])).toEqual([
      ['Trading', false],
      ['Read-only', true],
    ]);
    await vault.replaceKey(a.id, { apiKey: `${API_KEY.slice(0, -4)}NEW1`, apiSecret: SECRET });
    expect((await vault.listKeys())[0]?.apiKeyHint).toBe('NEW1');
    await vault.removeKey(b.id);
    expect((await vault.listKeys()).map((k) => [k.label, k.active])).toEqual([['Trading', true]]);
    await expect(vault.removeKey('nope')).rejects.toMatchObject({ code: 'not-found' });
  });

  it.each([['a short passphrase', () => ({ pass: 'short' }), 'weak-passphrase']])(
    'refuses %s',
    async (_name, make, code) => {
      const vault = createVault({ store: memoryStore().store, session: sessionSlot().session, ...FAST });
      await expect(vault.create(make().pass)).rejects.toMatchObject({ code });
    },
  );

  it.each([
    [{ apiKey: 'short', apiSecret: SECRET }],
    [{ apiKey: API_KEY, apiSecret: 'not base64 !!' }],
    [{ apiKey: API_KEY, apiSecret: 'c2hvcnQ=' }],
    [{ apiKey: `${API_KEY} x`, apiSecret: SECRET }],
  ])('refuses a malformed key %j', async (k) => {
    const { vault } = await newVault();
    await expect(vault.addKey({ endpoint: KRAKEN, label: 'x', ...k })).rejects.toMatchObject({
      code: 'invalid-key',
    });
  });

  it('needs the vault unlocked to change a key’s label (the label is sealed with the secret)', async () => {
    const { vault } = await newVault();
    const key = await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    await vault.lock();
    await expect(vault.relabel(key.id, 'Other')).rejects.toMatchObject({ code: 'locked' });
  });

  it('refuses to create a second vault', async () => {
    const { vault } = await newVault();
    await expect(vault.create(PASS)).rejects.toMatchObject({ code: 'vault-exists' });
  });
});

type State = { header: VaultHeader; records: VaultRecord[] };
const typed = (state: { header: unknown; records: unknown[] }) => state as unknown as State;

describe('tampering', () => {
  /** Two keys stored, `mutate` applied at rest, then a fresh vault (a new worker) unlocks. */
  async function tampered(mutate: (s: State) => void) {
    const { vault, state, store, session } = await newVault();
    await vault.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    await vault.addKey({
      endpoint: SIM,
      label: 'Other',
      apiKey: `${API_KEY.slice(0, -4)}OTHR`,
      apiSecret: SECRET,
    });
    mutate(typed(state));
    const fresh = createVault({ store, session, ...FAST });
    return { fresh, unlock: () => fresh.unlock(PASS) };
  }
  const flip = (b64: string) => {
    const bytes = fromBase64(b64);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    return Buffer.from(bytes).toString('base64');
  };
  const mainRecord = (s: State): VaultRecord => {
    const r = s.records.find((x) => x.label === 'Main') ?? s.records[0];
    if (!r) throw new Error('no record');
    return r;
  };

  it.each<[string, (s: State) => void]>([
    [
      'the check ciphertext',
      (s) => {
        s.header.check.data = flip(s.header.check.data);
      },
    ],
    [
      'the check IV',
      (s) => {
        s.header.check.iv = flip(s.header.check.iv);
      },
    ],
    [
      'the salt',
      (s) => {
        s.header.kdf.salt = flip(s.header.kdf.salt);
      },
    ],
    [
      'the iterations (raised)',
      (s) => {
        s.header.kdf.iterations += 1;
      },
    ],
    [
      'the header creation time',
      (s) => {
        s.header.createdAt += 1;
      },
    ],
  ])('%s → the passphrase check fails, with the message for a wrong passphrase', async (_name, mutate) => {
    await expect((await tampered(mutate)).unlock()).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it.each<[string, (s: State) => void]>([
    [
      'a record ciphertext',
      (s) => {
        mainRecord(s).sealed.data = flip(mainRecord(s).sealed.data);
      },
    ],
    [
      'a record IV',
      (s) => {
        mainRecord(s).sealed.iv = flip(mainRecord(s).sealed.iv);
      },
    ],
    [
      'a record label',
      (s) => {
        mainRecord(s).label = 'Trusted key';
      },
    ],
    [
      'a record key hint',
      (s) => {
        mainRecord(s).apiKeyHint = 'abcd';
      },
    ],
    [
      'a record check result',
      (s) => {
        mainRecord(s).verification = { status: 'verified', at: 1, canQuery: true, canTrade: true, notes: [] };
      },
    ],
    [
      'a record creation time',
      (s) => {
        mainRecord(s).createdAt += 1;
      },
    ],
    [
      'a record update time',
      (s) => {
        mainRecord(s).updatedAt += 1;
      },
    ],
    [
      'a record format (downgraded to v1)',
      (s) => {
        mainRecord(s).format = 1;
      },
    ],
    [
      'a record id (ciphertext moved)',
      (s) => {
        mainRecord(s).id = 'someone-else';
      },
    ],
    [
      'a record endpoint (moved to another endpoint)',
      (s) => {
        mainRecord(s).endpoint = SIM;
      },
    ],
    [
      'a record endpoint (removed: it would mean Kraken)',
      (s) => {
        delete (mainRecord(s) as { endpoint?: string }).endpoint;
      },
    ],
    [
      'a record nonce scale',
      (s) => {
        mainRecord(s).nonceScale = 'ns';
      },
    ],
    [
      'a record key version',
      (s) => {
        mainRecord(s).keyVersion = 7;
      },
    ],
  ])('%s → that key is set aside as damaged; the other key still opens', async (_name, mutate) => {
    const { fresh, unlock } = await tampered(mutate);
    await unlock();
    expect(await fresh.status()).toBe('unlocked');
    expect((await fresh.listKeys()).map((k) => k.label)).toEqual(['Other']);
    expect(await fresh.listDamaged()).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/does not open .*altered or corrupted/) }),
    ]);
    const [other] = await fresh.allSecrets();
    expect(other).toMatchObject({ apiKey: `${API_KEY.slice(0, -4)}OTHR`, endpoint: SIM });
  });

  it('iterations lowered below the floor are refused as a downgrade', async () => {
    const { unlock } = await tampered((s) => {
      s.header.kdf.iterations = 999;
    });
    await expect(unlock()).rejects.toMatchObject({ code: 'kdf-downgrade' });
  });

  it('iterations raised past the ceiling (a corrupted 2^31) are refused at once, never derived', async () => {
    const { unlock } = await tampered((s) => {
      s.header.kdf.iterations = 2 ** 31;
    });
    const started = Date.now();
    await expect(unlock()).rejects.toMatchObject({ code: 'corrupted' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(KDF_CEILING).toBe(10_000_000);
  });

  it('an unknown format is refused', async () => {
    const { unlock } = await tampered((s) => {
      (s.header as { format: number }).format = 3;
    });
    await expect(unlock()).rejects.toMatchObject({ code: 'corrupted' });
  });
});

describe('KDF parameters', () => {
  it(`default: PBKDF2-SHA256 with at least ${KDF_FLOOR.toLocaleString('en')} iterations`, async () => {
    const mem = memoryStore();
    const vault = createVault({ store: mem.store, session: sessionSlot().session });
    await vault.create(PASS);
    expect(typed(mem.state).header.kdf).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: 600_000,
    });
    expect(KDF_FLOOR).toBeGreaterThanOrEqual(600_000);
  });

  it('weaker stored parameters are raised on unlock, with a new salt, and the keys still open', async () => {
    const mem = memoryStore();
    const ses = sessionSlot();
    const old = createVault({ store: mem.store, session: ses.session, kdfFloor: 1_000, kdfTarget: 1_000 });
    await old.create(PASS);
    await old.addKey({ endpoint: KRAKEN, label: 'Main', apiKey: API_KEY, apiSecret: SECRET });
    const saltBefore = typed(mem.state).header.kdf.salt;
    const stronger = createVault({
      store: mem.store,
      session: ses.session,
      kdfFloor: 1_000,
      kdfTarget: 2_000,
    });
    await stronger.unlock(PASS);
    expect(typed(mem.state).header.kdf.iterations).toBe(2_000);
    expect(typed(mem.state).header.kdf.salt).not.toBe(saltBefore);
    await expect(stronger.activeSecrets()).resolves.toMatchObject({ apiSecret: SECRET });
    const reopened = createVault({
      store: mem.store,
      session: sessionSlot().session,
      kdfFloor: 2_000,
      kdfTarget: 2_000,
    });
    await reopened.unlock(PASS);
    await expect(reopened.activeSecrets()).resolves.toMatchObject({ apiSecret: SECRET });
  });
});

describe('frozen v1 vault (test/fixtures/vault-v1.json)', () => {
  it('always opens with its passphrase and yields its key', async () => {
    const fixture = structuredClone(frozen) as unknown as {
      header: VaultHeader;
      records: VaultRecord[];
      active: string;
    };
    const vault = createVault({ store: memoryStore(fixture).store, session: sessionSlot().session });
    await vault.unlock(PASS);
    await expect(vault.activeSecrets()).resolves.toMatchObject({
      apiKey: 'FROZENTESTAPIKEY0000000000000000000000000000000000000abcd',
      apiSecret: Buffer.alloc(64, 7).toString('base64'),
      otp: 'otp-123',
    });
    // Sealed before keys were bound: it signs for Kraken only, at the default scale.
    expect(await vault.listKeys()).toMatchObject([
      { label: 'Frozen test key', apiKeyHint: 'abcd', active: true, endpoint: KRAKEN, nonceScale: 'ms' },
    ]);
    await expect(vault.activeSecrets()).resolves.toMatchObject({ endpoint: KRAKEN, nonceScale: 'ms' });
  });
});

describe('IndexedDB at rest (fake-indexeddb, the extension schema)', () => {
  it('holds no trace of the secret or the API key', async () => {
    const db = await openDatabase();
    const vault = createVault({ store: idbVaultStore(db), session: sessionSlot().session, ...FAST });
    await vault.create(PASS);
    await vault.addKey({
      endpoint: KRAKEN,
      label: 'Main',
      apiKey: API_KEY,
      apiSecret: SECRET,
      otp: 'my-otp-value',
    });
    const dump = JSON.stringify({
      vault: await db.getAll('vault'),
      meta: await db.getAll('meta'),
      nonce: await db.getAll('nonce'),
    });
    for (const needle of [SECRET, API_KEY, 'my-otp-value', Buffer.from(SECRET, 'base64').toString('hex')]) {
      expect(dump).not.toContain(needle);
    }
    await expect(vault.activeSecrets()).resolves.toMatchObject({ apiSecret: SECRET, otp: 'my-otp-value' });
    db.close();
  });

  it('errors carry no key material', async () => {
    const e = new VaultError('invalid-key', 'the private key is too short');
    expect(e.message).toBe(
      'That does not look like a Kraken API key and private key. (the private key is too short)',
    );
  });
});
