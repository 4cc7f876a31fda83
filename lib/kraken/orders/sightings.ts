// Orders Kraken's own executions feed reported with our cl_ord_id and its order id: the account's feed streams
// its orders' status events once the engine has them (https://docs.kraken.com/api/docs/websocket-v2/executions),
// so such a report says a send whose answer was lost did reach Kraken, with that id, as a lookup's answer would.
// The placer takes it as one: a settle waiting for its deadline is woken, and a lookup that fails meanwhile
// (REST down while the socket still streams) no longer leaves the order "unknown".
import type { Clock } from '../clock.ts';

/** Only the last ones matter: a sighting settles a send within its deadline's wait, or a reconcile soon after. */
const KEPT = 200;

export function createSightings(clock: Clock) {
  const seen = new Map<string, string>();
  const wakers = new Map<string, Set<() => void>>();
  return {
    /** Records Kraken's report of `clOrdId` as `orderId` and wakes whoever sleeps on it. False if known. */
    add(clOrdId: string, orderId: string): boolean {
      if (seen.has(clOrdId)) return false;
      seen.set(clOrdId, orderId);
      if (seen.size > KEPT) seen.delete(seen.keys().next().value as string);
      for (const wake of wakers.get(clOrdId) ?? []) wake();
      return true;
    },

    /** Kraken's order id for `clOrdId`, if its feed reported one. */
    get: (clOrdId: string): string | undefined => seen.get(clOrdId),

    /**
     * Sleeps `ms`, or less if Kraken reports `clOrdId` meanwhile. Rejects as clock.sleep does when `signal`
     * aborts first (unless the order was reported by then: that answer stands).
     */
    async sleep(clOrdId: string, ms: number, signal?: AbortSignal): Promise<void> {
      if (seen.has(clOrdId)) return;
      const early = new AbortController();
      const wake = () => early.abort();
      const onAbort = () => early.abort(signal?.reason);
      const waiting = wakers.get(clOrdId) ?? new Set();
      wakers.set(clOrdId, waiting.add(wake));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
      try {
        await clock.sleep(ms, early.signal);
      } catch (e) {
        if (!seen.has(clOrdId)) throw e;
      } finally {
        waiting.delete(wake);
        if (waiting.size === 0) wakers.delete(clOrdId);
        signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
