import type { Clock } from '../clock.ts';
import type { KrakenRest } from '../rest/client.ts';

/**
 * Asks Kraken whether an order with this cl_ord_id exists (open, or already closed/cancelled). Lookups that
 * arrive together share one OpenOrders call (each call costs a point on Kraken's REST counter, and after a
 * burst of lost answers many orders ask at once): Kraken reports every open order with the cl_ord_id it was
 * given (OpenAPI spot-rest `schemas/objects/user/orders/open.yaml`), so an id not in it is not open; it is
 * then asked for among closed orders by its cl_ord_id.
 */
export function clOrdIdLookup(rest: Pick<KrakenRest, 'openOrders' | 'closedOrders'>, clock: Clock) {
  let sharedOpen: Promise<Map<string, string[]>> | null = null;
  function openByClOrdId(): Promise<Map<string, string[]>> {
    sharedOpen ??= clock.sleep(0).then(async () => {
      sharedOpen = null; // lookups from now on share the next call
      const open = await rest.openOrders();
      const byId = new Map<string, string[]>();
      for (const [txid, order] of Object.entries(open.open ?? {})) {
        const id = (order as { cl_ord_id?: unknown }).cl_ord_id;
        if (typeof id === 'string') byId.set(id, [...(byId.get(id) ?? []), txid]);
      }
      return byId;
    });
    return sharedOpen;
  }

  /** Kraken's ids of the order with this cl_ord_id, or undefined when Kraken has none. */
  return async function lookup(clOrdId: string): Promise<string[] | undefined> {
    const open = (await openByClOrdId()).get(clOrdId);
    if (open) return open;
    const closed = await rest.closedOrders({ cl_ord_id: clOrdId });
    const closedIds = Object.keys(closed.closed ?? {});
    return closedIds.length > 0 ? closedIds : undefined;
  };
}
