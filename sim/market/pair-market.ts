import { toMinute, toSeconds } from '../clock.ts';
import type { PairSpec } from '../data/pairs.ts';
import { Book, type BookSide, type Level } from './book.ts';
import type { SeededHistory } from './history.ts';
import type { MinuteSeries } from './minute-series.ts';
import type { Rng } from './random.ts';
import type { Sizing } from './sizing.ts';
import { SpreadLog } from './spread-log.ts';
import type { OrdType, TakerSide, Trade, TradeTape } from './trade-tape.ts';

/** Deepest subscription Kraken offers (book depth 1000), so the step snapshot covers every view. */
export const MAX_DEPTH = 1000;
// Keep each side a little deeper than MAX_DEPTH so depth-1000 views are always full; levels beyond
// TRIM_TO are outside every view, so trimming them never needs a message.
const MIN_LEVELS = 1010;
const REFILL_TO = 1050;
const MAX_LEVELS = 1150;
const TRIM_TO = 1100;

/** Volatility of the fair price per step (≈6 % a day at 250 ms steps). */
const STEP_SIGMA = 0.0001;
/** Pull of the fair price back to the start price, per step: keeps long demo runs in a sane range. */
const REVERSION = 1e-6;
/** A taker sweeps at most this many levels (the rest of the order is treated as cancelled, IOC). */
const MAX_SWEEP = 4;

export interface BestPrices {
  readonly bid: Level | undefined;
  readonly ask: Level | undefined;
}

export interface PairStep {
  readonly spec: PairSpec;
  readonly trades: readonly Trade[];
  /** Top MAX_DEPTH levels of each side before the step, for per-subscriber diffs. */
  readonly before: { readonly bids: readonly Level[]; readonly asks: readonly Level[] };
  /** Best bid/ask price or quantity changed (WS ticker `event_trigger: "bbo"`). */
  readonly bboChanged: boolean;
}

/**
 * The live market of one pair: a fair price doing a random walk, takers trading towards it against the
 * best levels (taker buys consume asks, sells consume bids, each fill at the level's price), makers
 * re-quoting around it, and random churn deeper in the book. Each step only reads its Rng, so the same
 * seed and the same sequence of steps give the same book and trades; the clock only stamps them.
 */
export class PairMarket {
  readonly book = new Book();
  readonly tape: TradeTape;
  readonly minutes: MinuteSeries;
  readonly spreads = new SpreadLog();
  private fair: number;
  private nextTradeId: number;
  /** The book as last published to WS subscribers; changes made between steps are diffed against it. */
  private published: { bids: Level[]; asks: Level[] };
  /** Public trades made between steps (client orders), published with the next step. */
  private pendingTrades: Trade[] = [];
  /** A price forced by the test control, applied at the end of the next step. */
  private forcedTick: number | undefined;

  constructor(
    readonly spec: PairSpec,
    private readonly sizing: Sizing,
    private readonly rng: Rng,
    history: SeededHistory,
    nowNs: bigint,
  ) {
    this.tape = history.tape;
    this.minutes = history.minutes;
    this.nextTradeId = history.nextTradeId;
    this.fair = history.lastTick;
    this.buildBook(history.lastTick, toSeconds(nowNs));
    this.seedSpreads(history);
    this.published = this.depthSnapshot();
  }

  private depthSnapshot(): { bids: Level[]; asks: Level[] } {
    return { bids: this.book.bids.snapshot(MAX_DEPTH), asks: this.book.asks.snapshot(MAX_DEPTH) };
  }

  /** Allocates the next public trade id (client fills share the pair's sequence). */
  nextId(): number {
    const id = this.nextTradeId;
    this.nextTradeId += 1;
    return id;
  }

  /**
   * Takes `qty` from the level at `tick` on `side` for a client order and records the public trade. The
   * change reaches WS subscribers with the next step (its diff runs against the last published book).
   */
  consume(side: 'bid' | 'ask', tick: number, qty: bigint, trade: Trade): void {
    const book = this.book.side(side);
    const level = book.get(tick);
    if (level) book.set(tick, level.qty > qty ? level.qty - qty : 0n, toSeconds(trade.tsNs));
    this.recordTrade(trade);
  }

