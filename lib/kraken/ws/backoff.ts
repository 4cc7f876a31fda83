// Moved to lib/kraken/backoff.ts (shared by the WebSocket session and REST retries); kept for old imports.
export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from '../backoff.ts';
