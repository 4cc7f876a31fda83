// The watchlist as a setting: its limits and the edits a person can make to it. Which pairs exist is the
// market's knowledge (lib/market/instruments.ts resolves what a person typed into a listed symbol).

export const MAX_WATCHLIST = 20;
export const DEFAULT_WATCHLIST = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD', 'ETH/BTC'];

/**
 * A Kraken WebSocket v2 symbol, "BASE/QUOTE" (https://docs.kraken.com/api/docs/websocket-v2/instrument,
 * `symbol`); the same pattern alert rules use (lib/alerts/rules.ts). Stored symbols are checked with it.
 */
export const SYMBOL_PATTERN = /^[A-Z0-9.]{1,16}\/[A-Z0-9.]{1,16}$/;

export const isSymbol = (value: unknown): value is string =>
  typeof value === 'string' && SYMBOL_PATTERN.test(value);

export const WATCHLIST_PROBLEMS = ['malformed', 'unknown-pair', 'duplicate', 'full', 'not-found'] as const;
export type WatchlistProblem = (typeof WATCHLIST_PROBLEMS)[number];

/**
 * A watchlist edit refused: `code` says why and `subject` names the pair or what was typed, so a page says it in
 * its own language (lib/ui/error-text.ts); the English message is for logs and the CLI.
 */
export class WatchlistError extends Error {
  override readonly name = 'WatchlistError';
  constructor(
    readonly code: WatchlistProblem,
    message: string,
    readonly subject = '',
  ) {
    super(message);
  }
}

/** The refusal of an edit that names a pair the watchlist does not hold. */
export const notOnWatchlist = (symbol: string): WatchlistError =>
  new WatchlistError('not-found', `${symbol} is not on the watchlist.`, symbol);

export function addToWatchlist(list: readonly string[], symbol: string): string[] {
  if (list.includes(symbol))
    throw new WatchlistError('duplicate', `${symbol} is already on the watchlist.`, symbol);
  if (list.length >= MAX_WATCHLIST) {
    throw new WatchlistError('full', `The watchlist holds ${MAX_WATCHLIST} pairs. Remove one first.`);
  }
  return [...list, symbol];
}

export function removeFromWatchlist(list: readonly string[], symbol: string): string[] {
  if (!list.includes(symbol)) throw notOnWatchlist(symbol);
  return list.filter((s) => s !== symbol);
}

/** The list with `symbol` moved to `index` (clamped to the list's bounds). */
export function moveInWatchlist(list: readonly string[], symbol: string, index: number): string[] {
  if (!list.includes(symbol)) throw notOnWatchlist(symbol);
  const rest = list.filter((s) => s !== symbol);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(index)));
  return [...rest.slice(0, at), symbol, ...rest.slice(at)];
}
