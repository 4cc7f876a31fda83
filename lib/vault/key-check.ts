// "What can this key do?": asked of the key's own exchange when it is saved and on every unlock. Kraken's
// GetApiKeyInfo answers directly (permissions, expiry, IP restriction; needs no permission:
// https://docs.kraken.com/api-reference/account-data/get-api-key-info). Where it is unavailable — any error
// other than the exchange refusing the key or being unreachable — the key is probed instead
// (key-probe.ts): Balance, a validate-only AddOrder, GetWebSocketsToken and WithdrawStatus; nothing is placed.
import { KrakenError, type KrakenRest } from '../kraken/index.ts';
import type { KeyVerification } from './format.ts';
import { describe, probeKey, REJECTED, UNREACHABLE } from './key-probe.ts';

/** Permissions this extension never uses: a key without them is safer (Kraken's names, GetApiKeyInfo). */
const UNUSED = ['add-funds', 'earn-funds', 'export-data', 'add-withdraw-address', 'update-withdraw-address'];

const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 64 && v.every((s) => typeof s === 'string' && s.length <= 64);
const unixSeconds = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{1,12}$/.test(v)
    ? Number(v)
    : typeof v === 'number' && Number.isInteger(v) && v >= 0
      ? v
      : null;

/** A GetApiKeyInfo reply as a verification, or null when it is not shaped as documented. */
export function fromKeyInfo(info: unknown, at: number): KeyVerification | null {
  if (typeof info !== 'object' || info === null) return null;
  const { permissions, validUntil, ipAllowlist, nonceWindow } = info as Record<string, unknown>;
  const until = unixSeconds(validUntil ?? '0');
  if (!isStrings(permissions) || until === null) return null;
  const ips = ipAllowlist === undefined ? [] : ipAllowlist;
  if (!isStrings(ips)) return null;
  const has = (p: string) => permissions.includes(p);
  const notes: string[] = [];
  if (!has('query-funds')) notes.push('The key cannot query funds: balances will not show.');
  if (!has('modify-trades'))
    notes.push('The key cannot create orders: use paper trading, or add “Create & Modify Orders”.');
  else if (!has('close-trades'))
    notes.push('The key cannot cancel orders: add “Cancel/Close Orders” to it on Kraken.');
  if (!has('query-open-trades'))
    notes.push('The key cannot list open orders: add “Query Open Orders & Trades” to it on Kraken.');
  if (!has('create-ws-token'))
    notes.push(
      'The key cannot open Kraken’s private feed: open orders and fills will not show live. Add “WebSocket API” to it on Kraken.',
    );
  const unused = permissions.filter((p) => UNUSED.includes(p));
  if (unused.length > 0)
    notes.push(
      `The key also has rights this extension never uses (${unused.join(', ')}): a key without them is safer.`,
    );
  if (typeof nonceWindow === 'number' && nonceWindow > 0)
    notes.push(
      `Its nonce window is ${nonceWindow}: Kraken may then accept a delayed copy of a request, for an order a second order. Set it to 0 on Kraken.`,
    );
  return {
    status: 'verified',
    at,
    canQuery: has('query-funds'),
    canTrade: has('modify-trades'),
    canWebSocket: has('create-ws-token'),
    notes,
    source: 'key-info',
    permissions: [...permissions],
    withdraw: has('withdraw-funds') ? 'yes' : 'no',
    validUntil: until,
    ipAllowlist: [...ips],
  };
}

export async function checkKey(rest: KrakenRest, now: () => number): Promise<KeyVerification> {
  try {
    const info = await rest.getApiKeyInfo();
    const known = fromKeyInfo(info, now());
    if (known) return known;
  } catch (error) {
    if (!(error instanceof KrakenError)) throw error;
    if (UNREACHABLE.has(error.code)) {
      return { status: 'unverified', at: now(), reason: `could not reach the exchange (${describe(error)})` };
    }
    if (REJECTED.has(error.code)) return { status: 'rejected', at: now(), reason: describe(error) };
    if (error.code === 'invalid-nonce') {
      return {
        status: 'rejected',
        at: now(),
        reason: `${describe(error)} The key has already been used with larger nonces, probably by an app counting in microseconds or nanoseconds: remove it and add it again with that nonce scale.`,
      };
    }
    // Anything else (an exchange without GetApiKeyInfo, an unexpected refusal): find out by trying calls.
  }
  return probeKey(rest, now);
}
