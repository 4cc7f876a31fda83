import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A stable, non-secret id for an API key (storage key for its nonce mark): first 16 hex of SHA-256. */
export function keyIdOf(apiKey: string): string {
  return bytesToHex(sha256(utf8ToBytes(apiKey))).slice(0, 16);
}
