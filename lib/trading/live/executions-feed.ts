// Kraken's `executions` channel, folded for the Trade tab: open orders (the tracker), the recent fills with one
// notification each (the fill ledger: fills made while the feed was down are notified at the next snapshot,
// once), and the per-pair trading counter each report carries (`ratecounter`).
// https://docs.kraken.com/api/docs/websocket-v2/executions
import type { OrderReport, OrdersTracker, PairRules } from '../../kraken/index.ts';
import type { FillView } from '../../orders/types.ts';
import type { createFillLedger } from './fill-ledger.ts';
import { fillView } from './order-views.ts';

const FILLS_KEPT = 50;

/** A report's pair, when it is text (a hostile frame's object there must not throw). */
export const symbolOf = (r: Record<string, unknown>): string =>
  typeof r.symbol === 'string' ? r.symbol : '';

export interface ExecutionsFeedDeps {
  tracker: OrdersTracker;
  ledger: ReturnType<typeof createFillLedger>;
  rulesFor(symbol: string): PairRules | undefined;
  now(): number;
  /** Orders or fills moved (balances too, then). */
  onChange(): void;
  /** Fills to notify, each once. */
  /** Shows these fills; resolves once each was shown or refused (then they leave the ledger's outbox). */
  onFills(fills: FillView[]): Promise<void>;
  /**
   * Kraken reports an order with a cl_ord_id: it reached the engine with that order id (the placer settles a
   * send whose answer was lost by it, lib/kraken/orders/sightings.ts).
   */
  onReported?(clOrdId: string, orderId: string): void;
}

export function createExecutionsFeed(deps: ExecutionsFeedDeps) {
  let fills: FillView[] = [];
  const rates = new Map<string, number>();
  const { tracker } = deps;

  return {
    async apply(frame: { type?: unknown; data?: unknown }): Promise<void> {
      const items = Array.isArray(frame.data) ? (frame.data as OrderReport[]) : [];
      const snapshot = frame.type === 'snapshot';
      const before = new Map(items.map((r) => [r.order_id, tracker.get(r.order_id)]));
      tracker.apply(frame);
      const seen: FillView[] = [];
      for (const r of items) {
        const merged = { ...before.get(r.order_id), ...tracker.get(r.order_id), ...r } as OrderReport;
        if (typeof merged.cl_ord_id === 'string' && typeof r.order_id === 'string')
          deps.onReported?.(merged.cl_ord_id, r.order_id);
        if (typeof r.ratecount === 'number' && symbolOf(merged)) rates.set(symbolOf(merged), r.ratecount);
        if (r?.exec_type !== 'trade') continue;
        const fill = fillView(r, merged, deps.rulesFor(symbolOf(merged)), deps.now());
        if (fill) seen.push(fill);
      }
      if (snapshot) fills = [];
      const known = new Set(fills.map((f) => f.id));
      const added = seen.filter((f) => !known.has(f.id)); // oldest first, as Kraken reported them
      fills = [...added].reverse().concat(fills).slice(0, FILLS_KEPT);
      deps.onChange();
      // A snapshot follows every (re)connection: fills that happened during the gap are notified now, once.
      const fresh = snapshot ? await deps.ledger.snapshot(seen) : await deps.ledger.update(seen);
      if (fresh.length > 0) {
        const ids = fresh.map((f) => f.id);
        void deps.onFills(fresh).finally(() => deps.ledger.settle(ids).catch(() => {}));
      }
    },
    fills: (): FillView[] => fills,
    /** Kraken's last trading-counter reading per pair. */
    rates: (): ReadonlyMap<string, number> => rates,
  };
}
