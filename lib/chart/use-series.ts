import { useEffect, useState } from 'preact/hooks';
import type { CandleSeries, ChartInterval } from '../market/types.ts';

/** How often an open chart renews its watch (the background lets a watch lapse after 60 s: lib/market/charts.ts). */
export const RENEW_MS = 20_000;

export interface SeriesActions {
  watch(viewer: string, symbol: string, interval: ChartInterval): Promise<{ series: CandleSeries }>;
  unwatch(viewer: string): Promise<unknown>;
}

/** One viewer per page: a page shows one chart at a time (lib/market/charts.ts keeps a watch per viewer). */
const PAGE_VIEWER = crypto.randomUUID();
/** Watches started before the page could render (prefetchSeries), by chart, taken by the first useSeries. */
const early = new Map<string, Promise<{ series: CandleSeries }>>();

/**
 * Asks for a chart's candles now, before the page has its first view: the side panel knows the pair it showed
 * last, so the history is on its way while the page connects (bench row chart-first-paint).
 */
export function prefetchSeries(actions: SeriesActions, symbol: string, interval: ChartInterval): void {
  const promise = actions.watch(PAGE_VIEWER, symbol, interval);
  promise.catch(() => {}); // the hook that takes it reports failures; an unused one fails quietly
  early.set(`${symbol}|${interval}`, promise);
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
): { series: CandleSeries | null; error: { cause: unknown } | null } {
  const viewer = PAGE_VIEWER;
  const [series, setSeries] = useState<CandleSeries | null>(null);
  // The failure itself: the panel says it in its language (errorText).
  const [error, setError] = useState<{ cause: unknown } | null>(null);
  useEffect(() => {
    let current = true;
    setError(null);
    const key = `${symbol}|${interval}`;
    const started = early.get(key);
    early.clear();
    // The first answer that comes is shown. Each renewal also mends a first ask that failed (the background
    // busy starting, the pair list not yet known), rather than the error staying until the page is reopened.
    let shown = false;
    const show = (r: { series: CandleSeries }) => {
      if (!current || shown) return;
      shown = true;
      setError(null);
      setSeries(r.series);
    };
    (started ?? actions.watch(viewer, symbol, interval)).then(
      (r) => {
        performance.mark('chart-series'); // the bench's breakdown of first paint (bench/chart.ts)
        show(r);
      },
      (e: unknown) => current && setError({ cause: e }),
    );
    const renew = setInterval(
      () => void actions.watch(viewer, symbol, interval).then(show, () => {}),
      RENEW_MS,
    );
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
