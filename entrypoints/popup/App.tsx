import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openStream, request } from '../../lib/messaging/client.ts';
import { AddPairForm } from '../../lib/ui/AddPairForm.tsx';
import { type AlertActions, AlertForm, AlertsPanel } from '../../lib/ui/AlertsPanel.tsx';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { useMarket } from '../../lib/ui/use-market.ts';
import { WatchlistTable } from '../../lib/ui/WatchlistTable.tsx';

const alertActions: AlertActions = {
  create: (rule) => request({ type: 'alerts.create', rule }),
  edit: (id, changes) => request({ type: 'alerts.edit', id, changes }),
  remove: (id) => request({ type: 'alerts.remove', id }),
  setPaused: (id, paused) => request({ type: 'alerts.setPaused', id, paused }),
};

export function App() {
  const view = useMarket(openStream);
  const [alertFor, setAlertFor] = useState<string | null>(null);
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
          onAlert: (symbol) => setAlertFor(symbol),
        }}
      />
      {alertFor && (
        <AlertForm
          key={alertFor}
          symbol={alertFor}
          price={plainPrice(snapshot.ticks[alertFor]?.last, snapshot.pairs[alertFor]?.pricePrecision)}
          actions={alertActions}
          onClose={() => setAlertFor(null)}
        />
      )}
      {view.alerts && <AlertsPanel alerts={view.alerts} actions={alertActions} />}
      <AddPairForm
        suggestions={suggestions}
        onAdd={async (symbol) => {
          await request({ type: 'watchlist.add', symbol });
        }}
      />
    </main>
  );
}

/** The current price as a plain decimal at the pair's precision, to pre-fill an alert level. */
function plainPrice(price: number | undefined, precision: number | undefined): string {
  if (price === undefined) return '';
  return precision === undefined ? String(price) : price.toFixed(precision);
}
