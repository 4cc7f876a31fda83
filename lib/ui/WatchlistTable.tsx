import type { Direction } from '../market/badge.ts';
import { formatChangePct, formatPrice } from '../market/format.ts';
import type { Sparkline as Line, MarketSnapshot } from '../market/types.ts';
import { Sparkline } from './Sparkline.tsx';

export interface WatchlistActions {
  onRemove(symbol: string): void;
  onBadge(symbol: string): void;
  onAlert(symbol: string): void;
  /** Opens the pair's chart (from its sparkline). */
  onChart?(symbol: string): void;
}

/** A pair asked to be brought forward this recently is highlighted when the popup opens. */
const FOCUS_FOR_MS = 60_000;

/** The pair to highlight: the one whose alert notification was just clicked, if any. */
export function focusedPair(snapshot: MarketSnapshot, now: number): string | null {
  const f = snapshot.focus;
  return f && now - f.at < FOCUS_FOR_MS && snapshot.watchlist.includes(f.symbol) ? f.symbol : null;
}

/** The live watchlist: pair with its 24 h sparkline, last, 24 h change, bid / ask. Presentational only. */
export function WatchlistTable({
  snapshot,
  moves,
  actions,
  sparklines = {},
  focused = null,
}: {
  snapshot: MarketSnapshot;
  moves: Record<string, Direction>;
  actions: WatchlistActions;
  /** The background's 24 h histories (MarketView.sparklines). */
  sparklines?: Record<string, Line>;
  /** focusedPair(): highlighted and scrolled into view. */
  focused?: string | null;
}) {
  if (snapshot.watchlist.length === 0) {
    return <p class="empty">Your watchlist is empty. Add a pair below, e.g. BTC/USD.</p>;
  }
  return (
    <table class="watchlist">
      <thead>
        <tr>
          <th>Pair</th>
          <th class="num">Last</th>
          <th class="num">24h</th>
          <th class="num">Bid / Ask</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {snapshot.watchlist.map((symbol) => {
          const tick = snapshot.ticks[symbol];
          const pp = snapshot.pairs[symbol]?.pricePrecision;
          const rejected = snapshot.rejected[symbol];
          const isBadge = snapshot.badgePair === symbol;
          return (
            <tr
              key={symbol}
              data-testid="row"
              data-symbol={symbol}
              data-focused={focused === symbol ? 'true' : undefined}
              class={`move-${moves[symbol] ?? 'flat'}${focused === symbol ? ' focused' : ''}`}
              ref={focused === symbol ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            >
              <td class="pair">
                {symbol}
                <Sparkline
                  symbol={symbol}
                  line={sparklines[symbol]}
                  tick={tick}
                  precision={pp}
                  {...(actions.onChart ? { onOpen: actions.onChart } : {})}
                />
              </td>
              {rejected ? (
                <td colSpan={3} class="rejected" title={rejected}>
                  {rejected}
                </td>
              ) : tick ? (
                <>
                  <td class="num last" data-testid="last">
                    {formatPrice(tick.last, pp)}
                  </td>
                  <td class={`num change ${tick.changePct >= 0 ? 'pos' : 'neg'}`}>
                    {formatChangePct(tick.changePct)}
                  </td>
                  <td class="num quote">
                    {formatPrice(tick.bid, pp)}
                    <br />
                    {formatPrice(tick.ask, pp)}
                  </td>
                </>
              ) : (
                <td colSpan={3} class="waiting">
                  waiting for prices…
                </td>
              )}
              <td class="actions">
                <button
                  type="button"
                  class="icon"
                  title={`New price alert for ${symbol}`}
                  aria-label={`New alert for ${symbol}`}
                  onClick={() => actions.onAlert(symbol)}
                >
                  🔔
                </button>
                <button
                  type="button"
                  class={`icon ${isBadge ? 'on' : ''}`}
                  title={isBadge ? 'Shown on the toolbar badge' : 'Show on the toolbar badge'}
                  aria-pressed={isBadge}
                  onClick={() => actions.onBadge(symbol)}
                >
                  ★
                </button>
                <button
                  type="button"
                  class="icon"
                  title={`Remove ${symbol}`}
                  aria-label={`Remove ${symbol}`}
                  onClick={() => actions.onRemove(symbol)}
                >
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
