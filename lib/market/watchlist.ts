import type { PairInfo } from './types.ts';

export const MAX_WATCHLIST = 20;
export const DEFAULT_WATCHLIST = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD', 'ETH/BTC'];

// Kraken's legacy asset names (REST and WS v1) → the names WebSocket v2 accepts (SPEC.md §5.1, §7).
const V2_ASSET: Record<string, string> = { XBT: 'BTC', XXBT: 'BTC', XDG: 'DOGE', XXDG: 'DOGE' };

/** A v2 asset name and the legacy names Kraken also uses for it ("BTC" → BTC, XBT, XXBT). */
function spellings(asset: string): string[] {
  return [asset, ...Object.entries(V2_ASSET).flatMap(([legacy, v2]) => (v2 === asset ? [legacy] : []))];
}

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
    const symbol = `${V2_ASSET[base] ?? base}/${V2_ASSET[quote] ?? quote}`;
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
    for (const b of spellings(base)) {
      for (const q of spellings(quote)) if (text === b + q) return symbol;
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
