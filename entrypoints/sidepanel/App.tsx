// The side panel (Chrome's sidePanel, Firefox's sidebar_action; one page): the chart, the verified book as a
// depth ladder, the ticket and open orders, side by side when the panel is wide. It shows the starred pair
// unless a pair is pinned here. Until the background's first view arrives it already draws the pair it showed
// last (bench row chart-first-paint); the same chart then carries on.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChartPanel } from '../../lib/chart/ChartPanel.tsx';
import { openStream, request } from '../../lib/messaging/client.ts';
import { type AlertActions, AlertForm } from '../../lib/ui/AlertsPanel.tsx';
import { useT } from '../../lib/ui/locale.ts';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { createTradingActions } from '../../lib/ui/trading/actions.ts';
import { ModeBar } from '../../lib/ui/trading/ModeBar.tsx';
import { useTradingView } from '../../lib/ui/trading/use-trading.ts';
import { useMarket } from '../../lib/ui/use-market.ts';
import { chartActions, lastShown } from './early.ts';
import { PanelHeader } from './PanelHeader.tsx';
import { PanelTrade } from './PanelTrade.tsx';
import { loadPin, saveLast, savePin, shownPair } from './pair.ts';

const tradingActions = createTradingActions(request);
const alertActions: AlertActions = {
  create: (rule) => request({ type: 'alerts.create', rule }),
  edit: (id, changes) => request({ type: 'alerts.edit', id, changes }),
  remove: (id) => request({ type: 'alerts.remove', id }),
  setPaused: (id, paused) => request({ type: 'alerts.setPaused', id, paused }),
  snooze: (id, until) => request({ type: 'alerts.edit', id, changes: { snoozedUntil: until } }),
};
const openSettings = () => void browser.runtime.openOptionsPage();

export function App() {
  const t = useT();
  useEffect(() => {
    document.title = t('panel.title');
  }, [t]);
  const view = useMarket(openStream);
  const [pinned, setPinned] = useState<string | null>(loadPin);
  const [fill, setFill] = useState<{ key: number; symbol: string; limitPrice: string } | undefined>(
    undefined,
  );
  const [alertLevel, setAlertLevel] = useState<string | null>(null);
  const trading = useTradingView(view?.trading, tradingActions.get, view !== null && !view.fatal);
  const live = view && !view.fatal ? view : null;
  const snapshot = live?.snapshot;
  const symbol = snapshot
    ? shownPair(snapshot.watchlist, snapshot.badgePair, pinned)
    : (lastShown?.symbol ?? null);
  const listed = symbol ? snapshot?.pairs[symbol] : undefined;
  const decimals =
    listed?.pricePrecision ?? (lastShown && lastShown.symbol === symbol ? lastShown.decimals : 2);
  if (symbol && listed) saveLast({ symbol, decimals });
  const pin = (next: string | null) => {
    savePin(next);
    setPinned(next);
  };
  // The same function while the pair is the same: the ladder re-renders only when its book changes.
  const pickLimit = useCallback(
    (price: string) => symbol && setFill((f) => ({ key: (f?.key ?? 0) + 1, symbol, limitPrice: price })),
    [symbol],
  );
  const onPick = useCallback(
    (kind: 'limit' | 'alert', price: string) => (kind === 'limit' ? pickLimit(price) : setAlertLevel(price)),
    [pickLimit],
  );
  const now = Date.now();
  // One tree whatever has arrived, so the chart drawn early is the one that stays.
  return (
    <main class="sidepanel">
      {!view ? (
        <p class="loading">{t('panel.connecting')}</p>
      ) : view.fatal ? (
        <p class="error" role="alert">
          {t('panel.fatal', { reason: view.fatal })}
        </p>
      ) : (
        <PanelHeader
          watchlist={view.snapshot.watchlist}
          symbol={symbol}
          pinned={pinned}
          onPin={pin}
          onOpenSettings={openSettings}
        />
      )}
      {snapshot ? <StatusBar snapshot={snapshot} /> : null}
      {trading && live ? (
        <ModeBar trading={trading} actions={tradingActions} now={now} onOpenSettings={openSettings} />
      ) : null}
      {symbol && !view?.fatal ? (
        <ChartPanel
          symbol={symbol}
          decimals={decimals}
          last={snapshot?.ticks[symbol]?.last}
          recent={live?.candles ?? {}}
          epoch={live?.epoch ?? 0}
          orders={trading?.orders ?? []}
          alerts={live?.alerts}
          actions={chartActions}
          onPick={onPick}
        />
      ) : live ? (
        <p class="empty">{t('panel.empty')}</p>
      ) : null}
      {symbol && alertLevel !== null ? (
        <AlertForm
          key={alertLevel}
          symbol={symbol}
          price={alertLevel}
          actions={alertActions}
          onClose={() => setAlertLevel(null)}
        />
      ) : null}
      {live && symbol ? (
        <PanelTrade view={live} trading={trading} symbol={symbol} fill={fill} now={now} onPick={pickLimit} />
      ) : null}
    </main>
  );
}
