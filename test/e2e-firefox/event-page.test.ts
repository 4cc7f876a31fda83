// Firefox suspends an idle event page after 30 s, and WebSocket traffic is not activity to it
// (entrypoints/background/keep-awake.ts). With a frozen market (`--step-ms 0`: no tick, no badge update,
// nothing that happens to call an extension API) and no extension page open, the background must stay up
// on its own while the dead man's switch is armed, a live order rests and an alert is set: the switch
// refreshed every 20 s, the private feed never reconnects, and a crossing after the quiet spell notifies
// at once (not "while offline" after a restart). Without the keep-awake beat the page stops after ~30 s.
//
// FIREFOX_QUIET_MS sets the quiet spell (default 45 s: half again Firefox's 30 s idle limit, with two of the
// switch's 20 s refreshes in it; the README's 5-minute figure is FIREFOX_QUIET_MS=300000).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsView } from '../../lib/alerts/service.ts';
import {
  addKey,
  click,
  createAlert,
  type FirefoxE2E,
  goLive,
  lastPrice,
  openOrderIds,
  parsePrice,
  placeOrder,
  setup,
  simControl,
  sleep,
  teardown,
  tid,
  waitUntil,
} from './harness.ts';

const QUIET_MS = Number(process.env.FIREFOX_QUIET_MS ?? 45_000);
const DEAD_MAN = '/0/private/CancelAllOrdersAfter';
const TOKEN = '/0/private/GetWebSocketsToken';
const POST = { method: 'POST' };

async function alertsView(page: Page): Promise<AlertsView> {
  const reply = await page.evaluate(async () => {
    const rt = (
      globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }
    ).browser.runtime;
    return rt.sendMessage({ type: 'alerts.get' });
  });
  return (reply as { value: AlertsView }).value;
}

describe('Firefox: the event page stays up while it has work, in a quiet market', () => {
  let e2e: FirefoxE2E;
  let level = 0;

  beforeAll(async () => {
    e2e = await setup(['--step-ms', '0']);
    expect(await addKey(e2e, 'firefox event page')).toBe('Checked: can query funds and trade.');
    const popup = await e2e.ext.open('popup.html');
    await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
    await goLive(popup);
    await popup.$eval(`${tid('dead-man')} input`, (el) => (el as HTMLInputElement).click());
    await waitUntil(
      async () => (await popup.$eval(tid('dead-man'), (el) => el.getAttribute('data-state'))) === 'armed',
      10_000,
      'the dead man’s switch',
    );
    const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
    await click(popup, tid('tab-trade'));
    await popup.waitForSelector(tid('ticket'));
    const limit = Math.floor(now * 0.5).toFixed(1);
    await placeOrder(popup, { symbol: 'BTC/USD', side: 'buy', type: 'limit', amount: '0.001', limit });
    await waitUntil(async () => (await openOrderIds(e2e)).length === 1, 10_000, 'the resting order');
    await click(popup, tid('tab-watch'));
    level = Math.round(now * 1.01);
    await createAlert(popup, 'BTC/USD', 'above', String(level));
    await popup.close(); // no extension page stays open: nothing but the background's own work runs
  }, 90_000);
  afterAll(async () => teardown(e2e));

  it(
    'keeps running through the quiet spell: the switch is refreshed on time, the feed never reconnects, a crossing notifies at once',
    async () => {
      const start = Date.now();
      const tokensBefore = e2e.log.times(TOKEN, POST).length;
      const feedsBefore = e2e.log.times('/v2-auth', { upgrade: true }).length;
      const states = new Map<string, number>();
      while (Date.now() - start < QUIET_MS) {
        const { state } = await e2e.ext.background();
        states.set(state, (states.get(state) ?? 0) + 1);
        await sleep(1_000);
      }
      const refreshes = e2e.log.times(DEAD_MAN, POST).filter((t) => t >= start);
      const gaps = refreshes.slice(1).map((t, i) => t - (refreshes[i] ?? t));
      const firstGap = (refreshes[0] ?? Date.now()) - start;
      const crossingAt = Date.now();
      await simControl(e2e, 'market/price', { symbol: 'BTC/USD', price: String(level + 500) });
      await sleep(3_000); // time enough to notify, not enough for a suspended page's one-minute wake alarm

      const page = await e2e.ext.open('options.html');
      const log = (await alertsView(page)).log.filter((e) => e.at >= crossingAt);
      await page.close();
      const armed = await fetch(`${e2e.sim.rest}/_sim/dead-man`, { method: 'POST' }).then((r) => r.json());
      console.log(
        `[event page] quiet ${Math.round(QUIET_MS / 1000)} s: background ${JSON.stringify(Object.fromEntries(states))}; ` +
          `${refreshes.length} CancelAllOrdersAfter, first after ${firstGap} ms, gaps ${Math.min(...gaps)}–${Math.max(...gaps)} ms; ` +
          `new tokens ${e2e.log.times(TOKEN, POST).length - tokensBefore}, new private feeds ${
            e2e.log.times('/v2-auth', { upgrade: true }).length - feedsBefore
          }; alert ${log.map((e) => `${e.at - crossingAt} ms after the crossing${e.offline ? ' (offline)' : ''}${e.notifyError ? ` not shown: ${e.notifyError}` : ''}`).join(', ')}`,
      );

      expect([...states.keys()]).toEqual(['running']);
      expect(refreshes.length).toBeGreaterThanOrEqual(Math.floor(QUIET_MS / 20_000));
      expect(Math.max(firstGap, ...gaps)).toBeLessThan(25_000);
      expect(e2e.log.times(TOKEN, POST).length).toBe(tokensBefore);
      expect(e2e.log.times('/v2-auth', { upgrade: true }).length).toBe(feedsBefore);
      expect(armed).toEqual({ ok: true, armed: true });
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ symbol: 'BTC/USD', offline: false });
      expect(log[0]?.notifyError).toBeUndefined();
      expect((log[0]?.at ?? Infinity) - crossingAt).toBeLessThan(3_000);
      expect(await openOrderIds(e2e)).toHaveLength(1); // Kraken never cancelled it
    },
    QUIET_MS + 30_000,
  );
});
