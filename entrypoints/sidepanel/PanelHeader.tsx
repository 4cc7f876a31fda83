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
  return (
    <header>
      <h1>Kraken Trader</h1>
      {symbol && (
        <select
          value={symbol}
          aria-label="Pair shown"
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
        <button type="button" class="link" data-testid="panel-follow" onClick={() => onPin(null)}>
          Pinned · follow ★
        </button>
      ) : (
        <span class="quote" data-testid="panel-following">
          follows ★
        </span>
      )}
      <button type="button" class="link" onClick={onOpenSettings}>
        Settings
      </button>
    </header>
  );
}
