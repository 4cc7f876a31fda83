// Private REST parameters and results (SPEC.md §1.3; https://docs.kraken.com/api/docs/rest-api/add-order …).
import type { Decimal } from './types-public.ts';

export type Side = 'buy' | 'sell';
export type OrderType =
  | 'market'
  | 'limit'
  | 'iceberg'
  | 'stop-loss'
  | 'take-profit'
  | 'stop-loss-limit'
  | 'take-profit-limit'
  | 'trailing-stop'
  | 'trailing-stop-limit'
  | 'settle-position';
export type OrderStatus = 'pending' | 'open' | 'closed' | 'canceled' | 'expired';
export type OrderFlag = 'post' | 'fcib' | 'fciq' | 'nompp' | 'viqc';

export interface BalanceExEntry {
  balance: Decimal;
  hold_trade: Decimal;
  credit?: Decimal;
  credit_used?: Decimal;
}

export interface TradeBalance {
  eb: Decimal;
  tb: Decimal;
  m: Decimal;
  n: Decimal;
  c: Decimal;
  v: Decimal;
  e: Decimal;
  mf: Decimal;
  ml?: Decimal;
  uv?: Decimal;
}

export interface OrderDescription {
  pair: string;
  type: Side;
  ordertype: OrderType;
  price: Decimal;
  price2: Decimal;
  leverage: string;
  order: string;
  close: string;
}

export interface Order {
  refid: string | null;
  userref: number | string | null;
  cl_ord_id?: string;
  status: OrderStatus;
  opentm: number | string;
  starttm: number | string;
  expiretm: number | string;
  closetm?: number | string;
  descr: OrderDescription;
  vol: Decimal;
  vol_exec: Decimal;
  cost: Decimal;
  fee: Decimal;
  price: Decimal;
  stopprice: Decimal;
  limitprice: Decimal;
  trigger?: 'last' | 'index';
  misc: string;
  oflags: string;
  trades?: string[];
  reason?: string | null;
}

export interface OrdersQuery {
  trades?: boolean;
  userref?: number;
  cl_ord_id?: string;
}

export interface ClosedOrdersParams extends OrdersQuery {
  start?: number | string;
  end?: number | string;
  ofs?: number;
  closetime?: 'open' | 'close' | 'both';
  consolidate_taker?: boolean;
  without_count?: boolean;
}

export interface QueryOrdersParams {
  txid: readonly string[];
  trades?: boolean;
  userref?: number;
  consolidate_taker?: boolean;
}

export interface Trade {
  ordertxid: string;
  postxid: string;
  pair: string;
  time: number;
  type: Side;
  ordertype: string;
  price: Decimal;
  cost: Decimal;
  fee: Decimal;
  vol: Decimal;
  margin: Decimal;
  misc: string;
  trade_id?: number;
  maker?: boolean;
  ledgers?: string[];
}

export interface TradesHistoryParams {
  type?: 'all' | 'any position' | 'closed position' | 'closing position' | 'no position';
  trades?: boolean;
  start?: number | string;
  end?: number | string;
  ofs?: number;
  consolidate_taker?: boolean;
  ledgers?: boolean;
}

/** Conditional close attached to an order. */
export interface CloseOrder {
  ordertype: OrderType;
  price?: Decimal;
  price2?: Decimal;
}

interface OrderFields {
  ordertype: OrderType;
  type: Side;
  /** Base-asset amount as a decimal string ("0" closes a margin position). */
  volume: Decimal;
  displayvol?: Decimal;
  /** Limit price, or trigger price; relative forms "+5", "-1.5", "#2", "2%" allowed by Kraken. */
  price?: Decimal;
  price2?: Decimal;
  trigger?: 'last' | 'index';
  leverage?: string;
  reduce_only?: boolean;
  stptype?: 'cancel-newest' | 'cancel-oldest' | 'cancel-both';
  oflags?: readonly OrderFlag[];
  /** FOK: fill entirely at once or cancel (REST since 2026-05-12, Kraken changelog). */
  timeinforce?: 'GTC' | 'IOC' | 'GTD' | 'FOK';
  starttm?: string;
  expiretm?: string;
  close?: CloseOrder;
}

export interface AddOrderParams extends OrderFields {
  pair: string;
  userref?: number;
  /** Client order id: UUID, 32 hex, or ≤18 ASCII chars. Exclusive with userref. */
  cl_ord_id?: string;
  /** RFC 3339 time after which the engine must not match the order (now+2 s … now+60 s). */
  deadline?: string;
  validate?: boolean;
  asset_class?: 'tokenized_asset';
}

export interface AddOrderResult {
  descr: { order: string; close?: string };
  /** Absent when validate=true. */
  txid?: string[];
}

export interface BatchOrder extends OrderFields {
  userref?: number;
  cl_ord_id?: string;
}

export interface AddOrderBatchParams {
  pair: string;
  orders: readonly BatchOrder[];
  deadline?: string;
  validate?: boolean;
  asset_class?: 'tokenized_asset';
}

