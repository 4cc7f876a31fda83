// The `balances` channel folded into a map of asset → balance: a snapshot of every asset, then ledger
// entries that each carry the asset's new balance. https://docs.kraken.com/api/docs/websocket-v2/balances
// Values stay as Kraken sent them (JSON numbers at engine precision); they are for display, not for orders.

export function createBalancesTracker() {
  const balances = new Map<string, number>();
  return {
    /** Applies one `balances` frame; returns the assets whose balance changed. Malformed items are skipped. */
    apply(frame: { type?: unknown; data?: unknown }): string[] {
      const items = Array.isArray(frame.data) ? frame.data : [];
      if (frame.type === 'snapshot') balances.clear();
      const changed: string[] = [];
      for (const item of items) {
        const { asset, balance } = (item ?? {}) as { asset?: unknown; balance?: unknown };
        if (typeof asset !== 'string' || typeof balance !== 'number' || !Number.isFinite(balance)) continue;
        if (balances.get(asset) !== balance) changed.push(asset);
        balances.set(asset, balance);
      }
      return changed;
    },
    get: (asset: string): number | undefined => balances.get(asset),
    all: (): Record<string, number> => Object.fromEntries(balances),
  };
}

export type BalancesTracker = ReturnType<typeof createBalancesTracker>;
