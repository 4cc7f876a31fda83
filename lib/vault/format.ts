// The vault's stored format, version 1. Changing any of this needs a new format number and a migration;
// test/fixtures/vault-v1.json is a frozen v1 vault that must always open.

/** PBKDF2-SHA256 parameters, stored with the ciphertext so they can be raised later. */
export interface KdfParams {
  name: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
}

/** AES-256-GCM output: a fresh 12-byte IV per encryption; `data` is ciphertext + 16-byte tag. */
export interface Sealed {
  iv: string;
  data: string;
}

/** One per vault: how to derive the key, and a sealed constant that proves the passphrase. */
export interface VaultHeader {
  format: 1;
  kdf: KdfParams;
  check: Sealed;
  createdAt: number;
}

export type KeyVerification =
  | { status: 'unchecked' }
  /** The exchange could not be asked (offline, unreachable endpoint): saved anyway, checked later. */
  | { status: 'unverified'; at: number; reason: string }
  /** The exchange refused the key itself (invalid key or signature). */
  | { status: 'rejected'; at: number; reason: string }
  | { status: 'verified'; at: number; canQuery: boolean; canTrade: boolean; notes: string[] };

/** One API key. Only the label and the API key's last four characters are stored in clear. */
export interface VaultRecord {
  format: 1;
  id: string;
  label: string;
  apiKeyHint: string;
  sealed: Sealed;
  createdAt: number;
  updatedAt: number;
  verification: KeyVerification;
}

/** What is sealed in a record. */
export interface KeySecrets {
  apiKey: string;
  apiSecret: string;
  /** Static password for keys with 2FA ("key management password"); optional. */
  otp?: string;
}

/** What the UI may see of a key: never the secret. */
export interface KeySummary {
  id: string;
  label: string;
  apiKeyHint: string;
  active: boolean;
  createdAt: number;
  verification: KeyVerification;
}

// Associated data binds each ciphertext to its place: a record moved under another id, or the passphrase
// check swapped for a record, fails to decrypt.
export const AAD_PREFIX = 'kraken-trader/vault/v1';
export const checkAad = () => `${AAD_PREFIX}/check`;
export const recordAad = (id: string) => `${AAD_PREFIX}/record/${id}`;
export const CHECK_PLAINTEXT = 'kraken-trader vault check v1';
