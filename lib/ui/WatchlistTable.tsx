import { useRef, useState } from 'preact/hooks';
import type { Direction } from '../market/badge.ts';
import { formatChangePct, formatPrice } from '../market/format.ts';
import type { Sparkline as Line, MarketSnapshot } from '../market/types.ts';
import { useLocale, useT } from './locale.ts';
import { Sparkline } from './Sparkline.tsx';
import { clockTime } from './trading/format.ts';

export interface WatchlistActions {
  onRemove(symbol: string): void;
  onBadge(symbol: string): void;
  onAlert(symbol: string): void;
  /** Opens the pair's chart (from its sparkline). */
  onChart?(symbol: string): void;
  /** Moves a pair to a place in the list (drag, or Alt+↑ / Alt+↓ on its handle). */
  onMove?(symbol: string, index: number): void;
}

/** A pair asked to be brought forward this recently is highlighted when the popup opens. */
const FOCUS_FOR_MS = 60_000;

/** The pair to highlight: the one whose alert notification was just clicked, if any. */
export function focusedPair(snapshot: MarketSnapshot, now: number): string | null {
  const f = snapshot.focus;
  return f && now - f.at < FOCUS_FOR_MS && snapshot.watchlist.includes(f.symbol) ? f.symbol : null;
}

/**
 * Whether the prices on screen are not live, and since when: the feed is not connected. A quiet pair on a live
 * feed is not stale (Kraken's ticker sends on change only); a dead link is declared after 8 s of silence
 * (lib/kraken/ws/link-watch.ts), so prices grey out within 10 s of the feed stopping.
 */
export function staleSince(snapshot: MarketSnapshot): number | null {
  if (snapshot.connection.kind === 'live') return null;
  return snapshot.lastTickAt ?? 0;
}

/** The 24 h direction a price is coloured by (never by the last tick, which the arrow shows). */
const dayTone = (pct: number) => (pct > 0 ? 'pos' : pct < 0 ? 'neg' : 'flat');
const ARROW: Record<Direction, string> = { up: '▲', down: '▼', flat: '' };

