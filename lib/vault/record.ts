// What is read back from the vault's storage is checked before use: IndexedDB holds whatever was written to
// it (by us, an older version, another extension with the profile, a disk error). A header that does not
// parse cannot be opened (only a reset helps); a record that does not parse is set aside as damaged and the
// other keys still open.
import { isNonceScale } from '../kraken/auth/nonce.ts';
import { isBindableEndpoint } from './binding.ts';
import { fromBase64 } from './crypto.ts';
import { VaultError } from './errors.ts';
import type { DamagedKey, KeySecrets, KeyVerification, VaultHeader, VaultRecord } from './format.ts';

/** OWASP 2023 minimum for PBKDF2-HMAC-SHA256 (OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256: 600,000 iterations). */
export const KDF_FLOOR = 600_000;
/**
 * The most iterations a stored vault may ask for: ~16× the floor, a few seconds of WebCrypto PBKDF2. Anything
 * above (a corrupted 2^31) would hang unlock for minutes, so it is refused as damage.
 */
export const KDF_CEILING = 10_000_000;

type Fields = Record<string, unknown>;
const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStrings = (v: unknown, max: number): v is string[] =>
  Array.isArray(v) && v.length <= 64 && v.every((s) => isText(s, max));

function isBase64(text: unknown, bytes?: number): boolean {
  if (typeof text !== 'string' || text.length > 1_000_000) return false;
  try {
    const n = fromBase64(text).length;
    return bytes === undefined || n === bytes;
  } catch {
    return false;
  }
}

const isSealed = (v: unknown): boolean => isRecord(v) && isBase64(v.iv) && isBase64(v.data);

/** The vault header, or a VaultError saying why it cannot be used (corrupted, or a KDF out of bounds). */
export function parseHeader(raw: unknown, floor = KDF_FLOOR, ceiling = KDF_CEILING): VaultHeader {
  if (!isRecord(raw) || !isRecord(raw.kdf)) throw new VaultError('corrupted', 'unreadable vault header');
  const { kdf } = raw;
  if ((raw.format !== 1 && raw.format !== 2) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') {
    throw new VaultError('corrupted', 'unknown vault format');
  }
  const iterations = kdf.iterations;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations)) {
    throw new VaultError('corrupted', 'unreadable key derivation settings');
  }
  if (iterations < floor) throw new VaultError('kdf-downgrade');
  if (iterations > ceiling) throw new VaultError('corrupted', 'key derivation cost out of range');
  if (!isBase64(kdf.salt, 16) || !isSealed(raw.check) || !isTime(raw.createdAt)) {
    throw new VaultError('corrupted', 'unreadable vault header');
  }
  const check = raw.check as Fields;
  return {
    format: raw.format,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: kdf.salt as string },
    check: { iv: check.iv as string, data: check.data as string },
    createdAt: raw.createdAt,
  };
}

/** A stored key check, with exactly the fields it was sealed with (they are authenticated), or null. */
export function parseVerification(raw: unknown): KeyVerification | null {
  if (!isRecord(raw)) return null;
  switch (raw.status) {
    case 'unchecked':
      return { status: 'unchecked' };
    case 'unverified':
    case 'rejected':
      return isTime(raw.at) && isText(raw.reason, 2_000)
        ? { status: raw.status, at: raw.at, reason: raw.reason }
        : null;
    case 'verified': {
      const { at, canQuery, canTrade, canWebSocket, notes, source, permissions, withdraw } = raw;
      const { validUntil, ipAllowlist } = raw;
      const ok =
        isTime(at) &&
        typeof canQuery === 'boolean' &&
        typeof canTrade === 'boolean' &&
        (canWebSocket === undefined || typeof canWebSocket === 'boolean') &&
        isStrings(notes, 2_000) &&
        (source === undefined || source === 'key-info' || source === 'probe') &&
        (permissions === undefined || isStrings(permissions, 64)) &&
        (withdraw === undefined || withdraw === 'yes' || withdraw === 'no' || withdraw === 'unknown') &&
        (validUntil === undefined || isTime(validUntil)) &&
        (ipAllowlist === undefined || isStrings(ipAllowlist, 64));
      if (!ok) return null;
      return {
        status: 'verified',
        at,
        canQuery,
        canTrade,
        ...(canWebSocket === undefined ? {} : { canWebSocket }),
        notes,
        ...(source === undefined ? {} : { source }),
        ...(permissions === undefined ? {} : { permissions }),
        ...(withdraw === undefined ? {} : { withdraw }),
        ...(validUntil === undefined ? {} : { validUntil }),
        ...(ipAllowlist === undefined ? {} : { ipAllowlist }),
      };
    }
    default:
      return null;
  }
}

