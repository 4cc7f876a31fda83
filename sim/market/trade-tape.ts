/** The recent public trades of one pair (REST Trades, WS `trade` snapshots). */

/** The taker's side, which is what Kraken reports as a trade's side. */
export type TakerSide = 'buy' | 'sell';
export type OrdType = 'market' | 'limit';

export interface Trade {
  /** Per-pair sequence number (REST's 7th column, WS `trade_id`). */
  readonly id: number;
  readonly tick: number;
  readonly qty: bigint;
  readonly side: TakerSide;
  readonly ordType: OrdType;
  readonly tsNs: bigint;
}

const KEEP = 2000;

export class TradeTape {
  private trades: Trade[] = [];

  push(trade: Trade): void {
    this.trades.push(trade);
    // Trim in batches so pushes stay amortised O(1).
    if (this.trades.length > KEEP * 1.5) this.trades = this.trades.slice(-KEEP);
  }

  get size(): number {
    return this.trades.length;
  }

  last(): Trade | undefined {
    return this.trades[this.trades.length - 1];
  }

  /** The newest `count` trades, oldest first. */
  recent(count: number): readonly Trade[] {
    return this.trades.slice(-count);
  }

  /** The first `count` trades strictly after `sinceNs`, oldest first (REST Trades pagination). */
  after(sinceNs: bigint, count: number): readonly Trade[] {
    const from = this.trades.findIndex((trade) => trade.tsNs > sinceNs);
    return from < 0 ? [] : this.trades.slice(from, from + count);
  }
}
