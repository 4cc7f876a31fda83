// Composition root: build the services, register every listener synchronously (MV3 rule), nothing else.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCandleSource } from '../../lib/alerts/candle-source.ts';
import { createAlertService } from '../../lib/alerts/service.ts';
import { idbAlertStore } from '../../lib/alerts/store.ts';
import { idbNonceStore } from '../../lib/db/nonce-store.ts';
import { openDatabase } from '../../lib/db/schema.ts';
import {
  createKrakenRest,
  createNonceSource,
  createWsSession,
  keyIdOf,
  restPairName,
  systemClock,
} from '../../lib/kraken/index.ts';
import { createMarket } from '../../lib/market/index.ts';
import { parseRequest, STREAM_PORT, type StreamEvent } from '../../lib/messaging/protocol.ts';
import { isTrustedSender } from '../../lib/messaging/trust.ts';
import { idbPaperStore } from '../../lib/paper/index.ts';
import { endpointUrls } from '../../lib/settings/schema.ts';
import { createSettingsService } from '../../lib/settings/service.ts';
import { idbIntentStore } from '../../lib/trading/intent-store.ts';
import { createLiveAccount } from '../../lib/trading/live.ts';
import { createPaperAccount } from '../../lib/trading/paper-account.ts';
import { createTradingService, type TradingService } from '../../lib/trading/service.ts';
import { idbVaultStore } from '../../lib/vault/idb-store.ts';
import { checkKey } from '../../lib/vault/key-check.ts';
import { createVaultService } from '../../lib/vault/service.ts';
import { createVault } from '../../lib/vault/vault.ts';
import * as adapters from './adapters.ts';
import { handleRequest } from './handlers.ts';
import { registerNotificationHandlers, showAlert, showFill, showTestNotification } from './notifications.ts';
import { playAlertSound } from './sound.ts';

// A periodic alarm wakes a stopped worker so the badge and the connection come back on their own.
const WAKE_ALARM = 'wake';

