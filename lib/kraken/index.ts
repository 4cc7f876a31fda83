// The public surface of lib/kraken: framework-free Kraken protocol code (runs in the worker, Node and the CLI).
export { type BookLevelText, bookChecksum } from './book/checksum.ts';
export { type BookFeedEvent, type BookFeedOptions, watchBook } from './book/book-feed.ts';
export { crc32 } from './book/crc32.ts';
export { type ApplyResult, type BookLevel, createOrderBook, type OrderBook } from './book/order-book.ts';
export { toFixedDecimal } from './pairs/decimal.ts';
export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './ws/backoff.ts';
export * from './ws/protocol.ts';
export {
  createWsSession,
  type SessionProblem,
  type SessionState,
  type Timers,
  type WebSocketFactory,
  type WebSocketLike,
  WsRequestError,
  type WsSession,
  type WsSessionOptions,
} from './ws/session.ts';
