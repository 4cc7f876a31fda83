import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openStream, request } from '../../lib/messaging/client.ts';
import type { OrderRequest } from '../../lib/orders/types.ts';
import { OrderTicket } from '../../lib/ticket/OrderTicket.tsx';
import { AddPairForm } from '../../lib/ui/AddPairForm.tsx';
import { type AlertActions, AlertForm, AlertsPanel } from '../../lib/ui/AlertsPanel.tsx';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { createTradingActions } from '../../lib/ui/trading/actions.ts';
import { Balances } from '../../lib/ui/trading/Balances.tsx';
import { Fees } from '../../lib/ui/trading/Fees.tsx';
import { Fills } from '../../lib/ui/trading/Fills.tsx';
import { openOrders } from '../../lib/ui/trading/format.ts';
import { IntentsPanel } from '../../lib/ui/trading/IntentsPanel.tsx';
import { RateMeter, SystemStatus } from '../../lib/ui/trading/MarketStatus.tsx';
import { ModeBar } from '../../lib/ui/trading/ModeBar.tsx';
import { OpenOrders } from '../../lib/ui/trading/OpenOrders.tsx';
import { useTradingView } from '../../lib/ui/trading/use-trading.ts';
import { useMarket } from '../../lib/ui/use-market.ts';
import { focusedPair, WatchlistTable } from '../../lib/ui/WatchlistTable.tsx';

const alertActions: AlertActions = {
  create: (rule) => request({ type: 'alerts.create', rule }),
  edit: (id, changes) => request({ type: 'alerts.edit', id, changes }),
  remove: (id) => request({ type: 'alerts.remove', id }),
  setPaused: (id, paused) => request({ type: 'alerts.setPaused', id, paused }),
  // An edit of `snoozedUntil` alone keeps the rule's state (lib/alerts/editor.ts).
  snooze: (id, until) => request({ type: 'alerts.edit', id, changes: { snoozedUntil: until } }),
};
const tradingActions = createTradingActions(request);
const openSettings = () => void browser.runtime.openOptionsPage();

type Tab = 'watch' | 'trade';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'watch', label: 'Watch' },
  { id: 'trade', label: 'Trade' },
];

export function App() {
  const view = useMarket(openStream);
  const [alertFor, setAlertFor] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('watch');
  // Trading stays mounted (hidden) once opened, so switching tabs keeps what was typed in the ticket.
  const [tradeOpened, setTradeOpened] = useState(false);
  const [prefill, setPrefill] = useState<{ key: number; order: OrderRequest } | undefined>(undefined);
  const trading = useTradingView(view?.trading, tradingActions.get, view !== null && !view.fatal);
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
  const now = Date.now();
  const openCount = trading ? openOrders(trading.orders).length : 0;
  return (
    <main>
      <header>
        <h1>Kraken Trader</h1>
        <button type="button" class="link" onClick={openSettings}>
          Settings
        </button>
      </header>
      <StatusBar snapshot={snapshot} />
      {trading && (
        <ModeBar trading={trading} actions={tradingActions} now={now} onOpenSettings={openSettings} />
      )}
      <div class="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            class={tab === t.id ? 'on' : ''}
            aria-selected={tab === t.id}
            data-testid={`tab-${t.id}`}
            onClick={() => {
              setTab(t.id);
              if (t.id === 'trade') setTradeOpened(true);
            }}
          >
            {t.label}
            {t.id === 'trade' && openCount > 0 ? ` (${openCount})` : ''}
          </button>
        ))}
      </div>
      {/* Hidden, not unmounted: the watchlist keeps its live prices while trading (and tests read them). */}
      <div role="tabpanel" hidden={tab !== 'watch'}>
        <WatchlistTable
          snapshot={snapshot}
          moves={moves}
          focused={focusedPair(snapshot, now)}
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
        {view.alerts && (
          <AlertsPanel alerts={view.alerts} actions={alertActions} focused={focusedPair(snapshot, now)} />
        )}
        <AddPairForm
          suggestions={suggestions}
          onAdd={async (symbol) => {
            await request({ type: 'watchlist.add', symbol });
          }}
        />
      </div>
      {tradeOpened && (
        <div role="tabpanel" hidden={tab !== 'trade'}>
          {trading ? (
            <>
              <IntentsPanel
                intents={trading.intents}
                actions={tradingActions}
                onReopen={(order) => setPrefill((p) => ({ key: (p?.key ?? 0) + 1, order }))}
              />
              <SystemStatus system={trading.system} />
              <OrderTicket
                snapshot={snapshot}
                books={view.books}
                trading={trading}
                actions={tradingActions}
                epoch={view.epoch}
                visible={tab === 'trade'}
                {...(prefill ? { prefill } : {})}
              />
              <RateMeter rates={trading.rates} />
              <OpenOrders orders={trading.orders} actions={tradingActions} now={now} mode={trading.mode} />
              <Fees trading={trading} actions={tradingActions} />
              <Balances balances={trading.balances} />
              <Fills fills={trading.fills} now={now} />
            </>
          ) : (
            <p class="loading">Loading the trading account…</p>
          )}
        </div>
      )}
    </main>
  );
}

/** The current price as a plain decimal at the pair's precision, to pre-fill an alert level. */
function plainPrice(price: number | undefined, precision: number | undefined): string {
  if (price === undefined) return '';
  return precision === undefined ? String(price) : price.toFixed(precision);
}
