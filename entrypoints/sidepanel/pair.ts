// Which pair the side panel shows: the starred (badge) pair, unless the person pinned another. The pin is kept
// in this page's localStorage (a view preference, nothing the background needs).
const PIN_KEY = 'sidepanel.pinned';

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
