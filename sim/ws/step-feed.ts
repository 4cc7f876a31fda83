import { diffSide } from '../market/book-diff.ts';
import type { OhlcInterval } from '../market/intervals.ts';
import type { Market, MarketStep } from '../market/market.ts';
import type { PairStep } from '../market/pair-market.ts';
import { bookChecksum, bookUpdate } from './channels/book.ts';
import { ohlcMessage } from './channels/ohlc.ts';
import { tickerMessage } from './channels/ticker.ts';
import { tradeMessage } from './channels/trade.ts';
import type { EventTrigger } from './requests.ts';

/**
 * The update messages one market step produces, built lazily and shared by every subscriber with the same
 * view (same symbol and depth, same interval…). `undefined` means the step changed nothing for that view.
 */
export class StepFeed {
  private readonly steps = new Map<string, PairStep>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly market: Market,
    private readonly step: MarketStep,
  ) {
    for (const pairStep of step.pairs) this.steps.set(pairStep.spec.symbol, pairStep);
  }

  private memo(key: string, build: () => string | undefined): string | undefined {
    if (!this.cache.has(key)) this.cache.set(key, build());
    return this.cache.get(key);
  }

  book(symbol: string, depth: number): string | undefined {
    return this.memo(`book:${symbol}:${depth}`, () => {
      const pairStep = this.steps.get(symbol);
      const pair = this.market.pair(symbol);
      if (!pairStep || !pair) return undefined;
      const bids = diffSide(pairStep.before.bids, pair.book.bids, depth);
      const asks = diffSide(pairStep.before.asks, pair.book.asks, depth);
      if (bids.length === 0 && asks.length === 0) return undefined;
      const checksum = bookChecksum(pair.spec, pair.book);
      return bookUpdate(pair.spec, bids, asks, checksum, this.step.nowNs);
    });
  }

  /** `trades` (default) updates after trades; `bbo` after any best bid/ask price or quantity change. */
  ticker(symbol: string, trigger: EventTrigger): string | undefined {
    const pairStep = this.steps.get(symbol);
    if (!pairStep) return undefined;
    const fire = trigger === 'bbo' ? pairStep.bboChanged : pairStep.trades.length > 0;
    if (!fire) return undefined;
    return this.memo(`ticker:${symbol}`, () => {
      const pair = this.market.pair(symbol);
      return pair ? tickerMessage(pair, 'update', this.step.nowNs) : undefined;
    });
  }

  trade(symbol: string): string | undefined {
    return this.memo(`trade:${symbol}`, () => {
      const pairStep = this.steps.get(symbol);
      if (!pairStep || pairStep.trades.length === 0) return undefined;
      return tradeMessage(pairStep.spec, pairStep.trades, 'update');
    });
  }

  ohlc(symbol: string, interval: OhlcInterval): string | undefined {
    return this.memo(`ohlc:${symbol}:${interval}`, () => {
      const pairStep = this.steps.get(symbol);
      const pair = this.market.pair(symbol);
      if (!pairStep || !pair || pairStep.trades.length === 0) return undefined;
      return ohlcMessage(pair, interval, 'update', this.step.nowNs);
    });
  }
}
