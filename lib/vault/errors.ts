export type VaultErrorCode =
  | 'no-vault'
  | 'vault-exists'
  | 'locked'
  | 'wrong-passphrase'
  | 'kdf-downgrade'
  | 'weak-passphrase'
  | 'invalid-key'
  | 'not-found'
  | 'corrupted'
  | 'record-damaged'
  | 'withdraw-rights'
  | 'reset-unconfirmed';

/** The shortest passphrase the vault takes (the options page checks it before sending; the vault again). */
export const MIN_PASSPHRASE = 10;

/** The word a person types to reset the vault (the options page asks for it; the background checks it). */
export const RESET_WORD = 'RESET';

// Every message says what the person can actually do from the options page: unlock again, reset the vault
// (it is offered whatever the vault's state), remove one key (possible while locked), add a key.
const MESSAGES: Record<VaultErrorCode, string> = {
  'no-vault': 'No key is stored yet. Add an API key first.',
  'vault-exists': 'A vault already exists. Unlock it with its passphrase to add keys.',
  locked: 'The vault is locked. Unlock it with your passphrase to use your Kraken key.',
  // The passphrase check failed: a wrong passphrase, or the check value altered at rest. One message for both.
  'wrong-passphrase':
    'Wrong passphrase, or the vault’s passphrase check was altered. Check the passphrase and try again. If you no longer know it, “Reset the vault” removes the stored keys so you can add them again.',
  'kdf-downgrade':
    'The stored vault asks for a weaker key derivation than this version accepts, so it may have been altered; it is not opened. “Reset the vault” removes it; then add your keys again.',
  'weak-passphrase': `Use a passphrase of at least ${MIN_PASSPHRASE} characters.`,
  'invalid-key': 'That does not look like a Kraken API key and private key.',
  'not-found': 'That key no longer exists.',
  corrupted:
    'The stored vault is damaged and cannot be opened. “Reset the vault” removes it; then add your keys again.',
  'record-damaged':
    'This key’s stored record is damaged and cannot be used. Remove it, then add the key again.',
  'withdraw-rights':
    'This key can withdraw funds: anyone who obtained it could move your money out of Kraken. Create a key without “Withdraw Funds” on Kraken (recommended), or confirm that you want to keep this one.',
  'reset-unconfirmed': `Type ${RESET_WORD} to confirm: every stored key will be removed.`,
};

/** Vault failures, with a message that says what to do. Never carries key material. */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: VaultErrorCode,
    /** What went wrong beyond the code (never key material): kept apart so a page can translate the rest. */
    readonly detail?: string,
  ) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
  }
}
