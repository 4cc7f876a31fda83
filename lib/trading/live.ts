// The live Kraken account behind the popup: open orders and fills from the private `executions` channel,
// balances from REST BalanceEx (refreshed when the `balances` channel reports a change), placement through
// the order placer (cl_ord_id intents: never sent twice), cancels, and the dead man's switch.
// https://docs.kraken.com/api/docs/websocket-v2/executions · https://docs.kraken.com/api/docs/rest-api/get-extended-balance
import {
  aggregateBalances,
  type Clock,
  createDeadManSwitch,
  createOrderPlacer,
  createOrdersTracker,
  createTokenSource,
  type KrakenRest,
  type OrderIntentStore,
  type OrderReport,
  type PairRules,
  toFixedDecimal,
  type WsSession,
} from '../kraken/index.ts';
import { exact, format, sub } from '../kraken/pairs/exact.ts';
import { toAddOrderParams } from './kraken-order.ts';
import type {
  BalanceView,
  DeadManView,
  FillView,
  LiveStatus,
  OrderRequest,
  OrderStatus,
  OrderView,
  Side,
} from './types.ts';

export interface LiveAccountDeps {
  /** Signed with the active key. */
  rest: KrakenRest;
  /** A private WS v2 session (ws-auth) that asks `token` for a fresh token on each connection. */
  createSession(token: () => Promise<string>): WsSession;
  intents: OrderIntentStore;
  clock: Clock;
  rulesFor(symbol: string): PairRules | undefined;
  /** Something the popup shows changed. */
  onChange(): void;
  /** A new fill (not one from the snapshot of past trades): one notification each. */
  onFill(fill: FillView): void;
}

const FILLS_KEPT = 50;
const BALANCE_REFRESH_DELAY_MS = 250;
const DEAD_MAN_TIMEOUT_SEC = 60;

const STATUS: Record<string, OrderStatus> = {
  pending_new: 'pending',
  new: 'new',
  partially_filled: 'partially_filled',
  filled: 'filled',
  canceled: 'canceled',
  expired: 'expired',
};

