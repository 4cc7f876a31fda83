import { crc32 } from './crc32.ts';

export interface BookLevelText {
  /** Decimal text at the instrument's full precision, e.g. "45285.2" (trailing zeros kept). */
  price: string;
  qty: string;
}

/** Removes the decimal point and the leading zeros: "0.00100000" → "100000". */
function checksumToken(decimal: string): string {
  const digits = decimal.replace('.', '');
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}

function appendSide(levels: readonly BookLevelText[], out: string[]): void {
  const n = Math.min(10, levels.length);
  for (let i = 0; i < n; i++) {
    // biome-ignore lint/style/noNonNullAssertion: i < levels.length
    const level = levels[i]!;
    out.push(checksumToken(level.price), checksumToken(level.qty));
  }
}

/**
 * Kraken WebSocket v2 book checksum: CRC32 over the top 10 asks (ascending) then the top 10 bids
 * (descending), each price and qty with '.' removed and leading zeros stripped.
 * Values must be decimal text at full precision — never `String(float)`, which drops trailing zeros.
 * https://docs.kraken.com/api/docs/guides/spot-ws-book-v2 (worked example: 3310070434)
 */
export function bookChecksum(asks: readonly BookLevelText[], bids: readonly BookLevelText[]): number {
  const parts: string[] = [];
  appendSide(asks, parts);
  appendSide(bids, parts);
  return crc32(parts.join(''));
}