  /** A trade that did not come out of `step()` (client orders): tape, candles, next step's WS trades. */
  recordTrade(trade: Trade): void {
    this.tape.push(trade);
    this.minutes.addTrade(toMinute(trade.tsNs), trade.tick, trade.qty);
    this.pendingTrades.push(trade);
  }

  /** Test control: the next step ends with a trade at `tick` and a fresh book around it. */
  forcePrice(tick: number): void {
    this.forcedTick = tick;
  }

  private buildBook(centre: number, sec: number): void {
    const bidTop = Math.max(1, centre - this.rng.int(0, this.sizing.halfSpreadMax));
    const askTop = bidTop + 1 + this.rng.int(0, this.sizing.halfSpreadMax);
    this.book.bids.append(bidTop, this.sizing.levelQty(this.rng), sec);
    this.book.asks.append(askTop, this.sizing.levelQty(this.rng), sec);
    this.refill(this.book.bids, sec);
    this.refill(this.book.asks, sec);
  }

  /** Plausible top-of-book history around the seeded tape, so REST Spread has data from the start. */
  private seedSpreads(history: SeededHistory): void {
    for (const trade of history.tape.recent(200)) {
      const bidTick = Math.max(1, trade.side === 'buy' ? trade.tick - 1 : trade.tick);
      this.spreads.record({ time: toSeconds(trade.tsNs), bidTick, askTick: bidTick + 1 });
    }
  }

  best(): BestPrices {
    return { bid: this.book.bids.best(), ask: this.book.asks.best() };
  }

  step(nowNs: bigint): PairStep {
    const sec = toSeconds(nowNs);
    const before = this.published;
    const bboBefore = this.best();
    const start = this.spec.startTicks;
    this.fair = Math.max(
      10,
      this.fair + this.fair * STEP_SIGMA * this.rng.gauss() + (start - this.fair) * REVERSION,
    );

    const trades: Trade[] = [];
    const takers = this.rng.poisson(this.spec.takersPerStep);
    for (let i = 0; i < takers; i += 1) this.take(nowNs + BigInt(i * 1000), sec, trades);
    this.requote(sec);
    this.churn(sec);
    this.refill(this.book.bids, sec);
    this.refill(this.book.asks, sec);
    if (this.forcedTick !== undefined) this.applyForcedPrice(this.forcedTick, nowNs, sec, trades);
    if (this.book.isCrossed()) throw new Error(`${this.spec.symbol}: book crossed`);

    for (const trade of trades) {
      this.tape.push(trade);
      this.minutes.addTrade(toMinute(trade.tsNs), trade.tick, trade.qty);
    }
    trades.unshift(...this.pendingTrades.splice(0));
    this.published = this.depthSnapshot();
    const bbo = this.best();
    const bboChanged =
      bbo.bid?.tick !== bboBefore.bid?.tick ||
      bbo.bid?.qty !== bboBefore.bid?.qty ||
      bbo.ask?.tick !== bboBefore.ask?.tick ||
      bbo.ask?.qty !== bboBefore.ask?.qty;
    if (
      bbo.bid &&
      bbo.ask &&
      (bbo.bid.tick !== bboBefore.bid?.tick || bbo.ask.tick !== bboBefore.ask?.tick)
    ) {
      this.spreads.record({ time: sec, bidTick: bbo.bid.tick, askTick: bbo.ask.tick });
    }
    return { spec: this.spec, trades, before, bboChanged };
  }

  /**
   * Moves the market to `tick`: one taker trade at exactly that price (so "last" is there for alerts) and
   * the book rebuilt around it; the fair price follows, so later steps wander from there.
   */
  private applyForcedPrice(tick: number, nowNs: bigint, sec: number, trades: Trade[]): void {
    this.forcedTick = undefined;
    const last = this.tape.last()?.tick ?? tick;
    const side: TakerSide = tick >= last ? 'buy' : 'sell';
    trades.push({
      id: this.nextId(),
      tick,
      qty: this.sizing.takerQty(this.rng),
      side,
      ordType: 'market',
      tsNs: nowNs + 999_000n,
    });
    this.fair = tick;
    this.book.bids.truncate(0);
    this.book.asks.truncate(0);
    // Bids strictly below and asks strictly above the trade price, as after a sweep.
    this.book.bids.append(Math.max(1, tick - 1), this.sizing.levelQty(this.rng), sec);
    this.book.asks.append(tick + 1, this.sizing.levelQty(this.rng), sec);
    this.refill(this.book.bids, sec);
    this.refill(this.book.asks, sec);
  }

