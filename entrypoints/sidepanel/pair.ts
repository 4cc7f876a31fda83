// Which pair the side panel shows: the starred (badge) pair, unless the person pinned another. The pin is kept
// in this page's localStorage (a view preference, nothing the background needs).
const PIN_KEY = 'sidepanel.pinned';
const LAST_KEY = 'sidepanel.last';

export interface LastShown {
  symbol: string;
  decimals: number;
}

/**
 * The pair shown last time, with its price decimals: the page draws its chart and asks for its candles before
 * it has connected to the background (most opens show the same pair again).
 */
export function loadLast(): LastShown | null {
  try {
    const v = JSON.parse(localStorage.getItem(LAST_KEY) ?? 'null') as Partial<LastShown> | null;
    return v && typeof v.symbol === 'string' && Number.isInteger(v.decimals)
      ? { symbol: v.symbol, decimals: v.decimals as number }
      : null;
  } catch {
    return null;
  }
}

export function saveLast(last: LastShown): void {
  try {
    const text = JSON.stringify(last);
    if (localStorage.getItem(LAST_KEY) !== text) localStorage.setItem(LAST_KEY, text);
  } catch {
    // Nothing to draw early next time.
  }
}

export function loadPin(): string | null {
  try {
    return localStorage.getItem(PIN_KEY);
  } catch {
    return null;
  }
}

export function savePin(symbol: string | null): void {
  try {
    if (symbol === null) localStorage.removeItem(PIN_KEY);
    else localStorage.setItem(PIN_KEY, symbol);
  } catch {
    // A page without storage simply forgets the pin.
  }
}

/** The pinned pair while it is on the watchlist, else the starred pair, else the first. */
export function shownPair(
  watchlist: readonly string[],
  badgePair: string | null,
  pinned: string | null,
): string | null {
  if (pinned && watchlist.includes(pinned)) return pinned;
  if (badgePair && watchlist.includes(badgePair)) return badgePair;
  return watchlist[0] ?? null;
}
