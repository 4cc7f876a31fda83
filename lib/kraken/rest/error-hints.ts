// Kraken's failures in plain English, for the CLI and the worker's logs (`KrakenError.hint`). Apart from the
// rules (error-rules.ts) so that a page, which says a hint by code in its own language (its catalogs,
// `krakenError.*`), does not carry them: the popup's JS at open (bench row popup-js, docs/design.md §7).
// Strings and meanings: https://docs.kraken.com/api/docs/guides/spot-errors (SPEC.md §3).
import type { KrakenPrefix, TransportCode } from './error-rules.ts';

/** One hint per prefix of error-rules.ts (the type checker holds them to it). */
export const KRAKEN_HINTS: Readonly<Record<KrakenPrefix, string>> = {
  'EAPI:Invalid key':
    'Kraken does not recognise this API key. Check that it was copied whole and has not been deleted.',
  'EAPI:Invalid signature':
    'The request signature was refused. The API secret is probably wrong or incomplete: paste it again exactly as Kraken showed it.',
  'EAPI:Invalid nonce':
    'Kraken saw a request number (nonce) that was not larger than the last one: another app is probably using the same key. Give this extension a key of its own, with the nonce window left at 0 (a window lets a delayed copy of an order through).',
  'EGeneral:Temporary lockout':
    'Kraken has locked this key for a few minutes after too many failed calls. Wait about 15 minutes before trying again.',
  'EAPI:Rate limit exceeded': 'Too many requests in a short time. We slow down and try again; nothing to do.',
  'EService:Throttled':
    'Kraken asked us to pause because of too many requests at once. We wait and try again.',
  'EOrder:Rate limit exceeded':
    'Too many order changes on this pair in a short time. Wait a few seconds before placing or cancelling more orders.',
  'EOrder:Domain rate limit exceeded':
    'Too many order changes in a short time. Wait a few seconds before placing or cancelling more orders.',
  'EOrder:Orders limit exceeded':
    'You already have the maximum number of open orders on this pair. Cancel some before placing new ones.',
  'EOrder:Insufficient funds':
    'Your available balance is too small for this order (funds held by open orders do not count).',
  'EOrder:Insufficient margin': 'Not enough margin for this order.',
  'EOrder:Margin': 'This order exceeds your margin allowance or level.',
  'EOrder:Cannot open position': 'Kraken will not open this margin position.',
  'EOrder:Order minimum not met':
    'The amount is below the smallest order this pair allows. Increase the amount.',
  'EOrder:Cost minimum not met':
    'The order is worth less than the minimum this pair allows (price × amount). Increase the amount.',
  'EOrder:Tick size check failed':
    'The price is not a multiple of the price step this pair allows. Round it to the step.',
  'EOrder:Invalid price':
    'The price is not valid for this pair: check the number of decimals and that it is above zero.',
  'EOrder:Unknown order': 'Kraken has no open order with this id; it may already be filled or cancelled.',
  'EGeneral:Invalid arguments': 'Kraken refused a value in the request. Check the order fields.',
  'EQuery:Unknown asset pair': 'Kraken does not list this pair. Refresh the pair list and choose another.',
  'EGeneral:Unknown method': 'Kraken has no such API method.',
  'EGeneral:Permission denied':
    'This API key lacks the permission for this action. Enable it in the key settings on Kraken.',
  'EAccount:Invalid permissions': 'Your account may not use this feature.',
  'EAuth:Account temporary disabled': 'Kraken has temporarily disabled this account. Contact Kraken support.',
  'EAuth:Account unconfirmed': 'This Kraken account is not verified for this action yet.',
  'EService:Unavailable':
    'Kraken is temporarily unavailable. We try again shortly; an order may or may not have been placed, so we check before resending.',
  'EService:Busy':
    'Kraken is busy. We try again shortly; an order may or may not have been placed, so we check before resending.',
  'EService:Market in':
    'The market is in a restricted mode (cancel-only, post-only or limit-only). Try again when it is back to normal.',
  'EService:Deadline elapsed': 'The order reached Kraken too late and was not placed. You can send it again.',
  'EGeneral:Internal error': 'Kraken had an internal error. We check and try again later.',
};

/** A failure Kraken's answer does not explain (no rule matched). */
export const UNKNOWN_HINT = 'Kraken refused the request.';

export const TRANSPORT_HINTS: Readonly<Record<TransportCode, string>> = {
  timeout:
    'Kraken did not answer in time. We try again if it is safe; an order is checked before any resend.',
  network: 'Could not reach Kraken. Check the internet connection.',
  'http-status': 'Kraken (or its CDN) answered with an error page. This is usually temporary.',
  'not-json':
    'Kraken answered with something that is not its API format (often a Cloudflare page). This is usually temporary.',
  'bad-envelope': 'Kraken answered in an unexpected format.',
  'not-sent':
    'Nothing was sent: the API key or the exchange changed while this was on its way. Check the Trade tab and try again if you still want it.',
};