export interface AddOrderBatchResult {
  orders: ({ txid: string; descr: { order: string; close?: string } } | { error: string })[];
}

export type OrderRef = { txid: string } | { cl_ord_id: string };

export type AmendOrderParams = OrderRef & {
  order_qty?: Decimal;
  display_qty?: Decimal;
  limit_price?: Decimal;
  trigger_price?: Decimal;
  post_only?: boolean;
  deadline?: string;
  pair?: string;
};

export interface EditOrderParams {
  txid: string | number;
  pair: string;
  volume?: Decimal;
  displayvol?: Decimal;
  price?: Decimal;
  price2?: Decimal;
  oflags?: readonly OrderFlag[];
  deadline?: string;
  cancel_response?: boolean;
  validate?: boolean;
  userref?: number;
  asset_class?: 'tokenized_asset';
}

export interface EditOrderResult {
  status: 'ok' | 'err';
  txid?: string;
  originaltxid: string;
  volume?: Decimal;
  price?: Decimal;
  price2?: Decimal;
  orders_cancelled?: number;
  descr?: { order: string };
  error_message?: string;
}

export type CancelOrderParams = { txid: string | number } | { cl_ord_id: string };

export interface CancelOrderBatchParams {
  orders?: readonly (string | number)[];
  cl_ord_ids?: readonly string[];
}

export interface CancelAllOrdersAfterResult {
  currentTime: string;
  triggerTime: string;
}

export interface WebSocketsToken {
  token: string;
  expires: number;
}

export interface TradeVolumeParams {
  /** Pairs (REST names) to get the account's fees for. */
  pair?: readonly string[];
  /** 2026-06-16: adds the full per-pair fee schedule (`schedules`). Sent as `true`/`false`. */
  fee_schedule?: boolean;
}

/**
 * One pair's fee for the account. Kraken's OpenAPI schema spells the fields `min_fee`, `max_fee`, `next_fee`,
 * `tier_volume`, `next_volume`; the example in the same spec spells them `minfee`, `maxfee`, `nextfee`,
 * `tiervolume`, `nextvolume` — both are read (lib/kraken/pairs/fees.ts).
 */
export interface FeeTierInfo {
  /** Percent, e.g. "0.2600". */
  fee: Decimal;
  min_fee?: Decimal;
  max_fee?: Decimal;
  next_fee?: Decimal | null;
  tier_volume?: Decimal;
  next_volume?: Decimal | null;
  minfee?: Decimal;
  maxfee?: Decimal;
  nextfee?: Decimal | null;
  tiervolume?: Decimal;
  nextvolume?: Decimal | null;
}

/** https://docs.kraken.com/api/docs/rest-api/get-trade-volume */
export interface TradeVolume {
  currency: string;
  /** The account's 30-day volume in `currency` (USD). */
  volume: Decimal;
  /** Taker fees by pair. */
  fees?: Record<string, FeeTierInfo>;
  fees_maker?: Record<string, FeeTierInfo>;
}

/** One entry of an order's amend history (https://docs.kraken.com/api/docs/rest-api/get-order-amends). */
export interface OrderAmend {
  amend_id: string;
  amend_type: 'original' | 'user' | 'restated';
  order_qty?: Decimal;
  display_qty?: Decimal;
  remaining_qty?: Decimal;
  limit_price?: Decimal;
  trigger_price?: Decimal;
  reason?: string;
  post_only?: boolean;
  timestamp: number;
}

export interface OrderAmends {
  amends: OrderAmend[];
  count: number;
}

/**
 * GetApiKeyInfo: the calling key's name, permissions, restrictions and usage; needs no permission
 * (https://docs.kraken.com/api-reference/account-data/get-api-key-info, added 2026-03-11). Field names and
 * types as in the documented example: Unix seconds are strings ("0" = not set), `nonce` a string,
 * `nonceWindow` a number. A reply is data from the network: check it before use.
 */
export interface ApiKeyInfo {
  apiKeyName: string;
  apiKey: string;
  /** The highest nonce Kraken accepted for the key. */
  nonce: string;
  nonceWindow: number;
  /** Kraken's names, e.g. "query-funds", "withdraw-funds", "query-open-trades", "modify-trades". */
  permissions: string[];
  iban: string;
  validUntil: string;
  queryFrom: string;
  queryTo: string;
  createdTime: string;
  modifiedTime: string;
  ipAllowlist: string[];
  lastUsed: string | null;
}

/**
 * One recent withdrawal (WithdrawStatus, https://docs.kraken.com/api/docs/rest-api/get-status-recent-withdrawals;
 * permissions "Funds permissions - Withdraw" or "Data - Query ledger entries").
 */
export interface WithdrawalStatus {
  method: string;
  network?: string;
  aclass: string;
  asset: string;
  refid: string;
  txid: string;
  info: string;
  amount: Decimal;
  fee: Decimal;
  time: number;
  status: string;
  'status-prop'?: string;
  key?: string;
}
