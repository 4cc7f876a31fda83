import { browser } from 'wxt/browser';
import { openStream, request } from '../../lib/messaging/client.ts';
import { AddPairForm } from '../../lib/ui/AddPairForm.tsx';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { useMarket } from '../../lib/ui/use-market.ts';
import { WatchlistTable } from '../../lib/ui/WatchlistTable.tsx';

export function App() {
  const view = useMarket(openStream);
  if (!view) return <p class="loading">Connecting to the background…</p>;
  if (view.fatal) {
    return (
      <p class="error" role="alert">
        The extension could not start: {view.fatal}
      </p>
    );
  }
  const { snapshot, moves } = view;
  const suggestions = Object.keys(snapshot.pairs)
    .filter((s) => !snapshot.watchlist.includes(s))
    .sort();
  return (
    <main>
      <header>
        <h1>Kraken Trader</h1>
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </header>
      <StatusBar snapshot={snapshot} />
      <WatchlistTable
        snapshot={snapshot}
        moves={moves}
        actions={{
          onRemove: (symbol) => void request({ type: 'watchlist.remove', symbol }).catch(() => {}),
          onBadge: (symbol) => void request({ type: 'badge.setPair', symbol }).catch(() => {}),
        }}
      />
      <AddPairForm
        suggestions={suggestions}
        onAdd={async (symbol) => {
          await request({ type: 'watchlist.add', symbol });
        }}
      />
    </main>
  );
}
