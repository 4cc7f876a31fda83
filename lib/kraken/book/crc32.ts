// CRC-32 as zlib computes it (ISO-HDLC: reflected polynomial 0xEDB88320, init and xorout 0xFFFFFFFF).
// Kraken's book checksum is this CRC over an ASCII string, compared as an unsigned 32-bit integer.
// https://docs.kraken.com/api/docs/guides/spot-ws-book-v2
const TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The running value a CRC starts from (before any byte). */
export const CRC32_START = 0xffffffff;

/**
 * Feeds an ASCII string into a running CRC (start with CRC32_START, finish with crc32Finish): the CRC of
 * several strings, as if joined, without building the joined string.
 */
export function crc32Append(crc: number, text: string): number {
  let c = crc;
  for (let i = 0; i < text.length; i++) {
    // biome-ignore lint/style/noNonNullAssertion: index is masked to 0..255 and the table has 256 entries
    c = TABLE[(c ^ text.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  }
  return c;
}

export const crc32Finish = (crc: number): number => (crc ^ 0xffffffff) >>> 0;

/** CRC-32 of an ASCII string (every char code must be < 256; Kraken's checksum input is digits only). */
export function crc32(text: string): number {
  return crc32Finish(crc32Append(CRC32_START, text));
}
