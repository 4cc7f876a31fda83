/** OHLC intervals in minutes, shared by REST OHLC and the WS `ohlc` channel (official docs' enum). */
export const OHLC_INTERVALS = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600] as const;
export type OhlcInterval = (typeof OHLC_INTERVALS)[number];

export function isOhlcInterval(value: unknown): value is OhlcInterval {
  return typeof value === 'number' && (OHLC_INTERVALS as readonly number[]).includes(value);
}
