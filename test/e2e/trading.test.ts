// Trading from the popup in the production build against the simulator: paper mode without a key, then
// live mode with the simulator's trading key (orders over REST, open orders and fills from `executions`).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest, type KrakenRest } from '../../lib/kraken/index.ts';
import { extensionUrl } from '../../scripts/lib/browser.ts';
import {
  type E2E,
  lastPrice,
  notificationIds,
  observerKey,
  openPopup,
  parsePrice,
  setup,
  simControl,
  stopWorker,
  teardown,
  waitUntil,
} from './harness.ts';

const PASS = 'e2e trading passphrase';

const orderRows = (popup: Page) => popup.getByTestId('order-row');
/** "46000.0" as the popup shows it: "46,000.0". */
const shown = (price: string) => price.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ordersAt = (popup: Page, price: string) => orderRows(popup).filter({ hasText: shown(price) });
const fillRows = (popup: Page) => popup.getByTestId('fill-row');

async function balance(popup: Page, asset: string): Promise<string | null> {
  const row = popup.locator(`[data-testid="balance-row"][data-asset="${asset}"]`);
  return (await row.count()) ? row.innerText() : null;
}

/** Fills the ticket and goes to the preview (Enter), returning once the preview shows. */
async function ticket(
  popup: Page,
  o: {
    symbol: string;
    side: 'buy' | 'sell';
    type: 'market' | 'limit';
    amount: string;
    limit?: string;
  },
): Promise<void> {
  await popup.getByTestId('ticket-pair').selectOption(o.symbol);
  await popup.getByTestId(`ticket-side-${o.side}`).click();
  await popup.getByTestId('ticket-type').selectOption(o.type);
  await popup.getByTestId('ticket-amount').fill(o.amount);
  if (o.limit !== undefined) await popup.getByTestId('ticket-limit').fill(o.limit);
}

/**
 * A limit buy of 0.001 BTC/USD at `fraction` of the last price (it rests), previewed: Kraken's check (AddOrder
 * validate=true) has accepted it, so a fault armed next hits the placement itself. Returns the limit typed.
 */
async function previewRestingBuy(popup: Page, fraction: number): Promise<string> {
  const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
  const limit = Math.floor(now * fraction).toFixed(1);
  await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'limit', amount: '0.001', limit });
  await popup.getByTestId('ticket-amount').press('Enter');
  await expect.poll(() => popup.getByTestId('ticket-kraken').getAttribute('data-state')).toBe('accepted');
  return limit;
}

async function openTrade(popup: Page): Promise<void> {
  await popup.getByTestId('tab-trade').click(); // waits for the popup's first render
  await popup.getByTestId('ticket').waitFor();
}

