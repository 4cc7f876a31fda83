import type { Account } from '../account/account.ts';
import { type Exchange, MAIN_ACCOUNT } from '../account/exchange.ts';
import { isPermission, type Permission } from '../account/keys.ts';
import { fixed, toUnits } from '../decimal.ts';
import { bad, type ControlReply, intIn, type Json, okWith } from './control-reply.ts';

/** Accounts are named by `account` (default the main demo account). */
function accountOf(json: Json, exchange: Exchange): Account | string {
  const id = json.account ?? MAIN_ACCOUNT;
  if (typeof id !== 'string') return 'account must be an account id such as "main", "second", "acct-1"';
  return exchange.account(id) ?? `unknown account ${id}`;
}

/** `POST /_sim/accounts`: a fresh funded account with one trading key. */
export function createAccount(exchange: Exchange): ControlReply {
  const { account, key } = exchange.createAccount();
  return okWith({ account: account.id, key: key.key, secret: key.secret });
}

const SECONDS_MAX = 2 ** 32;

function optionalSeconds(value: unknown): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  return intIn(value, 0, SECONDS_MAX) ?? 'bad';
}

/**
 * `POST /_sim/keys` `{account?, permissions:[…], name?, validUntil?, ipAllowlist?, queryFrom?, queryTo?}`:
 * a key with Kraken's permission names (GetApiKeyInfo), an expiry (Unix seconds) and an IP allow-list.
 */
export function createKey(json: Json, exchange: Exchange): ControlReply {
  const account = accountOf(json, exchange);
  if (typeof account === 'string') return bad(400, account);
  const permissions = json.permissions;
  if (!Array.isArray(permissions) || !permissions.every(isPermission)) {
    return bad(400, 'permissions must be a list of Kraken permission names such as "query-funds"');
  }
  const name = json.name ?? `sim-key-${Date.now()}`;
  if (typeof name !== 'string' || name.length === 0 || name.length > 64)
    return bad(400, 'name must be a string of 1..64 characters');
  const ipAllowlist = json.ipAllowlist ?? [];
  if (!Array.isArray(ipAllowlist) || !ipAllowlist.every((ip) => typeof ip === 'string'))
    return bad(400, 'ipAllowlist must be a list of addresses');
  const validUntil = optionalSeconds(json.validUntil);
  const queryFrom = optionalSeconds(json.queryFrom);
  const queryTo = optionalSeconds(json.queryTo);
  if (validUntil === 'bad' || queryFrom === 'bad' || queryTo === 'bad')
    return bad(400, 'validUntil, queryFrom and queryTo must be Unix seconds');
  const key = exchange.addKey({
    accountId: account.id,
    name,
    permissions: [...new Set(permissions as Permission[])],
    validUntil,
    ipAllowlist: ipAllowlist as string[],
    queryFrom,
    queryTo,
  });
  return okWith({ account: account.id, key: key.key, secret: key.secret });
}

/** `POST /_sim/accounts/volume` `{account?, volume:"<USD>"}`: the account's 30-day volume (fee tier). */
export function setVolume(json: Json, exchange: Exchange): ControlReply {
  const account = accountOf(json, exchange);
  if (typeof account === 'string') return bad(400, account);
  if (typeof json.volume !== 'string' || !/^\d{1,15}(\.\d{1,4})?$/.test(json.volume))
    return bad(400, 'volume must be a USD decimal string such as "125000.50" (up to 4 decimals)');
  account.setVolume(toUnits(json.volume, 4));
  return okWith({ account: account.id, volume: fixed(account.volume, 4) });
}
