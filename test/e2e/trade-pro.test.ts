// Trading like on Kraken Pro, in the production build, live on the simulator: every order type placed from the
// ticket, shown in open orders with its trigger, amended in place (a stop's trigger too) and cancelled; a
// trailing stop that fires after a rise and a fall, notified once; a cancel-only market and Kraken's maintenance
// shown; the account's fee tier in the preview, following a tier change; and an order sent over REST while the
// private socket is down, placed exactly once. One browser and one simulator for the whole file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKrakenRest, type KrakenRest } from '../../lib/kraken/index.ts';
import { launchWithExtension, pointAtSimulator } from '../../scripts/lib/browser.ts';
import { findChromium } from '../../scripts/lib/chromium.ts';
import { startSimProcess } from '../../scripts/lib/sim-process.ts';
import { type RequestLog, startRequestLog } from '../e2e-firefox/request-log.ts';
import {
  addKey,
  type E2E,
  goLive,
  lastPrice,
  notificationIds,
  observerKey,
  openPopup,
  parsePrice,
  simControl,
  teardown,
  waitUntil,
} from './harness.ts';

const PASS = 'e2e trade pro passphrase';
const VOLUME = '0.0001';
/**
 * The pairs the order types are spread over. Each pair's trading counter (Starter, which the extension assumes:
 * 60 points, −1/s) takes four rounds of place, amend and cancel (1 + 4 + 8 points with the order under 5 s old)
 * before the extension must wait for it, as it should: with every type on one pair, the rounds waited 36 s of the
 * test's 40, and the tests after it waited again.
 */
const PAIRS = {
  'BTC/USD': { volume: VOLUME, amended: '0.0002', atKraken: '0.00020000', decimals: 1 },
  'ETH/USD': { volume: '0.002', amended: '0.004', atKraken: '0.00400000', decimals: 2 },
  'SOL/USD': { volume: '0.05', amended: '0.1', atKraken: '0.10000000', decimals: 2 },
} as const;
type Pair = keyof typeof PAIRS;

interface TicketOrder {
  /** BTC/USD unless said. */
  pair?: Pair;
  side: 'buy' | 'sell';
  type: string;
  trigger?: string;
  limit?: string;
  trail?: { value: string; unit: 'percent' | 'quote' };
  limitOffset?: { value: string; unit: 'percent' | 'quote' };
}

/** "kind: text" of the ticket's last result. */
const result = async (popup: Page) => {
  const line = popup.getByTestId('ticket-result');
  if ((await line.count()) === 0) return '';
  return `${await line.getAttribute('data-kind')}: ${await line.innerText()}`;
};

const row = (popup: Page, txid: string) =>
  popup.locator(`[data-testid="order-row"][data-order-id="${txid}"]`);

async function priceOf(popup: Page, pair: Pair): Promise<number> {
  await waitUntil(async () => parsePrice((await lastPrice(popup, pair)) ?? '') > 0, 15_000, 'a price');
  return parsePrice((await lastPrice(popup, pair)) ?? '');
}
const btcPrice = (popup: Page) => priceOf(popup, 'BTC/USD');

/** Fills the ticket for `o` and previews it (Enter), waiting for Kraken's own check. Returns the words shown. */
async function preview(popup: Page, o: TicketOrder): Promise<string> {
  const pair = o.pair ?? 'BTC/USD';
  await popup.getByTestId('ticket-pair').selectOption(pair);
  await popup.getByTestId(`ticket-side-${o.side}`).click();
  await popup.getByTestId('ticket-type').selectOption(o.type);
  await popup.getByTestId('ticket-amount').fill(PAIRS[pair].volume);
  if (o.trigger !== undefined) await popup.getByTestId('ticket-trigger').fill(o.trigger);
  if (o.limit !== undefined) await popup.getByTestId('ticket-limit').fill(o.limit);
  if (o.trail) {
    await popup.getByTestId('ticket-trail').fill(o.trail.value);
    await popup.getByTestId('ticket-trail-unit').selectOption(o.trail.unit);
  }
  if (o.limitOffset) {
    await popup.getByTestId('ticket-limit-offset').fill(o.limitOffset.value);
    await popup.getByTestId('ticket-limit-offset-unit').selectOption(o.limitOffset.unit);
  }
  await popup.getByTestId('ticket-amount').press('Enter');
  const kraken = popup.getByTestId('ticket-kraken');
  await expect
    .poll(async () => `${await kraken.getAttribute('data-state')}: ${await kraken.innerText()}`, {
      timeout: 10_000,
    })
    .toMatch(/^accepted: /);
  return popup.getByTestId('preview-words').innerText();
}

