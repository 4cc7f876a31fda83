import type { Wallet } from '../account/wallet.ts';
import type { AssetSpec } from '../data/assets.ts';
import type { Market, MarketStep } from '../market/market.ts';
import type { PairMarket } from '../market/pair-market.ts';
import { type AmendChanges, amendedOrder, amendRecord } from './amend-terms.ts';
import { type EngineEvent, type EngineListener, OrderError, type PlaceResult } from './engine-types.ts';
import { bookExecution } from './execution.ts';
import { type FeeTier, SPOT_FEE_TIERS } from './fee-tiers.ts';
import { affordableQty, fillsInFull, holdOf, minBig, needed, remaining } from './funds.ts';
import { qtyForBudget, quoteAsset } from './money.ts';
import { type Fill, isOpen, isTrigger, type Order, type OrderRequest } from './order.ts';
import { closeRequest, newOrder, triggeredLimit, triggerHit } from './order-life.ts';
import { startTrail } from './trailing.ts';

export { type EngineEvent, type EngineListener, OrderError, type PlaceResult } from './engine-types.ts';

/**
 * The account's matching engine. Client orders trade against the simulated book (the market's makers):
 * market orders and marketable limits take liquidity level by level at each level's price (taker fee);
 * resting limits are filled at their limit price (maker fee) when the market moves through them, taking
 * the crossing levels out of the book. Open orders reserve funds (holds); every fill moves the wallet by
 * the rounded cost and fee it records, so balances reconcile with the trade history to the unit.
 */
