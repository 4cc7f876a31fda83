import type { Account } from '../../account/account.ts';
import type { AssetSpec } from '../../data/assets.ts';
import type { JsonValue } from '../../json-raw.ts';
import { rfc3339Micro } from '../../time-format.ts';
import type { EngineEvent } from '../../trading/engine.ts';
import { baseAsset, quoteAsset } from '../../trading/money.ts';
import { type Fill, isTrigger, type Order } from '../../trading/order.ts';
import { plain, price, qty, quote } from './numbers.ts';

/**
 * `executions` reports (https://docs.kraken.com/api/docs/websocket-v2/executions). A new order gets
 * `pending_new` (all fields) then `new` (changed fields only); each fill is an `exec_type:"trade"` report
 * that says `order_status:"partially_filled"` even when it completes the order — Kraken's documented
 * sequence — followed by a separate `filled` report.
 */

function refs(order: Order): Record<string, JsonValue | undefined> {
  return { order_userref: order.request.userref ?? 0, cl_ord_id: order.request.clOrdId };
}

function avgPrice(order: Order): JsonValue {
  const spec = order.request.pair;
  if (order.filled === 0n) return plain(0, 0);
  const q = quoteAsset(spec).instrument.precision;
  const scale = 10n ** BigInt(spec.qtyDecimals + spec.priceDecimals);
  const numerator = order.cost * scale;
  const denominator = order.filled * 10n ** BigInt(q);
  return plain((numerator + denominator / 2n) / denominator, spec.priceDecimals);
}

function totals(order: Order): Record<string, JsonValue> {
  const spec = order.request.pair;
  return {
    cum_qty: qty(spec, order.filled),
    cum_cost: quote(spec, order.cost),
    avg_price: avgPrice(order),
    fee_usd_equiv: feeUsd(order.fee, order),
  };
}

/** Fees are in the quote (USD for every USD pair) unless fcib; good enough as a USD equivalent here. */
function feeUsd(fee: bigint, order: Order): JsonValue {
  const spec = order.request.pair;
  return order.request.feeInBase ? plain(0, 0) : quote(spec, fee);
}

function status(order: Order): string {
  if (order.status === 'closed') return 'filled';
  if (order.status === 'canceled' || order.status === 'expired') return order.status;
  return order.filled > 0n ? 'partially_filled' : 'new';
}

/**
 * The `triggers` object of a trigger order: `price` and `price_type` as placed (a trailing stop's offset,
 * `pct` or `quote`), `actual_price` = the trigger now, `peak_price` = a trailing stop's best price so far
 * (field names per https://docs.kraken.com/api/docs/websocket-v2/executions).
 */
function triggersOf(order: Order): JsonValue {
  const { request } = order;
  const spec = request.pair;
  const trail = request.trail;
  const offset = trail
    ? trail.unit === 'pct'
      ? plain(trail.amount, 4)
      : plain(trail.amount, spec.priceDecimals)
    : price(spec, request.priceTick);
  return {
    reference: 'last',
    price: offset,
    price_type: trail ? trail.unit : 'static',
    actual_price: price(spec, order.stopTick ?? request.priceTick),
    peak_price: order.peakTick === undefined ? undefined : price(spec, order.peakTick),
    status: order.triggered ? 'triggered' : 'untriggered',
  };
}

/** A full order report (pending_new and snapshots). */
export function orderReport(order: Order, execType: string, orderStatus: string, nowNs: bigint): JsonValue {
  const { request } = order;
  const spec = request.pair;
  const trigger = request.type !== 'market' && request.type !== 'limit';
  const limit = request.type === 'limit' ? request.priceTick : request.price2Tick;
  return {
    order_id: order.txid,
    ...refs(order),
    symbol: spec.symbol,
    order_qty: request.viqc ? plain(0, 0) : qty(spec, request.volume),
    cash_order_qty: request.viqc ? quote(spec, request.volume) : undefined,
    cum_qty: qty(spec, order.filled),
    cum_cost: quote(spec, order.cost),
    time_in_force: request.timeInForce,
    exec_type: execType,
    side: request.side,
    order_type: request.type,
    limit_price_type: limit === undefined ? undefined : 'static',
    limit_price: limit === undefined ? undefined : price(spec, limit),
    // The docs' pending_new example carries `stop_price: 0.0` on a plain limit order (deprecated field).
    stop_price: price(spec, trigger ? request.priceTick : 0),
    triggers: trigger ? triggersOf(order) : undefined,
    post_only: request.postOnly,
    order_status: orderStatus,
    fee_usd_equiv: feeUsd(order.fee, order),
    fee_ccy_pref: request.feeInBase ? 'fcib' : 'fciq',
    timestamp: rfc3339Micro(nowNs),
  };
}

export function tradeReport(fill: Fill): JsonValue {
  const order = fill.order;
  const spec = order.request.pair;
  const feeAsset = fill.feeInBase ? baseAsset(spec) : quoteAsset(spec);
  return {
    order_id: order.txid,
    ...refs(order),
    exec_id: fill.txid,
    exec_type: 'trade',
    trade_id: fill.tradeId,
    symbol: spec.symbol,
    side: order.request.side,
    last_qty: qty(spec, fill.qty),
    last_price: price(spec, fill.tick),
    liquidity_ind: fill.maker ? 'm' : 't',
    cost: quote(spec, fill.cost),
    order_type: order.request.type,
    timestamp: rfc3339Micro(fill.timeNs),
    order_status: 'partially_filled',
    cum_qty: qty(spec, order.filled),
    cum_cost: quote(spec, order.cost),
    avg_price: avgPrice(order),
    fee_usd_equiv: fill.feeInBase ? plain(0, 0) : quote(spec, fill.fee),
    fees: [{ asset: feeAsset.v2, qty: plain(fill.fee, feeAsset.instrument.precision) }],
  };
}

