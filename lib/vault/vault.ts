// The key vault: API keys sealed with AES-256-GCM under a key derived from the user's passphrase by
// PBKDF2-SHA256 (DESIGN.md §8). Background only. Storage and the session-key slot are injected.
// Every stored value is validated on read (record.ts); a record that is unreadable or does not open is set
// aside as damaged, listed by name and removable, and never stops the other keys from opening.
import type { NonceScale } from '../kraken/auth/nonce.ts';
import { isBindableEndpoint } from './binding.ts';
import { deriveKeyBits, fromBase64, importAesKey, open, randomBytes, toBase64 } from './crypto.ts';
import { MIN_PASSPHRASE, RESET_WORD, VaultError } from './errors.ts';
import {
  CHECK_PLAINTEXT,
  CURRENT_FORMAT,
  checkAad,
  type DamagedKey,
  type KdfParams,
  type KeySecrets,
  type KeySummary,
  type KeyVerification,
  type VaultRecord,
} from './format.ts';
import {
  type KeyMaterial,
  materialOf,
  openAll,
  openRecord,
  sealHeader,
  sealRecord,
  sortRecords,
} from './open.ts';
import { KDF_CEILING, KDF_FLOOR, parseHeader, recordId } from './record.ts';
import { checkSecrets, type KeyToStore, type NewKey, type VaultOptions, type VaultStatus } from './types.ts';

export type { KeyMaterial } from './open.ts';
export { KDF_CEILING, KDF_FLOOR } from './record.ts';
export {
  checkSecrets,
  type KeyToStore,
  type NewKey,
  type SessionKeySlot,
  type VaultOptions,
  type VaultStatus,
  type VaultStore,
} from './types.ts';

