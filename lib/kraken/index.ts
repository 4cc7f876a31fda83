// The public surface of lib/kraken: framework-free Kraken protocol code (runs in the worker, Node and the CLI).
export { keyIdOf } from './auth/key-id.ts';
export {
  createNonceSource,
  memoryNonceStore,
  type NonceScale,
  type NonceSource,
  type NonceSourceOptions,
  type NonceStore,
} from './auth/nonce.ts';
export { type SignInput, signRequest } from './auth/sign.ts';
export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
export { type BookFeedEvent, type BookFeedOptions, watchBook } from './book/book-feed.ts';
export { type BookLevelText, bookChecksum } from './book/checksum.ts';
export { crc32 } from './book/crc32.ts';
export { type ApplyResult, type BookLevel, createOrderBook, type OrderBook } from './book/order-book.ts';
export { type Clock, systemClock } from './clock.ts';
export {
  createDeadManSwitch,
  type DeadManState,
  type DeadManSwitch,
  type DeadManSwitchOptions,
} from './orders/dead-man-switch.ts';
export { ForeignIntent, OrderExpired, OrderOutcomeUnknown } from './orders/errors.ts';
export { parseIntent } from './orders/intent-record.ts';
export {
  accountKey,
  type ExpiredReason,
  type IntentAccount,
  type IntentState,
  isSettled,
  memoryIntentStore,
  type OrderIntent,
  type OrderIntentStore,
  type PrunableIntentStore,
  sameAccount,
} from './orders/intents.ts';
export { createOrderPlacer, type OrderPlacer, type OrderPlacerOptions } from './orders/placer.ts';
export { toWsOrder, wsAddOrder, wsAmendOrder } from './orders/ws-add-order.ts';
export { type AssetBalance, aggregateBalances } from './pairs/balances.ts';
export { createPairCache, type PairCache, type PairCacheOptions } from './pairs/cache.ts';
export { toFixedDecimal } from './pairs/decimal.ts';
export * as exactDecimal from './pairs/exact.ts';
export { type AccountFees, accountFees } from './pairs/fees.ts';
export { type PairRules, pairRulesFrom, pairRulesFromInstrument } from './pairs/rules.ts';
export {
  assetSpellings,
  type BalanceSuffix,
  type PairNames,
  parseBalanceCode,
  restPairName,
  toV2Symbol,
  v1PairName,
  v2Asset,
  v2SymbolOf,
} from './pairs/symbols.ts';
export {
  type OrderCheck,
  type OrderContext,
  type OrderDraft,
  type OrderField,
  type OrderProblem,
  type OrderProblemCode,
  validateOrder,
} from './pairs/validate.ts';
export { createDecayingCounter, type DecayingCounter } from './ratelimit/counter.ts';
export { type CounterLimits, REST_LIMITS, restCost, type Tier, TRADING_LIMITS } from './ratelimit/tiers.ts';
export {
  createTradingLimiter,
  type TradingAction,
  type TradingLimiter,
  tradingCost,
} from './ratelimit/trading.ts';
export {
  type CallOptions,
  type Credentials,
  createKrakenRest,
  type KrakenRest,
  type KrakenRestOptions,
} from './rest/client.ts';
export { type ClockOffset, measureClockOffset } from './rest/clock-skew.ts';
export { encodeForm, type Params, type ParamValue } from './rest/encode.ts';
export { krakenErrorFrom, transportError } from './rest/error-from.ts';
export {
  KrakenError,
  type KrakenErrorCategory,
  type KrakenErrorCode,
  type KrakenErrorInit,
  redact,
} from './rest/errors.ts';
export type { FetchLike } from './rest/transport.ts';
export type * from './rest/types-private.ts';
export type {
  AssetInfo,
  AssetPair,
  AssetPairsParams,
  AssetsParams,
  Decimal,
  DepthLevel,
  OhlcRow,
  PairParams,
  PairSeries,
  PairStatus,
  ServerTime,
  SpreadRow,
  SystemStatusInfo,
  TickerInfo,
  TradeRow,
} from './rest/types-public.ts';
export { type BalancesTracker, createBalancesTracker } from './ws/balances.ts';
export { createOrdersTracker, type Fill, type OrderReport, type OrdersTracker } from './ws/executions.ts';
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
export { createTokenSource, type TokenSource } from './ws/token.ts';
