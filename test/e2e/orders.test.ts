// Orders you can trust, in the production build against the simulator: nothing confirmed for one account is
// ever sent to another; a refusal is never shown as placed; an unknown outcome says so until Kraken settles
// it; a replaced key never signs again; and "off" for the dead man's switch means Kraken confirmed it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKrakenRest, type KrakenRest } from '../../lib/kraken/index.ts';
import {
  addKey,
  type E2E,
  goLive,
  lastPrice,
  observerKey,
  openOptions,
  openPopup,
  parsePrice,
  setup,
  simControl,
  teardown,
  waitUntil,
} from './harness.ts';

const PASS = 'e2e orders passphrase';

async function openTrade(popup: Page): Promise<void> {
  await popup.getByTestId('tab-trade').click();
  await popup.getByTestId('ticket').waitFor();
}

/** A limit buy far below the market (it rests), previewed and accepted by Kraken's validate, not yet sent. */
async function previewRestingBuy(popup: Page, fraction: number): Promise<string> {
  // After an endpoint change the prices come back with the feed: wait for one.
  await waitUntil(
    async () => parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '') > 0,
    15_000,
    'a BTC/USD price',
  );
  const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
  const limit = Math.floor(now * fraction).toFixed(1);
  await popup.getByTestId('ticket-pair').selectOption('BTC/USD');
  await popup.getByTestId('ticket-side-buy').click();
  await popup.getByTestId('ticket-type').selectOption('limit');
  await popup.getByTestId('ticket-amount').fill('0.001');
  await popup.getByTestId('ticket-limit').fill(limit);
  await popup.getByTestId('ticket-amount').press('Enter');
  await expect.poll(() => popup.getByTestId('ticket-kraken').getAttribute('data-state')).toBe('accepted');
  return limit;
}

/** "kind: text" of the ticket's last result (the text makes a failing poll say what was shown). */
const result = async (popup: Page) => {
  const line = popup.getByTestId('ticket-result');
  if ((await line.count()) === 0) return '';
  return `${await line.getAttribute('data-kind')}: ${await line.innerText()}`;
};

async function ordersWith(rest: KrakenRest, clOrdId: string): Promise<string[]> {
  const open = Object.keys((await rest.openOrders({ cl_ord_id: clOrdId })).open);
  const closed = Object.keys((await rest.closedOrders({ cl_ord_id: clOrdId })).closed);
  return [...open, ...closed];
}

/**
 * Confirms the previewed order with its answer lost and Kraken unreachable for lookups (`lookupsDownMs`, 2
 * minutes unless said) and for its executions feed (the private socket dropped, no token for a new one; the
 * order goes over REST): nothing can say whether it was placed, and the ticket says "checking". With the socket
 * up, Kraken's executions report of the cl_ord_id would settle it at once (trading.test.ts). Returns the
 * order's cl_ord_id.
 */
async function leaveUnknown(e2e: E2E, popup: Page, lookupsDownMs = 120_000): Promise<string> {
  await simControl(e2e, 'faults', {
    serviceError: { error: 'EService:Unavailable', count: 100_000, methods: ['GetWebSocketsToken'] },
    dropOrderResponses: { count: 1, methods: ['AddOrder', 'add_order'] },
    failLookups: { ms: lookupsDownMs },
  });
  await simControl(e2e, 'ws/drop');
  await expect
    .poll(() => popup.getByTestId('live-status').getAttribute('data-kind'), { timeout: 15_000 })
    .not.toBe('ready');
  await popup.getByTestId('ticket-confirm').click();
  await expect.poll(() => result(popup), { timeout: 15_000 }).toMatch(/^unknown: /);
  return checkingId(popup);
}

/** Points the extension at `rest` through the options page. */
async function setEndpoint(e2e: E2E, rest: string): Promise<void> {
  const options = await openOptions(e2e.ext);
  await options.getByTestId('endpoint-rest').fill(rest);
  await options.getByTestId('endpoint-save').click();
  await expect.poll(() => options.getByTestId('endpoint-message').innerText()).toMatch(/saved/i);
  await options.close();
}

/** The cl_ord_id of the order the ticket is checking (its intent row in the Trade tab). */
async function checkingId(popup: Page): Promise<string> {
  const row = popup.locator('[data-testid="intent"][data-state="unknown"][data-account="current"]').first();
  await row.waitFor({ timeout: 10_000 });
  return (await row.getAttribute('data-id')) ?? '';
}

