import type { LedgerEntry, Wallet } from '../account/wallet.ts';
import type { AssetSpec } from '../data/assets.ts';
import type { Market, MarketStep } from '../market/market.ts';
import type { PairMarket } from '../market/pair-market.ts';
import { type FeeTier, SPOT_FEE_TIERS } from './fee-tiers.ts';
import { krakenId } from './ids.ts';
import { baseAsset, baseUnits, feeOf, qtyForBudget, quoteAsset, quoteCost } from './money.ts';
import {
  type Fill,
  isOpen,
  isTrailing,
  isTrigger,
  type Order,
  type OrderRequest,
  type OrderType,
} from './order.ts';
import { startTrail, trailHit, trailLimit } from './trailing.ts';

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** Kraken's refusals for orders (https://docs.kraken.com/api/docs/guides/spot-errors). */
export const OrderError = {
  insufficientFunds: 'EOrder:Insufficient funds',
  postOnly: 'EOrder:Post only order',
  unknownOrder: 'EOrder:Unknown order',
} as const;

/** Everything that happens to an order, in order: the WS `executions` feed is built from these. */
export type EngineEvent =
  | { readonly kind: 'new'; readonly order: Order }
  | { readonly kind: 'fill'; readonly fill: Fill }
  | { readonly kind: 'filled'; readonly order: Order }
  | { readonly kind: 'canceled'; readonly order: Order }
  | { readonly kind: 'expired'; readonly order: Order }
  | { readonly kind: 'amended'; readonly order: Order }
  | { readonly kind: 'triggered'; readonly order: Order }
  | { readonly kind: 'ledger'; readonly entry: LedgerEntry };

export type EngineListener = (event: EngineEvent) => void;

export type PlaceResult =
  | { readonly ok: true; readonly order: Order }
  | { readonly ok: false; readonly error: string };

