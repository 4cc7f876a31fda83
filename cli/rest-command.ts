import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  createKrakenRest,
  createNonceSource,
  KrakenError,
  type KrakenRest,
  keyIdOf,
  type NonceScale,
  type Tier,
} from '../lib/kraken/index.ts';
import { fileNonceStore, withNonceFileLock } from './nonce-file.ts';

// Kraken's public REST methods (SPEC.md §1.2); every other name is sent as a signed private call.
const PUBLIC = new Set([
  'Time',
  'SystemStatus',
  'Assets',
  'AssetPairs',
  'Ticker',
  'OHLC',
  'Depth',
  'Trades',
  'Spread',
]);

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
}

export const REST_USAGE = `usage: npm run kraken -- rest <Method> [key=value ...]
  public:  ${[...PUBLIC].join(', ')}
  private: any other method (Balance, OpenOrders, AddOrder, CancelOrder, …), signed with
           KRAKEN_API_KEY and KRAKEN_API_SECRET
  env:     KRAKEN_REST_URL (default https://api.kraken.com), KRAKEN_TIER (starter|intermediate|pro),
           KRAKEN_NONCE_SCALE (ms|us|ns, default ms), KRAKEN_NONCE_FILE (default ~/.kraken-cli-nonces.json),
           KRAKEN_OTP (2FA password, if the key has one)
  example: npm run kraken -- rest Ticker pair=XBTUSD
           npm run kraken -- rest AddOrder pair=XBTUSD type=buy ordertype=limit volume=0.0001 price=20000 validate=true`;

/** Where the CLI keeps nonce marks (KRAKEN_NONCE_FILE, default ~/.kraken-cli-nonces.json). */
export const nonceFilePath = (env: Io['env']): string =>
  env.KRAKEN_NONCE_FILE ?? join(homedir(), '.kraken-cli-nonces.json');

/**
 * Runs one signed call holding the nonce file's lock: two CLI processes on one key never share a nonce, and
 * never have requests in flight at once (a later nonce arriving first would make the other invalid).
 */
export const signedCall = <T>(io: Io, call: () => Promise<T>): Promise<T> =>
  withNonceFileLock(nonceFilePath(io.env), call);

/**
 * A REST client from the environment (URL, credentials, tier, persisted nonces), or what is missing.
 * Shared by the REST command and the private WebSocket commands (which need a token).
 */
export function restFromEnv(io: Io, needKey: boolean, what: string): KrakenRest | string {
  const env = io.env;
  const tier = (env.KRAKEN_TIER ?? 'starter') as Tier;
  const scale = (env.KRAKEN_NONCE_SCALE ?? 'ms') as NonceScale;
  if (!['starter', 'intermediate', 'pro'].includes(tier) || !['ms', 'us', 'ns'].includes(scale)) {
    return 'KRAKEN_TIER must be starter|intermediate|pro and KRAKEN_NONCE_SCALE ms|us|ns';
  }
  const apiKey = env.KRAKEN_API_KEY;
  const secret = env.KRAKEN_API_SECRET;
  const otp = env.KRAKEN_OTP;
  if (needKey && (!apiKey || !secret)) return `${what} is private: set KRAKEN_API_KEY and KRAKEN_API_SECRET.`;
  const credentials = apiKey && secret ? { apiKey, secret, ...(otp ? { otp: () => otp } : {}) } : undefined;
  return createKrakenRest({
    baseUrl: env.KRAKEN_REST_URL ?? 'https://api.kraken.com',
    ...(io.fetch ? { fetch: io.fetch } : {}),
    credentials,
    tier,
    ...(credentials
      ? {
          nonce: createNonceSource({
            store: fileNonceStore(nonceFilePath(env)),
            keyId: keyIdOf(credentials.apiKey),
            scale,
          }),
        }
      : {}),
  });
}

/** `rest <Method> [key=value ...]` → exit code. Prints the result as JSON; errors go to stderr with a hint. */
export async function restCommand(args: readonly string[], io: Io): Promise<number> {
  const [method, ...pairs] = args;
  if (!method || !/^[A-Za-z]+$/.test(method)) {
    io.err(REST_USAGE);
    return 2;
  }
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      io.err(`not key=value: ${pair}\n${REST_USAGE}`);
      return 2;
    }
    params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const isPublic = PUBLIC.has(method);
  const made = restFromEnv(io, !isPublic, method);
  if (typeof made === 'string') {
    io.err(made);
    return 2;
  }
  const rest = made;
  try {
    const result = isPublic
      ? await rest.publicCall(method, params)
      : await signedCall(io, () => rest.privateCall(method, params));
    io.out(JSON.stringify(result, null, 2));
    return 0;
  } catch (e) {
    if (e instanceof KrakenError) {
      io.err(`error: ${e.message}\nhint: ${e.hint}`);
      return 1;
    }
    // Anything else (a bad parameter caught before sending): message only, never the request.
    io.err(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