export type ParsedRecord = { ok: true; record: VaultRecord } | { ok: false; damaged: DamagedKey };

/** The id a record is stored under, as text (IndexedDB's keyPath makes it a valid key, not always a string). */
export const recordId = (raw: unknown): string =>
  isRecord(raw) && typeof raw.id === 'string'
    ? raw.id
    : JSON.stringify(isRecord(raw) ? (raw.id ?? null) : null);

/** A stored record, or why it cannot be used (named by what can still be read of it). */
export function parseRecord(raw: unknown): ParsedRecord {
  const damaged = (reason: string): ParsedRecord => ({
    ok: false,
    damaged: {
      id: recordId(raw),
      label:
        isRecord(raw) && typeof raw.label === 'string' && raw.label.trim()
          ? raw.label.slice(0, 64)
          : 'Unnamed key',
      apiKeyHint: isRecord(raw) && typeof raw.apiKeyHint === 'string' ? raw.apiKeyHint.slice(-4) : '',
      reason,
    },
  });
  if (!isRecord(raw)) return damaged('the stored record is not readable');
  const { format, id, label, apiKeyHint, sealed, createdAt, updatedAt, keyVersion, endpoint, nonceScale } =
    raw;
  if (format !== 1 && format !== 2) return damaged('the stored record has an unknown format');
  if (!isText(id, 128) || id === '' || !isText(label, 256) || !isText(apiKeyHint, 16)) {
    return damaged('the stored record’s name is unreadable');
  }
  if (!isSealed(sealed) || !isTime(createdAt) || !isTime(updatedAt)) {
    return damaged('the stored record is incomplete');
  }
  // A v1 record's associated data bound only its id: a missing check result there is repaired, not fatal.
  const verification =
    format === 1 && raw.verification === undefined
      ? { status: 'unchecked' as const }
      : parseVerification(raw.verification);
  if (!verification) return damaged('the stored key check is unreadable');
  if (keyVersion !== undefined && !(Number.isSafeInteger(keyVersion) && (keyVersion as number) >= 1)) {
    return damaged('the stored key version is unreadable');
  }
  if (endpoint !== undefined && !(typeof endpoint === 'string' && isBindableEndpoint(endpoint))) {
    return damaged('the key is bound to an endpoint this version does not allow');
  }
  if (nonceScale !== undefined && !isNonceScale(nonceScale))
    return damaged('the stored nonce scale is unreadable');
  const s = sealed as Fields;
  return {
    ok: true,
    record: {
      format,
      id,
      label,
      apiKeyHint,
      sealed: { iv: s.iv as string, data: s.data as string },
      createdAt,
      updatedAt,
      verification,
      ...(keyVersion === undefined ? {} : { keyVersion: keyVersion as number }),
      ...(endpoint === undefined ? {} : { endpoint: endpoint as string }),
      ...(nonceScale === undefined ? {} : { nonceScale }),
    },
  };
}

/** What a record's ciphertext held, or null when it is not a key (a record sealed with garbage). */
export function parseSecrets(text: string): KeySecrets | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || !isText(value.apiKey, 1_024) || !isText(value.apiSecret, 1_024)) return null;
  if (value.otp !== undefined && !isText(value.otp, 256)) return null;
  return {
    apiKey: value.apiKey,
    apiSecret: value.apiSecret,
    ...(typeof value.otp === 'string' ? { otp: value.otp } : {}),
  };
}