describe('trading from the popup (production build, simulator)', () => {
  let e2e: E2E;
  let popup: Page;
  let rest: KrakenRest;

  beforeAll(async () => {
    e2e = await setup();
    if (!e2e.sim.apiKey || !e2e.sim.apiSecret) throw new Error('the simulator printed no API key');
    // The test's own key on the same account: sharing the extension's would race it for nonces and the
    // REST counter, as two apps on one key do on Kraken.
    rest = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: await observerKey(e2e, 'main') });
    popup = await openPopup(e2e.ext);
    await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
  });
  afterAll(async () => teardown(e2e));

  describe('paper mode, without a key', () => {
    it('says it is paper trading (the mode bar is in the Trade tab)', async () => {
      await openTrade(popup);
      await expect(popup.getByTestId('trading-mode').innerText()).resolves.toBe('Paper');
    });

    it('a market buy fills against the live book: balances move, a fill is listed and notified', async () => {
      await openTrade(popup);
      const usdBefore = await balance(popup, 'USD');
      expect(usdBefore).toContain('10,000');
      const before = new Set(await notificationIds(e2e));
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'market', amount: '0.01' });
      await popup.getByTestId('ticket-amount').press('Enter');
      await popup.getByTestId('ticket-preview').waitFor();
      await expect(popup.getByTestId('ticket-preview').innerText()).resolves.toMatch(/fee/i);
      await popup.getByTestId('ticket-confirm').click();
      await expect
        .poll(() => popup.getByTestId('ticket-result').innerText(), { timeout: 10_000 })
        .toMatch(/^Placed: /);
      await expect.poll(() => balance(popup, 'BTC'), { timeout: 10_000 }).toContain('0.01');
      await expect.poll(() => balance(popup, 'USD')).not.toBe(usdBefore);
      await expect.poll(() => fillRows(popup).count()).toBeGreaterThanOrEqual(1);
      await expect
        .poll(async () =>
          (await notificationIds(e2e)).filter((id) => !before.has(id) && id.startsWith('fill:')),
        )
        .not.toHaveLength(0);
    });

    it('a limit order far below the market rests, holds funds, then cancels', async () => {
      const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
      const limit = Math.floor(now * 0.5).toFixed(1);
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'limit', amount: '0.01', limit });
      await popup.getByTestId('ticket-amount').press('Enter');
      await popup.getByTestId('ticket-confirm').click();
      await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(1);
      await expect(orderRows(popup).first().innerText()).resolves.toContain(shown(limit));
      await orderRows(popup).first().getByTestId('order-cancel').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(0);
    });

    it('after the worker restarts under an open popup, the ticket watches its pair again', async () => {
      const fillsBefore = await fillRows(popup).count();
      await stopWorker(e2e.ext); // the popup's stream reconnects and wakes a new worker
      await expect
        .poll(() => popup.getByTestId('status').getAttribute('data-state'), { timeout: 10_000 })
        .toBe('live');
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'market', amount: '0.001' });
      await popup.getByTestId('ticket-amount').press('Enter');
      await popup.getByTestId('ticket-confirm').click();
      // A paper market order needs the live book: only there if the new worker was asked to watch it again.
      await expect
        .poll(() => popup.getByTestId('ticket-result').innerText(), { timeout: 10_000 })
        .toBe('Placed: buy 0.001 BTC/USD market');
      await expect.poll(() => fillRows(popup).count()).toBeGreaterThan(fillsBefore);
    });

    it('works from the keyboard alone: Enter previews, Esc backs out, Enter confirms', async () => {
      const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      await ticket(popup, { symbol: 'BTC/USD', side: 'sell', type: 'market', amount: '0.001' });
      await popup.keyboard.press('Enter');
      await popup.getByTestId('ticket-preview').waitFor();
      await expect.poll(focused).toBe('ticket-confirm'); // the preview takes the focus
      await popup.keyboard.press('Escape');
      await expect.poll(() => popup.getByTestId('ticket-preview').count()).toBe(0);
      await popup.getByTestId('ticket-amount').focus();
      await popup.keyboard.press('Enter');
      await popup.getByTestId('ticket-preview').waitFor();
      await expect.poll(focused).toBe('ticket-confirm'); // Enter now sends
      await popup.keyboard.press('Enter');
      await expect
        .poll(() => popup.getByTestId('ticket-result').innerText(), { timeout: 10_000 })
        .toBe('Placed: sell 0.001 BTC/USD market');
    });

    it('an amount below the pair minimum shows the exact rule broken and sends nothing', async () => {
      const fillsBefore = await fillRows(popup).count();
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'market', amount: '0.00000001' });
      await expect
        .poll(() => popup.getByTestId('ticket-error-amount').innerText())
        .toMatch(/^The smallest BTC\/USD order is [\d.]+ BTC\.$/);
      await popup.getByTestId('ticket-amount').press('Enter');
      expect(await popup.getByTestId('ticket-confirm').count()).toBe(0);
      await new Promise((r) => setTimeout(r, 500));
      expect(await fillRows(popup).count()).toBe(fillsBefore);
      expect(await orderRows(popup).count()).toBe(0);
    });
  });

  it('a damaged paper account is set aside and reset, and the popup says so', async () => {
    await (await e2e.ext.worker()).evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('kraken-trader');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('paper', 'readwrite');
            tx.objectStore('paper').put({ version: 1, balances: 'lots of money' }, 'account');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await popup.close();
    await stopWorker(e2e.ext);
    popup = await openPopup(e2e.ext);
    await openTrade(popup);
    await expect
      .poll(() => popup.getByTestId('trading-notice').innerText(), { timeout: 10_000 })
      .toContain('Your paper account could not be read and was reset to 10,000 USD');
    await expect.poll(() => balance(popup, 'USD')).toContain('10,000');
    const kept = await (await e2e.ext.worker()).evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('kraken-trader');
          open.onsuccess = () => {
            const keys = open.result.transaction('paper').objectStore('paper').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
          };
        }),
    );
    expect(kept).toContainEqual(expect.stringMatching(/^account\.unreadable\.\d+$/));
  });

  it('the background re-checks the rules itself: a message the ticket would never send is refused', async () => {
    // Sent straight from the popup page, bypassing the ticket (as a compromised or buggy page might).
    const answer = await popup.evaluate(async () => {
      const rt = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      return rt.sendMessage({
        type: 'trading.place',
        clOrdId: crypto.randomUUID(),
        order: {
          symbol: 'BTC/USD',
          side: 'buy',
          type: 'limit',
          volume: '0.00000001',
          limitPrice: '1000.0',
          postOnly: false,
          timeInForce: 'GTC',
        },
      });
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { name: 'OrderRefused', message: expect.stringMatching(/^The smallest BTC\/USD order is/) },
    });
    expect(await orderRows(popup).count()).toBe(0);
  });

  describe('live mode, with the simulator’s key', () => {
    beforeAll(async () => {
      const page = await e2e.ext.context.newPage();
      await page.goto(extensionUrl(e2e.ext, 'options.html'));
      await page.getByTestId('key-label').fill('Simulator');
      await page.getByTestId('key-api-key').fill(e2e.sim.apiKey ?? '');
      await page.getByTestId('key-secret').fill(e2e.sim.apiSecret ?? '');
      await page.getByTestId('vault-passphrase').fill(PASS);
      await page.getByTestId('vault-passphrase-confirm').fill(PASS);
      await page.getByTestId('save-key').click();
      await waitUntil(
        async () =>
          (await page.getByTestId('key-check').innerText()) === 'Checked: can query funds and trade.',
        15_000,
        'the key check',
      );
      await page.close();
      await openTrade(popup);
      await popup.getByTestId('mode-live').click();
      await popup.getByTestId('mode-live-confirm').click(); // going live asks first
      await waitUntil(
        async () => (await popup.getByTestId('trading-mode').innerText()) === 'Live',
        5_000,
        'live mode',
      );
    });

    it('places a limit order, sees it in open orders via executions, and cancels it', async () => {
      await openTrade(popup);
      const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
      const limit = Math.floor(now * 0.5).toFixed(1);
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'limit', amount: '0.001', limit });
      await popup.getByTestId('ticket-amount').press('Enter');
      // Live previews also ask Kraken (validate=true).
      await expect.poll(() => popup.getByTestId('ticket-preview').innerText()).toMatch(/buy 0\.001/);
      await popup.getByTestId('ticket-confirm').click();
      await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(1);
      const id = await orderRows(popup).first().getAttribute('data-order-id');
      const open = await rest.openOrders();
      expect(Object.keys(open.open)).toEqual([id]);
      await orderRows(popup).first().getByTestId('order-cancel').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(0);
      expect(Object.keys((await rest.openOrders()).open)).toEqual([]);
    });

    it('places a stop-loss with its trigger price, shown in open orders, then cancels it', async () => {
      const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
      const trigger = Math.floor(now * 0.7).toFixed(1);
      await popup.getByTestId('ticket-pair').selectOption('BTC/USD');
      await popup.getByTestId('ticket-side-sell').click();
      await popup.getByTestId('ticket-type').selectOption('stop-loss');
      await popup.getByTestId('ticket-amount').fill('0.001');
      await popup.getByTestId('ticket-trigger').fill(trigger);
      await popup.getByTestId('ticket-amount').press('Enter');
      await expect.poll(() => popup.getByTestId('ticket-kraken').getAttribute('data-state')).toBe('accepted');
      await popup.getByTestId('ticket-confirm').click();
      await expect.poll(() => ordersAt(popup, trigger).count(), { timeout: 10_000 }).toBe(1);
      const open = Object.values((await rest.openOrders()).open);
      expect(open.map((o) => [o.descr.ordertype, o.descr.price])).toContainEqual(['stop-loss', trigger]);
      await ordersAt(popup, trigger).getByTestId('order-cancel').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => ordersAt(popup, trigger).count(), { timeout: 10_000 }).toBe(0);
    });

    it('a market order fills and the fill is notified', async () => {
      const before = new Set(await notificationIds(e2e));
      await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'market', amount: '0.001' });
      await popup.getByTestId('ticket-amount').press('Enter');
      await popup.getByTestId('ticket-confirm').click();
      await expect
        .poll(
          async () => (await notificationIds(e2e)).filter((id) => !before.has(id) && id.startsWith('fill:')),
          {
            timeout: 10_000,
          },
        )
        .not.toHaveLength(0);
      await expect.poll(() => fillRows(popup).count()).toBeGreaterThanOrEqual(1);
    });

    it('with the answer dropped after execution, and a double click, exactly one order exists', async () => {
      const limit = await previewRestingBuy(popup, 0.6);
      await simControl(e2e, 'faults', {
        dropOrderResponses: { count: 1, methods: ['AddOrder', 'add_order'] },
      });
      try {
        await popup.getByTestId('ticket-confirm').dblclick();
        await expect
          .poll(() => popup.getByTestId('ticket-result').innerText(), { timeout: 20_000 })
          .toMatch(new RegExp(`^Placed: buy 0\\.001 BTC/USD limit at ${shown(limit)} · order O[A-Z0-9-]+$`));
      } finally {
        await simControl(e2e, 'faults/clear');
      }
      // The answer was lost with the socket: the order was found by its cl_ord_id, in Kraken's executions
      // snapshot once the socket was back or by a lookup after its 5 s deadline, whichever came first.
      const open = Object.values((await rest.openOrders()).open);
      expect(open.filter((o) => o.descr.price === limit)).toHaveLength(1);
      await expect.poll(() => ordersAt(popup, limit).count(), { timeout: 10_000 }).toBe(1);
      await popup.getByTestId('orders-cancel-all').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(0);
    }, 60_000);

    it('an answer lost while Kraken’s lookups fail: shown placed from Kraken’s executions feed, with its id', async () => {
      const limit = await previewRestingBuy(popup, 0.55);
      // The connection dies at once and the order reaches Kraken's engine 1.5 s later; OpenOrders, ClosedOrders
      // and QueryOrders fail for 30 s. Only the executions feed, once the socket is back, can say it was placed.
      await simControl(e2e, 'faults', {
        lateExecution: { ms: 1_500 },
        failLookups: { ms: 30_000, error: 'EService:Unavailable' },
      });
      let id = '';
      try {
        await popup.getByTestId('ticket-confirm').click();
        await expect
          .poll(() => popup.getByTestId('ticket-result').innerText(), { timeout: 15_000 })
          .toMatch(/^Placed: buy 0\.001 BTC\/USD limit at .* · order O[A-Z0-9-]+$/);
        id = /order (O[A-Z0-9-]+)$/.exec(await popup.getByTestId('ticket-result').innerText())?.[1] ?? '';
        expect(await popup.getByTestId('intents').count()).toBe(0); // nothing left "to check"
      } finally {
        await simControl(e2e, 'faults/clear');
      }
      const open = Object.entries((await rest.openOrders()).open).filter(([, o]) => o.descr.price === limit);
      expect(open.map(([txid]) => txid)).toEqual([id]);
      await ordersAt(popup, limit).getByTestId('order-cancel').click();
      await popup.getByTestId('confirm-yes').click();
      await expect.poll(() => ordersAt(popup, limit).count(), { timeout: 10_000 }).toBe(0);
    }, 60_000);

    it('closing the popup mid-send, or the worker restarting mid-send, never doubles an order', async () => {
      const now = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
      const openAt = async (price: string) =>
        Object.values((await rest.openOrders()).open).filter((o) => o.descr.price === price).length;
      for (const [i, interrupt] of ['close the popup', 'stop the worker'].entries()) {
        const limit = Math.floor(now * (0.55 + i / 100)).toFixed(1);
        await ticket(popup, { symbol: 'BTC/USD', side: 'buy', type: 'limit', amount: '0.001', limit });
        await popup.getByTestId('ticket-amount').press('Enter');
        await expect
          .poll(() => popup.getByTestId('ticket-kraken').getAttribute('data-state'))
          .toBe('accepted');
        await simControl(e2e, 'faults', {
          dropOrderResponses: { count: 1, methods: ['AddOrder', 'add_order'] },
        });
        await popup.getByTestId('ticket-confirm').click();
        await new Promise((r) => setTimeout(r, 300)); // sent; its answer is lost
        await popup.close();
        if (interrupt === 'stop the worker') await stopWorker(e2e.ext);
        await simControl(e2e, 'faults/clear');
        popup = await openPopup(e2e.ext); // wakes the worker: the intent is reconciled, never resent blindly
        await openTrade(popup);
        await expect.poll(() => ordersAt(popup, limit).count(), { timeout: 15_000 }).toBe(1);
        await new Promise((r) => setTimeout(r, 3_000));
        expect(await openAt(limit), interrupt).toBe(1);
        await popup.getByTestId('orders-cancel-all').click();
        await popup.getByTestId('confirm-yes').click();
        await expect.poll(() => orderRows(popup).count(), { timeout: 10_000 }).toBe(0);
      }
    }, 90_000);

    it("the dead man's switch arms while on and disarms when the vault locks", async () => {
      const armed = async () => {
        const res = await fetch(`${e2e.sim.rest}/_sim/dead-man`, { method: 'POST' });
        return ((await res.json()) as { armed: boolean }).armed;
      };
      expect(await armed()).toBe(false);
      await popup.getByTestId('dead-man').click();
      // Arming waits its turn in the REST counter's pacing ("arming…" meanwhile).
      await expect
        .poll(() => popup.getByTestId('dead-man').innerText(), { timeout: 15_000 })
        .toMatch(/: armed/i);
      expect(await armed()).toBe(true);
      const page = await e2e.ext.context.newPage();
      await page.goto(extensionUrl(e2e.ext, 'options.html'));
      await page.getByTestId('lock-now').click();
      await page.close();
      await expect.poll(() => popup.getByTestId('live-status').innerText()).toMatch(/unlock/i);
      // The disarm is a REST call that waits its turn in the rate counter.
      await expect.poll(armed, { timeout: 10_000 }).toBe(false);
    });
  });
});