export function createLiveAccount(deps: LiveAccountDeps) {
  const tracker = createOrdersTracker();
  const placer = createOrderPlacer({ rest: deps.rest, store: deps.intents, clock: deps.clock });
  const inflight = new Map<string, Promise<OrderView>>();
  let fills: FillView[] = [];
  let balances: BalanceView[] = [];
  let status: LiveStatus = { kind: 'connecting' };
  let deadMan: DeadManView = { kind: 'off' };
  let session: WsSession | null = null;
  let balanceTimer: ReturnType<typeof setTimeout> | null = null;

  const tokens = createTokenSource(() => deps.rest.getWebSocketsToken());
  const deadManSwitch = createDeadManSwitch({
    rest: deps.rest,
    clock: deps.clock,
    timeoutSec: DEAD_MAN_TIMEOUT_SEC,
    onRefresh: (at) => {
      deadMan = { kind: 'armed', timeoutSec: DEAD_MAN_TIMEOUT_SEC, refreshedAt: at };
      deps.onChange();
    },
    onError: (e) => {
      deadMan = { kind: 'error', message: `Could not refresh it: ${errorText(e)}. Retrying.` };
      deps.onChange();
    },
  });

  /** Kraken sends numbers at the pair's precision; fixed-point text at that precision gives back its digits. */
  function text(value: unknown, decimals: number | undefined): string | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    return toFixedDecimal(value, decimals ?? 8);
  }

  function orderView(r: OrderReport): OrderView {
    const symbol = String(r.symbol ?? '');
    const rules = deps.rulesFor(symbol);
    const triggers = r.triggers as { price?: unknown } | undefined;
    const limit = text(r.limit_price, rules?.pairDecimals);
    const trigger = text(triggers?.price, rules?.pairDecimals);
    const avg = text(r.avg_price, rules?.pairDecimals);
    return {
      id: r.order_id,
      ...(typeof r.cl_ord_id === 'string' ? { clOrdId: r.cl_ord_id } : {}),
      symbol,
      side: (r.side === 'sell' ? 'sell' : 'buy') as Side,
      type: String(r.order_type ?? ''),
      ...(limit ? { limitPrice: limit } : {}),
      ...(trigger ? { triggerPrice: trigger } : {}),
      volume: text(r.order_qty, rules?.lotDecimals) ?? '0',
      filled: text(r.cum_qty, rules?.lotDecimals) ?? '0',
      ...(avg && r.avg_price !== 0 ? { avgPrice: avg } : {}),
      status: STATUS[String(r.order_status)] ?? 'new',
      createdAt: typeof r.timestamp === 'string' ? Date.parse(r.timestamp) || 0 : 0,
    };
  }

  function fillView(r: OrderReport, merged: OrderReport | undefined): FillView | null {
    if (typeof r.last_qty !== 'number' || typeof r.last_price !== 'number') return null;
    const order = { ...merged, ...r };
    const symbol = String(order.symbol ?? '');
    const rules = deps.rulesFor(symbol);
    const fee = Array.isArray(r.fees)
      ? (r.fees[0] as { asset?: unknown; qty?: unknown } | undefined)
      : undefined;
    const cum = typeof order.cum_qty === 'number' ? order.cum_qty : undefined;
    const qty = typeof order.order_qty === 'number' ? order.order_qty : undefined;
    return {
      id: String(r.exec_id ?? `${r.order_id}:${r.timestamp ?? ''}`),
      orderId: r.order_id,
      symbol,
      side: order.side === 'sell' ? 'sell' : 'buy',
      qty: text(r.last_qty, rules?.lotDecimals) ?? '0',
      price: text(r.last_price, rules?.pairDecimals) ?? '0',
      fee: text(fee?.qty, rules?.costDecimals) ?? '0',
      feeAsset: typeof fee?.asset === 'string' ? fee.asset : (rules?.quote ?? ''),
      liquidity: r.liquidity_ind === 'm' ? 'maker' : 'taker',
      // Kraken reports a completing trade as partially_filled and sends `filled` separately (SPEC.md §9.7).
      complete: cum !== undefined && qty !== undefined && cum >= qty,
      at: typeof r.timestamp === 'string' ? Date.parse(r.timestamp) || deps.clock.now() : deps.clock.now(),
    };
  }

  function onExecutions(frame: { type?: unknown; data?: unknown }): void {
    const items = Array.isArray(frame.data) ? (frame.data as OrderReport[]) : [];
    const snapshot = frame.type === 'snapshot';
    const before = new Map(items.map((r) => [r.order_id, tracker.get(r.order_id)]));
    tracker.apply(frame);
    const fresh: FillView[] = [];
    for (const r of items) {
      if (r?.exec_type !== 'trade') continue;
      const fill = fillView(r, { ...before.get(r.order_id), ...tracker.get(r.order_id) } as OrderReport);
      if (fill) fresh.push(fill);
    }
    if (snapshot) fills = [];
    const known = new Set(fills.map((f) => f.id));
    const added = fresh.filter((f) => !known.has(f.id)); // oldest first, as Kraken reported them
    fills = [...added].reverse().concat(fills).slice(0, FILLS_KEPT);
    if (!snapshot) for (const f of added) deps.onFill(f);
    scheduleBalances();
    deps.onChange();
  }

  async function refreshBalances(): Promise<void> {
    const raw = Object.entries(await deps.rest.balanceEx());
    // Grouped by v2 asset as for Balance; `tradable` leaves out earn/staking balances (SPEC.md §7).
    const totals = aggregateBalances(Object.fromEntries(raw.map(([code, e]) => [code, e.balance])));
    const holds = aggregateBalances(Object.fromEntries(raw.map(([code, e]) => [code, e.hold_trade ?? '0'])));
    balances = Object.values(totals)
      .filter((b) => exact(b.tradable).units !== 0n)
      .map(({ asset, tradable: total }) => {
        const hold = holds[asset]?.tradable ?? '0';
        return { asset, total, hold, available: format(sub(total, hold)) };
      })
      .sort((a, b) => a.asset.localeCompare(b.asset));
    deps.onChange();
  }

  function scheduleBalances(): void {
    if (balanceTimer) return;
    balanceTimer = setTimeout(() => {
      balanceTimer = null;
      refreshBalances().catch(() => {});
    }, BALANCE_REFRESH_DELAY_MS);
  }

  async function place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
    const rules = deps.rulesFor(order.symbol);
    if (!rules) throw new Error(`No trading rules for ${order.symbol} yet; try again in a moment.`);
    const intent = await placer.prepare(toAddOrderParams(order, rules), clOrdId);
    const placed = await placer.submit(intent.clOrdId);
    scheduleBalances();
    const txid = placed.txid?.[0] ?? '';
    const known = tracker.get(txid);
    return known
      ? orderView(known)
      : {
          id: txid,
          clOrdId,
          symbol: order.symbol,
          side: order.side,
          type: order.type,
          ...(order.limitPrice ? { limitPrice: order.limitPrice } : {}),
          ...(order.triggerPrice ? { triggerPrice: order.triggerPrice } : {}),
          volume: order.volume,
          filled: '0',
          status: 'pending',
          createdAt: deps.clock.now(),
        };
  }

  return {
    async start(): Promise<void> {
      session = deps.createSession(() => tokens.fresh());
      session.on('state', (state) => {
        const next: LiveStatus =
          state.kind === 'live'
            ? { kind: 'ready' }
            : state.kind === 'failed'
              ? { kind: 'error', message: `Kraken's private feed failed: ${state.reason}` }
              : { kind: 'connecting' };
        if (next.kind !== status.kind) {
          status = next;
          deps.onChange();
        }
      });
      session.on('data', (message) => {
        if (message.channel !== 'other') return;
        if (message.name === 'executions') onExecutions(message.raw);
        else if (message.name === 'balances') scheduleBalances();
      });
      session.subscribe({ channel: 'executions', snapOrders: true, snapTrades: true });
      session.subscribe({ channel: 'balances' });
      session.start();
      void refreshBalances().catch(() => {});
      // Orders a previous worker left mid-send: reconcile with Kraken (never a blind resend).
      void placer.resumeAll().catch(() => {});
    },

    async stop(): Promise<void> {
      session?.stop();
      session = null;
      if (balanceTimer) clearTimeout(balanceTimer);
      await this.setDeadMan(false).catch(() => {});
    },

    status: (): LiveStatus => status,
    orders: (): OrderView[] =>
      tracker
        .openOrders()
        .map(orderView)
        .sort((a, b) => b.createdAt - a.createdAt),
    fills: (): FillView[] => fills,
    balances: (): BalanceView[] => balances,
    deadMan: (): DeadManView => deadMan,

    /** Kraken's own check of the order (AddOrder validate=true): its description, or its refusal as an error. */
    async preview(order: OrderRequest): Promise<{ description: string }> {
      const rules = deps.rulesFor(order.symbol);
      if (!rules) throw new Error(`No trading rules for ${order.symbol} yet; try again in a moment.`);
      const result = await placer.preview(toAddOrderParams(order, rules));
      return { description: result.descr?.order ?? 'Kraken accepted the order for validation.' };
    },

    /** One placement per clOrdId, even when asked twice at once (a double click) or again later. */
    place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
      const running = inflight.get(clOrdId);
      if (running) return running;
      const next = place(order, clOrdId).finally(() => inflight.delete(clOrdId));
      inflight.set(clOrdId, next);
      return next;
    },

    async cancel(id: string): Promise<void> {
      await deps.rest.cancelOrder({ txid: id });
      scheduleBalances();
    },

    /** Cancels every open order of one pair (Kraken's CancelAll would take every pair). */
    async cancelAll(symbol: string): Promise<number> {
      const ids = tracker
        .openOrders()
        .filter((o) => o.symbol === symbol)
        .map((o) => o.order_id);
      for (let i = 0; i < ids.length; i += 50) {
        await deps.rest.cancelOrderBatch({ orders: ids.slice(i, i + 50) });
      }
      scheduleBalances();
      return ids.length;
    },

    async setDeadMan(on: boolean): Promise<void> {
      if (on) {
        try {
          await deadManSwitch.arm();
        } catch (e) {
          deadMan = { kind: 'error', message: `Kraken refused to arm it: ${errorText(e)}` };
          deps.onChange();
          throw e;
        }
      } else {
        deadMan = { kind: 'off' };
        await deadManSwitch.stop();
      }
      deps.onChange();
    },
  };
}

export type LiveAccount = ReturnType<typeof createLiveAccount>;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