describe('orders you can trust (production build, simulator)', () => {
  let e2e: E2E;
  let popup: Page;
  let main: KrakenRest;
  let second: KrakenRest;

  beforeAll(async () => {
    e2e = await setup();
    const { apiKey, apiSecret } = e2e.sim;
    if (!apiKey || !apiSecret || !e2e.sim.second) throw new Error('the simulator printed no keys');
    main = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: await observerKey(e2e, 'main') });
    second = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: await observerKey(e2e, 'second') });
    await addKey(e2e.ext, { label: 'Account A', apiKey, apiSecret }, PASS);
    popup = await openPopup(e2e.ext);
    await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
    await openTrade(popup);
    await goLive(popup);
  }, 60_000);
  afterAll(async () => teardown(e2e));
  beforeEach(async () => simControl(e2e, 'faults/clear'));

  it('(c) a lost answer with Kraken unreachable for lookups: "checking", then "placed" with the id', async () => {
    await previewRestingBuy(popup, 0.5);
    const id = await leaveUnknown(e2e, popup, 12_000);
    await expect(popup.getByTestId('ticket-checking').innerText()).resolves.toContain(
      'Do not place it again',
    );
    expect(await popup.getByTestId('ticket-confirm').count()).toBe(0);
    await expect.poll(() => result(popup), { timeout: 40_000 }).toMatch(/^placed: /);
    const [txid] = await ordersWith(main, id);
    expect(await popup.getByTestId('ticket-result').innerText()).toContain(`order ${txid}`);
    expect(await ordersWith(main, id)).toHaveLength(1);
    await main.cancelOrder({ txid: txid ?? '' });
  }, 90_000);

  it('(b) an order Kraken refuses is never shown as placed, even when the same ticket is sent again', async () => {
    await previewRestingBuy(popup, 0.51);
    // Between Kraken's check and the confirmation, another app's order takes nearly all the USD.
    const usd = (await main.balanceEx()).ZUSD;
    const free = Number(usd?.balance ?? 0) - Number(usd?.hold_trade ?? 0);
    const volume = (Math.floor(((free - 20) / (1000 * 1.004)) * 1e4) / 1e4).toFixed(4);
    const hog = await main.addOrder({
      pair: 'XBTUSD',
      type: 'buy',
      ordertype: 'limit',
      price: '1000.0',
      volume,
    });
    try {
      await popup.getByTestId('ticket-confirm').click();
      await expect
        .poll(() => result(popup), { timeout: 10_000 })
        .toMatch(/^refused: Refused: .*EOrder:Insufficient funds/);
      expect(await popup.getByTestId('ticket-confirm').count()).toBe(0);
      // The same confirmation (same cl_ord_id) sent straight to the background: refused again, never "placed".
      const clOrdId = await popup.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open('kraken-trader');
          r.onsuccess = () => ok(r.result);
        });
        const all = await new Promise<{ clOrdId: string; state: string }[]>((ok) => {
          const r = db.transaction('orderIntents').objectStore('orderIntents').getAll();
          r.onsuccess = () => ok(r.result);
        });
        return all.find((i) => i.state === 'rejected')?.clOrdId ?? '';
      });
      expect(clOrdId).not.toBe('');
      await main.cancelOrder({ txid: hog.txid?.[0] ?? '' }); // funds are back: a resend would now succeed
      const again = await popup.evaluate(async (id) => {
        const rt = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        return rt.sendMessage({
          type: 'trading.place',
          clOrdId: id,
          order: {
            symbol: 'BTC/USD',
            side: 'buy',
            type: 'limit',
            volume: '0.001',
            limitPrice: '1000.0',
            postOnly: false,
            timeInForce: 'GTC',
          },
        });
      }, clOrdId);
      expect(again).toMatchObject({
        ok: false,
        error: { name: 'KrakenError', data: { code: 'insufficient-funds' } },
      });
      expect(await ordersWith(main, clOrdId)).toEqual([]);
    } finally {
      await main.cancelOrder({ txid: hog.txid?.[0] ?? '' }).catch(() => {});
    }
  });

  it('(e) a failing disarm says "still armed, retrying", then "off" once Kraken accepts it', async () => {
    const armed = async () =>
      (
        (await (await fetch(`${e2e.sim.rest}/_sim/dead-man`, { method: 'POST' })).json()) as {
          armed: boolean;
        }
      ).armed;
    await popup.getByTestId('dead-man').locator('input').click();
    await expect.poll(() => popup.getByTestId('dead-man-status').innerText()).toMatch(/^armed/);
    await simControl(e2e, 'faults', { deadManFail: { ms: 6_000 } });
    await popup.getByTestId('dead-man').locator('input').click();
    await expect
      .poll(() => popup.getByTestId('dead-man-status').innerText(), { timeout: 5_000 })
      .toMatch(/^still armed, retrying\. Kraken will cancel all your orders at \d\d:\d\d:\d\d/);
    // Kraken's own words are behind "Details", not in the sentence that says what it means.
    await expect.poll(() => popup.getByTestId('dead-man-detail').count(), { timeout: 5_000 }).toBe(1);
    expect(await armed()).toBe(true);
    await expect
      .poll(() => popup.getByTestId('dead-man-status').innerText(), { timeout: 20_000 })
      .toBe('off');
    expect(await armed()).toBe(false);
  }, 40_000);

  it('(a) an order left unknown, then the endpoint changes: it is another account’s, never resent', async () => {
    await previewRestingBuy(popup, 0.525);
    const id = await leaveUnknown(e2e, popup);
    // The same simulator under another name: another endpoint, so another account for the vault's key.
    await setEndpoint(e2e, e2e.sim.rest.replace('127.0.0.1', 'localhost'));
    await simControl(e2e, 'faults/clear');
    const row = popup.locator(`[data-testid="intent"][data-id="${id}"]`);
    await expect.poll(() => row.getAttribute('data-account'), { timeout: 10_000 }).toBe('other');
    // The vault's key was added for 127.0.0.1: it signs for no other endpoint, localhost included.
    await expect(popup.getByTestId('live-status').innerText()).resolves.toContain(
      'Add a key for this endpoint to trade live',
    );
    await new Promise((r) => setTimeout(r, 8_000));
    expect(await ordersWith(main, id)).toHaveLength(1); // the one the dropped answer hid, never a second
    await setEndpoint(e2e, e2e.sim.rest);
    await goLive(popup);
    for (const txid of await ordersWith(main, id)) await main.cancelOrder({ txid }).catch(() => {});
  }, 90_000);

  it('(a) an order left unknown on account A: after B is made active and unlocked, nothing reaches B', async () => {
    await previewRestingBuy(popup, 0.52);
    const id = await leaveUnknown(e2e, popup);
    const { apiKey, apiSecret } = e2e.sim.second ?? { apiKey: '', apiSecret: '' };
    await addKey(e2e.ext, { label: 'Account B', apiKey, apiSecret }, PASS);
    // B made active (while unlocked: keys are listed then), the vault locked, the faults gone, unlocked again.
    const options = await openOptions(e2e.ext);
    await options.getByTestId('key-row').nth(1).locator('input[name="active-key"]').check();
    await options.getByTestId('lock-now').click();
    await simControl(e2e, 'faults/clear');
    await options.getByTestId('unlock-passphrase').fill(PASS);
    await options.getByTestId('unlock').click();
    await options.getByTestId('lock-now').waitFor();
    await options.close();
    await goLive(popup);
    const row = popup.locator(`[data-testid="intent"][data-id="${id}"]`);
    await expect.poll(() => row.getAttribute('data-account'), { timeout: 10_000 }).toBe('other');
    await new Promise((r) => setTimeout(r, 8_000)); // past any deadline, lookup or resend B could have done
    expect(await ordersWith(second, id)).toEqual([]);
    expect(await ordersWith(main, id)).toHaveLength(1); // the one A's dropped answer hid, never a second
    await row.getByTestId('intent-dismiss').click();
    await expect.poll(() => row.count()).toBe(0);
  }, 90_000);

  it('(d) after the active key is replaced, the next order is signed with the new key', async () => {
    // Account B's key is active now; replace its credentials with account A's (the same vault entry).
    const { apiKey, apiSecret } = e2e.sim;
    const options = await openOptions(e2e.ext);
    const active = options
      .getByTestId('key-row')
      .filter({ has: options.locator('input[name="active-key"]:checked') });
    await active.getByTestId('replace-key').click();
    await active.getByTestId('replace-api-key').fill(apiKey ?? '');
    await active.getByTestId('replace-secret').fill(apiSecret ?? '');
    await active.getByTestId('save-replace').click();
    await expect
      .poll(() => active.getByTestId('key-check').innerText(), { timeout: 15_000 })
      .toMatch(/^Checked/);
    await options.close();
    await goLive(popup);
    await previewRestingBuy(popup, 0.53);
    await popup.getByTestId('ticket-confirm').click();
    await expect.poll(() => result(popup), { timeout: 15_000 }).toMatch(/^placed: /);
    const text = await popup.getByTestId('ticket-result').innerText();
    const txid = /order (\S+)$/.exec(text)?.[1] ?? '';
    expect(Object.keys(await main.queryOrders({ txid: [txid] }))).toEqual([txid]);
    expect(Object.keys((await second.openOrders()).open)).toEqual([]);
    await main.cancelOrder({ txid });
  }, 60_000);
});
