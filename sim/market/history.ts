import { NS_PER_MINUTE } from '../clock.ts';
import type { PairSpec } from '../data/pairs.ts';
import { MinuteSeries } from './minute-series.ts';
import type { Rng } from './random.ts';
import type { Sizing } from './sizing.ts';
import { TradeTape } from './trade-tape.ts';

/** How far back synthetic 1-minute candles go: 720 rows of 60-minute OHLC need 30 days. */
export const HISTORY_DAYS = 30;

/** Market steps per minute at the default 250 ms step; scales synthetic trade counts to live activity. */
const STEPS_PER_MINUTE = 240;
/** Per-minute volatility of the synthetic past (≈2.7 % a day). */
const SIGMA_MINUTE = 0.0007;

export interface SeededHistory {
  readonly minutes: MinuteSeries;
  readonly tape: TradeTape;
  readonly nextTradeId: number;
  /** Price of the newest synthetic trade: where the live market starts. */
  readonly lastTick: number;
}

/**
 * A plausible past so REST Ticker (today/24 h), OHLC and Trades have data the moment the simulator starts.
 *
 * Older minutes are synthetic aggregates from a random walk that ends at the pair's start price. The last
 * minutes (enough for ~1,500 trades) are generated trade by trade and their candles are computed FROM those
 * trades, so the recent tape, the candles and the 24 h statistics agree exactly.
 */
export function seedHistory(spec: PairSpec, sizing: Sizing, rng: Rng, nowNs: bigint): SeededHistory {
  const currentMinute = Number(nowNs / NS_PER_MINUTE);
  const totalMinutes = HISTORY_DAYS * 1440;
  const tradesPerMinute = spec.takersPerStep * STEPS_PER_MINUTE * 1.15;
  const tapeMinutes = Math.min(60, Math.ceil(1500 / tradesPerMinute));
  const aggregateMinutes = totalMinutes - tapeMinutes;
  const minutes = new MinuteSeries(currentMinute - totalMinutes);

  // Walk backwards from the start price so the present lands where the pair's spec says it should.
  const closes = new Float64Array(aggregateMinutes);
  closes[aggregateMinutes - 1] = spec.startTicks;
  for (let i = aggregateMinutes - 1; i > 0; i -= 1) {
    const next = closes[i] ?? spec.startTicks;
    closes[i - 1] = Math.max(10, Math.round(next * Math.exp(SIGMA_MINUTE * rng.gauss())));
  }
  const meanTaker = sizing.meanTakerUnits();
  for (let i = 0; i < aggregateMinutes; i += 1) {
    const close = closes[i] ?? spec.startTicks;
    const open = i > 0 ? (closes[i - 1] ?? close) : close;
    const wickScale = SIGMA_MINUTE * 0.5 * close;
    const high = Math.max(open, close) + Math.round(Math.abs(rng.gauss()) * wickScale);
    const low = Math.max(1, Math.min(open, close) - Math.round(Math.abs(rng.gauss()) * wickScale));
    const count = Math.max(1, Math.round(tradesPerMinute * rng.logUniform(0.3, 2)));
    const volume = BigInt(Math.max(1, Math.round(count * meanTaker * rng.logUniform(0.5, 1.5))));
    const vwap = low + Math.round((high - low) * (0.3 + 0.4 * rng.next()));
    minutes.push({ open, high, low, close, volume, pv: BigInt(vwap) * volume, count });
  }

  // The recent tape: individual trades on a micro random walk.
  const tape = new TradeTape();
  let tick = spec.startTicks;
  let nextTradeId = spec.tradeIdBase;
  for (let m = currentMinute - tapeMinutes; m < currentMinute; m += 1) {
    const count = Math.max(1, Math.round(tradesPerMinute * rng.logUniform(0.5, 1.5)));
    const offsets = Array.from({ length: count }, () => Math.floor(rng.next() * 60_000_000_000)).sort(
      (a, b) => a - b,
    );
    const sigma = SIGMA_MINUTE / Math.sqrt(count);
    for (const offset of offsets) {
      tick = Math.max(1, tick + Math.round(tick * sigma * rng.gauss()));
      const trade = {
        id: nextTradeId,
        tick,
        qty: sizing.takerQty(rng),
        side: rng.chance(0.5) ? ('buy' as const) : ('sell' as const),
        ordType: rng.chance(0.6) ? ('limit' as const) : ('market' as const),
        tsNs: BigInt(m) * NS_PER_MINUTE + BigInt(offset),
      };
      nextTradeId += 1;
      tape.push(trade);
      minutes.addTrade(m, trade.tick, trade.qty);
    }
  }
  return { minutes, tape, nextTradeId, lastTick: tick };
}
