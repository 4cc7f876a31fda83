import type { PairSpec } from '../../data/pairs.ts';
import { fixed } from '../../decimal.ts';
import type { JsonValue } from '../../json-raw.ts';
import { baseAsset, quoteAsset } from '../../trading/money.ts';
import type { Fill, Order, OrderRequest } from '../../trading/order.ts';
import { type Offset, offsetText } from '../../trading/relative-price.ts';

/**
 * REST renderings of orders and trades, shaped like Kraken's examples
 * (examples/responses/user/orders/*.yaml in krakenfx/api-specs, and ccxt's recorded QueryOrders replies):
 * prices in `descr` at pair_decimals (`"30010.0"`), volumes at lot_decimals, and the order's cost, fee
 * and average/stop/limit prices all at the pair's cost_decimals (`"cost":"7.105741","price":"71.05741"`
 * for a 6-cost-decimal pair is the recorded exception we do not reproduce; see docs/kraken-quirks.md).
 */

export function priceText(spec: PairSpec, tick: number | undefined): string {
  return tick === undefined ? '0' : fixed(tick, spec.priceDecimals);
}

export function volumeText(spec: PairSpec, qty: bigint): string {
  return fixed(qty, spec.qtyDecimals);
}

/** Quote asset units rendered at cost_decimals. */
export function costText(spec: PairSpec, quoteUnits: bigint): string {
  const shift = spec.costDecimals - quoteAsset(spec).instrument.precision;
  return shift >= 0
    ? fixed(quoteUnits * 10n ** BigInt(shift), spec.costDecimals)
    : fixed(quoteUnits / 10n ** BigInt(-shift), spec.costDecimals);
}

/** A tick rendered at cost_decimals (order `price`, `stopprice`, `limitprice`). */
export function tickAtCost(spec: PairSpec, tick: number | undefined): string {
  return fixed(BigInt(tick ?? 0) * 10n ** BigInt(spec.costDecimals - spec.priceDecimals), spec.costDecimals);
}

export function feeText(fill: { feeInBase: boolean; fee: bigint }, spec: PairSpec): string {
  return fill.feeInBase ? fixed(fill.fee, baseAsset(spec).instrument.precision) : costText(spec, fill.fee);
}

/** "limit 30010.0", "stop loss 22000.0 -> limit 21000.0", "take profit 120.00000", "market". */
function priceClause(
  spec: PairSpec,
  type: OrderRequest['type'],
  price: number | undefined,
  price2: number | undefined,
  trail?: Offset,
  limitOffset?: Offset,
): string {
  const trailText = trail ? offsetText(trail, spec) : priceText(spec, price);
  switch (type) {
    case 'market':
      return 'market';
    case 'limit':
      return `limit ${priceText(spec, price)}`;
    case 'stop-loss':
      return `stop loss ${priceText(spec, price)}`;
    case 'take-profit':
      return `take profit ${priceText(spec, price)}`;
    case 'stop-loss-limit':
      return `stop loss ${priceText(spec, price)} -> limit ${priceText(spec, price2)}`;
    case 'take-profit-limit':
      return `take profit ${priceText(spec, price)} -> limit ${priceText(spec, price2)}`;
    // Ours, unsourced: Kraken's descr for trailing stops is not in its docs; the offsets are shown as sent.
    case 'trailing-stop':
      return `trailing stop ${trailText}`;
    case 'trailing-stop-limit':
      return `trailing stop ${trailText} -> limit ${limitOffset ? offsetText(limitOffset, spec) : priceText(spec, price2)}`;
    default: {
      const never: never = type;
      throw new Error(`bad order type ${String(never)}`);
    }
  }
}

/** `descr.order`: "buy 1.25000000 XBTUSD @ limit 30010.0" (official AddOrder/OpenOrders examples). */
export function describeOrder(request: OrderRequest, volume: bigint = request.volume): string {
  const spec = request.pair;
  const amount = request.viqc
    ? fixed(volume, quoteAsset(spec).instrument.precision)
    : volumeText(spec, volume);
  const clause = priceClause(
    spec,
    request.type,
    request.priceTick,
    request.price2Tick,
    request.trail,
    request.limitOffset,
  );
  return `${request.side} ${amount} ${spec.altname} @ ${clause}`;
}

