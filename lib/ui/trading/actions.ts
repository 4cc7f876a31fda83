// The trading panels' adapter: what they may ask of the background. Components take this interface, the popup
// builds it from the typed client, and tests pass a fake (DESIGN.md §9, "an adapter interface in the UI").
import type { RequestOf, RequestType, ResultOf } from '../../messaging/protocol.ts';
import type { OrderRequest, PriceOffset } from '../../orders/types.ts';
import type { TradingMode } from '../../trading/types.ts';
import type { VaultView } from '../../vault/types.ts';

export interface TradingActions {
  get(): Promise<ResultOf<'trading.get'>>;
  setMode(mode: TradingMode): Promise<unknown>;
  watch(symbol: string): Promise<ResultOf<'trading.watch'>>;
  preview(order: OrderRequest): Promise<ResultOf<'trading.preview'>>;
  place(order: OrderRequest, clOrdId: string): Promise<ResultOf<'trading.place'>>;
  check(clOrdId: string): Promise<ResultOf<'trading.check'>>;
  dismissIntent(clOrdId: string): Promise<unknown>;
  cancel(id: string): Promise<unknown>;
  cancelAll(symbol: string): Promise<ResultOf<'trading.cancelAll'>>;
  amend(
    id: string,
    change: { volume?: string; limitPrice?: string; triggerPrice?: string; trailOffset?: PriceOffset },
  ): Promise<unknown>;
  amends(id: string): Promise<ResultOf<'trading.amends'>>;
  setPaperFees(tier: 'starter' | 'live' | number): Promise<unknown>;
  setDeadMan(on: boolean): Promise<unknown>;
  resetPaper(): Promise<unknown>;
  /** The vault as the background shows it (keys, lock): whether live trading can be switched to. */
  vaultView(): Promise<VaultView>;
  /** Unlocks the vault from the popup (the passphrase goes to the background only). */
  unlock(passphrase: string): Promise<VaultView>;
}

type Send = <K extends RequestType>(req: RequestOf<K>) => Promise<ResultOf<K>>;

export function createTradingActions(send: Send): TradingActions {
  return {
    get: () => send({ type: 'trading.get' }),
    setMode: (mode) => send({ type: 'trading.setMode', mode }),
    watch: (symbol) => send({ type: 'trading.watch', symbol }),
    preview: (order) => send({ type: 'trading.preview', order }),
    place: (order, clOrdId) => send({ type: 'trading.place', order, clOrdId }),
    check: (clOrdId) => send({ type: 'trading.check', clOrdId }),
    dismissIntent: (clOrdId) => send({ type: 'trading.dismissIntent', clOrdId }),
    cancel: (id) => send({ type: 'trading.cancel', id }),
    cancelAll: (symbol) => send({ type: 'trading.cancelAll', symbol }),
    amend: (id, change) => send({ type: 'trading.amend', id, ...change }),
    amends: (id) => send({ type: 'trading.amends', id }),
    setPaperFees: (tier) => send({ type: 'trading.setPaperFees', tier }),
    setDeadMan: (on) => send({ type: 'trading.setDeadMan', on }),
    resetPaper: () => send({ type: 'trading.resetPaper' }),
    vaultView: () => send({ type: 'vault.get' }),
    unlock: (passphrase) => send({ type: 'vault.unlock', passphrase }),
  };
}

/** The message of anything thrown, for a line in the UI (one wording for every error: lib/ui/error-text.ts). */
export { errorText as messageOf } from '../error-text.ts';