/** Trade reports for a snapshot (`snap_trades`): the fill as it was, with its own status. */
export function snapshotTrade(fill: Fill): JsonValue {
  return tradeReport(fill);
}

export type ReportFilter = 'all' | 'main';

/**
 * The reports an engine event produces. With `order_status:false` only new/filled/canceled/expired
 * transitions (and trades) are sent.
 */
export function reportsFor(event: EngineEvent, nowNs: bigint, filter: ReportFilter): JsonValue[] {
  switch (event.kind) {
    case 'new': {
      const order = event.order;
      const pending = orderReport(order, 'pending_new', 'pending_new', nowNs);
      const live = {
        timestamp: rfc3339Micro(nowNs),
        order_status: 'new',
        exec_type: 'new',
        ...refs(order),
        order_id: order.txid,
      };
      return filter === 'all' ? [pending, live] : [live];
    }
    case 'fill':
      return [tradeReport(event.fill)];
    case 'filled':
      return [
        {
          order_id: event.order.txid,
          ...refs(event.order),
          exec_type: 'filled',
          order_status: 'filled',
          timestamp: rfc3339Micro(nowNs),
          ...totals(event.order),
        },
      ];
    case 'canceled':
    case 'expired': {
      const order = event.order;
      return [
        {
          timestamp: rfc3339Micro(nowNs),
          order_status: event.kind,
          exec_type: event.kind,
          ...refs(order),
          order_id: order.txid,
          ...totals(order),
          cancel_reason: event.kind === 'canceled' ? (order.reason ?? 'User requested') : undefined,
          reason: event.kind === 'canceled' ? (order.reason ?? 'User requested') : 'Order expired',
        },
      ];
    }
    case 'amended': {
      if (filter === 'main') return [];
      const order = event.order;
      const spec = order.request.pair;
      return [
        {
          timestamp: rfc3339Micro(nowNs),
          order_status: status(order),
          exec_type: 'amended',
          ...refs(order),
          order_id: order.txid,
          order_qty: qty(spec, order.request.volume),
          limit_price: order.limitTick === undefined ? undefined : price(spec, order.limitTick),
          // The trigger as it is now, so a trigger amend reaches the open order (ours: Kraken's docs list
          // `triggers` among the report's fields without saying which exec types carry it).
          triggers: isTrigger(order.request.type) ? triggersOf(order) : undefined,
          amended: true,
          reason: 'User requested',
        },
      ];
    }
    case 'triggered': {
      if (filter === 'main') return [];
      const order = event.order;
      return [
        {
          timestamp: rfc3339Micro(nowNs),
          order_status: status(order),
          exec_type: 'status',
          ...refs(order),
          order_id: order.txid,
          triggers: { status: 'triggered' },
        },
      ];
    }
    case 'ledger':
      return [];
    default: {
      const never: never = event;
      throw new Error(`unknown engine event ${JSON.stringify(never)}`);
    }
  }
}

/** `balances` snapshot: every asset of the spot wallet (https://docs.kraken.com/api/docs/websocket-v2/balances). */
export function balancesSnapshot(
  assets: readonly AssetSpec[],
  balance: (asset: AssetSpec) => bigint,
): JsonValue[] {
  return assets.map((spec) => {
    const amount = plain(balance(spec), spec.instrument.precision);
    return {
      asset: spec.v2,
      asset_class: 'currency',
      balance: amount,
      wallets: [{ type: 'spot', id: 'main', balance: amount }],
    };
  });
}

/** A `balances` update from a ledger entry. */
export function ledgerUpdate(event: Extract<EngineEvent, { kind: 'ledger' }>): JsonValue {
  const { entry } = event;
  const decimals = entry.asset.instrument.precision;
  return {
    ledger_id: entry.id,
    ref_id: entry.refId,
    timestamp: rfc3339Micro(entry.timeNs),
    type: entry.type,
    asset: entry.asset.v2,
    asset_class: 'currency',
    category: 'trade',
    wallet_type: 'spot',
    wallet_id: 'main',
    amount: plain(entry.amount, decimals),
    fee: plain(entry.fee, decimals),
    balance: plain(entry.balance, decimals),
  };
}

/**
 * `ratecounter: true` on `executions`: each order report carries `ratecount`, the account's per-pair trading
 * counter for the order's pair after the action (in Kraken's units, cf. the ack's `maxratecount`). The field
 * name and placement are ours: Kraken documents the option, not the field (docs/simulator.md).
 */
export function rateCountOf(account: Account, event: EngineEvent): number | undefined {
  const order = event.kind === 'fill' ? event.fill.order : event.kind === 'ledger' ? undefined : event.order;
  if (!order) return undefined;
  return Math.round(account.tradingLimiter.value(order.request.pair.restId) * 10_000) / 10_000;
}

/** Trades in an `executions` snapshot with `snap_trades` ("last 50 trades"). */
const SNAP_TRADES = 50;

/** The `executions` snapshot's data: the last trades (`snap_trades`) then the open orders (`snap_orders`). */
export function executionsSnapshot(
  account: Account,
  want: { orders: boolean; trades: boolean },
  nowNs: bigint,
): JsonValue[] {
  const data: JsonValue[] = [];
  if (want.trades)
    for (const fill of account.engine.trades().slice(-SNAP_TRADES)) data.push(snapshotTrade(fill));
  if (want.orders) {
    for (const order of account.engine.open())
      data.push(orderReport(order, 'new', order.filled > 0n ? 'partially_filled' : 'new', nowNs));
  }
  return data;
}
