// Builds the background's services and wires them to each other and to the browser adapters. Composition
// only: every rule lives in lib/ (and is tested there).
import { createCandleSource } from '../../lib/alerts/candle-source.ts';
import { createAlertService } from '../../lib/alerts/service.ts';
import { idbAlertStore } from '../../lib/alerts/store.ts';
import { idbFillMarkStore } from '../../lib/db/fill-marks.ts';
import { idbIntentStore } from '../../lib/db/intent-store.ts';
import { idbNonceStore } from '../../lib/db/nonce-store.ts';
import { openDatabase } from '../../lib/db/schema.ts';
import {
  createKrakenRest,
  createNonceSource,
  createWsSession,
  type FetchLike,
  keyIdOf,
  restPairName,
  systemClock,
} from '../../lib/kraken/index.ts';
import { createMarket } from '../../lib/market/index.ts';
import { idbPaperStore } from '../../lib/paper/index.ts';
import { endpointUrls } from '../../lib/settings/schema.ts';
import { createSettingsService } from '../../lib/settings/service.ts';
import { createLiveAccess } from '../../lib/trading/live/access.ts';
import { createPaperAccount } from '../../lib/trading/paper-account.ts';
import { createTradingService } from '../../lib/trading/service.ts';
import { idbVaultStore } from '../../lib/vault/idb-store.ts';
import { checkKey } from '../../lib/vault/key-check.ts';
import { createVaultService } from '../../lib/vault/service.ts';
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
  const market = createMarket({
    ...adapters,
    settings,
    createSession: (url) => watchSession(createWsSession({ url }), 'public'),
    now: Date.now,
  });
  const db = openDatabase();
  const urls = () => endpointUrls(settings.current().endpoints);
  // A REST client for one key against the configured endpoint, with its nonce mark persisted in IndexedDB.
  const restFor = (secrets: { apiKey: string; apiSecret: string; otp?: string }, fetch?: FetchLike) =>
    createKrakenRest({
      baseUrl: urls().rest,
      credentials: {
        apiKey: secrets.apiKey,
        secret: secrets.apiSecret,
        ...(secrets.otp ? { otp: () => secrets.otp ?? '' } : {}),
      },
      nonce: createNonceSource({ store: idbNonceStore(db), keyId: keyIdOf(secrets.apiKey) }),
      timeoutMs: 8_000,
      retries: 0,
      ...(fetch ? { fetch } : {}),
    });
  const keys = createVault({ store: idbVaultStore(db), session: adapters.sessionKeySlot });
  const vault = createVaultService({
    vault: keys,
    settings,
    scheduleAutoLock: adapters.scheduleAutoLock,
    checkKey: (secrets) => checkKey(restFor(secrets), Date.now),
    refusedMessages: () => adapters.loadRefused(),
    now: Date.now,
  });
  const alerts = createAlertService({
    store: idbAlertStore(db),
    notify: async (entry) => {
      await showAlert(entry);
      if (settings.current().alertSound) await playAlertSound().catch(() => {});
    },
    fetchCandles: createCandleSource({
      ohlc: (params) => createKrakenRest({ baseUrl: urls().rest, retries: 1 }).ohlc(params),
      restPair: restPairName,
    }),
    onProblem: (problem) => console.warn('[alerts] a stored record could not be used', problem),
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
    onFill: (fill) => void showFill(fill, 'paper').catch(() => {}),
  });
  const intents = idbIntentStore(db);
  const liveAccess = createLiveAccess({
    vault: {
      status: () => keys.status(),
      activeSecrets: () => keys.activeSecrets(),
      activeKey: () => vault.activeKey(),
    },
    endpoints: urls,
    restFor,
    createSession: (url, token) => watchSession(createWsSession({ url, token }), 'private'),
    intents,
    fillMarks: idbFillMarkStore(db),
    clock: systemClock,
    rulesFor: (symbol) => market.rulesFor(symbol),
    onChange: () => trading.changed(),
    onFill: (fill) => void showFill(fill, 'live').catch(() => {}),
    onIntent: (intent) => trading.onIntent(intent),
  });
  const trading = createTradingService({
    settings,
    market: {
      rulesFor: (symbol) => market.rulesFor(symbol),
      book: (symbol) => market.book(symbol),
      watchTicket: (symbol) => market.watchDepth('ticket', symbol ? [symbol] : []),
      lastPrice: (symbol) => market.latestTick(symbol)?.last,
      watchTickers: (symbols) => market.watchExtra('balances', symbols),
    },
    paper,
    intents,
    liveAccess,
    now: Date.now,
  });
  // Every live tick goes through the alert engine; each (re)connection replays what we missed.
  market.subscribe((event) => {
    if (event.type === 'trades') void trading.onTrades(event.symbol, event.trades);
    else if (event.type === 'ticks')
      for (const t of event.ticks)
        void alerts.onTick({ symbol: t.symbol, last: t.last, bid: t.bid, ask: t.ask, at: t.receivedAt });
    else if (event.type === 'connection') {
      if (event.connection.kind === 'live') void ready.then(() => alerts.catchUp());
      else alerts.suspend();
    }
  });
  const services = { market, vault, alerts, trading, settings, testNotification: showTestNotification };
  const ready = settings
    .load()
    .then(() => Promise.all([alerts.start(), market.start(), vault.start()]))
    .then(() => trading.start())
    .then(() => services);
  return { services, ready };
}

export type Services = ReturnType<typeof createServices>['services'];
