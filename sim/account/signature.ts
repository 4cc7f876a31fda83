import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Kraken's REST signature (https://docs.kraken.com/api/docs/guides/spot-rest-auth):
 * API-Sign = base64(HMAC-SHA512(base64decode(secret), uri_path ‖ SHA256(nonce ‖ postdata))).
 * `postdata` is the exact body received — form-encoded or JSON — so the referee never re-serialises it.
 */
export function krakenSignature(secret: Buffer, path: string, nonce: string, body: Buffer): string {
  const inner = createHash('sha256').update(nonce).update(body).digest();
  return createHmac('sha512', secret).update(path).update(inner).digest('base64');
}

/** Constant-time comparison of the received API-Sign with the expected one. */
export function signatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
