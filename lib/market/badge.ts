/**
 * Renders a price in at most four characters for the toolbar badge (Chrome shows ~4 characters):
 * 97234.5 → "97k", 3456.7 → "3457", 183.42 → "183", 2.314 → "2.31", 0.38123 → ".381", 1234567 → "1.2M".
 */
export function badgeText(price: number): string {
  if (!Number.isFinite(price) || price < 0) return '';
  if (price === 0) return '0';
  if (price < 0.001) {
    // Sub-milli prices (e.g. SHIB): "1e-5".
    const exp = Math.floor(Math.log10(price));
    return `${Math.min(9, Math.round(price / 10 ** exp))}e${exp}`.slice(0, 4);
  }
  if (price < 0.9995) return price.toFixed(3).slice(1); // ".381"
  if (price < 9.995) return price.toFixed(2);
  if (price < 99.95) return price.toFixed(1);
  if (price < 9999.5) return String(Math.round(price));
  if (price < 999_500) return `${Math.round(price / 1000)}k`;
  if (price < 9_950_000) return `${(price / 1e6).toFixed(1)}M`;
  if (price < 999_500_000) return `${Math.round(price / 1e6)}M`;
  return `${Math.round(price / 1e9)}B`.slice(0, 4);
}

export type Direction = 'up' | 'down' | 'flat';

export function direction(previous: number | undefined, next: number): Direction {
  if (previous === undefined || previous === next) return 'flat';
  return next > previous ? 'up' : 'down';
}

export const BADGE_COLORS: Record<Direction, string> = {
  up: '#15803d',
  down: '#b91c1c',
  flat: '#5741d9',
};

/**
 * The badge while the feed is not live: grey, so an old price never looks current (issue 19). Contrast with
 * the badge's white text: #6b7280 on white is 4.83:1 (WCAG AA).
 */
export const STALE_COLOR = '#6b7280';

export interface BadgeDeps {
  /** Sets the toolbar badge (browser.action in the worker). Failures are ignored: the next tick retries. */
  setBadge(text: string, color: string): Promise<void>;
}

/**
 * The toolbar badge: the badge pair's price, green or red by the direction of its last move. A price that
 * does not move keeps the last colour; the browser is only asked when text or colour actually change.
 */
export function createBadgeController(deps: BadgeDeps) {
  let pair: string | null = null;
  let lastPrice: number | undefined;
  let shown = { text: '', color: '' };
  /** The colour of the last move, kept while the badge is grey. */
  let moveColor = '';
  let stale = false;

  function paint(text: string): void {
    const color = stale ? STALE_COLOR : moveColor || BADGE_COLORS.flat;
    if (text === shown.text && color === shown.color) return;
    shown = { text, color };
    deps.setBadge(text, color).catch(() => {});
  }

  function show(price: number | undefined): void {
    const text = price === undefined ? '' : badgeText(price);
    const dir = price === undefined ? 'flat' : direction(lastPrice, price);
    // Keep the previous colour while the price does not move, so the badge shows the last direction.
    if (dir !== 'flat' || !moveColor) moveColor = BADGE_COLORS[dir];
    lastPrice = price;
    paint(text);
  }

  return {
    /**
     * Which pair the badge follows. Another pair starts without a direction: its first price is compared
     * with nothing, not with the previous pair's.
     */
    setPair(next: string | null): void {
      if (next !== pair) lastPrice = undefined;
      pair = next;
    },
    pair: (): string | null => pair,
    /** Shows a price of the badge pair (undefined: clear the text). */
    show,
    /**
     * The feed is live (false) or not (true): a price that is not live is shown grey until a fresh tick
     * arrives on a live feed (the direction colour comes back with it).
     */
    setStale(next: boolean): void {
      if (next === stale) return;
      stale = next;
      paint(shown.text);
    },
    /** Fresh ticks: the badge pair's, if among them, is shown. */
    onTicks(ticks: readonly { symbol: string; last: number }[]): void {
      for (const tick of ticks) if (tick.symbol === pair) show(tick.last);
    },
  };
}

export type BadgeController = ReturnType<typeof createBadgeController>;
