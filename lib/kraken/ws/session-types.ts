// The session's public types: the socket it drives, its states, the problems it reports and its options.
import type { BackoffPolicy } from '../backoff.ts';
import type { Subscription } from './protocol.ts';
import type { Timers } from './timers.ts';

/** The part of the WebSocket interface the session uses: the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export type SessionState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'live'; since: number }
  | { kind: 'reconnecting'; attempt: number; delayMs: number; reason: string }
  /**
   * Terminal: the server refused us for good (close code 1008, policy violation). `closeReason`: the server's
   * own words in its close frame, as sent ('' when it gave none).
   */
  | { kind: 'failed'; reason: string; closeReason: string }
  | { kind: 'closed' };

export type SessionProblem =
  | { kind: 'subscription-rejected'; subscription: Subscription; error: string }
  | { kind: 'invalid-frame'; reason: string }
  | { kind: 'request-failed'; method: string; error: string };

export interface WsSessionOptions {
  url: string;
  createSocket?: WebSocketFactory;
  timers?: Timers;
  random?: () => number;
  /** Application-level ping period; Kraken closes idle links after ~1 min and MV3 needs traffic < 30 s. */
  pingIntervalMs?: number;
  /** With subscriptions, Kraken sends a heartbeat every second: this much silence means a dead link. */
  silenceTimeoutMs?: number;
  /** How long a request (subscribe, ping…) may wait for its response. */
  requestTimeoutMs?: number;
  /**
   * How long a socket may take to open. A socket that never opens (a black-holed address, a captive
   * portal) reports nothing by itself: after this long it is closed and retried with backoff.
   */
  connectTimeoutMs?: number;
  /** A connection that stays up this long resets the backoff attempt counter. */
  stableAfterMs?: number;
  backoff?: BackoffPolicy;
  signal?: AbortSignal;
  /**
   * For the authenticated endpoint: a fresh GetWebSocketsToken token. Asked once per connection (Kraken:
   * "obtain a fresh token on each connection"), and once more if Kraken answers `ESession:Invalid session`.
   */
  token?: () => Promise<string>;
}
