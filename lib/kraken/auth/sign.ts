import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64ToBytes, bytesToBase64 } from './base64.ts';

export interface SignInput {
  /** The URI path only, e.g. `/0/private/AddOrder` — not the full URL, no query string. */
  path: string;
  /** The nonce exactly as it appears in the body (decimal digits). */
  nonce: string;
  /** The exact bytes sent as the body (form-encoded, `nonce=…` included). */
  body: string;
  /** The API secret as Kraken shows it: base64 text. */
  secret: string;
}

/**
 * Kraken REST API-Sign:
 *   base64( HMAC-SHA512( key = base64decode(secret), msg = path ‖ SHA256(nonce ‖ body) ) )
 * The SHA-256 digest is concatenated as raw bytes (not hex, not a UTF-8 string).
 * https://docs.kraken.com/api/docs/guides/spot-rest-auth (official vector in test/unit/kraken/sign.test.ts)
 */
export function signRequest({ path, nonce, body, secret }: SignInput): string {
  if (!path.startsWith('/0/private/')) throw new RangeError('path must be the /0/private/<Method> URI path');
  if (path.includes('?')) throw new RangeError('path must not carry a query string');
  if (!/^[0-9]{1,20}$/.test(nonce)) throw new RangeError('nonce must be 1–20 decimal digits');
  if (new URLSearchParams(body).get('nonce') !== nonce) {
    // Kraken hashes the nonce twice (prefix and inside the body); signing a body without it is always wrong.
    throw new RangeError('body must contain the same nonce');
  }
  const key = base64ToBytes(secret);
  if (key.length === 0) throw new RangeError('secret is empty');
  const inner = sha256(utf8ToBytes(nonce + body));
  const mac = hmac(sha512, key, concatBytes(utf8ToBytes(path), inner));
  return bytesToBase64(mac);
}
