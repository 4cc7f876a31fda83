import { PERMISSIONS } from '../../account/keys.ts';
import { ok } from '../reply.ts';
import type { PrivateHandler } from './context.ts';

/**
 * `GetApiKeyInfo` (permissions required: none; https://docs.kraken.com/api/docs/rest-api/get-api-key-info,
 * added 2026-03-11): the calling key's name, permissions (Kraken's names, in the documented order),
 * restrictions and usage. Unix seconds are strings ("0" when not set); `nonce` is a string,
 * `nonceWindow` a number, `lastUsed` a string (this call itself counts as a use).
 */
export const getApiKeyInfo: PrivateHandler = ({ key, exchange, account }) =>
  ok({
    apiKeyName: key.name,
    apiKey: key.key,
    nonce: exchange.nonces.highest(key.key).toString(),
    nonceWindow: Number(exchange.nonces.nonceWindow),
    permissions: PERMISSIONS.filter((permission) => key.permissions.has(permission)),
    iban: account.iban,
    validUntil: String(key.validUntil),
    queryFrom: String(key.queryFrom),
    queryTo: String(key.queryTo),
    createdTime: String(key.createdTime),
    modifiedTime: String(key.createdTime),
    ipAllowlist: [...key.ipAllowlist],
    lastUsed: key.lastUsed === undefined ? null : String(key.lastUsed),
  });

/**
 * `WithdrawStatus` (https://docs.kraken.com/api/docs/rest-api/get-status-recent-withdrawals; permissions
 * "Funds permissions - Withdraw" or "Data - Query ledger entries"): the simulator never withdraws, so the
 * list of recent withdrawals is always empty.
 */
export const withdrawStatus: PrivateHandler = () => ok([]);
