// What a chart may ask of the background (the ChartPanel's adapter), built from the typed client.

import type { RequestOf, RequestType, ResultOf } from '../messaging/protocol.ts';
import type { ChartActions } from './ChartPanel.tsx';

type Send = <K extends RequestType>(req: RequestOf<K>) => Promise<ResultOf<K>>;

export function createChartActions(send: Send): ChartActions {
  return {
    watch: (viewer, symbol, interval) => send({ type: 'chart.watch', viewer, symbol, interval }),
    unwatch: (viewer) => send({ type: 'chart.unwatch', viewer }),
    amend: (id, change) => send({ type: 'trading.amend', id, ...change }),
    editAlert: (id, changes) => send({ type: 'alerts.edit', id, changes }),
  };
}
