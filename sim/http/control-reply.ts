/** Answer of a test-control endpoint. */
export interface ControlReply {
  readonly status: number;
  readonly body: string;
}

export type Json = Record<string, unknown>;

export const OK: ControlReply = { status: 200, body: '{"ok":true}' };

export function bad(status: number, error: string): ControlReply {
  return { status, body: JSON.stringify({ ok: false, error }) };
}

export function okWith(fields: Json): ControlReply {
  return { status: 200, body: JSON.stringify({ ok: true, ...fields }) };
}

/** Longest silence, delay or fault window a test may ask for (a minute covers any watchdog). */
export const MAX_MS = 600_000;

export function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
}

export function isJsonObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
