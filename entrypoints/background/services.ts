// Builds the background's services and wires them to each other and to the browser adapters. Composition
// only: every rule lives in lib/ (and is tested there).
import { createCandleSource } from '../../lib/alerts/candle-source.ts';
import { createAlertService } from '../../lib/alerts/service.ts';
import { idbAlertStore } from '../../lib/db/alert-store.ts';
import { idbFillMarkStore } from '../../lib/db/fill-marks.ts';
import { idbIntentStore } from '../../lib/db/intent-store.ts';
import { idbNonceStore } from '../../lib/db/nonce-store.ts';
import { idbPaperStore } from '../../lib/db/paper-store.ts';
import { openDatabase } from '../../lib/db/schema.ts';
import { idbVaultStore } from '../../lib/db/vault-store.ts';
import {
  createKrakenRest,
  createNonceSource,
  createWsSession,
  type FetchLike,
  keyIdOf,
  restPairName,
  systemClock,
  toFixedDecimal,
} from '../../lib/kraken/index.ts';
import { createLaunchBox } from '../../lib/launch/pending.ts';
import { createMarket } from '../../lib/market/index.ts';
import { createMaintenanceWatch } from '../../lib/market/maintenance.ts';
import { endpointUrls, statusPageUrl } from '../../lib/settings/schema.ts';
import { createSettingsService } from '../../lib/settings/service.ts';
import { createLiveAccess } from '../../lib/trading/live/access.ts';
import { createPaperAccount } from '../../lib/trading/paper-account.ts';
import { createTradingService } from '../../lib/trading/service.ts';
import { boundFetch } from '../../lib/vault/binding.ts';
import { checkKey } from '../../lib/vault/key-check.ts';
import { createVaultService, type KeyToCheck } from '../../lib/vault/service.ts';
import { createVault } from '../../lib/vault/vault.ts';
import * as adapters from './adapters.ts';
import { watchSession } from './diagnostics.ts';
import { showAlert, showFill, showTestNotification } from './notifications.ts';
import { playAlertSound } from './sound.ts';

