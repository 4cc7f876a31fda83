/**
 * Wall-clock time with nanosecond resolution. Kraken stamps trades and book updates with µs (sometimes ns)
 * RFC 3339 times and REST trades with ns cursors, so a millisecond `Date.now()` is not enough. The clock is
 * anchored to `Date.now()` once and advanced by the monotonic `process.hrtime`, so it never goes backwards.
 */
export interface Clock {
  /** Nanoseconds since the Unix epoch. */
  nowNs(): bigint;
}

export function systemClock(): Clock {
  const anchorNs = BigInt(Date.now()) * 1_000_000n;
  const anchorHr = process.hrtime.bigint();
  let last = 0n;
  return {
    nowNs() {
      const now = anchorNs + (process.hrtime.bigint() - anchorHr);
      // Two calls within the same nanosecond still produce increasing stamps.
      last = now > last ? now : last + 1n;
      return last;
    },
  };
}

export const NS_PER_SECOND = 1_000_000_000n;
export const NS_PER_MINUTE = 60n * NS_PER_SECOND;

/** Whole Unix seconds of a ns timestamp. */
export function toSeconds(ns: bigint): number {
  return Number(ns / NS_PER_SECOND);
}

/** Whole Unix minutes of a ns timestamp (the index of its 1-minute candle). */
export function toMinute(ns: bigint): number {
  return Number(ns / NS_PER_MINUTE);
}
