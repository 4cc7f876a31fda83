import type { OrderRequest } from '../trading/order.ts';

/**
 * Exchange and pair statuses, switched by `POST /_sim/status`.
 * System (SystemStatus, WS `status`; https://docs.kraken.com/api/docs/rest-api/get-system-status):
 * `online`; `maintenance` "the exchange is offline. No new orders or cancellations may be submitted";
 * `cancel_only` "resting orders can be cancelled but no new orders may be submitted. No trades will occur";
 * `post_only` "only post-only limit orders can be submitted. Existing orders may still be cancelled. No
 * trades will occur". Pair (AssetPairs / WS `instrument` `status`): the same plus `limit_only`,
 * `reduce_only`, `delisted`, `work_in_progress`.
 */
export type SystemStatus = 'online' | 'maintenance' | 'cancel_only' | 'post_only';
export const SYSTEM_STATUSES: readonly SystemStatus[] = ['online', 'maintenance', 'cancel_only', 'post_only'];
export type PairStatus =
  | 'online'
  | 'cancel_only'
  | 'post_only'
  | 'limit_only'
  | 'reduce_only'
  | 'maintenance'
  | 'delisted'
  | 'work_in_progress';
export const PAIR_STATUSES: readonly PairStatus[] = [
  'online',
  'cancel_only',
  'post_only',
  'limit_only',
  'reduce_only',
  'maintenance',
  'delisted',
  'work_in_progress',
];

/** Refusals: the two `EService:Market in … mode` strings ccxt 4.5.84 maps from Kraken; the others ours. */
export const StatusError = {
  unavailable: 'EService:Unavailable',
  cancelOnly: 'EService:Market in cancel_only mode',
  postOnly: 'EService:Market in post_only mode',
  limitOnly: 'EService:Market in limit_only mode',
  reduceOnly: 'EService:Market in reduce_only mode',
} as const;

export type StatusChange =
  | { readonly kind: 'system'; readonly status: SystemStatus }
  | { readonly kind: 'pair'; readonly symbol: string; readonly status: PairStatus };

export class StatusBoard {
  private systemStatus: SystemStatus = 'online';
  private readonly pairs = new Map<string, PairStatus>();
  private readonly listeners = new Set<(change: StatusChange) => void>();

  get system(): SystemStatus {
    return this.systemStatus;
  }

  pair(symbol: string): PairStatus {
    return this.pairs.get(symbol) ?? 'online';
  }

  setSystem(status: SystemStatus): void {
    this.systemStatus = status;
    for (const listener of this.listeners) listener({ kind: 'system', status });
  }

  setPair(symbol: string, status: PairStatus): void {
    this.pairs.set(symbol, status);
    for (const listener of this.listeners) listener({ kind: 'pair', symbol, status });
  }

  onChange(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No trades occur on the pair (resting orders neither fill nor trigger). */
  halted(symbol: string): boolean {
    if (this.systemStatus !== 'online') return true;
    const pair = this.pair(symbol);
    return pair !== 'online' && pair !== 'limit_only' && pair !== 'reduce_only';
  }

  /** Why a new order (or amend) on this pair is refused now, if it is. */
  entryRefusal(request: OrderRequest): string | undefined {
    const postOnlyLimit = request.type === 'limit' && request.postOnly;
    switch (this.systemStatus) {
      case 'maintenance':
        return StatusError.unavailable;
      case 'cancel_only':
        return StatusError.cancelOnly;
      case 'post_only':
        if (!postOnlyLimit) return StatusError.postOnly;
        break;
      case 'online':
        break;
      default: {
        const never: never = this.systemStatus;
        throw new Error(`bad system status ${String(never)}`);
      }
    }
    const pair = this.pair(request.pair.symbol);
    switch (pair) {
      case 'online':
        return undefined;
      case 'cancel_only':
        return StatusError.cancelOnly;
      case 'post_only':
        return postOnlyLimit ? undefined : StatusError.postOnly;
      case 'limit_only':
        return request.type === 'limit' ? undefined : StatusError.limitOnly;
      case 'reduce_only':
        // Spot has no positions to reduce: every new order would open one (ours).
        return StatusError.reduceOnly;
      case 'maintenance':
      case 'delisted':
      case 'work_in_progress':
        return StatusError.unavailable;
      default: {
        const never: never = pair;
        throw new Error(`bad pair status ${String(never)}`);
      }
    }
  }
}
