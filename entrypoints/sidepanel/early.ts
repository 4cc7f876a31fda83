// What the side panel starts before its big chunks (the chart library, the trading panels) are even parsed:
// the last pair's candles (the chart opens on the 1h interval; most opens show the same pair again). main.tsx
// imports this module statically and the app lazily, so the candles' round trip overlaps the app's loading.
import { createChartActions } from '../../lib/chart/actions.ts';
import { prefetchSeries } from '../../lib/chart/use-series.ts';
import { request } from '../../lib/messaging/client.ts';
import { loadLast } from './pair.ts';

export const chartActions = createChartActions(request);

/** The pair shown last time (read once, at load). */
export const lastShown = loadLast();

if (lastShown) prefetchSeries(chartActions, lastShown.symbol, 60);
