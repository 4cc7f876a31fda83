// English texts every page may show: a launch from the address bar, numbers typed the locale's way, and the
// errors any request can end in (the background not answering, the vault's). Loaded with every page's own
// area (lib/i18n/areas.ts).
export const commonEn = {
  'launch.order':
    'From the address bar: check the order, then preview and confirm it. Nothing is sent before.',
  'launch.alert': 'From the address bar: check the alert, then create it.',
  'launch.noPair': 'Add a pair to the watchlist first: the ticket trades the starred pair.',
  'launch.failed': 'The address bar’s request could not be opened: {reason}',

  'number.empty': 'Enter a number.',
  'number.grouping': 'Write the number without thousands separators: 1000, not 1,000 or 1 000.',
  'number.ambiguous':
    '“{text}” could be read as thousands or as decimals. Write 1000 for a thousand; decimals take a point (1.5).',
  'number.wrongSeparator': 'Decimals take a point in English: 0.5, not 0,5.',
  'number.incomplete': 'Add the digits after the point, or remove the point.',
  'number.sign': 'Enter the number without a sign.',
  'number.exponent': 'Write the number in full, without an exponent (e).',
  'number.invalid': 'Use digits only, with a point for decimals.',

  'error.unreachable':
    'The extension’s background did not answer. It restarts by itself; try again in a moment.',
  'vaultError.no-vault': 'No key is stored yet. Add an API key first.',
  'vaultError.vault-exists': 'A vault already exists. Unlock it with its passphrase to add keys.',
  'vaultError.locked': 'The vault is locked. Unlock it with your passphrase to use your Kraken key.',
  'vaultError.wrong-passphrase':
    'Wrong passphrase, or the vault’s passphrase check was altered. Check the passphrase and try again. If you no longer know it, “Reset the vault” removes the stored keys so you can add them again.',
  'vaultError.kdf-downgrade':
    'The stored vault asks for a weaker key derivation than this version accepts, so it may have been altered; it is not opened. “Reset the vault” removes it; then add your keys again.',
  'vaultError.weak-passphrase': 'Use a passphrase of at least {min} characters.',
  'vaultError.invalid-key': 'That does not look like a Kraken API key and private key.',
  'vaultError.not-found': 'That key no longer exists.',
  'vaultError.corrupted':
    'The stored vault is damaged and cannot be opened. “Reset the vault” removes it; then add your keys again.',
  'vaultError.record-damaged':
    'This key’s stored record is damaged and cannot be used. Remove it, then add the key again.',
  'vaultError.withdraw-rights':
    'This key can withdraw funds: anyone who obtained it could move your money out of Kraken. Create a key without “Withdraw Funds” on Kraken (recommended), or confirm that you want to keep this one.',
  'vaultError.reset-unconfirmed': 'Type {word} to confirm: every stored key will be removed.',
} as const;
