// Kraken error strings → code, category and whether to retry (the KrakenError class is in errors.ts; the English
// hints, for the CLI and the worker's logs, are in error-hints.ts: no page loads them, the pages say a hint by
// code from their catalogs, `krakenError.*`).
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
  code: KrakenErrorCode;
  category: KrakenErrorCategory;
  retryable: boolean;
}

// Order matters: the first matching prefix wins, so longer prefixes come before shorter ones.
// [Kraken's prefix, code, category, retryable]
export const RULES = [
  ['EAPI:Invalid key', 'invalid-key', 'auth', false],
  ['EAPI:Invalid signature', 'invalid-signature', 'auth', false],
  ['EAPI:Invalid nonce', 'invalid-nonce', 'auth', false],
  ['EGeneral:Temporary lockout', 'lockout', 'auth', false],
  ['EAPI:Rate limit exceeded', 'rate-limit', 'rate-limit', true],
  ['EService:Throttled', 'throttled', 'rate-limit', true],
  ['EOrder:Rate limit exceeded', 'order-rate-limit', 'rate-limit', false],
  ['EOrder:Domain rate limit exceeded', 'order-rate-limit', 'rate-limit', false],
  ['EOrder:Orders limit exceeded', 'orders-limit', 'order', false],
  ['EOrder:Insufficient funds', 'insufficient-funds', 'funds', false],
  ['EOrder:Insufficient margin', 'margin', 'funds', false],
  ['EOrder:Margin', 'margin', 'funds', false],
  ['EOrder:Cannot open position', 'margin', 'funds', false],
  ['EOrder:Order minimum not met', 'order-minimum', 'order', false],
  ['EOrder:Cost minimum not met', 'cost-minimum', 'order', false],
  ['EOrder:Tick size check failed', 'tick-size', 'order', false],
  ['EOrder:Invalid price', 'invalid-price', 'order', false],
  ['EOrder:Unknown order', 'unknown-order', 'order', false],
  ['EGeneral:Invalid arguments', 'invalid-arguments', 'input', false],
  ['EQuery:Unknown asset pair', 'unknown-pair', 'input', false],
  ['EGeneral:Unknown method', 'unknown-method', 'input', false],
  ['EGeneral:Permission denied', 'permission-denied', 'permission', false],
  ['EAccount:Invalid permissions', 'permission-denied', 'permission', false],
  ['EAuth:Account temporary disabled', 'account-restricted', 'permission', false],
  ['EAuth:Account unconfirmed', 'account-restricted', 'permission', false],
  ['EService:Unavailable', 'unavailable', 'service', true],
  ['EService:Busy', 'busy', 'service', true],
  ['EService:Market in', 'market-mode', 'service', false],
  ['EService:Deadline elapsed', 'deadline-elapsed', 'service', false],
  ['EGeneral:Internal error', 'internal', 'service', true],
] as const satisfies readonly (readonly [string, KrakenErrorCode, KrakenErrorCategory, boolean])[];

/** One of the prefixes above: the English hints (error-hints.ts) have one each. */
export type KrakenPrefix = (typeof RULES)[number][0];

/** The codes of a failure with no usable answer from Kraken (transport.ts). */
export type TransportCode = 'timeout' | 'network' | 'http-status' | 'not-json' | 'bad-envelope' | 'not-sent';

/** Normalises "EService: Throttled: 1700000000" → "EService:Throttled: 1700000000" for prefix matching. */
function normalise(message: string): string {
  return message.replace(/^([EW][A-Za-z]+):\s+/, '$1:');
}

/** The rule of one of Kraken's error strings, and the prefix it matched (none: unknown). */
export function matchRule(message: string): Rule & { prefix: KrakenPrefix | null } {
  // Case-insensitive: Kraken's own OpenAPI example spells it "Internal Error", the wire "Internal error".
  const text = normalise(message).toLowerCase();
  for (const [prefix, code, category, retryable] of RULES) {
    if (text.startsWith(prefix.toLowerCase())) return { prefix, code, category, retryable };
  }
  return { prefix: null, code: 'unknown', category: 'unknown', retryable: false };
}

export function ruleFor(message: string): Rule {
  const { prefix: _, ...rule } = matchRule(message);
  return rule;
}
