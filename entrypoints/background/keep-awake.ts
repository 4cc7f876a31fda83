// Firefox runs the background as an event page and suspends it after 30 s in which it neither received an
// extension event nor called an extension API that is served by the parent process
// (`extensions.background.idle.timeout`, parent/ext-backgroundPage.js; the reset on parent API calls is
// ExtensionParent.sys.mjs `recvAPICall` → "background-script-reset-idle", reason "parentApiCall":
// https://searchfox.org/mozilla-central/source/toolkit/components/extensions/ExtensionParent.sys.mjs).
// WebSocket traffic, fetch and timers do not count. An open popup or options page does keep it (its Port:
// "a background page does not unload until all visible views and message ports are closed",
// https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Background_scripts; measured in
// Firefox ESR 153: 75 s with the popup open, stopped 30 s after it closed).
// Chrome keeps its service worker alive through the WebSocket traffic alone (Chrome 116+, DESIGN.md §2).
//
// So in Firefox, while no page is open and something must keep running — the dead man's switch refreshed
// every 20 s, a resting order's private feed, alerts evaluated on every tick — the background calls
// `runtime.getPlatformInfo()` every 15 s: served by the parent (parent/ext-runtime.js), read-only, no
// permission. The one-minute `wake` alarm (index.ts) stays the backstop, not the mechanism: it restarts a
// page that was suspended anyway, and the alerts' candle catch-up (lib/alerts/catch-up.ts) replays the gap,
// but a restart costs a reconnect, a new WebSocket token and a re-arm, and a 60 s switch last refreshed
// before it can lapse. When nothing needs the page it is let go. Measured: test/e2e-firefox/event-page.test.ts.
import { browser } from 'wxt/browser';
import { createKeepAwake } from '../../lib/base/keep-awake.ts';
import type { Services } from './services.ts';

/** Whether the background has work that a suspension would break. */
export function mustKeepRunning(s: Services): boolean {
  const trading = s.trading.view();
  const deadMan = trading.deadMan.kind;
  return (
    s.alerts.watching() ||
    trading.orders.length > 0 ||
    deadMan === 'arming' ||
    deadMan === 'armed' ||
    deadMan === 'refresh-failing' ||
    deadMan === 'disarming'
  );
}

/** Starts the beat in Firefox's event page; Chrome's service worker needs none. */
export function keepEventPageAwake(ready: Promise<Services>): void {
  if (!import.meta.env.FIREFOX) return;
  let services: Services | null = null;
  void ready.then((s) => {
    services = s;
  });
  createKeepAwake({
    needed: () => services !== null && mustKeepRunning(services),
    touch: () => browser.runtime.getPlatformInfo(),
    onError: (error) => console.warn('[background] keep-awake call failed', String(error)),
  }).start();
}
