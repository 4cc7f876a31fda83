// The key check without GetApiKeyInfo: try what the extension needs and see what the exchange refuses.
// Balance for query rights, a validate-only AddOrder for trading rights, GetWebSocketsToken for the private
// feed, WithdrawStatus for funding; nothing is placed or withdrawn. WithdrawStatus answers for a key with
// "Funds permissions - Withdraw" or "Data - Query ledger entries"
// (https://docs.kraken.com/api/docs/rest-api/get-status-recent-withdrawals), so a refusal proves the key
// cannot withdraw while an answer proves nothing: withdraw is then 'unknown'.
import { KrakenError, type KrakenRest } from '../kraken/index.ts';
import type { KeyVerification } from './format.ts';

export const UNREACHABLE = new Set([
  'network',
  'timeout',
  'http-status',
  'not-json',
  'bad-envelope',
  'unavailable',
  'busy',
  'not-sent',
]);
export const REJECTED = new Set(['invalid-key', 'invalid-signature', 'lockout', 'account-restricted']);

export function describe(error: unknown): string {
  if (error instanceof KrakenError) {
    // Refused before it left (a key bound to another endpoint): the detail says why.
    if (error.code === 'not-sent' && error.detail) return `not sent: ${error.detail}`;
    return `${error.kraken.join(', ') || error.code}: ${error.hint}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function probeKey(rest: KrakenRest, now: () => number): Promise<KeyVerification> {
  const notes: string[] = [];
  let canQuery: boolean;
  try {
    await rest.balance();
    canQuery = true;
  } catch (error) {
    if (error instanceof KrakenError && UNREACHABLE.has(error.code)) {
      return { status: 'unverified', at: now(), reason: `could not reach the exchange (${describe(error)})` };
    }
    if (error instanceof KrakenError && REJECTED.has(error.code)) {
      return { status: 'rejected', at: now(), reason: describe(error) };
    }
    if (!(error instanceof KrakenError) || error.code !== 'permission-denied') throw error;
    canQuery = false;
    notes.push('The key cannot query funds: balances will not show.');
  }
  let canTrade: boolean;
  try {
    // validate=true: Kraken checks the order and the key's rights, and places nothing.
    await rest.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      volume: '0.0001',
      price: '1.0',
      validate: true,
    });
    canTrade = true;
  } catch (error) {
    if (error instanceof KrakenError && error.code === 'permission-denied') {
      canTrade = false;
      notes.push('The key cannot create orders: use paper trading, or add “Create & Modify Orders”.');
    } else if (error instanceof KrakenError && UNREACHABLE.has(error.code)) {
      canTrade = false;
      notes.push(`Trading rights not checked (${describe(error)}).`);
    } else if (error instanceof KrakenError && ['order', 'funds', 'input'].includes(error.category)) {
      // The engine judged the order itself (minimum, funds, price): the key is allowed to trade.
      canTrade = true;
    } else {
      throw error;
    }
  }
  // The private feed (open orders, fills, the live status) needs a WebSocket token: ask for one now, so a
  // key without "WebSocket API" is named on save rather than found out as a feed that never starts.
  let canWebSocket: boolean;
  try {
    await rest.getWebSocketsToken();
    canWebSocket = true;
  } catch (error) {
    if (!(error instanceof KrakenError)) throw error;
    canWebSocket = false;
    notes.push(
      error.code === 'permission-denied'
        ? 'The key cannot open Kraken’s private feed: open orders and fills will not show live. Add “WebSocket API” to it on Kraken.'
        : `The private feed was not checked (${describe(error)}).`,
    );
  }
  let withdraw: 'no' | 'unknown' = 'unknown';
  try {
    await rest.withdrawStatus();
  } catch (error) {
    if (!(error instanceof KrakenError)) throw error;
    if (error.code === 'permission-denied') withdraw = 'no';
  }
  if (withdraw === 'unknown')
    notes.push(
      'The exchange could not say whether this key may withdraw funds: make sure “Withdraw Funds” is off for it on Kraken.',
    );
  return {
    status: 'verified',
    at: now(),
    canQuery,
    canTrade,
    canWebSocket,
    notes,
    source: 'probe',
    withdraw,
  };
}
