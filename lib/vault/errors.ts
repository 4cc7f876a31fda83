export type VaultErrorCode =
  | 'no-vault'
  | 'vault-exists'
  | 'locked'
  | 'wrong-passphrase'
  | 'kdf-downgrade'
  | 'weak-passphrase'
  | 'invalid-key'
  | 'not-found'
  | 'corrupted';

const MESSAGES: Record<VaultErrorCode, string> = {
  'no-vault': 'No key is stored yet. Add an API key first.',
  'vault-exists': 'A vault already exists. Unlock it with its passphrase to add keys.',
  locked: 'The vault is locked. Unlock it with your passphrase to use your Kraken key.',
  // One message for both on purpose: an attacker must not learn which one it was.
  'wrong-passphrase':
    'Wrong passphrase, or the stored keys were altered. Check the passphrase and try again.',
  'kdf-downgrade':
    'The stored vault uses a weaker key derivation than this version allows; it may have been tampered with. Remove the key and add it again.',
  'weak-passphrase': 'Use a passphrase of at least 10 characters.',
  'invalid-key': 'That does not look like a Kraken API key and private key.',
  'not-found': 'That key no longer exists.',
  corrupted: 'The stored vault is damaged. Remove the key and add it again.',
};

/** Vault failures, with a message that says what to do. Never carries key material. */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
  }
}
