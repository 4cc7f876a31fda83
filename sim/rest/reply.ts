import { type JsonValue, toJson } from '../json-raw.ts';

/** A REST answer: Kraken answers errors with HTTP 200 too, except unknown methods (404). */
export interface RestReply {
  readonly status: number;
  readonly body: string;
}

/**
 * Kraken's error strings used by the public endpoints. Sources: the error table at
 * https://docs.kraken.com/api/docs/guides/spot-errors and replies recorded by third-party clients
 * (see docs/kraken-quirks.md, "Simulator: REST errors").
 */
export const RestError = {
  invalidArguments: 'EGeneral:Invalid arguments',
  unknownPair: 'EQuery:Unknown asset pair',
  unknownAsset: 'EQuery:Unknown asset',
  unknownMethod: 'EGeneral:Unknown method',
  invalidKey: 'EAPI:Invalid key',
} as const;

/** `{"error":[],"result":…}` — Kraken's success envelope (https://docs.kraken.com/api/docs/guides/spot-rest-intro). */
export function ok(result: JsonValue): RestReply {
  return { status: 200, body: toJson({ error: [], result }) };
}

/** `{"error":["…"]}` with HTTP 200: failures carry no `result` and the status is not the signal. */
export function fail(error: string, status = 200): RestReply {
  return { status, body: toJson({ error: [error] }) };
}
