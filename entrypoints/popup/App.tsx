import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createChartActions } from '../../lib/chart/actions.ts';
import { loadAreas } from '../../lib/i18n/areas.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { launchPrefill } from '../../lib/launch/types.ts';
import { openStream, request } from '../../lib/messaging/client.ts';
import type { OrderRequest } from '../../lib/orders/types.ts';
import { AddPairForm } from '../../lib/ui/AddPairForm.tsx';
import { type AlertActions, AlertForm, AlertsPanel } from '../../lib/ui/AlertsPanel.tsx';
import { useLazy } from '../../lib/ui/lazy.ts';
import { useLocale, useT } from '../../lib/ui/locale.ts';
import { StatusBar } from '../../lib/ui/StatusBar.tsx';
import { createTradingActions } from '../../lib/ui/trading/actions.ts';
import { openOrders } from '../../lib/ui/trading/format.ts';
import { useTradingView } from '../../lib/ui/trading/use-trading.ts';
import { useClock } from '../../lib/ui/use-clock.ts';
import { useFocusWhenReady, useLaunch } from '../../lib/ui/use-launch.ts';
import { useMarket } from '../../lib/ui/use-market.ts';
import { focusedPair, WatchlistTable } from '../../lib/ui/WatchlistTable.tsx';
import {
  currentWindowId,
  hasSidePanel,
  openSidePanel,
  type SidePanelFailure,
  sidePanelFailure,
  sidePanelFailureText,
} from './side-panel.ts';
import { type Tab, Tabs } from './Tabs.tsx';
import { useUndoRemove } from './undo.ts';

const alertActions: AlertActions = {
  create: (rule) => request({ type: 'alerts.create', rule }),
  edit: (id, changes) => request({ type: 'alerts.edit', id, changes }),
  remove: (id) => request({ type: 'alerts.remove', id }),
  setPaused: (id, paused) => request({ type: 'alerts.setPaused', id, paused }),
  // An edit of `snoozedUntil` alone keeps the rule's state (lib/alerts/editor.ts).
  snooze: (id, until) => request({ type: 'alerts.edit', id, changes: { snoozedUntil: until } }),
};
const tradingActions = createTradingActions(request);
const chartActions = createChartActions(request);
const openSettings = () => void browser.runtime.openOptionsPage();
const takeLaunch = () => request({ type: 'launch.take' });
// Chunks loaded on first need: the chart (lightweight-charts) when a chart is shown, the ticket when the Trade
// tab is opened, each with its texts in the popup's language. The popup's own JS at open stays small (bench
// row popup-js).
const loadChart = (locale: Locale) =>
  Promise.all([import('../../lib/chart/ChartPanel.tsx'), loadAreas(locale, ['panel'])]).then(
    ([m]) => m.ChartPanel,
  );
const loadTrade = (locale: Locale) =>
  Promise.all([import('./TradeTab.tsx'), loadAreas(locale, ['trade'])]).then(([m]) => m.TradeTab);

const watchlistActions = {
  remove: (symbol: string) => request({ type: 'watchlist.remove', symbol }),
  add: (symbol: string) => request({ type: 'watchlist.add', symbol }),
  move: (symbol: string, index: number) => request({ type: 'watchlist.move', symbol, index }),
};

