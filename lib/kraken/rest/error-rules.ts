// Kraken error strings → code, category and a plain-language hint (the KrakenError class is in errors.ts).
// Strings and meanings: https://docs.kraken.com/api/docs/guides/spot-errors and
// https://support.kraken.com/hc/en-us/articles/360001491786 (SPEC.md §3). Kraken appends details to some
// messages ("EOrder:Order minimum not met (volume too low)", "EService: Throttled: 1700000000"), so we match
// by prefix after normalising the space some strings carry after the colon.

export type KrakenErrorCategory =
  | 'auth' // key, signature, nonce, lockout: fix the credentials or the clock, do not loop
  | 'rate-limit' // counters: wait, then go on
  | 'funds' // not enough balance or margin
  | 'order' // the order breaks a rule of the pair or the account
  | 'input' // malformed arguments, unknown pair
  | 'permission' // the key lacks a permission, or the account is restricted
  | 'service' // Kraken is down, busy or in a restricted mode
  | 'transport' // no usable answer: network, timeout, HTTP status, not JSON
  | 'unknown';

export type KrakenErrorCode =
  | 'invalid-key'
  | 'invalid-signature'
  | 'invalid-nonce'
  | 'lockout'
  | 'rate-limit'
  | 'throttled'
  | 'order-rate-limit'
  | 'orders-limit'
  | 'insufficient-funds'
  | 'margin'
  | 'order-minimum'
  | 'cost-minimum'
  | 'tick-size'
  | 'invalid-price'
  | 'invalid-arguments'
  | 'unknown-pair'
  | 'unknown-order'
  | 'permission-denied'
  | 'account-restricted'
  | 'unavailable'
  | 'busy'
  | 'market-mode'
  | 'deadline-elapsed'
  | 'internal'
  | 'unknown-method'
  | 'timeout'
  | 'network'
  | 'http-status'
  | 'not-json'
  | 'bad-envelope'
  | 'not-sent'
  | 'unknown';

export interface Rule {
  prefix: string;
  code: KrakenErrorCode;
  category: KrakenErrorCategory;
  retryable: boolean;
  hint: string;
}

