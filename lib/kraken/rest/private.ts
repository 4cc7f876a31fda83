// Typed private endpoints (SPEC.md §1.3). Order-entry methods also feed the per-pair trading counter
// (SPEC.md §4.2): they wait for room before sending and remember order ages to price later cancels.
import type { Clock } from '../clock.ts';
import type { createTradingLimiter } from '../ratelimit/trading.ts';
import { commaList, type Params } from './encode.ts';
import { KrakenError } from './errors.ts';
import type { CallOptions } from './transport.ts';
import type {
  AddOrderBatchParams,
  AddOrderBatchResult,
  AddOrderParams,
  AddOrderResult,
  AmendOrderParams,
  ApiKeyInfo,
  BalanceExEntry,
  CancelAllOrdersAfterResult,
  CancelOrderBatchParams,
  CancelOrderParams,
  ClosedOrdersParams,
  EditOrderParams,
  EditOrderResult,
  Order,
  OrderAmends,
  OrdersQuery,
  QueryOrdersParams,
  Trade,
  TradeBalance,
  TradesHistoryParams,
  TradeVolume,
  TradeVolumeParams,
  WebSocketsToken,
  WithdrawalStatus,
} from './types-private.ts';
import type { Decimal } from './types-public.ts';

type CallOpts = CallOptions;

function orderParams(p: AddOrderParams): Params {
  return { ...p, oflags: commaList(p.oflags), close: p.close ? { ...p.close } : undefined };
}

/** What the private methods are built on: the signed call, the trading counter, Kraken's clock. */
export type RestCore = {
  publicCall: <T>(method: string, params?: Params, call?: CallOptions) => Promise<T>;
  privateCall: <T>(method: string, params?: Params, call?: CallOptions) => Promise<T>;
  trading: ReturnType<typeof createTradingLimiter>;
  clock: Clock;
};

