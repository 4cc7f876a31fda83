import type { IncomingHttpHeaders } from 'node:http';
import type { Exchange } from '../../account/exchange.ts';
import type { ApiKey } from '../../account/keys.ts';
import { krakenSignature, signatureMatches } from '../../account/signature.ts';
import type { Params } from '../params.ts';

/** Kraken's authentication errors (https://docs.kraken.com/api/docs/guides/spot-errors). */
export const AuthError = {
  invalidKey: 'EAPI:Invalid key',
  invalidSignature: 'EAPI:Invalid signature',
  invalidNonce: 'EAPI:Invalid nonce',
  lockout: 'EGeneral:Temporary lockout',
} as const;

export type AuthResult =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly error: string };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The nonce exactly as the client wrote it. In a JSON body it may be a number larger than 2^53, so it is
 * read from the raw text rather than from JSON.parse (Kraken's JSON signing snippet hashes
 * `str(nonce) + body`).
 */
function nonceText(params: Params, body: string, json: boolean): string | undefined {
  if (!json) return params.get('nonce');
  const match = /"nonce"\s*:\s*"?(\d+)"?/.exec(body);
  return match?.[1];
}

/** IPv4 dotted quad → 32-bit number, or undefined. */
function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) < 256))
    return undefined;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** An empty allow-list admits everyone; entries are addresses or IPv4 CIDR ranges (`10.0.0.0/8`). */
export function ipAllowed(allowlist: readonly string[], remote: string | undefined): boolean {
  if (allowlist.length === 0) return true;
  const address = (remote ?? '').replace(/^::ffff:/, '');
  return allowlist.some((entry) => {
    const [net, bits] = entry.split('/');
    if (bits === undefined) return entry === address;
    const base = ipv4(net ?? '');
    const ip = ipv4(address);
    const n = Number(bits);
    if (base === undefined || ip === undefined || !Number.isInteger(n) || n < 0 || n > 32) return false;
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return (base & mask) >>> 0 === (ip & mask) >>> 0;
  });
}

/**
 * Checks a private call in Kraken's order: key, signature over the exact body bytes, then nonce (and the
 * key's lockout after repeated bad nonces), then the optional two-factor password.
 */
export function authenticate(
  exchange: Exchange,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  params: Params,
  remoteAddress?: string,
): AuthResult {
  const key = exchange.keys.find(header(headers, 'api-key') ?? '');
  if (!key) return { ok: false, error: AuthError.invalidKey };
  const nowSec = Math.floor(Date.now() / 1000);
  // Expired keys and callers outside the key's IP allow-list: Kraken documents no error string for either
  // (GetApiKeyInfo `validUntil`, `ipAllowlist`); "EAPI:Invalid key" is ours (docs/simulator.md).
  if (key.validUntil !== 0 && nowSec >= key.validUntil) return { ok: false, error: AuthError.invalidKey };
  if (!ipAllowed(key.ipAllowlist, remoteAddress)) return { ok: false, error: AuthError.invalidKey };
  if (exchange.nonces.isLocked(key.key)) return { ok: false, error: AuthError.lockout };
  const json = (header(headers, 'content-type') ?? '').toLowerCase().includes('application/json');
  const nonce = nonceText(params, body.toString('utf8'), json);
  const sign = header(headers, 'api-sign') ?? '';
  if (nonce === undefined) return { ok: false, error: AuthError.invalidNonce };
  if (!signatureMatches(krakenSignature(key.secretBytes, path, nonce, body), sign)) {
    return { ok: false, error: AuthError.invalidSignature };
  }
  switch (exchange.nonces.check(key.key, nonce)) {
    case 'ok':
      break;
    case 'invalid':
      return { ok: false, error: AuthError.invalidNonce };
    case 'locked':
      return { ok: false, error: AuthError.lockout };
    default:
      throw new Error('unreachable');
  }
  if (key.otp !== undefined && params.get('otp') !== key.otp)
    return { ok: false, error: AuthError.invalidKey };
  key.lastUsed = nowSec;
  return { ok: true, key };
}