export function App() {
  const view = useMarket(openStream);
  const [alertFor, setAlertFor] = useState<string | null>(null);
  /** A level picked on the chart's price axis for the alert form (else the last price). */
  const [alertLevel, setAlertLevel] = useState<string | null>(null);
  /** An order filled in by a shortcut or the address bar; `key` changes with each launch. */
  const [prefill, setPrefill] = useState<{ key: number; order: OrderRequest } | undefined>(undefined);
  /** A limit price picked on the chart for the ticket; `key` changes with each pick. */
  const [fill, setFill] = useState<{ key: number; symbol: string; limitPrice: string } | undefined>(
    undefined,
  );
  const [tab, setTab] = useState<Tab>('watch');
  // Trading stays mounted (hidden) once opened, so switching tabs keeps what was typed in the ticket.
  const [tradeOpened, setTradeOpened] = useState(false);
  const [chartFor, setChartFor] = useState<string | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [panelError, setPanelError] = useState<SidePanelFailure | null>(null);
  // A clock for what goes stale without an event: prices grey out within a second of their 10 s limit.
  const clock = useClock(1000);
  useEffect(() => {
    currentWindowId().then(setWindowId, () => {});
  }, []);
  const locale = useLocale();
  const ChartPanel = useLazy(chartFor ? () => loadChart(locale) : null);
  const TradeTab = useLazy(tradeOpened ? () => loadTrade(locale) : null);
  const trading = useTradingView(view?.trading, tradingActions.get, view !== null && !view.fatal);
  const t = useT();
  const undo = useUndoRemove(watchlistActions, t);
  // A shortcut or the address bar opened the popup: the ticket (or the alert form) filled in, once its pair is
  // on the watchlist shown here. Nothing more: an order still needs the ticket's preview and confirmation.
  const launch = useLaunch(takeLaunch);
  // What the launch note says, translated when shown (the page's language may settle after the launch).
  const [launched, setLaunched] = useState<{ key: number; note: 'order' | 'alert' | 'failed' | null } | null>(
    null,
  );
  const [alertDirection, setAlertDirection] = useState<'above' | 'below'>('above');
  const watchlist = view?.snapshot.watchlist;
  useEffect(() => {
    if (!launch || launched || !watchlist) return;
    if (launch.kind === 'failed') {
      setLaunched({ key: 1, note: 'failed' });
    } else if (launch.kind === 'alert') {
      setTab('watch');
      setAlertDirection(launch.direction);
      setAlertLevel(launch.level);
      setAlertFor(launch.symbol);
      setLaunched({ key: 1, note: 'alert' });
    } else if (watchlist.includes(launch.symbol)) {
      setTab('trade');
      setTradeOpened(true);
      setPrefill((p) => ({ key: (p?.key ?? 0) + 1, order: launchPrefill(launch.symbol, launch.order) }));
      setLaunched({ key: 1, note: launch.order ? 'order' : null });
    }
  }, [launch, launched, watchlist]);
  useFocusWhenReady(
    launch?.kind === 'alert' ? '[data-testid="alert-level"]' : '[data-testid="ticket-amount"]',
    launched && launched.note !== 'failed' ? launched.key : null,
  );
  if (!view) return <p class="loading">{t('popup.connecting')}</p>;
  if (view.fatal) {
    return (
      <p class="error" role="alert">
        {t('popup.fatal', { reason: view.fatal })}
      </p>
    );
  }
  const { snapshot, moves } = view;
  const suggestions = Object.keys(snapshot.pairs)
    .filter((s) => !snapshot.watchlist.includes(s))
    .sort();
  const now = Math.max(Date.now(), clock);
  const openCount = trading ? openOrders(trading.orders).length : 0;
  return (
    <main>
      <header>
        <h1>{t('popup.title')}</h1>
        <span class="header-links">
          {hasSidePanel() && (
            <button
              type="button"
              class="link"
              data-testid="open-side-panel"
              onClick={() =>
                openSidePanel(windowId).then(
                  () => window.close(),
                  (e: unknown) => setPanelError(sidePanelFailure(e)),
                )
              }
            >
              {t('popup.sidePanel')}
            </button>
          )}{' '}
          <button type="button" class="link" data-testid="open-settings" onClick={openSettings}>
            {t('popup.settings')}
          </button>
        </span>
      </header>
      {panelError && (
        <p class="error" data-testid="side-panel-error">
          {sidePanelFailureText(panelError, t)}
        </p>
      )}
      <StatusBar snapshot={snapshot} />
      {launched?.note && (
        <p class={launched.note === 'failed' ? 'error' : 'hint'} role="status" data-testid="launch-note">
          {launched.note === 'failed'
            ? t('launch.failed', { reason: launch?.kind === 'failed' ? launch.reason : '' })
            : t(launched.note === 'order' ? 'launch.order' : 'launch.alert')}
        </p>
      )}
      <Tabs
        tab={tab}
        labels={{
          watch: t('popup.tab.watch'),
          trade: openCount > 0 ? t('popup.tab.tradeOpen', { count: openCount }) : t('popup.tab.trade'),
        }}
        onSelect={(id) => {
          setTab(id);
          if (id === 'trade') setTradeOpened(true);
        }}
      />
      {/* Hidden, not unmounted: the watchlist keeps its live prices while trading (and tests read them). */}
      <div role="tabpanel" id="panel-watch" aria-labelledby="tab-watch" hidden={tab !== 'watch'}>
        {undo.removed && !snapshot.watchlist.includes(undo.removed.symbol) && (
          <p class="hint undo" role="status" data-testid="undo-remove">
            {t('watch.removed', { symbol: undo.removed.symbol })}{' '}
            <button type="button" class="link" data-testid="undo-remove-button" onClick={undo.restore}>
              {t('watch.undo')}
            </button>
          </p>
        )}
        {undo.error && (
          <p class="error" role="alert">
            {undo.error}
          </p>
        )}
        <WatchlistTable
          snapshot={snapshot}
          moves={moves}
          sparklines={view.sparklines}
          focused={focusedPair(snapshot, now)}
          now={now}
          actions={{
            onRemove: (symbol) => undo.remove(symbol, snapshot.watchlist.indexOf(symbol)),
            onMove: (symbol, index) => void watchlistActions.move(symbol, index).catch(() => {}),
            onBadge: (symbol) => void request({ type: 'badge.setPair', symbol }).catch(() => {}),
            onAlert: (symbol) => {
              setAlertLevel(null);
              setAlertDirection('above');
              setAlertFor(symbol);
            },
            onChart: (symbol) => setChartFor((s) => (s === symbol ? null : symbol)),
          }}
        />
        {chartFor && snapshot.watchlist.includes(chartFor) && (
          <div class="popup-chart" data-testid="popup-chart">
            <div class="popup-chart-head">
              <b>{chartFor}</b>
              <button
                type="button"
                class="link"
                aria-label={t('popup.chartClose')}
                onClick={() => setChartFor(null)}
              >
                {t('common.close')}
              </button>
            </div>
            {ChartPanel ? (
              <ChartPanel
                symbol={chartFor}
                decimals={snapshot.pairs[chartFor]?.pricePrecision ?? 2}
                last={snapshot.ticks[chartFor]?.last}
                recent={view.candles}
                epoch={view.epoch}
                orders={trading?.orders ?? []}
                alerts={view.alerts}
                actions={chartActions}
                onPick={(kind, price) => {
                  if (kind === 'alert') {
                    const last = snapshot.ticks[chartFor]?.last;
                    setAlertDirection(last !== undefined && Number(price) < last ? 'below' : 'above');
                    setAlertLevel(price);
                    setAlertFor(chartFor);
                    return;
                  }
                  setFill((f) => ({ key: (f?.key ?? 0) + 1, symbol: chartFor, limitPrice: price }));
                  setTab('trade');
                  setTradeOpened(true);
                }}
              />
            ) : (
              <p class="loading">{t('popup.chartLoading')}</p>
            )}
          </div>
        )}
        {alertFor && (
          <AlertForm
            key={alertFor}
            symbol={alertFor}
            price={
              alertLevel ??
              plainPrice(snapshot.ticks[alertFor]?.last, snapshot.pairs[alertFor]?.pricePrecision)
            }
            direction={alertDirection}
            actions={alertActions}
            onClose={() => {
              setAlertFor(null);
              setAlertLevel(null);
            }}
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
        <div role="tabpanel" id="panel-trade" aria-labelledby="tab-trade" hidden={tab !== 'trade'}>
          {trading && TradeTab ? (
            <TradeTab
              view={view}
              trading={trading}
              actions={tradingActions}
              visible={tab === 'trade'}
              now={now}
              onOpenSettings={openSettings}
              {...(fill ? { fill } : {})}
              {...(prefill ? { prefill } : {})}
            />
          ) : (
            <p class="loading">{t('popup.tradeLoading')}</p>
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
