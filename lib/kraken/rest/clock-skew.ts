import type { Clock } from '../clock.ts';
import type { ServerTime } from './types-public.ts';

export interface ClockOffset {
  /** Best estimate of server time − local time, in ms (positive: our clock is behind). */
  offsetMs: number;
  /** The true offset lies in [minMs, maxMs]: Time has one-second resolution and the request takes time. */
  minMs: number;
  maxMs: number;
  roundTripMs: number;
  /** True when even the most favourable reading is more than `thresholdMs` off. */
  skewed: boolean;
}

/**
 * Measures our clock against Kraken's public Time. `unixtime` is whole seconds, so the server's clock read
 * somewhere in [unixtime, unixtime + 1) s during the round trip; we report a skew only when every offset
 * consistent with that is beyond the threshold (default 1 s) — no false alarms from rounding.
 * https://docs.kraken.com/api/docs/rest-api/get-server-time
 */
export async function measureClockOffset(
  time: () => Promise<ServerTime>,
  clock: Clock,
  thresholdMs = 1_000,
): Promise<ClockOffset> {
  const sent = clock.now();
  const { unixtime } = await time();
  const received = clock.now();
  const serverLow = unixtime * 1000;
  const serverHigh = serverLow + 999;
  const minMs = serverLow - received;
  const maxMs = serverHigh - sent;
  const offsetMs = Math.round((minMs + maxMs) / 2);
  const skewed = minMs > thresholdMs || maxMs < -thresholdMs;
  return { offsetMs, minMs, maxMs, roundTripMs: received - sent, skewed };
}
