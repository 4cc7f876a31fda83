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
  // Kraken's refusals and the order path's endings, by code (lib/ui/error-text.ts); Kraken's own words are shown beside them as they came.
  'error.kraken': '{hint} (Kraken said: {words})',
  'error.outcomeUnknown':
    'Kraken has not said whether this order was placed. Do not place it again: we keep asking.',
  'error.expired.too-old':
    'Not placed: the confirmation is too old to send. Review the order and confirm it again.',
  'error.expired.absent':
    'Not placed: Kraken does not have this order and it could not be confirmed in time. Review it and place it again if you still want it.',
  'error.expired.never-sent':
    'Not placed: it was never sent (the extension restarted). Review it and place it again if you still want it.',
  'error.expired.attempts':
    'Not placed: Kraken did not take it after several tries. Review it and place it again if you still want it.',
  'error.foreign':
    'This order was confirmed for another key or exchange, so it is not sent here. Open a new ticket to place it on this account.',
  'error.notReady': 'Live trading is not ready yet. Try again in a moment.',
  'krakenError.invalid-key':
    'Kraken does not recognise this API key. Check that it was copied whole and has not been deleted.',
  'krakenError.invalid-signature':
    'The request signature was refused. The API secret is probably wrong or incomplete: paste it again exactly as Kraken showed it.',
  'krakenError.invalid-nonce':
    'Kraken saw a request number (nonce) that was not larger than the last one: another app is probably using the same key. Give this extension a key of its own, with the nonce window left at 0.',
  'krakenError.lockout':
    'Kraken has locked this key for a few minutes after too many failed calls. Wait about 15 minutes before trying again.',
  'krakenError.rate-limit': 'Too many requests in a short time. We slow down and try again; nothing to do.',
  'krakenError.throttled':
    'Kraken asked us to pause because of too many requests at once. We wait and try again.',
  'krakenError.order-rate-limit':
    'Too many order changes in a short time. Wait a few seconds before placing or cancelling more orders.',
  'krakenError.orders-limit':
    'You already have the maximum number of open orders on this pair. Cancel some before placing new ones.',
  'krakenError.insufficient-funds':
    'Your available balance is too small for this order (funds held by open orders do not count).',
  'krakenError.margin': 'This order exceeds your margin allowance or level.',
  'krakenError.order-minimum':
    'The amount is below the smallest order this pair allows. Increase the amount.',
  'krakenError.cost-minimum':
    'The order is worth less than the minimum this pair allows (price × amount). Increase the amount.',
  'krakenError.tick-size':
    'The price is not a multiple of the price step this pair allows. Round it to the step.',
  'krakenError.invalid-price':
    'The price is not valid for this pair: check the number of decimals and that it is above zero.',
  'krakenError.invalid-arguments': 'Kraken refused a value in the request. Check the order fields.',
  'krakenError.unknown-pair': 'Kraken does not list this pair. Refresh the pair list and choose another.',
  'krakenError.unknown-order':
    'Kraken has no open order with this id; it may already be filled or cancelled.',
  'krakenError.permission-denied':
    'This API key lacks the permission for this action. Enable it in the key settings on Kraken.',
  'krakenError.account-restricted':
    'Kraken has restricted this account for this action. Check your account on Kraken or contact Kraken support.',
  'krakenError.unavailable':
    'Kraken is temporarily unavailable. We try again shortly; an order may or may not have been placed, so we check before resending.',
  'krakenError.busy':
    'Kraken is busy. We try again shortly; an order may or may not have been placed, so we check before resending.',
  'krakenError.market-mode':
    'The market is in a restricted mode (cancel-only, post-only or limit-only). Try again when it is back to normal.',
  'krakenError.deadline-elapsed':
    'The order reached Kraken too late and was not placed. You can send it again.',
  'krakenError.internal': 'Kraken had an internal error. We check and try again later.',
  'krakenError.unknown-method': 'Kraken has no such API method.',
  'krakenError.timeout':
    'Kraken did not answer in time. We try again if it is safe; an order is checked before any resend.',
  'krakenError.network': 'Could not reach Kraken. Check the internet connection.',
  'krakenError.http-status': 'Kraken (or its CDN) answered with an error page. This is usually temporary.',
  'krakenError.not-json':
    'Kraken answered with something that is not its API format (often a Cloudflare page). This is usually temporary.',
  'krakenError.bad-envelope': 'Kraken answered in an unexpected format.',
  'krakenError.not-sent':
    'Nothing was sent: the API key or the exchange changed while this was on its way. Check the Trade tab and try again if you still want it.',
  'krakenError.unknown': 'Kraken refused the request.',
} as const;
