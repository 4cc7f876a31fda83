// Composition root: build the services, register every listener synchronously (MV3 rule), nothing else.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { serveRequests, serveStream } from '../../lib/messaging/server.ts';
import { isTrustedSender, type SenderLike } from '../../lib/messaging/trust.ts';
import * as adapters from './adapters.ts';
import { installDiagnostics } from './diagnostics.ts';
import { handlers } from './handlers.ts';
import { keepEventPageAwake } from './keep-awake.ts';
import { registerLaunchers } from './launch.ts';
import { registerNotificationHandlers, showAutoLockWarning } from './notifications.ts';
import { createServices, type Services } from './services.ts';
import { streamSources } from './stream.ts';

// A periodic alarm wakes a stopped worker so the badge and the connection come back on their own.
const WAKE_ALARM = 'wake';
const PRUNE_EVERY_MS = 60 * 60_000;

export default defineBackground(() => {
  const { services, ready } = createServices();
  installDiagnostics(() => services.market.depthStats());
  const refused = adapters.refusedCounter();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  const trusted = (sender: SenderLike | undefined) =>
    sender !== undefined && isTrustedSender(sender, browser.runtime.id, ownOrigin);
  const used = () => services.vault.used();
  const onRefused = (kind: 'untrusted' | 'malformed') => refused.count(kind);

  serveRequests<Services>({
    onMessage: browser.runtime.onMessage,
    onConnect: browser.runtime.onConnect,
    trusted,
    ready,
    handlers,
    refused: onRefused,
    used,
    refreshLive: (s) => s.trading.refresh(),
  });
  serveStream<Services>({
    onConnect: browser.runtime.onConnect,
    trusted,
    ready,
    sources: streamSources,
    refused: onRefused,
    used,
    // No page open: the ticket's book and the charts are not needed. A page opened: its sparklines are
    // brought up to date (only the missing or stale ones are fetched).
    onPorts: (open, s) => {
      if (open > 0) return void s.market.refreshSparklines();
      s.trading.unwatch();
      s.market.clearCharts();
    },
  });
  keepEventPageAwake(ready); // Firefox's event page: see keep-awake.ts
  registerLaunchers(ready, services.launches); // shortcuts and the address bar: see launch.ts
  registerNotificationHandlers(
    ready.then((s) => s.alerts),
    (symbol) => services.market.focus(symbol),
  );

  let prunedAt = 0;
  browser.alarms.onAlarm.addListener((alarm) => {
    void ready.then(async (s) => {
      if (alarm.name === adapters.AUTO_LOCK_ALARM) {
        await s.vault.autoLock();
        await s.trading.refresh(); // locking stops live trading and disarms the dead man's switch
      } else if (alarm.name === adapters.AUTO_LOCK_WARNING_ALARM) {
        if (s.trading.deadManArmed()) await showAutoLockWarning(s.settings.current().language);
      } else if (alarm.name === WAKE_ALARM && Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await s.trading.prune();
      }
    });
  });
  browser.alarms.get(WAKE_ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(WAKE_ALARM, { periodInMinutes: 1 });
  });
});