export default defineBackground(() => {
  const settings = createSettingsService(
    { load: adapters.loadSettings, save: adapters.saveSettings },
    { resolveSymbol: (input) => market.resolveSymbol(input), onListenerError: console.error },
  );
  const market = createMarket({
    ...adapters,
    settings,
    createSession: (url) => createWsSession({ url }),
    now: () => Date.now(),
  });
  const db = openDatabase();
  // A REST client for one key against the configured endpoint, with its nonce mark persisted in IndexedDB.
  const restFor = (secrets: { apiKey: string; apiSecret: string; otp?: string }) =>
    createKrakenRest({
      baseUrl: endpointUrls(settings.current().endpoints).rest,
      credentials: {
        apiKey: secrets.apiKey,
        secret: secrets.apiSecret,
        ...(secrets.otp ? { otp: () => secrets.otp ?? '' } : {}),
      },
      nonce: createNonceSource({ store: idbNonceStore(db), keyId: keyIdOf(secrets.apiKey) }),
      timeoutMs: 8_000,
      retries: 0,
    });
  const keys = createVault({ store: idbVaultStore(db), session: adapters.sessionKeySlot });
  const vault = createVaultService({
    vault: keys,
    settings,
    scheduleAutoLock: adapters.scheduleAutoLock,
    checkKey: (secrets) => checkKey(restFor(secrets), Date.now),
    refusedMessages: () => adapters.loadRefused(),
    now: () => Date.now(),
  });
  const alerts = createAlertService({
    store: idbAlertStore(db),
    notify: async (entry) => {
      await showAlert(entry);
      if (settings.current().alertSound) await playAlertSound().catch(() => {});
    },
    fetchCandles: createCandleSource({
      ohlc: (params) =>
        createKrakenRest({ baseUrl: endpointUrls(settings.current().endpoints).rest, retries: 1 }).ohlc(
          params,
        ),
      restPair: restPairName,
    }),
    onProblem: (problem) => console.warn('[alerts] a stored record could not be used', problem),
    watchSymbols: (symbols) => market.watchExtra('alerts', symbols),
    latestTick: (symbol) => {
      const t = market.latestTick(symbol);
      return t && { symbol, last: t.last, bid: t.bid, ask: t.ask, at: t.receivedAt };
    },
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  const paper = createPaperAccount({
    store: idbPaperStore(db),
    rulesFor: (symbol) => market.rulesFor(symbol),
    book: (symbol) => market.book(symbol),
    watchDepth: (symbols) => market.watchDepth('paper', symbols),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    onChange: () => trading.changed(),
    onFill: (fill) => void showFill(fill, 'paper').catch(() => {}),
  });
  const trading: TradingService = createTradingService({
    settings,
    market: {
      rulesFor: (symbol) => market.rulesFor(symbol),
      book: (symbol) => market.book(symbol),
      watchTicket: (symbol) => market.watchDepth('ticket', symbol ? [symbol] : []),
      lastPrice: (symbol) => market.latestTick(symbol)?.last,
      watchTickers: (symbols) => market.watchExtra('balances', symbols),
    },
    paper,
    async liveAccess() {
      const status = await keys.status();
      if (status === 'locked') return { kind: 'locked' };
      if (status === 'empty') return { kind: 'no-key' };
      const secrets = await keys.activeSecrets().catch(() => null);
      const urls = endpointUrls(settings.current().endpoints);
      if (!secrets || !urls.wsPrivate) return { kind: 'no-key' };
      const wsPrivate = urls.wsPrivate;
      return {
        kind: 'ready',
        id: `${secrets.id}@${urls.rest}`,
        create: () =>
          createLiveAccount({
            rest: restFor(secrets),
            createSession: (token) => createWsSession({ url: wsPrivate, token }),
            intents: idbIntentStore(db, Date.now),
            clock: systemClock,
            rulesFor: (symbol) => market.rulesFor(symbol),
            onChange: () => trading.changed(),
            onFill: (fill) => void showFill(fill, 'live').catch(() => {}),
          }),
      };
    },
  });
  // Every live tick goes through the alert engine; each (re)connection replays what we missed.
  market.subscribe((event) => {
    if (event.type === 'trades') {
      void trading.onTrades(event.symbol, event.trades);
    } else if (event.type === 'ticks') {
      for (const t of event.ticks)
        void alerts.onTick({ symbol: t.symbol, last: t.last, bid: t.bid, ask: t.ask, at: t.receivedAt });
    } else if (event.type === 'connection') {
      if (event.connection.kind === 'live') void ready.then(() => alerts.catchUp());
      else alerts.suspend();
    }
  });
  const services = { market, vault, alerts, trading, settings, testNotification: showTestNotification };
  const ready = settings
    .load()
    .then(() => Promise.all([alerts.start(), market.start(), vault.start()]))
    .then(() => trading.start());
  registerNotificationHandlers(
    ready.then(() => alerts),
    (symbol) => market.focus(symbol),
  );

  const refused = adapters.refusedCounter();
  let openPorts = 0;
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  const trusted = (sender: { id?: string; url?: string; origin?: string } | undefined) =>
    sender !== undefined && isTrustedSender(sender, browser.runtime.id, ownOrigin);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const req = trusted(sender) ? parseRequest(message) : null;
    if (!req) {
      // Untrusted sender or malformed payload: no answer at all, only counted (never the payload logged).
      refused.count(trusted(sender) ? 'malformed' : 'untrusted');
      return false;
    }
    ready
      .then(async () => {
        const response = await handleRequest(services, req);
        // The vault, the active key or the endpoints decide whether (and which) live account runs; reading
        // the vault's view changes none of them (and a refresh decrypts the active key).
        const mayChangeLive =
          (req.type.startsWith('vault.') && req.type !== 'vault.get') || req.type === 'settings.setEndpoints';
        if (mayChangeLive) await trading.refresh();
        return response;
      })
      .catch((error: unknown) => ({ ok: false, error: { name: 'StartupError', message: String(error) } }))
      .then(sendResponse);
    return true;
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== STREAM_PORT || !trusted(port.sender)) {
      refused.count(trusted(port.sender) ? 'malformed' : 'untrusted');
      port.disconnect();
      return;
    }
    const post = (event: StreamEvent) => port.postMessage(event);
    let unsubscribe: (() => void) | null = null;
    let closed = false;
    openPorts += 1;
    port.onDisconnect.addListener(() => {
      closed = true;
      unsubscribe?.();
      openPorts -= 1;
      if (openPorts === 0) trading.unwatch(); // no popup: the ticket's book is not needed
    });
    ready.then(
      () => {
        if (closed) return;
        post({ type: 'snapshot', snapshot: market.snapshot() });
        void alerts.view().then((view) => closed || post({ type: 'alerts', alerts: view }));
        post({ type: 'trading', trading: trading.view() });
        const offMarket = market.subscribe((event) => event.type !== 'trades' && post(event));
        const offAlerts = alerts.subscribe((view) => post({ type: 'alerts', alerts: view }));
        const offTrading = trading.subscribe((view) => post({ type: 'trading', trading: view }));
        unsubscribe = () => {
          offMarket();
          offAlerts();
          offTrading();
        };
      },
      (error: unknown) => {
        if (!closed) post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      },
    );
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === adapters.AUTO_LOCK_ALARM)
      void ready.then(async () => {
        await vault.autoLock();
        await trading.refresh(); // locking stops live trading and disarms the dead man's switch
      });
    // WAKE_ALARM: waking the worker is the point; start() already ran in this instance.
  });
  browser.alarms.get(WAKE_ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(WAKE_ALARM, { periodInMinutes: 1 });
  });
});
