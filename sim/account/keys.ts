import { randomBytes } from 'node:crypto';

/**
 * API key permissions, as Kraken's key settings name them
 * (https://docs.kraken.com/api/docs/guides/spot-rest-auth; per-endpoint permission in SPEC §1.3).
 */
export type Permission =
  | 'funds-query'
  | 'orders-query-open'
  | 'orders-query-closed'
  | 'orders-create'
  | 'orders-cancel'
  | 'ledger-query'
  | 'websocket';

/** The three demo keys the simulator issues; `--key` picks the one printed on the start line. */
export type KeyRole = 'trading' | 'query' | 'nows';
export const KEY_ROLES: readonly KeyRole[] = ['trading', 'query', 'nows'];

const QUERY: readonly Permission[] = [
  'funds-query',
  'orders-query-open',
  'orders-query-closed',
  'ledger-query',
];
const TRADE: readonly Permission[] = ['orders-create', 'orders-cancel'];

export function permissionsOf(role: KeyRole): ReadonlySet<Permission> {
  switch (role) {
    case 'trading':
      return new Set([...QUERY, ...TRADE, 'websocket']);
    case 'query':
      return new Set([...QUERY, 'websocket']);
    case 'nows':
      return new Set([...QUERY, ...TRADE]);
    default: {
      const never: never = role;
      throw new Error(`unknown key role ${String(never)}`);
    }
  }
}

export interface ApiKey {
  readonly role: KeyRole;
  /** Public key sent in `API-Key`. */
  readonly key: string;
  /** Base64 of 64 random bytes, like Kraken's private keys (the official test vector's secret is 64 bytes). */
  readonly secret: string;
  readonly secretBytes: Buffer;
  readonly permissions: ReadonlySet<Permission>;
  /** Two-factor password; when set, every private call must carry `otp` equal to it. */
  readonly otp: string | undefined;
}

export interface KeyMaterial {
  readonly key: string;
  readonly secret: string;
}

/** A Kraken-looking public key: 56 base64 characters (Kraken's are 56). */
function newPublicKey(): string {
  return randomBytes(42).toString('base64');
}

export function makeKey(role: KeyRole, given?: Partial<KeyMaterial>, otp?: string): ApiKey {
  const secret = given?.secret ?? randomBytes(64).toString('base64');
  return {
    role,
    key: given?.key ?? newPublicKey(),
    secret,
    secretBytes: Buffer.from(secret, 'base64'),
    permissions: permissionsOf(role),
    otp,
  };
}

/** All keys of the demo account, looked up by public key. */
export class KeyRing {
  private readonly byKey = new Map<string, ApiKey>();
  private readonly byRole = new Map<KeyRole, ApiKey>();

  add(apiKey: ApiKey): void {
    this.byKey.set(apiKey.key, apiKey);
    this.byRole.set(apiKey.role, apiKey);
  }

  find(key: string): ApiKey | undefined {
    return this.byKey.get(key);
  }

  role(role: KeyRole): ApiKey {
    const found = this.byRole.get(role);
    if (!found) throw new Error(`no ${role} key`);
    return found;
  }
}