  /** One taker order, leaning towards the fair price so trades drive the price along the walk. */
  private take(tsNs: bigint, sec: number, trades: Trade[]): void {
    const bid = this.book.bids.best();
    const ask = this.book.asks.best();
    if (!bid || !ask) return;
    const mid = (bid.tick + ask.tick) / 2;
    const lean = (this.fair - mid) / (4 * this.sizing.gapMax);
    const side: TakerSide = this.rng.chance(Math.min(0.9, Math.max(0.1, 0.5 + lean))) ? 'buy' : 'sell';
    const ordType: OrdType = this.rng.chance(0.5) ? 'market' : 'limit';
    const resting = side === 'buy' ? this.book.asks : this.book.bids;
    let remaining = this.sizing.takerQty(this.rng);
    for (let swept = 0; swept < MAX_SWEEP && remaining > 0n; swept += 1) {
      const level = resting.best();
      if (!level) break;
      let fill = level.qty;
      if (remaining < fill) fill = remaining;
      resting.set(level.tick, level.qty - fill, sec);
      trades.push({ id: this.nextTradeId, tick: level.tick, qty: fill, side, ordType, tsNs });
      this.nextTradeId += 1;
      remaining -= fill;
    }
  }

  /** Makers quote inside the spread when the best levels lag the fair price. Never crosses. */
  private requote(sec: number): void {
    const targetBid = Math.floor(this.fair) - this.rng.int(0, this.sizing.halfSpreadMax);
    const targetAsk = Math.ceil(this.fair) + this.rng.int(0, this.sizing.halfSpreadMax);
    const bid = this.book.bids.best();
    const ask = this.book.asks.best();
    if (bid && ask && bid.tick < targetBid) {
      const tick = Math.min(targetBid, ask.tick - 1);
      if (tick > bid.tick) this.book.bids.set(tick, this.sizing.levelQty(this.rng), sec);
    }
    const newBid = this.book.bids.best();
    const newAsk = this.book.asks.best();
    if (newBid && newAsk && newAsk.tick > targetAsk) {
      const tick = Math.max(targetAsk, newBid.tick + 1);
      if (tick < newAsk.tick) this.book.asks.set(tick, this.sizing.levelQty(this.rng), sec);
    }
  }

  /** Random quantity changes, cancels and new levels, mostly near the top of the book. */
  private churn(sec: number): void {
    const operations = this.rng.int(1, 6);
    for (let i = 0; i < operations; i += 1) {
      const side = this.rng.chance(0.5) ? this.book.bids : this.book.asks;
      const index = this.rng.chance(0.85)
        ? Math.min(side.length - 1, Math.floor(-Math.log(1 - this.rng.next()) * 12))
        : this.rng.int(0, side.length - 1);
      const level = side.at(index);
      if (!level) continue;
      const roll = this.rng.next();
      if (roll < 0.5) {
        side.set(level.tick, this.sizing.levelQty(this.rng), sec);
      } else if (roll < 0.7) {
        if (side.length > 2) side.set(level.tick, 0n, sec);
      } else {
        // A new level in the gap behind this one: stays on its own side of the book, so it cannot cross.
        const next = side.at(index + 1);
        if (!next) continue;
        const gap = Math.abs(next.tick - level.tick);
        if (gap < 2) continue;
        const offset = this.rng.int(1, gap - 1);
        const tick = side.side === 'bid' ? level.tick - offset : level.tick + offset;
        side.set(tick, this.sizing.levelQty(this.rng), sec);
      }
    }
  }

  /** Keeps each side deeper than MAX_DEPTH and trims the far end. */
  private refill(side: BookSide, sec: number): void {
    if (side.length < MIN_LEVELS) {
      while (side.length < REFILL_TO) {
        const worst = side.last();
        if (!worst) break;
        const gap = this.sizing.gap(this.rng);
        const tick = side.side === 'bid' ? worst.tick - gap : worst.tick + gap;
        if (tick <= 0) break;
        side.append(tick, this.sizing.levelQty(this.rng), sec);
      }
    }
    if (side.length > MAX_LEVELS) side.truncate(TRIM_TO);
  }
}
