// The live Kraken account behind the popup, for ONE account (key, key version, endpoint): open orders and
// fills from the private `executions` channel, balances from REST BalanceEx (refreshed when the `balances`
// channel reports a change), placement through the order placer (cl_ord_id intents with Kraken's deadline:
// never sent twice, never sent for another account), cancels, and the dead man's switch.
// https://docs.kraken.com/api/docs/websocket-v2/executions · https://docs.kraken.com/api/docs/rest-api/get-extended-balance

import {
  accountKey,
  backoffDelay,
  type Clock,
  createDeadManSwitch,
  createOrderPlacer,
  createOrdersTracker,
  createTokenSource,
  type DeadManState,
  type IntentAccount,
  type KrakenRest,
  measureClockOffset,
  type OrderIntent,
  type OrderIntentStore,
  OrderOutcomeUnknown,
  type PairRules,
  type WsSession,
} from '../../kraken/index.ts';
import { TRADING_LIMITS } from '../../kraken/ratelimit/tiers.ts';
import type { BalanceView, FillView, OrderRequest, OrderView } from '../../orders/types.ts';
import { OrderRefused } from '../errors.ts';
import { failureOf } from '../failure.ts';
import { toAddOrderParams } from '../kraken-order.ts';
import { orderFromMeta, orderMeta } from '../order-meta.ts';
import type { AmendView, DeadManView, Failure, FeesView, LiveStatus, RateView } from '../types.ts';
import { type AmendChange, createAmender } from './amend.ts';
import { createLiveBalances } from './balances.ts';
import { createExecutionsFeed, symbolOf } from './executions-feed.ts';
import { createLiveFees } from './fees.ts';
import type { FillMarkStore } from './fill-ledger.ts';
import { createFillLedger } from './fill-ledger.ts';
import { orderTransport } from './order-transport.ts';
import { orderView } from './order-views.ts';
import { createConnectionAuth, type TokenProblem, withTokenHealth } from './token-health.ts';

export interface LiveAccountDeps {
  account: IntentAccount;
  /** Signed with this account's key. Its fetch refuses everything once the account is revoked. */
  rest: KrakenRest;
  /** A private WS v2 session (ws-auth) that asks `token` for a fresh token on each connection. */
  createSession(token: () => Promise<string>): WsSession;
  intents: OrderIntentStore;
  fillMarks: FillMarkStore;
  clock: Clock;
  rulesFor(symbol: string): PairRules | undefined;
  /** Something the popup shows changed. */
  onChange(): void;
  /** A new fill (live, or one that happened while the feed was down): one notification each, shown when this resolves. */
  onFill(fill: FillView): Promise<void>;
  /** An intent changed (the Trade tab lists the unsettled ones). */
  onIntent?(intent: OrderIntent): void;
  /**
   * Whether this account is still the one the vault and the endpoint point at (the REST client's fetch asks
   * the same before every request); orders over the WebSocket ask it too. Default: always.
   */
  isCurrent?(): boolean;
  /** Which way orders go: over the private WebSocket while it is live (default), or always REST. */
  ordersVia?(): 'websocket' | 'rest';
  /** The pairs whose fees matter (the watchlist): the account's own fees are asked for them. */
  feePairs?(): string[];
}

const DEAD_MAN_TIMEOUT_SEC = 60;
const RECONCILE_POLICY = { baseMs: 2_000, capMs: 30_000, floorMs: 1_000 };

