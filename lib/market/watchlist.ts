// Moved: the watchlist edits and limits live with the settings (lib/settings/watchlist.ts), symbol
// resolution with the pair list (lib/market/instruments.ts). Kept for old imports
// (test/unit/messaging/contract.test.ts imports WatchlistError from here).
export {
  addToWatchlist,
  DEFAULT_WATCHLIST,
  MAX_WATCHLIST,
  removeFromWatchlist,
  WatchlistError,
} from '../settings/watchlist.ts';
export { resolveSymbol } from './instruments.ts';
