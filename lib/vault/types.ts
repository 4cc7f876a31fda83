// The vault's injected storage and session slot, what it is given, and the check of a key's shape.
import type { NonceScale } from '../kraken/auth/nonce.ts';
import { fromBase64 } from './crypto.ts';
import { VaultError } from './errors.ts';
import type {
  DamagedKey,
  KeySecrets,
  KeySummary,
  KeyVerification,
  VaultHeader,
  VaultRecord,
} from './format.ts';

export type VaultStatus = 'empty' | 'locked' | 'unlocked';

/** What the UI may know about the vault: status and key summaries, never a secret. */
export interface VaultView {
  status: VaultStatus;
  /** Usable keys (listed while locked too: label and last four characters are stored in clear). */
  keys: KeySummary[];
  /** Keys whose record is unreadable or does not open: kept, named, removable. */
  damaged: DamagedKey[];
  /** The checks that follow an unlock are still asking the exchanges. */
  checking: boolean;
  /** The configured REST endpoint: a key added now is bound to it. */
  endpoint: string;
  autoLockMinutes: number;
  /** Messages refused at the trust boundary since the browser started. */
  refused: { untrusted: number; malformed: number };
}

export interface VaultStore {
  /** The stored header as it was read (checked before use). */
  getHeader(): Promise<unknown>;
  /** Every stored record as it was read (checked before use). */
  listRecords(): Promise<unknown[]>;
  getActiveId(): Promise<string | undefined>;
  setActiveId(id: string | undefined): Promise<void>;
  putRecord(record: VaultRecord): Promise<void>;
  /** By the key the record is stored under (a damaged record's id need not be a string). */
  deleteRecord(key: IDBValidKey): Promise<void>;
  /** Replaces the header and every record in one transaction (passphrase set-up, KDF upgrade). */
  replaceAll(header: VaultHeader, records: readonly unknown[]): Promise<void>;
  /** Removes the header, every record and the active key in one transaction (a reset); nothing else. */
  clearAll(): Promise<void>;
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
  /** Refuse stored parameters above this (a corrupted count would hang unlock). */
  kdfCeiling?: number;
  /** New vaults use this; weaker stored vaults are re-sealed with it on unlock. */
  kdfTarget?: number;
}

export interface NewKey {
  label: string;
  apiKey: string;
  apiSecret: string;
  otp?: string;
}

/** A key as the vault stores it: bound to `endpoint`, signing with nonces at `nonceScale`. */
export interface KeyToStore extends NewKey {
  endpoint: string;
  nonceScale?: NonceScale;
  verification?: KeyVerification;
}

/** Throws `invalid-key` unless this looks like a Kraken API key and private key; returns them trimmed. */
export function checkSecrets(k: { apiKey: string; apiSecret: string; otp?: string }): KeySecrets {
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
  return { apiKey, apiSecret: secret, ...(k.otp?.trim() ? { otp: k.otp.trim() } : {}) };
}
