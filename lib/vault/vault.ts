// The key vault: API keys sealed with AES-256-GCM under a key derived from the user's passphrase by
// PBKDF2-SHA256 (DESIGN.md §8). Background only. Storage and the session-key slot are injected.
import { deriveKeyBits, fromBase64, importAesKey, open, randomBytes, seal, toBase64 } from './crypto.ts';
import { VaultError } from './errors.ts';
import {
  CHECK_PLAINTEXT,
  CURRENT_FORMAT,
  checkAad,
  type KdfParams,
  type KeySecrets,
  type KeySummary,
  type KeyVerification,
  recordAad,
  type VaultHeader,
  type VaultRecord,
} from './format.ts';

/** OWASP 2023 minimum for PBKDF2-HMAC-SHA256 (OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256: 600,000 iterations). */
export const KDF_FLOOR = 600_000;

export interface VaultStore {
  getHeader(): Promise<VaultHeader | undefined>;
  listRecords(): Promise<VaultRecord[]>;
  getActiveId(): Promise<string | undefined>;
  setActiveId(id: string | undefined): Promise<void>;
  putRecord(record: VaultRecord): Promise<void>;
  deleteRecord(id: string): Promise<void>;
  /** Replaces the header and every record in one transaction (passphrase set-up, KDF upgrade). */
  replaceAll(header: VaultHeader, records: VaultRecord[]): Promise<void>;
}

/** Where unlocked key material survives a worker restart but not a browser restart (storage.session). */
export interface SessionKeySlot {
  load(): Promise<string | undefined>;
  save(keyBitsBase64: string): Promise<void>;
  clear(): Promise<void>;
}

export interface VaultOptions {
  store: VaultStore;
  session: SessionKeySlot;
  now?: () => number;
  /** Refuse stored parameters below this (a possible downgrade). */
  kdfFloor?: number;
  /** New vaults use this; weaker stored vaults are re-sealed with it on unlock. */
  kdfTarget?: number;
}

export type VaultStatus = 'empty' | 'locked' | 'unlocked';

export interface NewKey {
  label: string;
  apiKey: string;
  apiSecret: string;
  otp?: string;
}

const MIN_PASSPHRASE = 10;

function checkSecrets(k: { apiKey: string; apiSecret: string }): void {
  const apiKey = k.apiKey.trim();
  const secret = k.apiSecret.trim();
  // Kraken API keys are 56 base64 characters; private keys are base64 of 64 bytes (88 characters).
  if (apiKey.length < 16 || /\s/.test(apiKey))
    throw new VaultError('invalid-key', 'the API key is too short');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(secret);
  } catch {
    throw new VaultError('invalid-key', 'the private key is not base64');
  }
  if (bytes.length < 32) throw new VaultError('invalid-key', 'the private key is too short');
}