/** Confirms the previewed order and returns Kraken's order id from the ticket's "Placed" line. */
async function confirm(popup: Page): Promise<string> {
  await popup.getByTestId('ticket-confirm').click();
  await expect.poll(() => result(popup), { timeout: 15_000 }).toMatch(/^placed: /);
  return /order (\S+)$/.exec(await popup.getByTestId('ticket-result').innerText())?.[1] ?? '';
}

describe('trade like on Kraken Pro (production build, simulator, live)', () => {
  let e2e: E2E;
  let log: RequestLog;
  let popup: Page;
  let kraken: KrakenRest;

  beforeAll(async () => {
    // The extension talks to the simulator through a request log, so the test can count what reached it.
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found: run `npm test` or set CHROMIUM_PATH.');
    const sim = await startSimProcess(['--port', '0']);
    log = await startRequestLog(sim.rest);
    const ext = await launchWithExtension({ executablePath, headless: true });
    e2e = { sim, ext };
    await pointAtSimulator(ext, log.origin);
    const { apiKey, apiSecret } = e2e.sim;
    if (!apiKey || !apiSecret) throw new Error('the simulator printed no keys');
    kraken = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: await observerKey(e2e, 'main') });
    await addKey(e2e.ext, { label: 'Pro', apiKey, apiSecret }, PASS);
    popup = await openPopup(e2e.ext);
    await popup.setViewportSize({ width: 420, height: 900 });
    await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
    await popup.getByTestId('tab-trade').click();
    await popup.getByTestId('ticket').waitFor();
    await goLive(popup);
  }, 60_000);
  afterAll(async () => {
    await teardown(e2e);
    await log?.close();
  });
  beforeEach(async () => simControl(e2e, 'faults/clear'));

  it('places each order type from the ticket, shows its trigger, amends it in place and cancels it', async () => {
    const prices = {
      'BTC/USD': await btcPrice(popup),
      'ETH/USD': await priceOf(popup, 'ETH/USD'),
      'SOL/USD': await priceOf(popup, 'SOL/USD'),
    };
    const price = (pair: Pair, f: number) => (prices[pair] * f).toFixed(PAIRS[pair].decimals);
    const at = (f: number) => price('BTC/USD', f);
    const orders: [TicketOrder, RegExp, RegExp][] = [
      [
        { side: 'buy', type: 'limit', limit: at(0.5) },
        /^Buys 0\.0001 BTC at [\d,.]+ USD or less; /,
        /^[\d,.]+$/,
      ],
      [
        { side: 'sell', type: 'stop-loss', trigger: at(0.5) },
        /^Sells 0\.0001 BTC at market if the price falls to /,
        /^trigger [\d,.]+$/,
      ],
      [
        { side: 'sell', type: 'take-profit', trigger: at(1.5) },
        /^Sells 0\.0001 BTC at market if the price rises to /,
        /^trigger [\d,.]+$/,
      ],
      [
        {
          pair: 'ETH/USD',
          side: 'sell',
          type: 'stop-loss-limit',
          trigger: price('ETH/USD', 0.5),
          limit: price('ETH/USD', 0.49),
        },
        /^If the price falls to [\d,.]+ USD, places a limit order to sell 0\.002 ETH at /,
        /^trigger [\d,.]+, limit [\d,.]+$/,
      ],
      [
        {
          pair: 'ETH/USD',
          side: 'sell',
          type: 'take-profit-limit',
          trigger: price('ETH/USD', 1.5),
          limit: price('ETH/USD', 1.5),
        },
        /^If the price rises to [\d,.]+ USD, places a limit order to sell /,
        /^trigger [\d,.]+, limit [\d,.]+$/,
      ],
      [
        { pair: 'SOL/USD', side: 'sell', type: 'trailing-stop', trail: { value: '20', unit: 'percent' } },
        /^Sells 0\.05 SOL at market if the price falls 20 % below its highest since it was placed\.$/,
        /^trigger [\d,.]+ \(trails 20 %\)$/,
      ],
      [
        {
          pair: 'SOL/USD',
          side: 'sell',
          type: 'trailing-stop-limit',
          trail: { value: '20', unit: 'percent' },
          limitOffset: { value: '100', unit: 'quote' },
        },
        /^If the price falls 20 % below its highest since it was placed, places a limit order to sell 0\.05 SOL at 100 USD below that trigger or more\.$/,
        /^trigger [\d,.]+ \(trails 20 %\)/,
      ],
    ];
    for (const [order, words, shown] of orders) {
      const pair = PAIRS[order.pair ?? 'BTC/USD'];
      expect(await preview(popup, order)).toMatch(words);
      const txid = await confirm(popup);
      await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(1);
      expect(await row(popup, txid).getByTestId('order-price').innerText()).toMatch(shown);
      // Amend the amount in place: the same id, the new amount at Kraken.
      await row(popup, txid).getByTestId('order-amend').click();
      await popup.getByTestId('amend-volume').fill(pair.amended);
      await popup.getByTestId('amend-review').click();
      await expect(popup.getByTestId('amend-confirm-text').innerText()).resolves.toContain(
        'keeps the order id and, where possible, its place in the queue',
      );
      await popup.getByTestId('amend-yes').click();
      await expect
        .poll(
          async () =>
            `${await row(popup, txid).innerText()} ${await popup.getByTestId('amend-error').allInnerTexts()}`,
          {
            timeout: 10_000,
          },
        )
        .toContain(`0 / ${pair.amended}`);
      const atKraken = await kraken.queryOrders({ txid: [txid] });
      expect(atKraken[txid]?.vol).toBe(pair.atKraken);
      await row(popup, txid).getByTestId('order-cancel').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(0);
      expect((await kraken.queryOrders({ txid: [txid] }))[txid]?.status).toBe('canceled');
    }
    await popup.screenshot({ path: 'artifacts/trade-pro-after-types.png', fullPage: true });
    // A market order fills at once: nothing rests, the ticket says placed.
    expect(await preview(popup, { side: 'buy', type: 'market' })).toBe('Buys 0.0001 BTC at market now.');
    const txid = await confirm(popup);
    await expect.poll(async () => (await kraken.queryOrders({ txid: [txid] }))[txid]?.status).toBe('closed');
  }, 150_000);

  it("a stop-loss's trigger amended from open orders: Kraken has the new trigger, the row shows it", async () => {
    const p = await btcPrice(popup);
    const at = (f: number) => (Math.round(p * f * 10) / 10).toFixed(1);
    await preview(popup, { side: 'sell', type: 'stop-loss', trigger: at(0.5) });
    const txid = await confirm(popup);
    await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(1);
    await row(popup, txid).getByTestId('order-amend').click();
    await popup.getByTestId('amend-trigger').fill(at(0.6));
    await popup.getByTestId('amend-review').click();
    await expect(popup.getByTestId('amend-confirm-text').innerText()).resolves.toMatch(/trigger [\d,.]+/);
    await popup.getByTestId('amend-yes').click();
    await expect
      .poll(async () => Number((await kraken.queryOrders({ txid: [txid] }))[txid]?.stopprice), {
        timeout: 10_000,
      })
      .toBe(Number(at(0.6)));
    const shown = async () =>
      parsePrice((await row(popup, txid).getByTestId('order-price').innerText()).replace('trigger ', ''));
    await expect.poll(shown, { timeout: 10_000 }).toBe(Number(at(0.6)));
    await row(popup, txid).getByTestId('order-cancel').click();
    await popup.getByTestId('confirm-yes').click();
    await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(0);
  }, 60_000);

  it("a trailing stop's offset amended from open orders (percent, then USD): Kraken trails by it, the row says so", async () => {
    // ETH/USD: BTC/USD's trading counter is kept for the tests after this one (see PAIRS).
    await preview(popup, {
      pair: 'ETH/USD',
      side: 'sell',
      type: 'trailing-stop',
      trail: { value: '20', unit: 'percent' },
    });
    const txid = await confirm(popup);
    await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(1);
    const price = () => row(popup, txid).getByTestId('order-price').innerText();
    await expect.poll(price, { timeout: 10_000 }).toMatch(/\(trails 20 %\)$/);
    const amendTrail = async (value: string, unit: 'percent' | 'quote', words: string) => {
      await row(popup, txid).getByTestId('order-amend').click();
      expect(await popup.getByTestId('amend-trigger').count()).toBe(0); // the trigger follows the market
      await popup.getByTestId('amend-trail').fill(value);
      await popup.getByTestId('amend-trail-unit').selectOption(unit);
      await popup.getByTestId('amend-review').click();
      await popup
        .getByTestId('amend-form')
        .screenshot({ path: `artifacts/trade-pro-trail-amend-${unit}.png` });
      const ask = await popup.getByTestId('amend-confirm-text').innerText();
      expect(ask).toContain('keeps the order id and, where possible, its place in the queue');
      expect(ask).toContain(`New trailing offset ${words}.`);
      await popup.getByTestId('amend-yes').click();
    };
    await amendTrail('10', 'percent', '10 %');
    await expect
      .poll(async () => (await kraken.queryOrders({ txid: [txid] }))[txid]?.descr.order, { timeout: 10_000 })
      .toMatch(/@ trailing stop \+10(\.0+)?%$/);
    await expect.poll(price, { timeout: 10_000 }).toMatch(/\(trails 10 %\)$/);
    await amendTrail('600', 'quote', '600 USD');
    await expect
      .poll(async () => (await kraken.queryOrders({ txid: [txid] }))[txid]?.descr.order, { timeout: 10_000 })
      .toMatch(/@ trailing stop \+600(\.0+)?$/);
    await expect.poll(price, { timeout: 10_000 }).toMatch(/\(trails 600 USD\)$/);
    // The same id all along: amended in place, not replaced.
    expect((await kraken.queryOrders({ txid: [txid] }))[txid]?.status).toBe('open');
    await popup
      .getByTestId('open-orders')
      .screenshot({ path: 'artifacts/trade-pro-trail-amended.png' })
      .catch(() => {});
    await row(popup, txid).getByTestId('order-cancel').click();
    await popup.getByTestId('confirm-yes').click();
    await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(0);
  }, 60_000);

  it('a trailing stop fires after a rise then a fall, with exactly one fill notification', async () => {
    const p = Math.round(await btcPrice(popup));
    await preview(popup, { side: 'sell', type: 'trailing-stop', trail: { value: '500', unit: 'quote' } });
    const before = new Set(await notificationIds(e2e));
    const txid = await confirm(popup);
    await expect.poll(() => row(popup, txid).count(), { timeout: 10_000 }).toBe(1);
    await simControl(e2e, 'market/price', { symbol: 'BTC/USD', price: `${p + 1000}.0` });
    // The trigger followed the rise: 500 below the new high (Kraken's OpenOrders `stopprice` is the trigger now).
    // The market keeps stepping after the forced price, so the high may end some steps above it (σ ≈ 10 USD a step): the trigger
    // is 500 below whatever the high is, at least p + 500, far above where it started (p - 500).
    await expect
      .poll(async () => Number((await kraken.queryOrders({ txid: [txid] }))[txid]?.stopprice), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(p + 500);
    const trigger = Number((await kraken.queryOrders({ txid: [txid] }))[txid]?.stopprice);
    expect(trigger).toBeLessThan(p + 800);
    await simControl(e2e, 'market/price', { symbol: 'BTC/USD', price: `${p + 400}.0` });
    await expect.poll(async () => (await kraken.queryOrders({ txid: [txid] }))[txid]?.status).toBe('closed');
    const fresh = async () =>
      (await notificationIds(e2e)).filter((id) => !before.has(id) && id.startsWith('fill:'));
    await expect.poll(fresh, { timeout: 10_000 }).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 2_000)); // a second notification would have come by now
    expect(await fresh()).toHaveLength(1);
    const trades = Object.values((await kraken.tradesHistory()).trades).filter((t) => t.ordertxid === txid);
    expect(trades).toHaveLength(1);
    expect(await row(popup, txid).count()).toBe(0);
  }, 60_000);

  it('a cancel-only market disables Buy and Sell and says why; Kraken’s maintenance is shown', async () => {
    await popup.getByTestId('ticket-pair').selectOption('BTC/USD');
    await simControl(e2e, 'status', { pair: 'BTC/USD', pairStatus: 'cancel_only' });
    try {
      await expect
        .poll(() => popup.getByTestId('ticket-market-status').innerText(), { timeout: 10_000 })
        .toBe('BTC/USD is in cancel-only mode: Kraken takes cancellations only, no new orders.');
      expect(await popup.getByTestId('ticket-side-buy').isDisabled()).toBe(true);
      expect(await popup.getByTestId('ticket-side-sell').isDisabled()).toBe(true);
      expect(await popup.getByTestId('ticket-submit').isDisabled()).toBe(true);
      await popup.getByTestId('ticket').screenshot({ path: 'artifacts/trade-pro-cancel-only.png' });
    } finally {
      await simControl(e2e, 'status', { pair: 'BTC/USD', pairStatus: 'online' });
    }
    await expect
      .poll(() => popup.getByTestId('ticket-side-buy').isDisabled(), { timeout: 10_000 })
      .toBe(false);
    expect(await popup.getByTestId('ticket-market-status').count()).toBe(0);

    await simControl(e2e, 'status', { system: 'maintenance' });
    try {
      await expect
        .poll(() => popup.getByTestId('system-status').innerText(), { timeout: 10_000 })
        .toMatch(
          /^Kraken is in maintenance: no new orders \(nor cancels\) until it ends\. Since \d\d:\d\d:\d\d\.$/,
        );
      expect(await popup.getByTestId('ticket-side-buy').isDisabled()).toBe(true);
    } finally {
      await simControl(e2e, 'status', { system: 'online' });
    }
    await expect.poll(() => popup.getByTestId('system-status').count(), { timeout: 10_000 }).toBe(0);
  }, 60_000);

  it('the preview shows the account’s maker/taker, and follows a change of the account’s tier', async () => {
    const limit = ((await btcPrice(popup)) * 0.5).toFixed(1);
    await preview(popup, { side: 'buy', type: 'limit', limit });
    expect(await popup.getByTestId('preview-fees').innerText()).toBe('0.25% maker / 0.40% taker');
    await popup.keyboard.press('Escape');
    await simControl(e2e, 'accounts/volume', { volume: '60000' }); // 0.14 % / 0.24 % from 50,000 USD
    // The ticket asks for the account's fees again when it opens a pair (at most every 15 s).
    await waitUntil(
      async () => {
        await popup.getByTestId('ticket-pair').selectOption('ETH/USD');
        await popup.getByTestId('ticket-pair').selectOption('BTC/USD');
        await new Promise((r) => setTimeout(r, 1_000));
        return (await popup.getByTestId('ticket-fees').innerText()).includes('0.14% maker');
      },
      30_000,
      'the new tier',
    );
    await expect(popup.getByTestId('fees-volume').innerText()).resolves.toContain('30-day volume 60,');
    await preview(popup, { side: 'buy', type: 'limit', limit });
    expect(await popup.getByTestId('preview-fees').innerText()).toBe('0.14% maker / 0.24% taker');
    await expect(popup.getByTestId('ticket-preview').innerText()).resolves.toContain('Fee 0.24% taker');
    await popup.getByTestId('ticket-preview').screenshot({ path: 'artifacts/trade-pro-preview-tier.png' });
    await popup.keyboard.press('Escape');
  }, 60_000);

  it('with the private socket down, an order goes over REST and is placed once, even when its answer is lost', async () => {
    const limit = ((await btcPrice(popup)) * 0.5).toFixed(1);
    // The private socket is dropped and kept down (no token for it).
    await simControl(e2e, 'faults', {
      serviceError: { error: 'EService:Unavailable', count: 1000, methods: ['GetWebSocketsToken'] },
    });
    await simControl(e2e, 'ws/drop');
    await expect
      .poll(() => popup.getByTestId('live-status').getAttribute('data-kind'), { timeout: 15_000 })
      .not.toBe('ready');
    await preview(popup, { side: 'buy', type: 'limit', limit });
    await expect(popup.getByTestId('ticket-via-rest').innerText()).resolves.toContain('orders go over REST');
    // Kraken's answer to the REST AddOrder is lost once (the order is placed, the answer never arrives).
    await simControl(e2e, 'faults', {
      serviceError: { error: 'EService:Unavailable', count: 1000, methods: ['GetWebSocketsToken'] },
      dropOrderResponses: { count: 1, methods: ['AddOrder'] },
    });
    const sent = () => log.times('/0/private/AddOrder', { method: 'POST' });
    const sentBefore = sent().length;
    await popup.getByTestId('ticket-confirm').click();
    // The lost answer makes it unknown until Kraken's deadline has passed and the order is looked up.
    await expect.poll(() => result(popup), { timeout: 30_000 }).toMatch(/^placed: /);
    const txid = /order (\S+)$/.exec(await popup.getByTestId('ticket-result').innerText())?.[1] ?? '';
    const open = (await kraken.openOrders()).open;
    const same = Object.entries(open).filter(([, o]) => o.descr.price === limit && o.vol === '0.00010000');
    expect(same.map(([id]) => id)).toEqual([txid]);
    // It went over REST (the socket has no token to send it with), and Kraken has it once: the lost answer was
    // looked up by cl_ord_id before anything was sent again.
    expect(sent().length).toBeGreaterThan(sentBefore);
    await simControl(e2e, 'faults/clear');
    await kraken.cancelOrder({ txid });
  }, 60_000);
});