// Order matters: the first matching prefix wins, so longer prefixes come before shorter ones.
const RULES: readonly Rule[] = [
  r(
    'EAPI:Invalid key',
    'invalid-key',
    'auth',
    false,
    'Kraken does not recognise this API key. Check that it was copied whole and has not been deleted.',
  ),
  r(
    'EAPI:Invalid signature',
    'invalid-signature',
    'auth',
    false,
    'The request signature was refused. The API secret is probably wrong or incomplete: paste it again exactly as Kraken showed it.',
  ),
  r(
    'EAPI:Invalid nonce',
    'invalid-nonce',
    'auth',
    false,
    'Kraken saw a request number (nonce) that was not larger than the last one: another app is probably using the same key. Give this extension a key of its own, with the nonce window left at 0 (a window lets a delayed copy of an order through).',
  ),
  r(
    'EGeneral:Temporary lockout',
    'lockout',
    'auth',
    false,
    'Kraken has locked this key for a few minutes after too many failed calls. Wait about 15 minutes before trying again.',
  ),
  r(
    'EAPI:Rate limit exceeded',
    'rate-limit',
    'rate-limit',
    true,
    'Too many requests in a short time. We slow down and try again; nothing to do.',
  ),
  r(
    'EService:Throttled',
    'throttled',
    'rate-limit',
    true,
    'Kraken asked us to pause because of too many requests at once. We wait and try again.',
  ),
  r(
    'EOrder:Rate limit exceeded',
    'order-rate-limit',
    'rate-limit',
    false,
    'Too many order changes on this pair in a short time. Wait a few seconds before placing or cancelling more orders.',
  ),
  r(
    'EOrder:Domain rate limit exceeded',
    'order-rate-limit',
    'rate-limit',
    false,
    'Too many order changes in a short time. Wait a few seconds before placing or cancelling more orders.',
  ),
  r(
    'EOrder:Orders limit exceeded',
    'orders-limit',
    'order',
    false,
    'You already have the maximum number of open orders on this pair. Cancel some before placing new ones.',
  ),
  r(
    'EOrder:Insufficient funds',
    'insufficient-funds',
    'funds',
    false,
    'Your available balance is too small for this order (funds held by open orders do not count).',
  ),
  r('EOrder:Insufficient margin', 'margin', 'funds', false, 'Not enough margin for this order.'),
  r('EOrder:Margin', 'margin', 'funds', false, 'This order exceeds your margin allowance or level.'),
  r('EOrder:Cannot open position', 'margin', 'funds', false, 'Kraken will not open this margin position.'),
  r(
    'EOrder:Order minimum not met',
    'order-minimum',
    'order',
    false,
    'The amount is below the smallest order this pair allows. Increase the amount.',
  ),
  r(
    'EOrder:Cost minimum not met',
    'cost-minimum',
    'order',
    false,
    'The order is worth less than the minimum this pair allows (price × amount). Increase the amount.',
  ),
  r(
    'EOrder:Tick size check failed',
    'tick-size',
    'order',
    false,
    'The price is not a multiple of the price step this pair allows. Round it to the step.',
  ),
  r(
    'EOrder:Invalid price',
    'invalid-price',
    'order',
    false,
    'The price is not valid for this pair: check the number of decimals and that it is above zero.',
  ),
  r(
    'EOrder:Unknown order',
    'unknown-order',
    'order',
    false,
    'Kraken has no open order with this id; it may already be filled or cancelled.',
  ),
  r(
    'EGeneral:Invalid arguments',
    'invalid-arguments',
    'input',
    false,
    'Kraken refused a value in the request. Check the order fields.',
  ),
  r(
    'EQuery:Unknown asset pair',
    'unknown-pair',
    'input',
    false,
    'Kraken does not list this pair. Refresh the pair list and choose another.',
  ),
  r('EGeneral:Unknown method', 'unknown-method', 'input', false, 'Kraken has no such API method.'),
  r(
    'EGeneral:Permission denied',
    'permission-denied',
    'permission',
    false,
    'This API key lacks the permission for this action. Enable it in the key settings on Kraken.',
  ),
  r(
    'EAccount:Invalid permissions',
    'permission-denied',
    'permission',
    false,
    'Your account may not use this feature.',
  ),
  r(
    'EAuth:Account temporary disabled',
    'account-restricted',
    'permission',
    false,
    'Kraken has temporarily disabled this account. Contact Kraken support.',
  ),
  r(
    'EAuth:Account unconfirmed',
    'account-restricted',
    'permission',
    false,
    'This Kraken account is not verified for this action yet.',
  ),
  r(
    'EService:Unavailable',
    'unavailable',
    'service',
    true,
    'Kraken is temporarily unavailable. We try again shortly; an order may or may not have been placed, so we check before resending.',
  ),
  r(
    'EService:Busy',
    'busy',
    'service',
    true,
    'Kraken is busy. We try again shortly; an order may or may not have been placed, so we check before resending.',
  ),
  r(
    'EService:Market in',
    'market-mode',
    'service',
    false,
    'The market is in a restricted mode (cancel-only, post-only or limit-only). Try again when it is back to normal.',
  ),
  r(
    'EService:Deadline elapsed',
    'deadline-elapsed',
    'service',
    false,
    'The order reached Kraken too late and was not placed. You can send it again.',
  ),
  r(
    'EGeneral:Internal error',
    'internal',
    'service',
    true,
    'Kraken had an internal error. We check and try again later.',
  ),
];

function r(
  prefix: string,
  code: KrakenErrorCode,
  category: KrakenErrorCategory,
  retryable: boolean,
  hint: string,
): Rule {
  return { prefix, code, category, retryable, hint };
}

export const TRANSPORT_HINTS = {
  timeout:
    'Kraken did not answer in time. We try again if it is safe; an order is checked before any resend.',
  network: 'Could not reach Kraken. Check the internet connection.',
  'http-status': 'Kraken (or its CDN) answered with an error page. This is usually temporary.',
  'not-json':
    'Kraken answered with something that is not its API format (often a Cloudflare page). This is usually temporary.',
  'bad-envelope': 'Kraken answered in an unexpected format.',
  'not-sent':
    'Nothing was sent: the API key or the exchange changed while this was on its way. Check the Trade tab and try again if you still want it.',
} as const;

/** Normalises "EService: Throttled: 1700000000" → "EService:Throttled: 1700000000" for prefix matching. */
function normalise(message: string): string {
  return message.replace(/^([EW][A-Za-z]+):\s+/, '$1:');
}

export function ruleFor(message: string): Omit<Rule, 'prefix'> {
  // Case-insensitive: Kraken's own OpenAPI example spells it "Internal Error", the wire "Internal error".
  const text = normalise(message).toLowerCase();
  for (const rule of RULES) {
    if (text.startsWith(rule.prefix.toLowerCase())) {
      const { prefix: _, ...rest } = rule;
      return rest;
    }
  }
  return { code: 'unknown', category: 'unknown', retryable: false, hint: 'Kraken refused the request.' };
}
