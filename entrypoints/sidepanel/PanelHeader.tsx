import { useT } from '../../lib/ui/locale.ts';

/** The side panel's title row: the pair shown (choosing one pins it) and whether it follows the star. */
export function PanelHeader({
  watchlist,
  symbol,
  pinned,
  onPin,
  onOpenSettings,
}: {
  watchlist: readonly string[];
  symbol: string | null;
  pinned: string | null;
  onPin(symbol: string | null): void;
  onOpenSettings(): void;
}) {
  const t = useT();
  return (
    <header>
      <h1>{t('panel.title')}</h1>
      {symbol && (
        <select
          value={symbol}
          aria-label={t('panel.pair')}
          data-testid="panel-pair"
          onChange={(e) => onPin((e.target as HTMLSelectElement).value)}
        >
          {watchlist.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      {pinned && watchlist.includes(pinned) ? (
        <button
          type="button"
          class="link"
          data-testid="panel-follow"
          title={t('panel.pinnedLabel', { symbol: pinned })}
          onClick={() => onPin(null)}
        >
          {t('panel.pinned')}
        </button>
      ) : (
        <span class="quote" data-testid="panel-following">
          {t('panel.following')}
        </span>
      )}
      <button type="button" class="link" onClick={onOpenSettings}>
        {t('panel.settings')}
      </button>
    </header>
  );
}
