/**
 * 1-minute candles of one pair, stored column-wise in growable typed arrays (30 days × 6 pairs would be
 * ~260k objects otherwise). Every coarser OHLC interval and every 24 h statistic is aggregated from here,
 * so candles, tickers and trades always agree.
 *
 * Prices are ticks; volumes are base units (per minute they stay far below 2^53); `pv` (Σ price × qty in
 * ticks × units) can exceed 2^63 for DOGE, so it is a plain bigint array.
 */
export interface Candle {
  /** Unix minute of the first minute in the candle. */
  readonly startMinute: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: bigint;
  /** Σ price × qty, ticks × units. */
  readonly pv: bigint;
  readonly count: number;
}

export class MinuteSeries {
  private firstMinute: number;
  private size = 0;
  private open = new Float64Array(1024);
  private high = new Float64Array(1024);
  private low = new Float64Array(1024);
  private close = new Float64Array(1024);
  private volume = new Float64Array(1024);
  private count = new Uint32Array(1024);
  private pv: bigint[] = [];

  constructor(firstMinute: number) {
    this.firstMinute = firstMinute;
  }

  get startMinute(): number {
    return this.firstMinute;
  }

  /** Unix minute of the newest stored minute (or startMinute − 1 when empty). */
  get lastMinute(): number {
    return this.firstMinute + this.size - 1;
  }

  private grow(): void {
    const capacity = this.open.length * 2;
    const copy = <T extends Float64Array | Uint32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.open = copy(this.open, new Float64Array(capacity));
    this.high = copy(this.high, new Float64Array(capacity));
    this.low = copy(this.low, new Float64Array(capacity));
    this.close = copy(this.close, new Float64Array(capacity));
    this.volume = copy(this.volume, new Float64Array(capacity));
    this.count = copy(this.count, new Uint32Array(capacity));
  }

  /** Appends a complete minute (history seeding). Minutes must be appended in order without gaps. */
  push(candle: Omit<Candle, 'startMinute'>): void {
    if (this.size === this.open.length) this.grow();
    const i = this.size;
    this.open[i] = candle.open;
    this.high[i] = candle.high;
    this.low[i] = candle.low;
    this.close[i] = candle.close;
    this.volume[i] = Number(candle.volume);
    this.count[i] = candle.count;
    this.pv[i] = candle.pv;
    this.size += 1;
  }

  /**
   * Makes `minute` the newest stored minute, filling any gap with trade-less minutes whose prices are the
   * previous close (as Kraken's OHLC does for quiet intervals: volume 0, count 0, vwap 0).
   */
  extendTo(minute: number): void {
    while (this.lastMinute < minute) {
      const previous = this.size > 0 ? (this.close[this.size - 1] ?? 0) : 0;
      this.push({
        open: previous,
        high: previous,
        low: previous,
        close: previous,
        volume: 0n,
        pv: 0n,
        count: 0,
      });
    }
  }

  /** Records a trade in its minute (which must be the newest one or later). */
  addTrade(minute: number, tick: number, qty: bigint): void {
    this.extendTo(minute);
    const i = minute - this.firstMinute;
    if (i !== this.size - 1) throw new Error('trade for a closed minute');
    if ((this.count[i] ?? 0) === 0) {
      // The first trade of a minute opens it (Kraken's candles open at their first trade).
      this.open[i] = tick;
      this.high[i] = tick;
      this.low[i] = tick;
    } else {
      this.high[i] = Math.max(this.high[i] ?? tick, tick);
      this.low[i] = Math.min(this.low[i] ?? tick, tick);
    }
    this.close[i] = tick;
    this.volume[i] = (this.volume[i] ?? 0) + Number(qty);
    this.count[i] = (this.count[i] ?? 0) + 1;
    this.pv[i] = (this.pv[i] ?? 0n) + BigInt(tick) * qty;
  }

  /** Aggregates the stored minutes in [fromMinute, toMinute] (clamped to what exists). */
  aggregate(fromMinute: number, toMinute: number): Candle | undefined {
    const from = Math.max(fromMinute, this.firstMinute) - this.firstMinute;
    const to = Math.min(toMinute, this.lastMinute) - this.firstMinute;
    if (from > to) return undefined;
    let high = Number.NEGATIVE_INFINITY;
    let low = Number.POSITIVE_INFINITY;
    let volume = 0n;
    let pv = 0n;
    let count = 0;
    for (let i = from; i <= to; i += 1) {
      high = Math.max(high, this.high[i] ?? high);
      low = Math.min(low, this.low[i] ?? low);
      volume += BigInt(this.volume[i] ?? 0);
      pv += this.pv[i] ?? 0n;
      count += this.count[i] ?? 0;
    }
    return {
      startMinute: from + this.firstMinute,
      open: this.open[from] ?? 0,
      high,
      low,
      close: this.close[to] ?? 0,
      volume,
      pv,
      count,
    };
  }

  /** Close of the newest stored minute. */
  lastClose(): number {
    return this.close[this.size - 1] ?? 0;
  }
}
