import { assetSpellings, v2Asset } from '../kraken/pairs/symbols.ts';
import type { PairInfo } from './types.ts';

export const MAX_WATCHLIST = 20;
export const DEFAULT_WATCHLIST = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD', 'ETH/BTC'];

export class WatchlistError extends Error {
  override readonly name = 'WatchlistError';
  constructor(
    readonly code: 'malformed' | 'unknown-pair' | 'duplicate' | 'full' | 'not-found',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Turns what a user typed ("btc/usd", "XBTUSD", "xdg-usd") into a v2 symbol ("BTC/USD").
 * With the instrument list known, only listed pairs are accepted.
 */
export function resolveSymbol(input: string, pairs: Record<string, PairInfo>): string {
  const text = input.trim().toUpperCase().replace(/[-_ ]/g, '/');
  const known = Object.keys(pairs);
  if (text.includes('/')) {
    const [base = '', quote = '', ...rest] = text.split('/');
    if (!base || !quote || rest.length > 0 || !/^[A-Z0-9.]+$/.test(base + quote)) {
      throw new WatchlistError('malformed', `“${input}” is not a pair. Write it like BTC/USD.`);
    }
    // Legacy names (XBT, XXBT, XDG…) map to v2 names in one place: lib/kraken/pairs/symbols.ts.
    const symbol = `${v2Asset(base)}/${v2Asset(quote)}`;
    if (known.length > 0 && !pairs[symbol]) {
      throw new WatchlistError('unknown-pair', `Kraken has no ${symbol} pair.`);
    }
    return symbol;
  }
  if (!/^[A-Z0-9.]{4,}$/.test(text)) {
    throw new WatchlistError('malformed', `“${input}” is not a pair. Write it like BTC/USD.`);
  }
  // "XBTUSD" style: find the listed pair whose base+quote spell it, legacy names (XBT, XDG) included.
  for (const symbol of known) {
    const [base = '', quote = ''] = symbol.split('/');
    for (const b of assetSpellings(base)) {
      for (const q of assetSpellings(quote)) if (text === b + q) return symbol;
    }
  }
  throw new WatchlistError(
    known.length > 0 ? 'unknown-pair' : 'malformed',
    `Kraken has no pair “${input}”. Write it like BTC/USD.`,
  );
}

export function addToWatchlist(list: readonly string[], symbol: string): string[] {
  if (list.includes(symbol)) throw new WatchlistError('duplicate', `${symbol} is already on the watchlist.`);
  if (list.length >= MAX_WATCHLIST) {
    throw new WatchlistError('full', `The watchlist holds ${MAX_WATCHLIST} pairs. Remove one first.`);
  }
  return [...list, symbol];
}

export function removeFromWatchlist(list: readonly string[], symbol: string): string[] {
  if (!list.includes(symbol)) throw new WatchlistError('not-found', `${symbol} is not on the watchlist.`);
  return list.filter((s) => s !== symbol);
}