/** `descr.close`: "close position @ stop loss 22000.0 -> limit 21000.0" (official AddOrder example). */
export function describeClose(request: OrderRequest): string {
  const close = request.close;
  if (!close) return '';
  return `close position @ ${priceClause(request.pair, close.type, close.priceTick, close.price2Tick)}`;
}

export function oflagsText(request: OrderRequest): string {
  const flags: string[] = [];
  if (request.postOnly) flags.push('post');
  flags.push(request.feeInBase ? 'fcib' : 'fciq');
  if (request.viqc) flags.push('viqc');
  return flags.join(',');
}

/** Unix seconds with 4 decimals as a JSON number, like `"opentm":1688666559.8974`. */
export function seconds(ns: bigint): number {
  return Number(ns / 100_000n) / 10_000;
}

export function renderOrder(order: Order, withTrades: boolean): JsonValue {
  const { request } = order;
  const spec = request.pair;
  const trigger = request.type !== 'market' && request.type !== 'limit';
  const closed = order.closeNs !== undefined;
  return {
    refid: null,
    userref: request.userref ?? 0,
    cl_ord_id: request.clOrdId,
    status: order.status,
    reason: order.reason ?? null,
    opentm: seconds(order.openNs),
    closetm: closed ? seconds(order.closeNs ?? 0n) : undefined,
    starttm: 0,
    expiretm: request.expireSec ?? 0,
    descr: {
      pair: spec.altname,
      type: request.side,
      ordertype: request.type,
      price: priceText(spec, request.priceTick),
      price2: priceText(spec, request.price2Tick),
      leverage: 'none',
      order: describeOrder(request),
      close: describeClose(request),
    },
    vol: request.viqc ? volumeText(spec, order.volume) : volumeText(spec, request.volume),
    vol_exec: volumeText(spec, order.filled),
    cost: costText(spec, order.cost),
    fee: feeText({ feeInBase: request.feeInBase, fee: order.fee }, spec),
    price: averagePrice(order),
    stopprice: trigger ? tickAtCost(spec, order.stopTick ?? request.priceTick) : tickAtCost(spec, 0),
    limitprice: tickAtCost(spec, order.limitTick ?? 0),
    misc: '',
    oflags: oflagsText(request),
    trades: withTrades && order.trades.length > 0 ? [...order.trades] : undefined,
  };
}

/** Average fill price at cost_decimals: cost / filled, exact integers. */
function averagePrice(order: Order): string {
  const spec = order.request.pair;
  if (order.filled === 0n) return tickAtCost(spec, 0);
  const quoteDecimals = quoteAsset(spec).instrument.precision;
  const numerator = order.cost * 10n ** BigInt(spec.qtyDecimals + spec.costDecimals);
  const denominator = order.filled * 10n ** BigInt(quoteDecimals);
  return fixed((numerator + denominator / 2n) / denominator, spec.costDecimals);
}

/** TradesHistory entry (examples/responses/user/trades/history.yaml, spot fields only). */
export function renderTrade(fill: Fill): JsonValue {
  const { request } = fill.order;
  const spec = request.pair;
  return {
    ordertxid: fill.order.txid,
    postxid: `${fill.txid.slice(0, 1)}K${fill.txid.slice(2)}`,
    pair: spec.restId,
    time: seconds(fill.timeNs),
    type: request.side,
    ordertype: request.type === 'market' || fill.order.limitTick === undefined ? 'market' : 'limit',
    price: tickAtCost(spec, fill.tick),
    cost: costText(spec, fill.cost),
    fee: feeText(fill, spec),
    vol: volumeText(spec, fill.qty),
    margin: costText(spec, 0n),
    leverage: '0',
    misc: '',
    trade_id: fill.tradeId,
    maker: fill.maker,
  };
}
