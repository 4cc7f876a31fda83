import type { PairSpec } from '../data/pairs.ts';
import type { OrderSide, OrderStatus, OrderType, TimeInForce } from './kinds.ts';
import type { Offset } from './relative-price.ts';

export { ORDER_TYPES, type OrderSide, type OrderStatus, type OrderType, type TimeInForce } from './kinds.ts';

/** A conditional close: placed as a new order, opposite side, same volume, when the parent fills. */
export interface CloseSpec {
  readonly type: OrderType;
  readonly priceTick: number | undefined;
  readonly price2Tick: number | undefined;
}

/** What a client asked for, validated and converted to integers (ticks, base units). */
export interface OrderRequest {
  readonly pair: PairSpec;
  readonly side: OrderSide;
  readonly type: OrderType;
  /** Base units (10^-qty_precision); for `viqc` market buys, quote asset units to spend instead. */
  readonly volume: bigint;
  readonly viqc: boolean;
  /** Limit price (limit), or trigger price (stop-loss/take-profit and their -limit variants). */
  readonly priceTick: number | undefined;
  /** Limit price of the -limit trigger orders. */
  readonly price2Tick: number | undefined;
  readonly postOnly: boolean;
  readonly feeInBase: boolean;
  readonly timeInForce: TimeInForce;
  /** Unix seconds; GTD only. */
  readonly expireSec: number | undefined;
  readonly userref: number | undefined;
  readonly clOrdId: string | undefined;
  readonly close: CloseSpec | undefined;
  /** Trailing stops: the `+` offset of the trigger from the best price since placement. */
  readonly trail?: Offset | undefined;
  /** trailing-stop-limit: the `+`/`-` offset of the limit from the trigger price. */
  readonly limitOffset?: Offset | undefined;
}

/** One entry of an order's amend history (OrderAmends). */
export interface AmendRecord {
  readonly amendId: string;
  readonly type: 'original' | 'user';
  readonly volume: bigint;
  readonly remaining: bigint;
  readonly limitTick: number | undefined;
  readonly triggerTick: number | undefined;
  readonly postOnly: boolean;
  readonly timeMs: number;
}

export interface Order {
  readonly txid: string;
  readonly request: OrderRequest;
  status: OrderStatus;
  /** Base units filled so far. */
  filled: bigint;
  /** Quote asset units spent/received so far. */
  cost: bigint;
  /** Fee paid so far, in the fee asset's units. */
  fee: bigint;
  /** Base volume of a viqc market buy once executed (its `vol`). */
  volume: bigint;
  /** Limit of the order as it rests (a triggered -limit order rests at price2). */
  limitTick: number | undefined;
  triggered: boolean;
  /** Trailing stops: the best last-trade price since placement (highest for sells, lowest for buys). */
  peakTick?: number | undefined;
  /** Trailing stops: the trigger price now (peak ∓ offset). */
  stopTick?: number | undefined;
  readonly openNs: bigint;
  closeNs: bigint | undefined;
  reason: string | undefined;
  readonly trades: string[];
  /** Entry values, then one entry per in-place amend (OrderAmends). */
  readonly amends: AmendRecord[];
  /** Milliseconds of creation or last amend: Kraken's cancel/amend penalties depend on it. */
  changedMs: number;
}

export interface Fill {
  /** Kraken trade txid (`TXXXXX-XXXXX-XXXXXX`). */
  readonly txid: string;
  /** Per-pair numeric trade id (REST `trade_id`, WS `trade_id`). */
  readonly tradeId: number;
  readonly order: Order;
  readonly tick: number;
  readonly qty: bigint;
  /** Quote asset units. */
  readonly cost: bigint;
  readonly fee: bigint;
  readonly feeInBase: boolean;
  readonly maker: boolean;
  readonly timeNs: bigint;
}

export function isTrigger(type: OrderType): boolean {
  return type !== 'market' && type !== 'limit';
}

export function isTrailing(type: OrderType): boolean {
  return type === 'trailing-stop' || type === 'trailing-stop-limit';
}

export function isOpen(order: Order): boolean {
  return order.status === 'open' || order.status === 'pending';
}
