// Opening the vault's records with a key: every record that opens, and every one that does not set aside as
// damaged (kept, named, removable) instead of failing the rest. Also re-sealing on unlock (a newer format,
// a stronger KDF), which leaves damaged records exactly as they were stored.
import type { NonceScale } from '../kraken/auth/nonce.ts';
import { keyEndpoint } from './binding.ts';
import { open, seal } from './crypto.ts';
import type { DamagedKey, KdfParams, KeySecrets, VaultHeader, VaultRecord } from './format.ts';
import { CHECK_PLAINTEXT, CURRENT_FORMAT, checkAad, recordAad } from './format.ts';
import { parseRecord, parseSecrets } from './record.ts';

/** A record's secrets and what signing with them needs: which key, its version, its endpoint and scale. */
export interface KeyMaterial extends KeySecrets {
  id: string;
  keyVersion: number;
  /** The REST base URL the key signs for, and only that one. */
  endpoint: string;
  nonceScale: NonceScale;
}

export const DAMAGED_SEAL =
  'the stored key does not open with this vault’s passphrase (altered or corrupted)';
const DAMAGED_CONTENT = 'the stored key’s sealed content is unreadable';

export function materialOf(record: VaultRecord, secrets: KeySecrets): KeyMaterial {
  return {
    ...secrets,
    id: record.id,
    keyVersion: record.keyVersion ?? 1,
    endpoint: keyEndpoint(record),
    nonceScale: record.nonceScale ?? 'ms',
  };
}

/** Decrypts one record: its secrets, or why it is damaged. */
export async function openRecord(
  key: CryptoKey,
  record: VaultRecord,
): Promise<{ ok: true; secrets: KeySecrets } | { ok: false; reason: string }> {
  const text = await open(key, record.sealed, recordAad(record));
  if (text === null) return { ok: false, reason: DAMAGED_SEAL };
  const secrets = parseSecrets(text);
  return secrets ? { ok: true, secrets } : { ok: false, reason: DAMAGED_CONTENT };
}

export interface Sorted {
  /** Records that parse, in storage order. */
  records: VaultRecord[];
  /** Raw values that do not parse, with why. */
  unreadable: { raw: unknown; damaged: DamagedKey }[];
}

export function sortRecords(raws: readonly unknown[]): Sorted {
  const out: Sorted = { records: [], unreadable: [] };
  for (const raw of raws) {
    const parsed = parseRecord(raw);
    if (parsed.ok) out.records.push(parsed.record);
    else out.unreadable.push({ raw, damaged: parsed.damaged });
  }
  return out;
}

export interface Opened {
  opened: { record: VaultRecord; secrets: KeySecrets }[];
  /** Records that parse but do not open, by id, with why. */
  sealedShut: Map<string, string>;
}

export async function openAll(key: CryptoKey, records: readonly VaultRecord[]): Promise<Opened> {
  const out: Opened = { opened: [], sealedShut: new Map() };
  for (const record of records) {
    const result = await openRecord(key, record);
    if (result.ok) out.opened.push({ record, secrets: result.secrets });
    else out.sealedShut.set(record.id, result.reason);
  }
  return out;
}

/** Seals secrets with the record's visible fields (format 2: all of them are authenticated). */
export async function sealRecord(
  key: CryptoKey,
  meta: Omit<VaultRecord, 'sealed' | 'format'>,
  secrets: KeySecrets,
): Promise<VaultRecord> {
  const unsealed = { ...meta, format: CURRENT_FORMAT };
  return { ...unsealed, sealed: await seal(key, JSON.stringify(secrets), recordAad(unsealed)) };
}

/** A header at the current format: the KDF parameters and the passphrase check sealed with its key. */
export async function sealHeader(key: CryptoKey, kdf: KdfParams, createdAt: number): Promise<VaultHeader> {
  const check = await seal(key, CHECK_PLAINTEXT, checkAad({ format: CURRENT_FORMAT, createdAt }));
  return { format: CURRENT_FORMAT, kdf, check, createdAt };
}