/**
 * The live watchlist: pair with its 24 h sparkline, last (coloured by its 24 h direction, an arrow for the last
 * tick), 24 h change, bid and ask (labelled). Greyed with "as of hh:mm:ss" while the feed is not live. Rows
 * reorder by drag or by Alt+↑ / Alt+↓ on their handle. Presentational only.
 */
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
  /** Now (ms): kept for callers that re-render on a clock. */
  now?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const [dragging, setDragging] = useState<string | null>(null);
  const handles = useRef<Record<string, HTMLButtonElement | null>>({});
  if (snapshot.watchlist.length === 0) {
    return <p class="empty">{t('watch.empty')}</p>;
  }
  const stale = staleSince(snapshot);
  const list = snapshot.watchlist;
  const move = (symbol: string, index: number) => {
    if (index < 0 || index >= list.length || list[index] === symbol) return;
    actions.onMove?.(symbol, index);
    // The handle keeps the focus as its row moves (the row is keyed by symbol, so it is the same element).
    requestAnimationFrame(() => handles.current[symbol]?.focus());
  };
  return (
    <>
      {stale !== null && (
        <p class="stale-note" data-testid="prices-stale" role="status">
          {stale > 0 ? t('watch.asOf', { time: clockTime(stale) }) : t('watch.noPrices')}
        </p>
      )}
      <table
        class={`watchlist${stale !== null ? ' stale' : ''}`}
        data-stale={stale !== null ? 'true' : undefined}
      >
        <thead>
          <tr>
            <th scope="col" class="pair-col">
              {t('watch.pair')}
            </th>
            <th scope="col" class="num">
              {t('watch.last')}
            </th>
            <th scope="col" class="num">
              {t('watch.change')}
            </th>
            <th scope="col" class="num bid-ask">
              {t('watch.bidAsk')}
            </th>
            <th scope="col">
              <span class="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((symbol, index) => {
            const tick = snapshot.ticks[symbol];
            const pp = snapshot.pairs[symbol]?.pricePrecision;
            const rejected = snapshot.rejected[symbol];
            const isBadge = snapshot.badgePair === symbol;
            const move1 = moves[symbol] ?? 'flat';
            return (
              <tr
                key={symbol}
                data-testid="row"
                data-symbol={symbol}
                data-focused={focused === symbol ? 'true' : undefined}
                class={`move-${move1}${focused === symbol ? ' focused' : ''}${dragging === symbol ? ' dragging' : ''}`}
                ref={focused === symbol ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
                onDragOver={(e) => {
                  if (dragging) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging) move(dragging, index);
                  setDragging(null);
                }}
              >
                <td class="pair">
                  <span class="pair-cell">
                    {actions.onMove && (
                      <button
                        type="button"
                        class="icon handle"
                        draggable
                        ref={(el) => {
                          handles.current[symbol] = el;
                        }}
                        data-testid="row-handle"
                        aria-label={t('watch.moveLabel', { symbol, position: index + 1, total: list.length })}
                        title={t('watch.moveTitle')}
                        onDragStart={(e) => {
                          e.dataTransfer?.setData('text/plain', symbol);
                          setDragging(symbol);
                        }}
                        onDragEnd={() => setDragging(null)}
                        onKeyDown={(e) => {
                          if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                          e.preventDefault();
                          move(symbol, index + (e.key === 'ArrowUp' ? -1 : 1));
                        }}
                      >
                        ⠿
                      </button>
                    )}
                    <span class="symbol">{symbol}</span>
                  </span>
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
                    <td class={`num last ${dayTone(tick.changePct)}`} data-tick={move1}>
                      <span class="tick-arrow" aria-hidden="true">
                        {ARROW[move1]}
                      </span>
                      {move1 !== 'flat' && (
                        <span class="sr-only">{t(move1 === 'up' ? 'watch.tickUp' : 'watch.tickDown')}</span>
                      )}
                      <span data-testid="last">{formatPrice(tick.last, pp, locale)}</span>
                    </td>
                    <td class={`num change ${dayTone(tick.changePct)}`} data-testid="change">
                      {formatChangePct(tick.changePct, locale)}
                    </td>
                    <td class="num quote bid-ask">
                      <span class="ba-label">{t('watch.bid')}</span>{' '}
                      <span data-testid="bid">{formatPrice(tick.bid, pp, locale)}</span>
                      <br />
                      <span class="ba-label">{t('watch.ask')}</span>{' '}
                      <span data-testid="ask">{formatPrice(tick.ask, pp, locale)}</span>
                    </td>
                  </>
                ) : (
                  <td colSpan={3} class="waiting">
                    {t('watch.waiting')}
                  </td>
                )}
                <td class="actions">
                  <span class="row-buttons">
                    <button
                      type="button"
                      class="icon"
                      data-testid="row-alert"
                      title={t('watch.alertTitle', { symbol })}
                      aria-label={t('watch.alertTitle', { symbol })}
                      onClick={() => actions.onAlert(symbol)}
                    >
                      <BellIcon />
                    </button>
                    <button
                      type="button"
                      class={`icon ${isBadge ? 'on' : ''}`}
                      data-testid="row-badge"
                      title={isBadge ? t('watch.badgeOn') : t('watch.badgeOff')}
                      aria-label={t('watch.badgeLabel', { symbol })}
                      aria-pressed={isBadge}
                      onClick={() => actions.onBadge(symbol)}
                    >
                      ★
                    </button>
                    <button
                      type="button"
                      class="icon remove"
                      data-testid="row-remove"
                      title={t('watch.removeTitle', { symbol })}
                      aria-label={t('watch.removeTitle', { symbol })}
                      onClick={() => actions.onRemove(symbol)}
                    >
                      ×
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** A bell drawn inline: an emoji depends on the system's fonts (some have none and show a box). */
function BellIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2zm5-5V7a5 5 0 0 0-4-4.9V1a1 1 0 0 0-2 0v1.1A5 5 0 0 0 3 7v4l-1.5 1.5V13h13v-.5z"
      />
    </svg>
  );
}