interface Hold {
  readonly asset: AssetSpec;
  readonly amount: bigint;
}

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
      const hold = this.holdOf(order);
      if (hold && hold.asset.v2 === asset.v2) sum += hold.amount;
    }
    return sum;
  }

  available(asset: AssetSpec): bigint {
    return this.wallet.balance(asset) - this.held(asset);
  }

  // ---- holds ----

  private remaining(order: Order): bigint {
    return order.request.volume - order.filled;
  }

  /** Price a resting buy reserves quote at: its limit, or its trigger for stop/take-profit market orders. */
  private reserveTick(order: Order): number | undefined {
    if (order.limitTick !== undefined) return order.limitTick;
    return order.stopTick ?? order.request.priceTick;
  }

  private holdOf(order: Order): Hold | undefined {
    const { pair, side } = order.request;
    const remaining = this.remaining(order);
    if (remaining <= 0n) return undefined;
    if (side === 'sell') {
      const units = baseUnits(pair, remaining);
      return {
        asset: baseAsset(pair),
        amount: units + (order.request.feeInBase ? feeOf(units, this.feeTier().takerBps, true) : 0n),
      };
    }
    const tick = this.reserveTick(order);
    if (tick === undefined) return undefined;
    const cost = quoteCost(pair, tick, remaining, true);
    return { asset: quoteAsset(pair), amount: cost + feeOf(cost, this.feeTier().takerBps, true) };
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
    const order: Order = {
      txid: krakenId('O'),
      request,
      status: 'pending',
      filled: 0n,
      cost: 0n,
      fee: 0n,
      volume: request.viqc ? 0n : request.volume,
      limitTick: request.type === 'limit' ? request.priceTick : undefined,
      triggered: false,
      openNs: nowNs,
      closeNs: undefined,
      reason: undefined,
      trades: [],
      amends: [],
      changedMs: Date.now(),
    };
    this.recordAmend(order, 'original');
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
    const need = this.needed(request, pair);
    if (need.amount > this.available(need.asset)) return OrderError.insufficientFunds;
    return undefined;
  }

  /** Funds an order needs now: a market order's estimated sweep, otherwise what it will hold. */
  private needed(request: OrderRequest, pair: PairMarket): Hold {
    const { side } = request;
    if (side === 'sell') {
      const units = baseUnits(request.pair, request.volume);
      return {
        asset: baseAsset(request.pair),
        amount: units + (request.feeInBase ? feeOf(units, this.feeTier().takerBps, true) : 0n),
      };
    }
    const quote = quoteAsset(request.pair);
    if (request.type === 'market') {
      const cost = request.viqc ? request.volume : this.sweepCost(pair, request.volume);
      return {
        asset: quote,
        amount: cost + (request.feeInBase ? 0n : feeOf(cost, this.feeTier().takerBps, true)),
      };
    }
    const tick = request.type.endsWith('-limit') ? request.price2Tick : request.priceTick;
    const cost = quoteCost(request.pair, tick ?? 0, request.volume, true);
    return { asset: quote, amount: cost + feeOf(cost, this.feeTier().takerBps, true) };
  }

  private sweepCost(pair: PairMarket, qty: bigint): bigint {
    let remaining = qty;
    let cost = 0n;
    for (const level of pair.book.asks.levels) {
      if (remaining <= 0n) break;
      const take = minBig(level.qty, remaining);
      cost += quoteCost(pair.spec, level.tick, take, true);
      remaining -= take;
    }
    return cost;
  }

  private run(order: Order, pair: PairMarket): void {
    const { type } = order.request;
    if (isTrigger(type) && !order.triggered) {
      if (this.triggerHit(order, pair)) this.trigger(order, pair);
      return;
    }
    if (order.request.timeInForce === 'FOK' && !this.fillsInFull(order, pair)) {
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

  /** Fill-or-kill: the book holds the whole remaining quantity at the order's limit or better. */
  private fillsInFull(order: Order, pair: PairMarket): boolean {
    const buy = order.request.side === 'buy';
    let need = order.request.viqc ? 1n : this.remaining(order);
    let budget = order.request.viqc ? order.request.volume : 0n;
    for (const level of (buy ? pair.book.asks : pair.book.bids).levels) {
      const limit = order.limitTick;
      if (limit !== undefined && (buy ? level.tick > limit : level.tick < limit)) break;
      if (order.request.viqc) {
        budget -= quoteCost(pair.spec, level.tick, level.qty);
        if (budget <= 0n) return true;
        continue;
      }
      need -= level.qty;
      if (need <= 0n) return true;
    }
    return false;
  }

  private triggerHit(order: Order, pair: PairMarket): boolean {
    const last = pair.tape.last()?.tick;
    if (last !== undefined && isTrailing(order.request.type)) return trailHit(order, last);
    const trigger = order.request.priceTick;
    if (last === undefined || trigger === undefined) return false;
    const stop = order.request.type.startsWith('stop-loss');
    const buy = order.request.side === 'buy';
    // Stop-loss: buy when the price rises to the trigger, sell when it falls to it; take-profit the reverse.
    return stop === buy ? last >= trigger : last <= trigger;
  }

  private trigger(order: Order, pair: PairMarket): void {
    order.triggered = true;
    order.limitTick = isTrailing(order.request.type)
      ? trailLimit(order)
      : order.request.type.endsWith('-limit')
        ? order.request.price2Tick
        : undefined;
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
        const remaining = this.remaining(order);
        qty = minBig(remaining, level.qty);
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
      else if (this.remaining(order) === 0n) break;
    }
    if (order.request.viqc) order.volume = order.filled;
    if (order.filled > 0n && (order.request.viqc || this.remaining(order) === 0n))
      this.finish(order, 'closed');
  }

  /**
   * Base units a buy can still pay for at `tick` (taker fee included) out of its own hold plus whatever is
   * not reserved by other orders. A triggered stop reserves at its trigger price but sweeps the book at
   * market, so without this cap it could spend more than the account has.
   */
  private affordable(order: Order, pair: PairMarket, tick: number): bigint {
    const quote = quoteAsset(pair.spec);
    const own = this.holdOf(order);
    const spendable =
      this.wallet.balance(quote) - this.held(quote) + (own?.asset.v2 === quote.v2 ? own.amount : 0n);
    if (spendable <= 0n) return 0n;
    const feeShare = order.request.feeInBase ? 0n : this.feeTier().takerBps;
    // Leave one unit of slack per fill for rounding.
    const budget = ((spendable - 1n) * 10000n) / (10000n + feeShare);
    return budget > 0n ? qtyForBudget(pair.spec, tick, budget) : 0n;
  }

  /** Books one execution: wallet, order totals, trade record, ledger and events. */
  private fill(order: Order, pair: PairMarket, tick: number, qty: bigint, maker: boolean): Fill {
    const spec = pair.spec;
    const base = baseAsset(spec);
    const quote = quoteAsset(spec);
    const cost = quoteCost(spec, tick, qty);
    const units = baseUnits(spec, qty);
    const bps = maker ? this.feeTier().makerBps : this.feeTier().takerBps;
    const feeInBase = order.request.feeInBase;
    const fee = feeOf(feeInBase ? units : cost, bps);
    const buy = order.request.side === 'buy';
    const timeNs = this.market.nowNs();
    const txid = krakenId('T');
    const fill: Fill = {
      txid,
      tradeId: pair.nextId(),
      order,
      tick,
      qty,
      cost,
      fee,
      feeInBase,
      maker,
      timeNs,
    };
    const baseDelta = buy ? units : -units;
    const quoteDelta = buy ? -cost : cost;
    const baseFee = feeInBase ? fee : 0n;
    const quoteFee = feeInBase ? 0n : fee;
    const baseBalance = this.wallet.apply(base, baseDelta - baseFee);
    const quoteBalance = this.wallet.apply(quote, quoteDelta - quoteFee);
    order.filled += qty;
    order.cost += cost;
    order.fee += fee;
    order.trades.push(txid);
    this.fills.push(fill);
    this.emit({ kind: 'fill', fill });
    for (const [asset, amount, entryFee, balance] of [
      [base, baseDelta, baseFee, baseBalance],
      [quote, quoteDelta, quoteFee, quoteBalance],
    ] as const) {
      this.emit({
        kind: 'ledger',
        entry: {
          id: krakenId('L'),
          refId: txid,
          timeNs,
          type: 'trade',
          asset,
          amount,
          fee: entryFee,
          balance,
        },
      });
    }
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
    const close = order.request.close;
    if (!close) return;
    const type: OrderType = close.type;
    this.place({
      ...order.request,
      side: order.request.side === 'buy' ? 'sell' : 'buy',
      type,
      volume: order.filled,
      viqc: false,
      priceTick: close.priceTick,
      price2Tick: close.price2Tick,
      postOnly: false,
      timeInForce: 'GTC',
      expireSec: undefined,
      clOrdId: undefined,
      close: undefined,
    });
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
   * In-place amend (AmendOrder): new quantity and/or limit price; the quantity may not drop below what
   * has been filled. Refuses if the new terms are not covered by available funds.
   */
  amend(order: Order, changes: { volume?: bigint; limitTick?: number }): string | undefined {
    if (!isOpen(order)) return OrderError.unknownOrder;
    const before = { volume: order.request.volume, limit: order.limitTick };
    const limit = changes.limitTick;
    const request: OrderRequest = {
      ...order.request,
      volume: changes.volume ?? order.request.volume,
      // The limit lives in `price` for limit orders and in `price2` for the -limit trigger orders.
      priceTick: limit !== undefined && order.request.type === 'limit' ? limit : order.request.priceTick,
      price2Tick: limit !== undefined && order.request.type !== 'limit' ? limit : order.request.price2Tick,
    };
    if (request.volume <= order.filled) return 'EGeneral:Invalid arguments:order_qty';
    const heldBefore = this.holdOf(order);
    const limitTick =
      order.triggered || order.request.type === 'limit' ? (limit ?? order.limitTick) : order.limitTick;
    const amended: Order = { ...order, request, limitTick };
    const heldAfter = this.holdOf(amended);
    if (heldAfter && heldAfter.amount - (heldBefore?.amount ?? 0n) > this.available(heldAfter.asset)) {
      return OrderError.insufficientFunds;
    }
    Object.assign(order, { request, limitTick: amended.limitTick, changedMs: Date.now() });
    this.recordAmend(order, 'user');
    this.emit({ kind: 'amended', order });
    if (before.limit !== order.limitTick) this.run(order, this.pairOf(order.request));
    return undefined;
  }

  /** Appends the order's current terms to its amend history (OrderAmends). */
  private recordAmend(order: Order, type: 'original' | 'user'): void {
    const trigger = isTrigger(order.request.type);
    order.amends.push({
      amendId: krakenId('T'),
      type,
      volume: order.request.volume,
      remaining: order.request.volume - order.filled,
      limitTick: order.request.type === 'limit' ? order.request.priceTick : order.request.price2Tick,
      triggerTick: trigger ? (order.stopTick ?? order.request.priceTick) : undefined,
      postOnly: order.request.postOnly,
      timeMs: Date.now(),
    });
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
      const remaining = this.remaining(order);
      if (!level || remaining <= 0n || (buy ? level.tick > limit : level.tick < limit)) break;
      const qty = minBig(remaining, level.qty);
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
    if (this.remaining(order) === 0n) this.finish(order, 'closed');
  }
}
