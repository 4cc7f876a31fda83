import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CandleSeries, ChartInterval } from '../market/types.ts';

/** How often an open chart renews its watch (the background lets a watch lapse after 60 s: lib/market/charts.ts). */
export const RENEW_MS = 20_000;

export interface SeriesActions {
  watch(viewer: string, symbol: string, interval: ChartInterval): Promise<{ series: CandleSeries }>;
  unwatch(viewer: string): Promise<unknown>;
}

/**
 * A chart's candles: asked for when the pair or interval changes and again when the stream reconnects (a new
 * `epoch`: the background may have restarted and forgotten the watch), renewed while the chart is shown, and
 * given up when it goes.
 */
export function useSeries(
  actions: SeriesActions,
  symbol: string,
  interval: ChartInterval,
  epoch: number,
): { series: CandleSeries | null; error: string | null } {
  const viewer = useMemo(() => crypto.randomUUID(), []);
  const [series, setSeries] = useState<CandleSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setError(null);
    actions.watch(viewer, symbol, interval).then(
      (r) => current && setSeries(r.series),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    const renew = setInterval(() => void actions.watch(viewer, symbol, interval).catch(() => {}), RENEW_MS);
    return () => {
      current = false;
      clearInterval(renew);
    };
  }, [symbol, interval, epoch]);
  useEffect(() => {
    const bye = () => void actions.unwatch(viewer).catch(() => {});
    addEventListener('pagehide', bye);
    return () => {
      removeEventListener('pagehide', bye);
      bye();
    };
  }, []);
  const current = series && series.symbol === symbol && series.interval === interval ? series : null;
  return { series: current, error };
}
