// The side panel (Chrome's sidePanel, Firefox's sidebar_action; one page): the chart, the verified book as a
// depth ladder, the ticket and open orders, side by side when the panel is wide. It shows the starred pair
// unless a pair is pinned here.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChartPanel } from '../../lib/chart/ChartPanel.tsx';
import { openStream, request } from '../../lib/messaging/client.ts';
import { OrderTicket } from '../../lib/ticket/OrderTicket.tsx';
import { type AlertActions, AlertForm } from '../../lib/ui/AlertsPanel.tsx';
import { createChartActions } from '../../lib/ui/chart-actions.ts';
import { DepthLadder } from '../../lib/ui/DepthLadder.tsx';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { createTradingActions } from '../../lib/ui/trading/actions.ts';
import { ModeBar } from '../../lib/ui/trading/ModeBar.tsx';
import { OpenOrders } from '../../lib/ui/trading/OpenOrders.tsx';
import { useTradingView } from '../../lib/ui/trading/use-trading.ts';
import { useMarket } from '../../lib/ui/use-market.ts';
import { loadPin, savePin, shownPair } from './pair.ts';

const tradingActions = createTradingActions(request);
const chartActions = createChartActions(request);
const alertActions: AlertActions = {
  create: (rule) => request({ type: 'alerts.create', rule }),
  edit: (id, changes) => request({ type: 'alerts.edit', id, changes }),
  remove: (id) => request({ type: 'alerts.remove', id }),
  setPaused: (id, paused) => request({ type: 'alerts.setPaused', id, paused }),
  snooze: (id, until) => request({ type: 'alerts.edit', id, changes: { snoozedUntil: until } }),
};
const openSettings = () => void browser.runtime.openOptionsPage();

export function App() {
  const view = useMarket(openStream);
  const [pinned, setPinned] = useState<string | null>(loadPin);
  const [fill, setFill] = useState<{ key: number; symbol: string; limitPrice: string } | undefined>(
    undefined,
  );
  const [alertLevel, setAlertLevel] = useState<string | null>(null);
  const trading = useTradingView(view?.trading, tradingActions.get, view !== null && !view.fatal);
  if (!view) return <p class="loading">Connecting to the background…</p>;
  if (view.fatal) {
    return (
      <p class="error" role="alert">
        The extension could not start: {view.fatal}
      </p>
    );
  }
  const { snapshot } = view;
  const symbol = shownPair(snapshot.watchlist, snapshot.badgePair, pinned);
  const pin = (next: string | null) => {
    savePin(next);
    setPinned(next);
  };
  const pickLimit = (price: string) =>
    symbol && setFill((f) => ({ key: (f?.key ?? 0) + 1, symbol, limitPrice: price }));
  const now = Date.now();
  const info = symbol ? snapshot.pairs[symbol] : undefined;
  return (
    <main class="sidepanel">
      <header>
        <h1>Kraken Trader</h1>
        {symbol && (
          <select
            value={symbol}
            aria-label="Pair shown"
            data-testid="panel-pair"
            onChange={(e) => pin((e.target as HTMLSelectElement).value)}
          >
            {snapshot.watchlist.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
        {pinned && snapshot.watchlist.includes(pinned) ? (
          <button type="button" class="link" data-testid="panel-follow" onClick={() => pin(null)}>
            Pinned · follow ★
          </button>
        ) : (
          <span class="quote" data-testid="panel-following">
            follows ★
          </span>
        )}
        <button type="button" class="link" onClick={openSettings}>
          Settings
        </button>
      </header>
      <StatusBar snapshot={snapshot} />
      {trading && (
        <ModeBar trading={trading} actions={tradingActions} now={now} onOpenSettings={openSettings} />
      )}
      {!symbol ? (
        <p class="empty">Your watchlist is empty: add a pair from the toolbar popup.</p>
      ) : (
        <>
          <ChartPanel
            symbol={symbol}
            decimals={info?.pricePrecision ?? 2}
            last={snapshot.ticks[symbol]?.last}
            recent={view.candles}
            epoch={view.epoch}
            orders={trading?.orders ?? []}
            alerts={view.alerts}
            actions={chartActions}
            onPick={(kind, price) => (kind === 'limit' ? pickLimit(price) : setAlertLevel(price))}
          />
          {alertLevel !== null && (
            <AlertForm
              key={alertLevel}
              symbol={symbol}
              price={alertLevel}
              actions={alertActions}
              onClose={() => setAlertLevel(null)}
            />
          )}
          <div class="panel-grid">
            <DepthLadder book={view.books[symbol]} base={info?.base ?? ''} onPick={pickLimit} />
            <div class="panel-trade">
              {trading ? (
                <>
                  <OrderTicket
                    key={symbol}
                    snapshot={{ ...snapshot, badgePair: symbol }}
                    books={view.books}
                    trading={trading}
                    actions={tradingActions}
                    epoch={view.epoch}
                    {...(fill && fill.symbol === symbol ? { fill } : {})}
                  />
                  <OpenOrders orders={trading.orders} actions={tradingActions} now={now} />
                </>
              ) : (
                <p class="loading">Loading the trading account…</p>
              )}
            </div>
          </div>
        </>
      )}
    </main>
  );
}
