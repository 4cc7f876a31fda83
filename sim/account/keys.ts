import { randomBytes } from 'node:crypto';

/**
 * API key permissions, by the names Kraken's GetApiKeyInfo reports
 * (https://docs.kraken.com/api/docs/rest-api/get-api-key-info, `permissions`): each maps to a setting of
 * the key ("Funds permissions - Query" = `query-funds`, "WebSocket interface - On" = `create-ws-token` …).
 */
export const PERMISSIONS = [
  'query-funds',
  'add-funds',
  'withdraw-funds',
  'earn-funds',
  'query-open-trades',
  'query-closed-trades',
  'modify-trades',
  'close-trades',
  'query-ledger',
  'export-data',
  'create-ws-token',
  'add-withdraw-address',
  'update-withdraw-address',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * The demo keys every start issues; `--key` picks the one printed on the start line. `second` belongs to
 * the second demo account; the others to the main one.
 */
export type KeyRole = 'trading' | 'query' | 'nows' | 'withdraw' | 'second';
export const KEY_ROLES: readonly KeyRole[] = ['trading', 'query', 'nows', 'withdraw', 'second'];

const QUERY: readonly Permission[] = [
  'query-funds',
  'query-open-trades',
  'query-closed-trades',
  'query-ledger',
];
const TRADE: readonly Permission[] = ['modify-trades', 'close-trades'];

export function permissionsOf(role: KeyRole): readonly Permission[] {
  switch (role) {
    case 'trading':
    case 'second':
      return [...QUERY, ...TRADE, 'create-ws-token'];
    case 'query':
      return [...QUERY, 'create-ws-token'];
    case 'nows':
      return [...QUERY, ...TRADE];
    case 'withdraw':
      return [...QUERY, ...TRADE, 'withdraw-funds', 'create-ws-token'];
    default: {
      const never: never = role;
      throw new Error(`unknown key role ${String(never)}`);
    }
  }
}

export interface ApiKey {
  /** Set for the demo keys. */
  readonly role: KeyRole | undefined;
  /** The account the key acts on. */
  readonly accountId: string;
  /** GetApiKeyInfo `apiKeyName`. */
  readonly name: string;
  /** Public key sent in `API-Key`. */
  readonly key: string;
  /** Base64 of 64 random bytes, like Kraken's private keys (the official test vector's secret is 64 bytes). */
  readonly secret: string;
  readonly secretBytes: Buffer;
  readonly permissions: ReadonlySet<Permission>;
  /** Two-factor password; when set, every private call must carry `otp` equal to it. */
  readonly otp: string | undefined;
  /** Unix seconds after which the key is refused; 0 = no expiry (GetApiKeyInfo `validUntil`). */
  readonly validUntil: number;
  /** Addresses allowed to use the key; empty = any (GetApiKeyInfo `ipAllowlist`). */
  readonly ipAllowlist: readonly string[];
  /** GetApiKeyInfo `queryFrom`/`queryTo` (Unix seconds, 0 = not set); reported, not enforced. */
  readonly queryFrom: number;
  readonly queryTo: number;
  readonly createdTime: number;
  /** Unix seconds of the last authenticated call (GetApiKeyInfo `lastUsed`, null until used). */
  lastUsed: number | undefined;
}

export interface KeyMaterial {
  readonly key: string;
  readonly secret: string;
}

export interface KeySpec {
  readonly role?: KeyRole | undefined;
  readonly accountId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
  readonly given?: Partial<KeyMaterial> | undefined;
  readonly otp?: string | undefined;
  readonly validUntil?: number | undefined;
  readonly ipAllowlist?: readonly string[] | undefined;
  readonly queryFrom?: number | undefined;
  readonly queryTo?: number | undefined;
}

/** A Kraken-looking public key: 56 base64 characters (Kraken's are 56). */
function newPublicKey(): string {
  return randomBytes(42).toString('base64');
}

export function makeKey(spec: KeySpec, nowSec = Math.floor(Date.now() / 1000)): ApiKey {
  const secret = spec.given?.secret ?? randomBytes(64).toString('base64');
  return {
    role: spec.role,
    accountId: spec.accountId,
    name: spec.name,
    key: spec.given?.key ?? newPublicKey(),
    secret,
    secretBytes: Buffer.from(secret, 'base64'),
    permissions: new Set(spec.permissions),
    otp: spec.otp,
    validUntil: spec.validUntil ?? 0,
    ipAllowlist: spec.ipAllowlist ?? [],
    queryFrom: spec.queryFrom ?? 0,
    queryTo: spec.queryTo ?? 0,
    createdTime: nowSec,
    lastUsed: undefined,
  };
}

/** Every key of every account, looked up by public key. */
export class KeyRing {
  private readonly byKey = new Map<string, ApiKey>();
  private readonly byRole = new Map<KeyRole, ApiKey>();

  add(apiKey: ApiKey): void {
    this.byKey.set(apiKey.key, apiKey);
    if (apiKey.role) this.byRole.set(apiKey.role, apiKey);
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
