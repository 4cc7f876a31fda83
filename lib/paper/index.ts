// The paper trading account: a local, funded, resettable account that fills against Kraken's live public
// book (DESIGN.md §1 "Paper trading"). A pure engine; its IndexedDB store is lib/db/paper-store.ts.
export {
  cancelAllPaper,
  cancelPaperOrder,
  DEFAULT_FUNDING,
  expirePaper,
  initialPaperState,
  nextExpiry,
  type PaperCancel,
  type PaperPlacement,
  placePaperOrder,
} from './account.ts';
export { amendPaperOrder, type PaperAmendChange, type PaperAmendResult } from './amend.ts';
export { onPaperMarket, type PaperMarketResult, tradesThrough } from './market.ts';
export { PaperStateCorrupted, parsePaperState } from './parse.ts';
export { PAPER_RESET_NOTICE, type PaperRead, type PaperStore } from './store.ts';
export {
  type NewId,
  PAPER_HISTORY_LIMIT,
  PAPER_STATE_VERSION,
  type PaperAmend,
  type PaperFees,
  type PaperMarket,
  type PaperMarketUpdate,
  type PaperOrder,
  type PaperOrderRequest,
  type PaperRefusal,
  type PaperResult,
  type PaperState,
  type PaperTrade,
} from './types.ts';
export { MAX_OPEN_ORDERS_PER_PAIR } from './validate.ts';
export { orderView, paperAmends, paperBalances, paperFills, paperOrders } from './views.ts';
