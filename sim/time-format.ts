/** Kraken's timestamp renderings, all computed from integer nanoseconds. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function dateTime(ns: bigint): { date: Date; fracNs: bigint } {
  const ms = Number(ns / 1_000_000n);
  const secondsNs = (ns / 1_000_000_000n) * 1_000_000_000n;
  return { date: new Date(ms), fracNs: ns - secondsNs };
}

function isoSeconds(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`
  );
}

/** `2023-09-25T09:04:31.742648Z` — the µs form used by WS v2 `time_in`, `timestamp` etc. */
export function rfc3339Micro(ns: bigint): string {
  const { date, fracNs } = dateTime(ns);
  return `${isoSeconds(date)}.${pad(Number(fracNs / 1000n), 6)}Z`;
}

/** `2023-10-04T16:25:00.000000000Z` — the ns form of the v2 `ohlc` `interval_begin` (ccxt pro sample). */
export function rfc3339Nano(ns: bigint): string {
  const { date, fracNs } = dateTime(ns);
  return `${isoSeconds(date)}.${pad(Number(fracNs), 9)}Z`;
}

/** `2023-07-06T18:52:00Z` — whole seconds, as REST SystemStatus' `timestamp`. */
export function rfc3339Seconds(ns: bigint): string {
  return `${isoSeconds(dateTime(ns).date)}Z`;
}

/**
 * REST Time's `rfc1123`, e.g. `Wed,  7 Apr 21 21:35:35 +0000`: two-digit year and a space-padded day.
 * Real replies recorded by third parties show the space padding (`Sun,  1 Nov 20 …`, `Mon,  4 Mar 19 …`),
 * as does the official example `Wed,  9 Jan 19 01:50:54 +0000` (krakenfx/api-specs examples/…/time.yaml).
 */
export function rfc1123Kraken(ns: bigint): string {
  const date = dateTime(ns).date;
  const day = String(date.getUTCDate()).padStart(2, ' ');
  return (
    `${DAYS[date.getUTCDay()]}, ${day} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCFullYear() % 100, 2)} ` +
    `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)} +0000`
  );
}

/**
 * REST Trades' time: Unix seconds as a JSON number with up to 7 decimals, trailing zeros dropped
 * (`1688669597.8277369`, `1688669602.698379` in the official example).
 */
export function unixSecondsText(ns: bigint): string {
  const seconds = ns / 1_000_000_000n;
  const frac = pad(Number((ns % 1_000_000_000n) / 100n), 7).replace(/0+$/, '');
  return frac === '' ? String(seconds) : `${seconds}.${frac}`;
}
