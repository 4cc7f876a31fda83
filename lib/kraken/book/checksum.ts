import { CRC32_START, crc32Append, crc32Finish } from './crc32.ts';

export interface BookLevelText {
  /** Decimal text at the instrument's full precision, e.g. "45285.2" (trailing zeros kept). */
  price: string;
  qty: string;
  /** The level's part of the checksum input (checksumTokens of price and qty), when already computed. */
  token?: string;
}

/** Removes the decimal point and the leading zeros: "0.00100000" → "100000". */
export function checksumToken(decimal: string): string {
  const digits = decimal.replace('.', '');
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}

/** A level's part of the checksum input: its price token then its qty token. */
export const levelToken = (level: BookLevelText): string =>
  level.token ?? checksumToken(level.price) + checksumToken(level.qty);

function appendSide(levels: readonly BookLevelText[], crc: number): number {
  let c = crc;
  const n = Math.min(10, levels.length);
  for (let i = 0; i < n; i++) {
    // biome-ignore lint/style/noNonNullAssertion: i < levels.length
    c = crc32Append(c, levelToken(levels[i]!));
  }
  return c;
}

/**
 * Kraken WebSocket v2 book checksum: CRC32 over the top 10 asks (ascending) then the top 10 bids
 * (descending), each price and qty with '.' removed and leading zeros stripped.
 * Values must be decimal text at full precision — never `String(float)`, which drops trailing zeros.
 * https://docs.kraken.com/api/docs/guides/spot-ws-book-v2 (worked example: 3310070434)
 * The CRC is fed level by level (no joined string), and a level's token is computed once by the book.
 */
export function bookChecksum(asks: readonly BookLevelText[], bids: readonly BookLevelText[]): number {
  return crc32Finish(appendSide(bids, appendSide(asks, CRC32_START)));
}
