// Every failure of a Kraken REST call, as one class with data (docs/design.md §3). It is built from Kraken's
// answer (or its absence) in error-from.ts, with an English hint; a page rebuilds it from what crossed the
// messaging boundary (fromJSON) and says it by code in its language, without loading the hints.
import type { KrakenErrorCategory, KrakenErrorCode } from './error-rules.ts';

export type { KrakenErrorCategory, KrakenErrorCode } from './error-rules.ts';
export { ruleFor, type TransportCode } from './error-rules.ts';

export interface KrakenErrorInit {
  code: KrakenErrorCode;
  category: KrakenErrorCategory;
  endpoint: string;
  retryable: boolean;
  hint: string;
  /** Kraken's own error strings (all of them, in order), if it sent any. */
  kraken?: readonly string[];
  /** HTTP status when it was not 200. */
  status?: number;
  /** Milliseconds to wait before trying again, when Kraken says (EService:Throttled: <unix ts>). */
  retryAfterMs?: number;
  /** Short, redacted technical detail (never contains credentials). */
  detail?: string;
  /**
   * The refusal may be for a copy of a request that already executed (an invalid nonce on order entry:
   * the HTTP stack may have resent it, see client.ts). Makes `outcomeUnknown` true.
   */
  mayHaveExecuted?: boolean;
}

/**
 * Every failure of a Kraken REST call. Data, not prose: UI code switches on `code`/`category` and shows
 * `hint`. Serialises with toJSON() and comes back with KrakenError.fromJSON() across the messaging boundary.
 * It never holds the request, the headers or the cause: those carry the key and signature.
 */
export class KrakenError extends Error {
  override readonly name = 'KrakenError';
  readonly code: KrakenErrorCode;
  readonly category: KrakenErrorCategory;
  readonly endpoint: string;
  readonly retryable: boolean;
  readonly hint: string;
  readonly kraken: readonly string[];
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;
  readonly mayHaveExecuted: boolean;

  constructor(init: KrakenErrorInit) {
    const what = init.kraken?.length ? init.kraken.join(', ') : (init.detail ?? init.code);
    super(`Kraken ${init.endpoint}: ${what}`);
    this.code = init.code;
    this.category = init.category;
    this.endpoint = init.endpoint;
    this.retryable = init.retryable;
    this.hint = init.hint;
    this.kraken = init.kraken ?? [];
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
    this.mayHaveExecuted = init.mayHaveExecuted ?? false;
  }

  /**
   * True when the request may have been executed even though we got no success answer: the order
   * path must then ask Kraken (by cl_ord_id) before sending again (SPEC.md §3, EService:Unavailable).
   */
  get outcomeUnknown(): boolean {
    return (
      this.mayHaveExecuted ||
      this.code === 'timeout' ||
      this.code === 'network' ||
      this.code === 'unavailable' ||
      this.code === 'busy' ||
      this.code === 'internal' ||
      this.code === 'not-json' ||
      (this.code === 'http-status' && (this.status ?? 0) >= 500)
    );
  }

  toJSON(): KrakenErrorInit & { name: 'KrakenError' } {
    return {
      name: 'KrakenError',
      code: this.code,
      category: this.category,
      endpoint: this.endpoint,
      retryable: this.retryable,
      hint: this.hint,
      kraken: [...this.kraken],
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      detail: this.detail,
      ...(this.mayHaveExecuted ? { mayHaveExecuted: true } : {}),
    };
  }

  static fromJSON(data: KrakenErrorInit): KrakenError {
    return new KrakenError(data);
  }
}

/** Replaces every occurrence of each secret (and its URL-encoded form) with "[redacted]". */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = out.split(form).join('[redacted]');
  }
  return out;
}