export function createVault(options: VaultOptions) {
  const { store, session } = options;
  const now = options.now ?? Date.now;
  const floor = options.kdfFloor ?? KDF_FLOOR;
  const target = Math.max(options.kdfTarget ?? KDF_FLOOR, floor);
  let key: CryptoKey | null = null;

  function summary(record: VaultRecord, activeId: string | undefined): KeySummary {
    return {
      id: record.id,
      label: record.label,
      apiKeyHint: record.apiKeyHint,
      active: record.id === activeId,
      createdAt: record.createdAt,
      verification: record.verification,
    };
  }

  function requireKey(): CryptoKey {
    if (!key) throw new VaultError('locked');
    return key;
  }

  async function newKdf(): Promise<KdfParams> {
    return { name: 'PBKDF2', hash: 'SHA-256', iterations: target, salt: toBase64(randomBytes(16)) };
  }

  async function unlockWith(bits: Uint8Array<ArrayBuffer>): Promise<void> {
    key = await importAesKey(bits);
    await session.save(toBase64(bits));
  }

  /** Seals secrets together with the record's visible fields (format 2: all of them are authenticated). */
  async function sealRecord(
    k: CryptoKey,
    meta: Omit<VaultRecord, 'sealed' | 'format'>,
    secrets: KeySecrets,
  ): Promise<VaultRecord> {
    const unsealed = { ...meta, format: CURRENT_FORMAT };
    return { ...unsealed, sealed: await seal(k, JSON.stringify(secrets), recordAad(unsealed)) };
  }

  async function openRecord(k: CryptoKey, record: VaultRecord): Promise<KeySecrets> {
    const text = await open(k, record.sealed, recordAad(record));
    if (text === null) throw new VaultError('wrong-passphrase');
    try {
      return JSON.parse(text) as KeySecrets;
    } catch {
      throw new VaultError('corrupted');
    }
  }

  /** Changes a record's visible fields (and optionally its secrets), re-sealing it so they stay authenticated. */
  async function update(
    id: string,
    change: (record: VaultRecord) => Partial<Omit<VaultRecord, 'id' | 'sealed' | 'format'>>,
    newSecrets?: KeySecrets,
    touch = true,
  ): Promise<void> {
    const k = requireKey();
    const record = (await store.listRecords()).find((r) => r.id === id);
    if (!record) throw new VaultError('not-found');
    const secrets = newSecrets ?? (await openRecord(k, record));
    const { sealed: _sealed, format: _format, ...meta } = record;
    const next = { ...meta, ...change(record), ...(touch ? { updatedAt: now() } : {}) };
    await store.putRecord(await sealRecord(k, next, secrets));
  }

  const vault = {
    async status(): Promise<VaultStatus> {
      if (!(await store.getHeader())) return 'empty';
      return key ? 'unlocked' : 'locked';
    },

    /** On worker start: pick up key material left in session storage by the previous worker. */
    async restore(): Promise<boolean> {
      const saved = await session.load();
      if (!saved || !(await store.getHeader())) return false;
      key = await importAesKey(fromBase64(saved));
      return true;
    },

    /** Creates the vault with its passphrase and unlocks it. */
    async create(passphrase: string): Promise<void> {
      if (await store.getHeader()) throw new VaultError('vault-exists');
      if (passphrase.length < MIN_PASSPHRASE) throw new VaultError('weak-passphrase');
      const kdf = await newKdf();
      const bits = await deriveKeyBits(passphrase, kdf);
      const k = await importAesKey(bits);
      const createdAt = now();
      const header: VaultHeader = {
        format: CURRENT_FORMAT,
        kdf,
        check: await seal(k, CHECK_PLAINTEXT, checkAad({ format: CURRENT_FORMAT, createdAt })),
        createdAt,
      };
      await store.replaceAll(header, []);
      await unlockWith(bits);
    },

    /**
     * Derives the key, proves it on the check value and on every record (so a tampered record is reported
     * now, with the same message as a wrong passphrase), and re-seals with stronger parameters if needed.
     */
    async unlock(passphrase: string): Promise<void> {
      const header = await store.getHeader();
      if (!header) throw new VaultError('no-vault');
      if (
        header.kdf.name !== 'PBKDF2' ||
        header.kdf.hash !== 'SHA-256' ||
        (header.format !== 1 && header.format !== 2)
      ) {
        throw new VaultError('corrupted', 'unknown vault format');
      }
      if (!Number.isInteger(header.kdf.iterations) || header.kdf.iterations < floor) {
        throw new VaultError('kdf-downgrade');
      }
      const bits = await deriveKeyBits(passphrase, header.kdf);
      const k = await importAesKey(bits);
      if ((await open(k, header.check, checkAad(header))) !== CHECK_PLAINTEXT)
        throw new VaultError('wrong-passphrase');
      const records = await store.listRecords();
      const secrets = await Promise.all(records.map((r) => openRecord(k, r)));
      const weakKdf = header.kdf.iterations < target;
      const oldFormat = header.format !== CURRENT_FORMAT || records.some((r) => r.format !== CURRENT_FORMAT);
      if (!weakKdf && !oldFormat) {
        await unlockWith(bits);
        return;
      }
      // Re-seal everything at the current format, and with a fresh salt and stronger KDF when needed.
      const kdf = weakKdf ? await newKdf() : header.kdf;
      const newBits = weakKdf ? await deriveKeyBits(passphrase, kdf) : bits;
      const nk = weakKdf ? await importAesKey(newBits) : k;
      const resealed = await Promise.all(
        records.map(({ sealed: _sealed, format: _format, ...meta }, i) =>
          sealRecord(nk, meta, secrets[i] as KeySecrets),
        ),
      );
      const next: VaultHeader = {
        format: CURRENT_FORMAT,
        kdf,
        createdAt: header.createdAt,
        check: await seal(
          nk,
          CHECK_PLAINTEXT,
          checkAad({ format: CURRENT_FORMAT, createdAt: header.createdAt }),
        ),
      };
      await store.replaceAll(next, resealed);
      await unlockWith(newBits);
    },

    async lock(): Promise<void> {
      key = null;
      await session.clear();
    },

    async listKeys(): Promise<KeySummary[]> {
      const [records, activeId] = await Promise.all([store.listRecords(), store.getActiveId()]);
      return records.sort((a, b) => a.createdAt - b.createdAt).map((r) => summary(r, activeId));
    },

    async addKey(input: NewKey): Promise<KeySummary> {
      const k = requireKey();
      checkSecrets(input);
      const id = toBase64(randomBytes(9)).replace(/[+/]/g, '_');
      const secrets: KeySecrets = { apiKey: input.apiKey.trim(), apiSecret: input.apiSecret.trim() };
      if (input.otp?.trim()) secrets.otp = input.otp.trim();
      // Strictly increasing creation times keep the list in the order keys were added.
      const existing = await store.listRecords();
      const t = Math.max(now(), ...existing.map((r) => r.createdAt + 1));
      const record = await sealRecord(
        k,
        {
          id,
          label: input.label.trim() || 'Kraken key',
          apiKeyHint: secrets.apiKey.slice(-4),
          createdAt: t,
          updatedAt: t,
          verification: { status: 'unchecked' },
        },
        secrets,
      );
      await store.putRecord(record);
      if (!(await store.getActiveId())) await store.setActiveId(id);
      return summary(record, await store.getActiveId());
    },

    async replaceKey(id: string, input: Omit<NewKey, 'label'>): Promise<void> {
      checkSecrets(input);
      const secrets: KeySecrets = { apiKey: input.apiKey.trim(), apiSecret: input.apiSecret.trim() };
      if (input.otp?.trim()) secrets.otp = input.otp.trim();
      await update(
        id,
        (record) => ({
          apiKeyHint: secrets.apiKey.slice(-4),
          verification: { status: 'unchecked' },
          keyVersion: (record.keyVersion ?? 1) + 1,
        }),
        secrets,
      );
    },

    /** Needs the vault unlocked: the label is authenticated with the secret, so it is sealed again. */
    relabel: (id: string, label: string) => update(id, (r) => ({ label: label.trim() || r.label })),

    setVerification: (id: string, verification: KeyVerification) =>
      update(id, () => ({ verification }), undefined, false),

    async removeKey(id: string): Promise<void> {
      const records = await store.listRecords();
      if (!records.some((r) => r.id === id)) throw new VaultError('not-found');
      await store.deleteRecord(id);
      if ((await store.getActiveId()) === id) {
        await store.setActiveId(records.find((r) => r.id !== id)?.id);
      }
    },

    async setActive(id: string): Promise<void> {
      if (!(await store.listRecords()).some((r) => r.id === id)) throw new VaultError('not-found');
      await store.setActiveId(id);
    },

    /** The active key's secrets, for signing in the background. Never send the result to a UI page. */
    async activeSecrets(): Promise<KeySecrets & { id: string; keyVersion: number }> {
      const k = requireKey();
      const activeId = await store.getActiveId();
      const record = (await store.listRecords()).find((r) => r.id === activeId);
      if (!record) throw new VaultError('no-vault');
      return { ...(await openRecord(k, record)), id: record.id, keyVersion: record.keyVersion ?? 1 };
    },

    /** Which key is active and its version, without decrypting anything; null while locked or empty. */
    async activeRef(): Promise<{ id: string; keyVersion: number } | null> {
      if (!key) return null;
      const activeId = await store.getActiveId();
      const record = (await store.listRecords()).find((r) => r.id === activeId);
      return record ? { id: record.id, keyVersion: record.keyVersion ?? 1 } : null;
    },
  };
  return vault;
}

export type Vault = ReturnType<typeof createVault>;
