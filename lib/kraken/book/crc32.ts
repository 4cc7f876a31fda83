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

/** CRC-32 of an ASCII string (every char code must be < 256; Kraken's checksum input is digits only). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    // biome-ignore lint/style/noNonNullAssertion: index is masked to 0..255 and the table has 256 entries
    crc = TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
