/**
 * A tiny JSON writer that can emit pre-rendered number text verbatim.
 *
 * Kraken's WebSocket v2 sends prices and quantities as JSON numbers that keep the engine's precision,
 * trailing zeros included (`"qty":0.00100000`), and the `instrument` channel even sends exponent forms
 * (`"qty_increment":1E-8`). `JSON.stringify` cannot produce either, and the book checksum depends on that
 * exact text (https://docs.kraken.com/api/docs/guides/spot-ws-book-v2), so the simulator renders numbers
 * itself and wraps the text in `RawNumber`.
 */

/** Number text that is written to the wire exactly as given. */
export class RawNumber {
  constructor(readonly text: string) {
    if (!NUMBER_TEXT.test(text)) throw new Error(`not a JSON number: ${text}`);
  }
}

// JSON number grammar (RFC 8259 §6).
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | RawNumber
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/** Shorthand for `new RawNumber(text)`. */
export function raw(text: string): RawNumber {
  return new RawNumber(text);
}

/** Serialises like `JSON.stringify` (no whitespace, insertion key order, undefined members skipped). */
export function toJson(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`non-finite number ${value}`);
      return String(value);
    case 'string':
      return JSON.stringify(value);
    default:
      break;
  }
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => toJson(item)).join(',')}]`;
  const parts: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${toJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}