export class Engine {
  private readonly orders = new Map<string, Order>();
  private readonly fills: Fill[] = [];
  private readonly listeners = new Set<EngineListener>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly market: Market,
    readonly wallet: Wallet,
    /** The account's current fee tier (TradeVolume); the starter tier when not given. */
    private readonly feeTier: () => FeeTier = () => SPOT_FEE_TIERS[0] as FeeTier,
  ) {
    this.unsubscribe = market.onStep((step) => this.afterStep(step));
  }

  close(): void {
    this.unsubscribe();
  }

  onEvent(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  // ---- queries ----

  get(txid: string): Order | undefined {
    return this.orders.get(txid);
  }

  all(): Order[] {
    return [...this.orders.values()];
  }

  open(): Order[] {
    return this.all().filter(isOpen);
  }

  trades(): readonly Fill[] {
    return this.fills;
  }

  /** What open orders reserve of `asset` (BalanceEx `hold_trade`). */
  held(asset: AssetSpec): bigint {
    let sum = 0n;
    for (const order of this.orders.values()) {
      if (!isOpen(order)) continue;
      const hold = holdOf(order, this.feeTier().takerBps);
      if (hold && hold.asset.v2 === asset.v2) sum += hold.amount;
    }
    return sum;
  }

  available(asset: AssetSpec): bigint {
    return this.wallet.balance(asset) - this.held(asset);
  }

  // ---- placing ----

  /**
   * Checks funds and post-only, then (unless `validate`) accepts the order and runs it: immediate
   * execution for market and marketable limit orders, trigger check for stop/take-profit orders.
   */
  place(request: OrderRequest, validate = false): PlaceResult {
    const pair = this.pairOf(request);
    const problem = this.refusal(request, pair);
    if (problem !== undefined) return { ok: false, error: problem };
    const nowNs = this.market.nowNs();
    const order = newOrder(request, nowNs);
    order.amends.push(amendRecord(order, 'original'));
    startTrail(order, pair.tape.last()?.tick);
    if (validate) return { ok: true, order };
    this.orders.set(order.txid, order);
    this.emit({ kind: 'new', order });
    order.status = 'open';
    this.run(order, pair);
    return { ok: true, order };
  }

  private pairOf(request: OrderRequest): PairMarket {
    const pair = this.market.pair(request.pair.symbol);
    if (!pair) throw new Error(`no market for ${request.pair.symbol}`);
    return pair;
  }

  private refusal(request: OrderRequest, pair: PairMarket): string | undefined {
    const { side, type } = request;
    const limit = type === 'limit' ? request.priceTick : undefined;
    if (request.postOnly && limit !== undefined) {
      const best = side === 'buy' ? pair.book.asks.best() : pair.book.bids.best();
      if (best && (side === 'buy' ? limit >= best.tick : limit <= best.tick)) return OrderError.postOnly;
    }
    const need = needed(request, pair, this.feeTier().takerBps);
    if (need.amount > this.available(need.asset)) return OrderError.insufficientFunds;
    return undefined;
  }

  private run(order: Order, pair: PairMarket): void {
    const { type } = order.request;
    if (isTrigger(type) && !order.triggered) {
      if (this.triggerHit(order, pair)) this.trigger(order, pair);
      return;
    }
    if (order.request.timeInForce === 'FOK' && !fillsInFull(order, pair)) {
      this.finish(order, 'canceled', 'Insufficient liquidity');
      return;
    }
    this.takeLiquidity(order, pair);
    if (!isOpen(order)) return;
    if (
      order.limitTick === undefined ||
      (order.request.timeInForce !== 'GTC' && order.request.timeInForce !== 'GTD')
    ) {
      // Market orders never rest; IOC remainders are cancelled.
      this.finish(
        order,
        order.filled > 0n ? 'closed' : 'canceled',
        order.filled > 0n ? undefined : 'Insufficient liquidity',
      );
    }
  }

  private triggerHit(order: Order, pair: PairMarket): boolean {
    return triggerHit(order, pair.tape.last()?.tick);
  }

  private trigger(order: Order, pair: PairMarket): void {
    order.triggered = true;
    order.limitTick = triggeredLimit(order);
    this.emit({ kind: 'triggered', order });
    this.run(order, pair);
  }

  /** Takes book liquidity at the order's limit or better (any price for market orders). */
  private takeLiquidity(order: Order, pair: PairMarket): void {
    const { side } = order.request;
    const book = side === 'buy' ? pair.book.asks : pair.book.bids;
    let budget = order.request.viqc ? order.request.volume - order.cost : 0n;
    for (;;) {
      const level = book.best();
      if (!level) break;
      if (
        order.limitTick !== undefined &&
        (side === 'buy' ? level.tick > order.limitTick : level.tick < order.limitTick)
      )
        break;
      let qty: bigint;
      if (order.request.viqc) {
        const affordable = qtyForBudget(pair.spec, level.tick, budget);
        qty = minBig(affordable, level.qty);
      } else {
        qty = minBig(remaining(order), level.qty);
      }
      if (side === 'buy') qty = minBig(qty, this.affordable(order, pair, level.tick));
      if (qty <= 0n) break;
      const fill = this.fill(order, pair, level.tick, qty, false);
      pair.consume(side === 'buy' ? 'ask' : 'bid', level.tick, qty, {
        id: fill.tradeId,
        tick: level.tick,
        qty,
        side,
        ordType: order.limitTick === undefined ? 'market' : 'limit',
        tsNs: fill.timeNs,
      });
      if (order.request.viqc) budget -= fill.cost;
      else if (remaining(order) === 0n) break;
    }
    if (order.request.viqc) order.volume = order.filled;
    if (order.filled > 0n && (order.request.viqc || remaining(order) === 0n)) this.finish(order, 'closed');
  }

  /**
   * Base units a buy can still pay for at `tick` (taker fee included) out of its own hold plus whatever is
   * not reserved by other orders. A triggered stop reserves at its trigger price but sweeps the book at
   * market, so without this cap it could spend more than the account has.
   */
  private affordable(order: Order, pair: PairMarket, tick: number): bigint {
    const quote = quoteAsset(pair.spec);
    const own = holdOf(order, this.feeTier().takerBps);
    const spendable =
      this.wallet.balance(quote) - this.held(quote) + (own?.asset.v2 === quote.v2 ? own.amount : 0n);
    return affordableQty(order, pair, tick, spendable, this.feeTier().takerBps);
  }

  /** Books one execution (execution.ts) and tells the listeners: the fill, then both ledger entries. */
  private fill(order: Order, pair: PairMarket, tick: number, qty: bigint, maker: boolean): Fill {
    const tier = this.feeTier();
    const { fill, ledger } = bookExecution(this.wallet, order, pair, {
      tick,
      qty,
      maker,
      bps: maker ? tier.makerBps : tier.takerBps,
      timeNs: this.market.nowNs(),
    });
    this.fills.push(fill);
    this.emit({ kind: 'fill', fill });
    for (const entry of ledger) this.emit({ kind: 'ledger', entry });
    return fill;
  }

  private finish(order: Order, status: 'closed' | 'canceled' | 'expired', reason?: string): void {
    order.status = status;
    order.reason = reason;
    order.closeNs = this.market.nowNs();
    switch (status) {
      case 'closed':
        this.emit({ kind: 'filled', order });
        this.placeClose(order);
        return;
      case 'canceled':
        this.emit({ kind: 'canceled', order });
        return;
      case 'expired':
        this.emit({ kind: 'expired', order });
        return;
      default: {
        const never: never = status;
        throw new Error(`bad status ${String(never)}`);
      }
    }
  }

  /** Conditional close: once the parent has filled, the close order goes in on the other side. */
  private placeClose(order: Order): void {
    const request = closeRequest(order);
    if (request) this.place(request);
  }

  // ---- cancelling and amending ----

  cancel(order: Order): boolean {
    if (!isOpen(order)) return false;
    this.finish(order, 'canceled', 'User requested');
    return true;
  }

  cancelAll(): number {
    let count = 0;
    for (const order of this.open()) if (this.cancel(order)) count += 1;
    return count;
  }

  /**
   * In-place amend (AmendOrder): new quantity, limit price and/or trigger; the quantity may not drop below what
   * has been filled. Refuses if the new terms are not covered by available funds.
   */
  amend(order: Order, changes: AmendChanges): string | undefined {
    if (!isOpen(order)) return OrderError.unknownOrder;
    const beforeLimit = order.limitTick;
    const amended = amendedOrder(order, changes);
    if (amended.request.volume <= order.filled) return 'EGeneral:Invalid arguments:order_qty';
    const takerBps = this.feeTier().takerBps;
    const heldBefore = holdOf(order, takerBps);
    const heldAfter = holdOf(amended, takerBps);
    if (heldAfter && heldAfter.amount - (heldBefore?.amount ?? 0n) > this.available(heldAfter.asset)) {
      return OrderError.insufficientFunds;
    }
    const { request, limitTick, stopTick } = amended;
    Object.assign(order, { request, limitTick, stopTick, changedMs: Date.now() });
    order.amends.push(amendRecord(order, 'user'));
    this.emit({ kind: 'amended', order });
    if (beforeLimit !== order.limitTick) this.run(order, this.pairOf(order.request));
    return undefined;
  }

  // ---- the market moves ----

  private afterStep(step: MarketStep): void {
    const nowSec = Number(step.nowNs / 1_000_000_000n);
    for (const order of this.open()) {
      if (order.request.expireSec !== undefined && order.request.expireSec <= nowSec) {
        this.finish(order, 'expired');
        continue;
      }
      // "No trades will occur" in cancel_only / post_only / maintenance (SystemStatus, pair status).
      if (this.market.status.halted(order.request.pair.symbol)) continue;
      const pair = this.pairOf(order.request);
      if (isTrigger(order.request.type) && !order.triggered) {
        if (this.triggerHit(order, pair)) this.trigger(order, pair);
        continue;
      }
      this.restingFills(order, pair);
    }
  }

  /** Expires GTD orders between steps too (a stepless simulator still honours expiretm). */
  expire(nowSec: number): void {
    for (const order of this.open()) {
      if (order.request.expireSec !== undefined && order.request.expireSec <= nowSec)
        this.finish(order, 'expired');
    }
  }

  /**
   * A resting limit fills (as maker, at its limit price) against the book levels that have moved through
   * it; those levels leave the book, so partial fills happen when the crossing liquidity is smaller.
   */
  private restingFills(order: Order, pair: PairMarket): void {
    const limit = order.limitTick;
    if (limit === undefined) return;
    const buy = order.request.side === 'buy';
    const book = buy ? pair.book.asks : pair.book.bids;
    for (;;) {
      const level = book.best();
      const left = remaining(order);
      if (!level || left <= 0n || (buy ? level.tick > limit : level.tick < limit)) break;
      const qty = minBig(left, level.qty);
      const fill = this.fill(order, pair, limit, qty, true);
      pair.consume(buy ? 'ask' : 'bid', level.tick, qty, {
        id: fill.tradeId,
        tick: limit,
        qty,
        side: buy ? 'sell' : 'buy',
        ordType: 'limit',
        tsNs: fill.timeNs,
      });
    }
    if (remaining(order) === 0n) this.finish(order, 'closed');
  }
}