export function createLiveAccount(deps: LiveAccountDeps) {
  const { clock } = deps;
  const tracker = createOrdersTracker();
  const lifetime = new AbortController();
  /** Kraken's time minus ours (ms), measured at start: each order's `deadline` is in Kraken's time. */
  let serverOffsetMs = 0;
  let offsetMeasured: Promise<void> = Promise.resolve();
  const sendOrder = orderTransport({
    rest: deps.rest,
    session: () => session,
    ...(deps.ordersVia ? { ordersVia: deps.ordersVia } : {}),
    ...(deps.isCurrent ? { isCurrent: deps.isCurrent } : {}),
    wsUsable: () => tokenProblem === null && auth.authed(),
  });
  const placer = createOrderPlacer({
    rest: deps.rest,
    send: sendOrder,
    store: deps.intents,
    clock,
    account: deps.account,
    serverOffsetMs: () => serverOffsetMs,
    onChange: (intent) => {
      deps.onIntent?.(intent);
      // An order whose outcome is unknown is asked about again and again until Kraken settles it.
      if (intent.state === 'unknown' && !reconcileTimer) scheduleReconcile(0);
    },
  });
  const executions = createExecutionsFeed({
    tracker,
    ledger: createFillLedger(deps.fillMarks, accountKey(deps.account)),
    rulesFor: deps.rulesFor,
    now: () => clock.now(),
    onChange: () => {
      funds.schedule();
      deps.onChange();
    },
    onFills: async (fresh) => {
      fees.onFill();
      await Promise.allSettled(fresh.map((f) => deps.onFill(f)));
    },
    onReported: (clOrdId, orderId) => placer.seen(clOrdId, orderId),
  });
  const funds = createLiveBalances(deps.rest, clock, lifetime.signal, () => deps.onChange());
  const fees = createLiveFees(
    deps.rest,
    () => (deps.feePairs?.() ?? []).flatMap((s) => deps.rulesFor(s)?.altname ?? []),
    lifetime.signal,
    () => deps.onChange(),
  );
  const amender = createAmender({
    rest: deps.rest,
    session: () => session,
    ordersVia: () => deps.ordersVia?.() ?? 'websocket',
    wsUsable: () => tokenProblem === null && auth.authed(),
    order: (id) => tracker.get(id),
    rulesFor: deps.rulesFor,
  });
  const scheduleBalances = funds.schedule;
  let feed: LiveStatus = { kind: 'connecting' };
  let tokenProblem: TokenProblem | null = null;
  let armFailure: Failure | null = null;
  let session: WsSession | null = null;
  let reconcileTimer: ReturnType<typeof setTimeout> | null = null;

  const deadMan = createDeadManSwitch({
    rest: deps.rest,
    clock,
    timeoutSec: DEAD_MAN_TIMEOUT_SEC,
    onChange: () => deps.onChange(),
  });
  const tokens = createTokenSource(() => deps.rest.getWebSocketsToken());
  const token = withTokenHealth(
    () => tokens.fresh(),
    clock,
    (problem) => {
      tokenProblem = problem;
      deps.onChange();
    },
  );
  const auth = createConnectionAuth(token, () => deps.onChange());

  function scheduleReconcile(attempt: number): void {
    if (lifetime.signal.aborted || reconcileTimer) return;
    reconcileTimer = setTimeout(
      () => {
        reconcileTimer = null;
        reconcile(attempt);
      },
      backoffDelay(attempt + 1, RECONCILE_POLICY, Math.random),
    );
  }

  /** Settles intents left unknown (lost answers, a restarted worker): looks only, again and again until known. */
  function reconcile(attempt = 0): void {
    if (lifetime.signal.aborted) return;
    placer.reconcileAll(lifetime.signal).then(
      (unknown) => {
        if (unknown.length > 0) scheduleReconcile(attempt + 1);
      },
      () => scheduleReconcile(attempt + 1),
    );
  }

  /** The order as the popup shows it: Kraken's report when executions already has it, else from the ticket. */
  function placedView(order: OrderRequest, intent: OrderIntent): OrderView {
    const txid = intent.txid?.[0];
    if (!txid) throw new OrderOutcomeUnknown(intent.clOrdId, 'Kraken answered without an order id');
    const known = tracker.get(txid);
    if (known) return orderView(known, deps.rulesFor(order.symbol));
    return {
      id: txid,
      clOrdId: intent.clOrdId,
      symbol: order.symbol,
      side: order.side,
      type: order.type,
      ...(order.limitPrice ? { limitPrice: order.limitPrice } : {}),
      ...(order.triggerPrice ? { triggerPrice: order.triggerPrice } : {}),
      volume: order.volume,
      filled: '0',
      status: 'pending',
      createdAt: intent.updatedAt,
    };
  }

  function rulesOrThrow(symbol: string): PairRules {
    const rules = deps.rulesFor(symbol);
    if (!rules)
      throw new OrderRefused(
        'EQuery:Unknown asset pair',
        `No trading rules for ${symbol} yet; try again in a moment.`,
      );
    return rules;
  }

  return {
    account: deps.account,

    async start(): Promise<void> {
      session = deps.createSession(() => auth.token(lifetime.signal));
      session.on('state', (state) => {
        auth.stateChanged();
        const next: LiveStatus =
          state.kind === 'live'
            ? { kind: 'ready' }
            : state.kind === 'failed'
              ? { kind: 'error', problem: { code: 'feed-refused', words: state.closeReason } }
              : { kind: 'connecting' };
        if (next.kind !== feed.kind) {
          feed = next;
          deps.onChange();
        }
      });
      session.on('data', (message) => {
        if (message.channel === 'executions') void executions.apply(message.raw).catch(() => {});
        else if (message.channel === 'balances') scheduleBalances();
      });
      session.subscribe({ channel: 'executions', snapOrders: true, snapTrades: true, rateCounter: true });
      session.subscribe({ channel: 'balances' });
      session.start();
      void funds.refresh().catch(() => {});
      // Measured before the first order goes out (place() waits for it): a clock far ahead of Kraken's would
      // otherwise make the lookup after a deadline come too early to be definitive.
      offsetMeasured = measureClockOffset(() => deps.rest.time(), clock)
        .then((offset) => {
          serverOffsetMs = offset.offsetMs;
        })
        .catch(() => {});
      // Orders a previous worker (or this one, before a lock) left unsettled: look them up, never resend.
      reconcile();
      fees.start();
    },

    /**
     * Stops everything this account does. The dead man's switch is disarmed (and retried until Kraken
     * confirms); resolves once the first disarm attempt is answered.
     */
    async stop(): Promise<void> {
      lifetime.abort();
      session?.stop();
      session = null;
      if (reconcileTimer) clearTimeout(reconcileTimer);
      await deadMan.stop().catch(() => {});
    },

    status(): LiveStatus {
      if (tokenProblem) return { kind: 'error', ...tokenProblem };
      return feed.kind === 'ready' && !auth.authed() ? { kind: 'connecting' } : feed;
    },
    orders: (): OrderView[] =>
      tracker
        .openOrders()
        .map((r) => orderView(r, deps.rulesFor(symbolOf(r))))
        .sort((a, b) => b.createdAt - a.createdAt),
    fills: (): FillView[] => executions.fills(),
    /** The account's own fees (Kraken's TradeVolume), or the starter tier until Kraken answered. */
    fees: (): FeesView => fees.view(),
    /** The ticket opened: Kraken is asked for the fees again unless it was in the last 15 s. */
    refreshFees: (): void => fees.refreshIfOlder(15_000),
    /** Pairs whose trading counter is past half its threshold (Kraken's count, else our model of it). */
    rates: (): RateView[] => {
      const max = TRADING_LIMITS[deps.rest.tier].max;
      const out: RateView[] = [];
      for (const [symbol, count] of executions.rates())
        if (count >= max / 2) out.push({ symbol, count, max });
      return out;
    },
    /** Amends a resting order in place (volume, limit or trigger price): the id and the queue place kept. */
    amend: (id: string, change: AmendChange): Promise<void> => amender.amend(id, change),
    amends: (id: string): Promise<AmendView[]> => amender.history(id),
    balances: (): BalanceView[] => funds.list(),
    /** When the balances were last confirmed by Kraken (null: not yet). */
    balancesAt: (): number | null => funds.at(),
    deadMan: (): DeadManView => (armFailure ? { kind: 'arm-failed', failure: armFailure } : deadMan.state()),
    /** The switch itself, so a stopped account's disarm can still be shown until Kraken confirms it. */
    deadManState: (): DeadManState => deadMan.state(),
    deadManSettled: () => deadMan.settled(),

    /** Kraken's own check of the order (AddOrder validate=true): its description, or its refusal as an error. */
    async preview(order: OrderRequest): Promise<{ description: string }> {
      const result = await placer.preview(toAddOrderParams(order, rulesOrThrow(order.symbol)));
      return { description: result.descr?.order ?? '' }; // '': none given (the ticket says so in its language)
    },

    /** One placement per clOrdId, even when asked twice at once (a double click) or again later. */
    async place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
      const params = toAddOrderParams(order, rulesOrThrow(order.symbol));
      await offsetMeasured;
      // One IndexedDB transaction before the send, the answer before its own record (placer.confirm).
      const placed = await placer.confirm(params, clOrdId, orderMeta(order), lifetime.signal);
      scheduleBalances();
      return placedView(order, placed);
    },

    /** Asks Kraken about an order whose outcome was unknown; never sends it. */
    async check(clOrdId: string): Promise<OrderView> {
      const intent = await placer.check(clOrdId, lifetime.signal);
      const order = orderFromMeta(intent.meta);
      if (!order) throw new OrderOutcomeUnknown(clOrdId, 'the order’s details were not kept');
      return placedView(order, intent);
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
      armFailure = null;
      if (!on) {
        await deadMan.stop();
        deps.onChange();
        return;
      }
      try {
        await deadMan.arm();
      } catch (e) {
        armFailure = failureOf(e);
        throw e;
      } finally {
        deps.onChange();
      }
    },
  };
}

export type LiveAccount = ReturnType<typeof createLiveAccount>;
