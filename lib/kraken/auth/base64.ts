// Standard base64 (RFC 4648 §4, with padding) over bytes. atob/btoa exist in Node 18+ and in service workers;
// they work on "binary strings" (one char per byte), so bytes go through String.fromCharCode, never UTF-8.

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes standard base64; throws a RangeError (without echoing the input, which may be a secret). */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.trim();
  if (!B64.test(clean)) throw new RangeError('not standard base64 (A–Z a–z 0–9 + / with = padding)');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary);
}