export function createServices() {
  const settings = createSettingsService(
    { load: adapters.loadSettings, save: adapters.saveSettings },
    { resolveSymbol: (input) => market.resolveSymbol(input), onListenerError: console.error },
  );
  // Public REST at the configured endpoint: candles for the alerts' catch-up, the charts and the sparklines.
  const publicRest = () => createKrakenRest({ baseUrl: urls().rest, retries: 1 });
  const market = createMarket({
    ...adapters,
    settings,
    createSession: (url) => watchSession(createWsSession({ url }), 'public'),
    ohlc: (params) => publicRest().ohlc(params),
    now: Date.now,
  });
  const db = openDatabase();
  const urls = () => endpointUrls(settings.current().endpoints);
  // A REST client for one key against the key's own endpoint (it signs for no other: boundFetch refuses any
  // other URL), with nonces at the key's scale and its mark persisted in IndexedDB.
  const restFor = (key: KeyToCheck, fetch?: FetchLike) =>
    createKrakenRest({
      baseUrl: key.endpoint,
      credentials: {
        apiKey: key.apiKey,
        secret: key.apiSecret,
        ...(key.otp ? { otp: () => key.otp ?? '' } : {}),
      },
      nonce: createNonceSource({
        store: idbNonceStore(db),
        keyId: keyIdOf(key.apiKey),
        scale: key.nonceScale,
      }),
      timeoutMs: 8_000,
      retries: 0,
      fetch: boundFetch(fetch ?? ((url, init) => globalThis.fetch(url, init)), key.endpoint),
    });
  const keys = createVault({ store: idbVaultStore(db), session: adapters.sessionKeySlot });
  const vault = createVaultService({
    vault: keys,
    settings,
    scheduleAutoLock: adapters.scheduleAutoLock,
    checkKey: (key) => checkKey(restFor(key), Date.now),
    refusedMessages: () => adapters.loadRefused(),
    now: Date.now,
  });
  const alerts = createAlertService({
    store: idbAlertStore(db),
    notify: async (entry) => {
      await showAlert(entry, alerts.rule(entry.ruleId), settings.current().language);
      if (settings.current().alertSound) await playAlertSound().catch(() => {});
    },
    fetchCandles: createCandleSource({
      ohlc: (params) => publicRest().ohlc(params),
      restPair: restPairName,
    }),
    onProblem: (problem) => console.warn('[alerts] a stored record could not be used', problem),
    // The browser's reason only: no pair, level or price reaches the console.
    onNotifyFailure: (reason, total) =>
      console.warn(`[alerts] a notification could not be shown (${total} so far): ${reason}`),
    watchSymbols: (symbols) => market.watchExtra('alerts', symbols),
    latestTick: (symbol) => {
      const t = market.latestTick(symbol);
      return t && { symbol, last: t.last, bid: t.bid, ask: t.ask, at: t.receivedAt };
    },
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  const paper = createPaperAccount({
    store: idbPaperStore(db),
    rulesFor: (symbol) => market.rulesFor(symbol),
    book: (symbol) => market.book(symbol),
    watchDepth: (symbols) => market.watchDepth('paper', symbols),
    now: Date.now,
    newId: () => crypto.randomUUID(),
    onChange: () => trading.changed(),
    onFill: (fill) => showFill(fill, 'paper', settings.current().language).catch(() => {}),
    fees: () => trading.paperFees(),
    lastPrice: (symbol) => {
      const last = market.latestTick(symbol)?.last;
      const decimals = market.rulesFor(symbol)?.pairDecimals;
      return last !== undefined && decimals !== undefined && last > 0
        ? toFixedDecimal(last, decimals)
        : undefined;
    },
    system: () => market.system().status,
  });
  const intents = idbIntentStore(db);
  const liveAccess = createLiveAccess({
    vault: {
      status: () => keys.status(),
      activeSecrets: () => keys.activeSecrets(),
      activeKey: () => vault.activeKey(),
    },
    endpoints: urls,
    restFor: (key, fetch) => restFor({ ...key, nonceScale: key.nonceScale ?? 'ms' }, fetch),
    createSession: (url, token) => watchSession(createWsSession({ url, token }), 'private'),
    intents,
    fillMarks: idbFillMarkStore(db),
    clock: systemClock,
    rulesFor: (symbol) => market.rulesFor(symbol),
    onChange: () => trading.changed(),
    onFill: (fill) => showFill(fill, 'live', settings.current().language).catch(() => {}),
    onIntent: (intent) => trading.onIntent(intent),
    feePairs: () => settings.current().watchlist,
  });
  // Kraken's announced maintenance (its status page, or the simulator's), asked at most every 15 minutes.
  const maintenance = createMaintenanceWatch({
    fetch: (url, init) => globalThis.fetch(url, init),
    now: Date.now,
    base: () => statusPageUrl(settings.current().endpoints),
    onChange: () => trading.changed(),
    cache: adapters.maintenanceCache,
  });
  const trading = createTradingService({
    settings,
    market: {
      rulesFor: (symbol) => market.rulesFor(symbol),
      book: (symbol) => market.book(symbol),
      watchTicket: (symbol) => market.watchDepth('ticket', symbol ? [symbol] : []),
      lastPrice: (symbol) => market.latestTick(symbol)?.last,
      watchTickers: (symbols) => market.watchExtra('balances', symbols),
      system: () => market.system(),
      maintenance: () => maintenance.view(),
    },
    paper,
    intents,
    liveAccess,
    now: Date.now,
  });
  // Every live tick goes through the alert engine; each (re)connection replays what we missed.
  market.subscribe((event) => {
    if (event.type === 'trades') void trading.onTrades(event.symbol, event.trades);
    // A pair's status or Kraken's exchange status changed: the Trade tab says what the market takes now.
    else if (event.type === 'market') trading.changed();
    else if (event.type === 'ticks')
      for (const t of event.ticks)
        void alerts.onTick({ symbol: t.symbol, last: t.last, bid: t.bid, ask: t.ask, at: t.receivedAt });
    else if (event.type === 'connection') {
      if (event.connection.kind === 'live') void ready.then(() => alerts.catchUp());
      else alerts.suspend();
    }
  });
  // What a shortcut or the address bar opened the popup for, until the popup takes it.
  const launches = createLaunchBox({ now: Date.now });
  const services = {
    market,
    vault,
    alerts,
    trading,
    settings,
    launches,
    testNotification: () => showTestNotification(settings.current().language),
  };
  // Before anything can put the vault key into storage.session: trusted contexts only.
  const ready = adapters
    .restrictSessionStorage()
    .catch((error: unknown) => console.error('[vault] could not restrict storage.session', error))
    .then(() => settings.load())
    .then(() => Promise.all([alerts.start(), market.start(), vault.start()]))
    .then(() => trading.start())
    .then(() => services);
  return { services, ready };
}

export type Services = ReturnType<typeof createServices>['services'];
