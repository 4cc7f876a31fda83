// The `executions` channel folded into an open-orders map and a fills stream. Updates carry only the
// fields that changed: merge by order_id. A trade report says `partially_filled` even when it completes
// the order; a separate `filled` report follows (SPEC.md §5.4, §9.7).
// https://docs.kraken.com/api/docs/websocket-v2/executions

export type OrderReport = Record<string, unknown> & { order_id: string };

export interface Fill {
  order_id: string;
  exec_id: string;
  symbol: string | undefined;
  side: string | undefined;
  last_qty: number;
  last_price: number;
  liquidity_ind: string | undefined;
  fees: unknown;
  timestamp: string | undefined;
}

const TERMINAL = new Set(['filled', 'canceled', 'expired']);

/** A field that should be text, as text: numbers spelled out, anything else (objects, null) empty. */
const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function isReport(v: unknown): v is OrderReport {
  return typeof v === 'object' && v !== null && typeof (v as { order_id?: unknown }).order_id === 'string';
}

export function createOrdersTracker() {
  const open = new Map<string, OrderReport>();
  return {
    /** Applies one `executions` frame; returns the fills it reported. Malformed items are skipped. */
    apply(frame: { type?: unknown; data?: unknown }): Fill[] {
      const items = Array.isArray(frame.data) ? frame.data.filter(isReport) : [];
      if (frame.type === 'snapshot') open.clear();
      const fills: Fill[] = [];
      for (const report of items) {
        const trade = report.exec_type === 'trade';
        // A snapshot's trade items are recent fills (snap_trades), not orders: they open nothing.
        if (frame.type === 'snapshot' && trade) continue;
        const merged: OrderReport = { ...open.get(report.order_id), ...report };
        if (trade && typeof report.last_qty === 'number' && typeof report.last_price === 'number') {
          fills.push({
            order_id: report.order_id,
            exec_id: textOf(report.exec_id),
            symbol: merged.symbol as string | undefined,
            side: merged.side as string | undefined,
            last_qty: report.last_qty,
            last_price: report.last_price,
            liquidity_ind: report.liquidity_ind as string | undefined,
            fees: report.fees,
            timestamp: report.timestamp as string | undefined,
          });
        }
        const status = merged.order_status;
        if (typeof status === 'string' && TERMINAL.has(status)) open.delete(report.order_id);
        else open.set(report.order_id, merged);
      }
      return fills;
    },
    openOrders: (): OrderReport[] => [...open.values()],
    get: (orderId: string): OrderReport | undefined => open.get(orderId),
  };
}

export type OrdersTracker = ReturnType<typeof createOrdersTracker>;
