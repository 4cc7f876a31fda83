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
): AuthResult {
  const key = exchange.keys.find(header(headers, 'api-key') ?? '');
  if (!key) return { ok: false, error: AuthError.invalidKey };
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
  return { ok: true, key };
}