export function privateMethods({ privateCall: call, trading }: RestCore) {
  /** Sends a trading call, snapping the pair counter to its cap if the engine still says rate-limited. */
  /** Sends an order call booked on the pair's counter (`settle` re-dates the booking to the answer). */
  async function traded<T>(
    pair: string | undefined,
    settle: (() => void) | undefined,
    send: () => Promise<T>,
  ): Promise<T> {
    try {
      return await send();
    } catch (e) {
      if (pair && e instanceof KrakenError && e.code === 'order-rate-limit') trading.snapToCap(pair);
      throw e;
    } finally {
      settle?.();
    }
  }

  return {
    /** Balances by asset id, including .F/.S/.M/.B/.T reward balances (aggregate with pairs/balances). */
    balance: (o?: CallOpts) => call<Record<string, Decimal>>('Balance', {}, o),
    /** available = balance + credit − credit_used − hold_trade */
    balanceEx: (o?: CallOpts) => call<Record<string, BalanceExEntry>>('BalanceEx', {}, o),
    tradeBalance: (p: { asset?: string } = {}, o?: CallOpts) =>
      call<TradeBalance>('TradeBalance', { ...p }, o),
    openOrders: (p: OrdersQuery = {}, o?: CallOpts) =>
      call<{ open: Record<string, Order> }>('OpenOrders', { ...p }, o),
    closedOrders: (p: ClosedOrdersParams = {}, o?: CallOpts) =>
      call<{ closed: Record<string, Order>; count?: number }>('ClosedOrders', { ...p }, o),
    queryOrders: (p: QueryOrdersParams, o?: CallOpts) =>
      call<Record<string, Order>>('QueryOrders', { ...p, txid: commaList(p.txid) }, o),
    /** Costs 2 points of the REST counter. */
    tradesHistory: (p: TradesHistoryParams = {}, o?: CallOpts) =>
      call<{ trades: Record<string, Trade>; count: number }>('TradesHistory', { ...p }, o),

    /**
     * Places one order. Not idempotent: never retried here — use createOrderPlacer (orders/) for
     * cl_ord_id intents and reconciliation after ambiguous failures.
     */
    addOrder: async (p: AddOrderParams, o?: CallOpts) => {
      const settle = await trading.acquire(p.pair, 'add', undefined, o?.signal);
      const result = await traded(p.pair, settle, () => call<AddOrderResult>('AddOrder', orderParams(p), o));
      for (const txid of result.txid ?? []) trading.remember(txid, p.pair);
      if (p.cl_ord_id && result.txid) trading.remember(p.cl_ord_id, p.pair);
      return result;
    },
    /** 2–15 orders on one pair; costs n/2 on the pair counter. */
    addOrderBatch: async (p: AddOrderBatchParams, o?: CallOpts) => {
      const settle = await trading.acquirePoints(p.pair, p.orders.length / 2, o?.signal);
      const orders = p.orders.map((order) => ({ ...order, oflags: commaList(order.oflags) }));
      const result = await traded(p.pair, settle, () =>
        call<AddOrderBatchResult>('AddOrderBatch', { ...p, orders }, o),
      );
      for (const r of result.orders) if ('txid' in r) trading.remember(r.txid, p.pair);
      return result;
    },
    /** In-place amend (keeps ids and, where possible, queue priority). Prefer over editOrder. */
    amendOrder: async (p: AmendOrderParams, o?: CallOpts) => {
      const id = 'txid' in p ? p.txid : p.cl_ord_id;
      // `pair` only names the trading counter to wait on; AmendOrder itself takes no pair (OpenAPI amend.yaml).
      const { pair: given, ...amend } = p;
      const pair = trading.pairOf(id) ?? given;
      const settle = pair ? await trading.acquire(pair, 'amend', id, o?.signal) : undefined;
      const result = await traded(pair, settle, () =>
        call<{ amend_id: string }>('AmendOrder', { ...amend }, o),
      );
      if (pair) trading.remember(id, pair);
      return result;
    },
    editOrder: async (p: EditOrderParams, o?: CallOpts) => {
      const settle = await trading.acquire(p.pair, 'edit', String(p.txid), o?.signal);
      const result = await traded(p.pair, settle, () =>
        call<EditOrderResult>('EditOrder', { ...p, oflags: commaList(p.oflags) }, o),
      );
      if (result.txid) trading.remember(result.txid, p.pair);
      return result;
    },
    cancelOrder: async (p: CancelOrderParams, o?: CallOpts) => {
      const id = 'txid' in p ? String(p.txid) : p.cl_ord_id;
      const pair = trading.pairOf(id);
      const settle = pair ? await trading.acquire(pair, 'cancel', id, o?.signal) : undefined;
      const result = await traded(pair, settle, () =>
        call<{ count: number; pending?: boolean }>('CancelOrder', { ...p }, o),
      );
      trading.forget(id);
      return result;
    },
    /** Up to 50 ids. Kraken accepts batch cancels even over the limit, so this does not wait. */
    cancelOrderBatch: (p: CancelOrderBatchParams, o?: CallOpts) =>
      call<{ count: number }>('CancelOrderBatch', { ...p }, o),
    cancelAll: (o?: CallOpts) => call<{ count: number }>('CancelAll', {}, o),
    /** Dead man's switch: cancel everything after `timeout` s unless called again; 0 disarms. */
    cancelAllOrdersAfter: (p: { timeout: number }, o?: CallOpts) =>
      call<CancelAllOrdersAfterResult>('CancelAllOrdersAfter', { ...p }, o),
    /** Token for the authenticated WebSocket; get a fresh one per connection (SPEC.md §9.9). */
    getWebSocketsToken: (o?: CallOpts) => call<WebSocketsToken>('GetWebSocketsToken', {}, o),
    /** The account's 30-day volume and fees per pair (its tier), and with fee_schedule every tier. */
    tradeVolume: (p: TradeVolumeParams = {}, o?: CallOpts) =>
      call<TradeVolume>('TradeVolume', { pair: commaList(p.pair), fee_schedule: p.fee_schedule }, o),
    /** An order's amend history: its original terms and each amend (kept in the queue or restated). */
    orderAmends: (p: { order_id: string }, o?: CallOpts) => call<OrderAmends>('OrderAmends', { ...p }, o),
    /** What the calling key may do, its expiry and IP restriction; needs no permission. 1 REST point. */
    getApiKeyInfo: (o?: CallOpts) => call<ApiKeyInfo>('GetApiKeyInfo', {}, o),
    /** Recent withdrawals; a read (nothing is withdrawn). Needs "Withdraw" or "Query ledger entries". */
    withdrawStatus: (p: { asset?: string } = {}, o?: CallOpts) =>
      call<WithdrawalStatus[]>('WithdrawStatus', { ...p }, o),
  };
}
