// The vault's stored format. Changing any of this needs a new format number and a migration;
// test/fixtures/vault-v1.json is a frozen v1 vault that must always open (and is migrated on unlock).
//   v1: a record's associated data bound only its id.
//   v2: it binds every field a person sees (label, key hint, times, check result), and the header's
//       creation time is bound to the passphrase check: any edit at rest makes that record unreadable.
// Optional v2 fields added later (keyVersion, endpoint, nonceScale, the check's permissions) are bound the
// same way but left out of the associated data while absent, so records sealed before them still open.
import type { NonceScale } from '../kraken/auth/nonce.ts';

export type VaultFormat = 1 | 2;
export const CURRENT_FORMAT: VaultFormat = 2;

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
  format: VaultFormat;
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
  | {
      status: 'verified';
      at: number;
      canQuery: boolean;
      canTrade: boolean;
      /** Whether Kraken gave a WebSocket token (absent: checked before this was asked). */
      canWebSocket?: boolean;
      notes: string[];
      /** How it was found out: Kraken's GetApiKeyInfo, or trying calls (absent: checked before either). */
      source?: 'key-info' | 'probe';
      /** GetApiKeyInfo `permissions`, Kraken's names ("query-funds", "withdraw-funds", …). */
      permissions?: string[];
      /**
       * Whether the key can withdraw funds. 'unknown': GetApiKeyInfo was unavailable and the probe could not
       * tell (WithdrawStatus answers for "Withdraw" or for "Query ledger entries" alike).
       */
      withdraw?: 'yes' | 'no' | 'unknown';
      /** GetApiKeyInfo `validUntil`: Unix seconds after which Kraken refuses the key; 0 = no expiry. */
      validUntil?: number;
      /** GetApiKeyInfo `ipAllowlist`: the addresses allowed to use the key; empty = any. */
      ipAllowlist?: string[];
    };

/** One API key. Only the label and the API key's last four characters are stored in clear. */
export interface VaultRecord {
  format: VaultFormat;
  id: string;
  label: string;
  apiKeyHint: string;
  sealed: Sealed;
  createdAt: number;
  updatedAt: number;
  verification: KeyVerification;
  /**
   * Bumped by every replacement of the key's credentials (absent: 1). A replaced key is another account for
   * live trading: its orders are never reconciled or resent with the new one. Authenticated like the rest.
   */
  keyVersion?: number;
  /**
   * The REST base URL the key was added for; it signs for no other (lib/vault/binding.ts). Absent on records
   * sealed before keys were bound: those are bound to Kraken (UNBOUND_ENDPOINT), never to a custom endpoint.
   */
  endpoint?: string;
  /** The scale of the key's nonces (docs/nonce.md), chosen when it was added. Absent: 'ms'. */
  nonceScale?: NonceScale;
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
  /** The REST base URL the key signs for. */
  endpoint: string;
  nonceScale: NonceScale;
}

/**
 * A stored key that cannot be used: its record is unreadable, or it does not open with the vault's key
 * (altered or corrupted at rest). Kept and listed by name until the person removes it.
 */
export interface DamagedKey {
  id: string;
  label: string;
  apiKeyHint: string;
  /** What is wrong, in a sentence (never key material). */
  reason: string;
}

// Associated data binds each ciphertext to its place: a record moved under another id, or the passphrase
// check swapped for a record, fails to decrypt.
const AAD_V1 = 'kraken-trader/vault/v1';
const AAD_V2 = 'kraken-trader/vault/v2';
export const CHECK_PLAINTEXT = 'kraken-trader vault check v1';

/** JSON with object keys sorted, so the same data always gives the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checkAad(header: Pick<VaultHeader, 'format' | 'createdAt'>): string {
  return header.format === 1 ? `${AAD_V1}/check` : `${AAD_V2}/check/${header.createdAt}`;
}

export function recordAad(record: Omit<VaultRecord, 'sealed'>): string {
  if (record.format === 1) return `${AAD_V1}/record/${record.id}`;
  // keyVersion, endpoint and nonceScale are left out while absent (canonical drops undefined), so records
  // sealed before they existed open.
  const { id, label, apiKeyHint, createdAt, updatedAt, verification, keyVersion, endpoint, nonceScale } =
    record;
  const bound = {
    id,
    label,
    apiKeyHint,
    createdAt,
    updatedAt,
    verification,
    keyVersion,
    endpoint,
    nonceScale,
  };
  return `${AAD_V2}/record/${canonical(bound)}`;
}