export function createVault(options: VaultOptions) {
  const { store, session } = options;
  const now = options.now ?? Date.now;
  const floor = options.kdfFloor ?? KDF_FLOOR;
  const ceiling = options.kdfCeiling ?? KDF_CEILING;
  const target = Math.min(Math.max(options.kdfTarget ?? KDF_FLOOR, floor), ceiling);
  let key: CryptoKey | null = null;
  /** Records that parse but do not open with the current key (known while unlocked). */
  let sealedShut = new Map<string, string>();

  function summary(record: VaultRecord, activeId: string | undefined): KeySummary {
    const m = materialOf(record, { apiKey: '', apiSecret: '' });
    return {
      id: record.id,
      label: record.label,
      apiKeyHint: record.apiKeyHint,
      active: record.id === activeId,
      createdAt: record.createdAt,
      verification: record.verification,
      endpoint: m.endpoint,
      nonceScale: m.nonceScale,
    };
  }

  function requireKey(): CryptoKey {
    if (!key) throw new VaultError('locked');
    return key;
  }

  /** The stored records that parse and open (or, while locked, that parse). */
  async function usable(): Promise<VaultRecord[]> {
    return sortRecords(await store.listRecords()).records.filter((r) => !sealedShut.has(r.id));
  }

  async function find(id: string): Promise<VaultRecord> {
    const sorted = sortRecords(await store.listRecords());
    if (sealedShut.has(id) || sorted.unreadable.some((u) => u.damaged.id === id)) {
      throw new VaultError('record-damaged');
    }
    const record = sorted.records.find((r) => r.id === id);
    if (!record) throw new VaultError('not-found');
    return record;
  }

  async function secretsOf(k: CryptoKey, record: VaultRecord): Promise<KeySecrets> {
    const opened = await openRecord(k, record);
    if (!opened.ok) {
      sealedShut.set(record.id, opened.reason);
      throw new VaultError('record-damaged');
    }
    return opened.secrets;
  }

  async function newKdf(): Promise<KdfParams> {
    return { name: 'PBKDF2', hash: 'SHA-256', iterations: target, salt: toBase64(randomBytes(16)) };
  }

  async function unlockWith(bits: Uint8Array<ArrayBuffer>, shut: Map<string, string>): Promise<void> {
    key = await importAesKey(bits);
    sealedShut = shut;
    await session.save(toBase64(bits));
  }

  /** Changes a record's visible fields (and optionally its secrets), re-sealing it so they stay authenticated. */
  async function update(
    id: string,
    change: (record: VaultRecord) => Partial<Omit<VaultRecord, 'id' | 'sealed' | 'format'>>,
    newSecrets?: KeySecrets,
    touch = true,
  ): Promise<void> {
    const k = requireKey();
    const record = await find(id);
    const secrets = newSecrets ?? (await secretsOf(k, record));
    const { sealed: _sealed, format: _format, ...meta } = record;
    const next = { ...meta, ...change(record), ...(touch ? { updatedAt: now() } : {}) };
    await store.putRecord(await sealRecord(k, next, secrets));
  }

  const vault = {
    async status(): Promise<VaultStatus> {
      if ((await store.getHeader()) === undefined) return 'empty';
      return key ? 'unlocked' : 'locked';
    },

    /** On worker start: pick up key material left in session storage by the previous worker. */
    async restore(): Promise<boolean> {
      const saved = await session.load();
      if (!saved || (await store.getHeader()) === undefined) return false;
      const k = await importAesKey(fromBase64(saved));
      key = k;
      sealedShut = (await openAll(k, sortRecords(await store.listRecords()).records)).sealedShut;
      return true;
    },

    /** Creates the vault with its passphrase and unlocks it. */
    async create(passphrase: string): Promise<void> {
      if ((await store.getHeader()) !== undefined) throw new VaultError('vault-exists');
      if (passphrase.length < MIN_PASSPHRASE) throw new VaultError('weak-passphrase');
      const kdf = await newKdf();
      const bits = await deriveKeyBits(passphrase, kdf);
      const k = await importAesKey(bits);
      await store.replaceAll(await sealHeader(k, kdf, now()), []);
      await unlockWith(bits, new Map());
    },

    /**
     * Derives the key and proves it on the check value, then opens every record it can: one that does not
     * open is set aside as damaged (listed, removable) and the others work. Re-seals with the current format
     * and stronger parameters when needed, leaving damaged records as they were stored.
     */
    async unlock(passphrase: string): Promise<void> {
      const raw = await store.getHeader();
      if (raw === undefined) throw new VaultError('no-vault');
      const header = parseHeader(raw, floor, ceiling);
      const bits = await deriveKeyBits(passphrase, header.kdf);
      const k = await importAesKey(bits);
      if ((await open(k, header.check, checkAad(header))) !== CHECK_PLAINTEXT)
        throw new VaultError('wrong-passphrase');
      const raws = await store.listRecords();
      const sorted = sortRecords(raws);
      const { opened, sealedShut: shut } = await openAll(k, sorted.records);
      const weakKdf = header.kdf.iterations < target;
      const oldFormat =
        header.format !== CURRENT_FORMAT || opened.some((o) => o.record.format !== CURRENT_FORMAT);
      if (!weakKdf && !oldFormat) {
        await unlockWith(bits, shut);
        return;
      }
      // Re-seal what opened at the current format, with a fresh salt and stronger KDF when needed.
      const kdf = weakKdf ? await newKdf() : header.kdf;
      const newBits = weakKdf ? await deriveKeyBits(passphrase, kdf) : bits;
      const nk = weakKdf ? await importAesKey(newBits) : k;
      const resealed = await Promise.all(
        opened.map(({ record: { sealed: _sealed, format: _format, ...meta }, secrets }) =>
          sealRecord(nk, meta, secrets),
        ),
      );
      const kept = raws.filter((r) => shut.has(recordId(r)) || sorted.unreadable.some((u) => u.raw === r));
      await store.replaceAll(await sealHeader(nk, kdf, header.createdAt), [...resealed, ...kept]);
      await unlockWith(newBits, shut);
    },

    async lock(): Promise<void> {
      key = null;
      sealedShut = new Map();
      await session.clear();
    },

    /**
     * Forgets the vault: header, every key, the active key and the session slot. Everything else the
     * extension stores (alerts, the paper account, nonce marks, order intents) stays. `confirm` must be
     * RESET_WORD: the person typed it.
     */
    async reset(confirm: string): Promise<void> {
      if (confirm !== RESET_WORD) throw new VaultError('reset-unconfirmed');
      key = null;
      sealedShut = new Map();
      await session.clear();
      await store.clearAll();
    },

    /** The usable keys, oldest first: listed while locked too (label and key hint are stored in clear). */
    async listKeys(): Promise<KeySummary[]> {
      const [records, activeId] = await Promise.all([usable(), store.getActiveId()]);
      return records.sort((a, b) => a.createdAt - b.createdAt).map((r) => summary(r, activeId));
    },

    /** Keys that cannot be used: unreadable records, and (once unlocked) records that do not open. */
    async listDamaged(): Promise<DamagedKey[]> {
      const sorted = sortRecords(await store.listRecords());
      const shut = sorted.records
        .filter((r) => sealedShut.has(r.id))
        .map((r) => ({
          id: r.id,
          label: r.label,
          apiKeyHint: r.apiKeyHint,
          reason: sealedShut.get(r.id) ?? '',
        }));
      return [...sorted.unreadable.map((u) => u.damaged), ...shut];
    },

    /** Stores a key bound to `input.endpoint` (Kraken's REST URL or one on this computer). */
    async addKey(input: KeyToStore): Promise<KeySummary> {
      const k = requireKey();
      const secrets = checkSecrets(input);
      if (!isBindableEndpoint(input.endpoint))
        throw new VaultError('invalid-key', 'not an endpoint a key may be bound to');
      const id = toBase64(randomBytes(9)).replace(/[+/]/g, '_');
      // Strictly increasing creation times keep the list in the order keys were added.
      const existing = sortRecords(await store.listRecords()).records;
      const t = Math.max(now(), ...existing.map((r) => r.createdAt + 1));
      const record = await sealRecord(
        k,
        {
          id,
          label: input.label.trim() || 'Kraken key',
          apiKeyHint: secrets.apiKey.slice(-4),
          createdAt: t,
          updatedAt: t,
          verification: input.verification ?? { status: 'unchecked' },
          endpoint: input.endpoint,
          nonceScale: input.nonceScale ?? 'ms',
        },
        secrets,
      );
      await store.putRecord(record);
      const active = await store.getActiveId();
      if (!active || !(await usable()).some((r) => r.id === active)) await store.setActiveId(id);
      return summary(record, await store.getActiveId());
    },

    /** New credentials for a key: same endpoint, a new version (another account for live trading). */
    async replaceKey(
      id: string,
      input: Omit<NewKey, 'label'> & { nonceScale?: NonceScale; verification?: KeyVerification },
    ): Promise<void> {
      requireKey();
      const secrets = checkSecrets(input);
      await update(
        id,
        (record) => ({
          apiKeyHint: secrets.apiKey.slice(-4),
          verification: input.verification ?? { status: 'unchecked' },
          keyVersion: (record.keyVersion ?? 1) + 1,
          ...(input.nonceScale ? { nonceScale: input.nonceScale } : {}),
        }),
        secrets,
      );
    },

    /** Needs the vault unlocked: the label is authenticated with the secret, so it is sealed again. */
    relabel: (id: string, label: string) => update(id, (r) => ({ label: label.trim() || r.label })),

    /** Stores a check's result; with `keyVersion`, only if the key was not replaced since it was checked. */
    setVerification: (id: string, verification: KeyVerification, keyVersion?: number) =>
      update(
        id,
        (record) => {
          if (keyVersion !== undefined && (record.keyVersion ?? 1) !== keyVersion)
            throw new VaultError('not-found');
          return { verification };
        },
        undefined,
        false,
      ),

    /** Works locked too, and for a damaged record: removing never needs the secret. */
    async removeKey(id: string): Promise<void> {
      const raws = await store.listRecords();
      const raw = raws.find((r) => recordId(r) === id);
      if (raw === undefined) throw new VaultError('not-found');
      const storedKey = (raw as { id?: unknown }).id;
      await store.deleteRecord(
        typeof storedKey === 'string' || typeof storedKey === 'number' ? storedKey : id,
      );
      sealedShut.delete(id);
      if ((await store.getActiveId()) === id) {
        const rest = (await usable()).sort((a, b) => a.createdAt - b.createdAt);
        await store.setActiveId(rest[0]?.id);
      }
    },

    async setActive(id: string): Promise<void> {
      await find(id);
      await store.setActiveId(id);
    },

    /** The active key's secrets, endpoint and scale, for signing in the background. Never send to a page. */
    async activeSecrets(): Promise<KeyMaterial> {
      const k = requireKey();
      const activeId = await store.getActiveId();
      if (activeId === undefined) throw new VaultError('no-vault');
      const record = await find(activeId).catch((e: unknown) => {
        throw e instanceof VaultError && e.code === 'not-found' ? new VaultError('no-vault') : e;
      });
      return materialOf(record, await secretsOf(k, record));
    },

    /** Every usable key's secrets (the checks after unlock). Never send the result to a UI page. */
    async allSecrets(): Promise<KeyMaterial[]> {
      const k = requireKey();
      const out: KeyMaterial[] = [];
      for (const record of await usable()) {
        const opened = await openRecord(k, record);
        if (opened.ok) out.push(materialOf(record, opened.secrets));
      }
      return out;
    },

    /** Which key is active and its version, without decrypting anything; null while locked or empty. */
    async activeRef(): Promise<{ id: string; keyVersion: number; endpoint: string } | null> {
      if (!key) return null;
      const activeId = await store.getActiveId();
      const record = (await usable()).find((r) => r.id === activeId);
      if (!record) return null;
      const { keyVersion, endpoint } = materialOf(record, { apiKey: '', apiSecret: '' });
      return { id: record.id, keyVersion, endpoint };
    },
  };
  return vault;
}

export type Vault = ReturnType<typeof createVault>;
