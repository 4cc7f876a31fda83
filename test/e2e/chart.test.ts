// Seeing the market, in the production build against the simulator: sparklines in the popup's rows, the chart
// loaded only when shown, and the side panel (opened as a tab: Chrome opens the real panel only from a click)
// with live candles for the starred pair, the depth ladder, and a live order whose line is dragged to amend it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest, type KrakenRest } from '../../lib/kraken/index.ts';
import { extensionUrl } from '../../scripts/lib/browser.ts';
import {
  addKey,
  type E2E,
  goLive,
  lastPrice,
  observerKey,
  parsePrice,
  setup,
  simControl,
  teardown,
  waitUntil,
} from './harness.ts';

const PASS = 'e2e chart passphrase';
const chart = (page: Page) => page.getByTestId('chart');
const readout = async (page: Page) => (await page.getByTestId('chart-readout').innerText()).trim();
/** "97,166.2" → the number, from the readout's close ("C 97,166.2"). */
const closeIn = (text: string) => parsePrice(/ C ([\d,.]+)/.exec(text)?.[1] ?? 'NaN');

/** The y (page pixels) of a line drawn on the chart: where the pointer over the candles turns into ns-resize. */
async function lineY(page: Page, fromY?: number): Promise<number> {
  await chart(page).scrollIntoViewIfNeeded();
  const box = await chart(page).boundingBox();
  if (!box) throw new Error('no chart box');
  const x = box.x + 40;
  for (let y = fromY ?? box.y + 4; y < box.y + box.height - 30; y += 1) {
    await page.mouse.move(x, y);
    if ((await chart(page).evaluate((el) => el.style.cursor)) === 'ns-resize') return y + 1;
  }
  throw new Error('no draggable line on the chart');
}

async function drag(page: Page, y: number, dy: number): Promise<void> {
  await chart(page).scrollIntoViewIfNeeded();
  const box = await chart(page).boundingBox();
  if (!box) throw new Error('no chart box');
  const x = box.x + 40;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x, y + (dy * i) / 10);
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60); // off the chart: the readout shows the newest candle
}

describe('charts, sparklines and the side panel (production build, simulator)', () => {
  let e2e: E2E;
  let popup: Page;
  let panel: Page;
  let rest: KrakenRest;
  const errors: string[] = [];
  /** Every file the popup page fetched (Playwright sees extension pages' requests; resource timing does not). */
  const popupFetched: string[] = [];

  beforeAll(async () => {
    // A still market (no random steps): the only trades are the test's own, so a price it sets is the price the
    // forming candle and the book show until it sets another (with 250 ms steps, a poll under load saw the next
    // random trade instead).
    e2e = await setup(['--step-ms', '0']);
    rest = createKrakenRest({ baseUrl: e2e.sim.rest, credentials: await observerKey(e2e, 'main') });
    popup = await e2e.ext.context.newPage();
    popup.on('request', (r) => popupFetched.push(r.url().split('/').pop() ?? ''));
    await popup.goto(extensionUrl(e2e.ext, 'popup.html'));
    await waitUntil(async () => (await lastPrice(popup, 'BTC/USD')) !== null, 15_000, 'prices');
  });
  afterAll(async () => teardown(e2e));

  it('every watchlist row shows a 24 h sparkline, coloured by direction, with price and time on focus', async () => {
    const rows = popup.getByTestId('row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);
    await expect
      .poll(async () => {
        const points = await popup
          .getByTestId('sparkline')
          .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-points'))));
        return points.length === count && points.every((n) => n >= 96);
      })
      .toBe(true);
    const dirs = await popup
      .getByTestId('sparkline')
      .evaluateAll((els) => els.map((el) => el.dataset.direction));
    expect(dirs.every((d) => d === 'up' || d === 'down')).toBe(true);
    // The row's box does not change size when the line arrives (a placeholder of the same size before).
    const spark = popup.locator('[data-testid="row"][data-symbol="BTC/USD"] [data-testid="sparkline"]');
    expect(await spark.boundingBox()).toMatchObject({ width: 64, height: 22 });
    await spark.focus();
    // The newest point is the live price; ← steps back to the history (times in the person's locale).
    const tip = () => popup.getByTestId('spark-tip').innerText();
    await expect.poll(tip).toMatch(/^[\d,.]+ · \d{1,2}:\d\d/);
    const newest = await tip();
    await spark.press('ArrowLeft');
    await spark.press('ArrowLeft');
    await expect.poll(tip).not.toBe(newest);
    await expect(tip()).resolves.toMatch(/^[\d,.]+ · \d{1,2}:\d\d/);
  });

  it('the popup loads the chart code only when a chart is shown', async () => {
    const chartChunk = () => popupFetched.filter((n) => n.startsWith('ChartPanel') && n.endsWith('.js'));
    expect(popupFetched.some((n) => n.startsWith('popup') && n.endsWith('.js'))).toBe(true);
    expect(chartChunk()).toEqual([]);
    await popup.locator('[data-testid="row"][data-symbol="ETH/USD"] [data-testid="sparkline"]').click();
    await expect
      .poll(() => popup.getByTestId('chart').getAttribute('data-candles'), { timeout: 15_000 })
      .toBe('720');
    expect(chartChunk()).toHaveLength(1);
    await expect(popup.getByTestId('chart-panel').getAttribute('data-symbol')).resolves.toBe('ETH/USD');
  });

  it('the side panel shows 720 candles of the starred pair and follows the star', async () => {
    panel = await e2e.ext.context.newPage();
    panel.on('pageerror', (e) => errors.push(e.message));
    panel.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(extensionUrl(e2e.ext, 'sidepanel.html'));
    await expect.poll(() => chart(panel).getAttribute('data-candles'), { timeout: 15_000 }).toBe('720');
    await expect(panel.getByTestId('chart-panel').getAttribute('data-symbol')).resolves.toBe('BTC/USD');
    // Kraken's 720-row limit is said where the history ends.
    await chart(panel).focus();
    await chart(panel).press('Home');
    await expect
      .poll(() => panel.getByTestId('chart-start').innerText())
      .toMatch(/Kraken serves the last 720 candles/);
    await chart(panel).press('0');
    // Star ETH/USD in the popup: the panel follows.
    await popup.locator('[data-testid="row"][data-symbol="ETH/USD"] button[aria-pressed]').click();
    await expect.poll(() => panel.getByTestId('chart-panel').getAttribute('data-symbol')).toBe('ETH/USD');
    await popup.locator('[data-testid="row"][data-symbol="BTC/USD"] button[aria-pressed]').click();
    await expect.poll(() => panel.getByTestId('chart-panel').getAttribute('data-symbol')).toBe('BTC/USD');
    await expect.poll(() => chart(panel).getAttribute('data-candles')).toBe('720');
  });

  it('the forming candle moves when the simulator trades', async () => {
    const before = await readout(panel);
    const hour = /^(.*?) · O /.exec(before)?.[1];
    const price = (Math.round(closeIn(before) * 10) / 10 + 37.3).toFixed(1);
    await simControl(e2e, 'market/price', { symbol: 'BTC/USD', price });
    await expect.poll(() => readout(panel).then(closeIn)).toBe(Number(price));
    // The same candle (this hour's), not a new one.
    expect((await readout(panel)).startsWith(`${hour} ·`)).toBe(true);
  });

  it('the keyboard moves a cursor through the candles, and the readout follows', async () => {
    await chart(panel).focus();
    await chart(panel).press('End');
    const newest = await readout(panel);
    await chart(panel).press('ArrowLeft');
    await expect.poll(() => readout(panel)).not.toBe(newest);
    await chart(panel).press('ArrowRight');
    await expect.poll(() => readout(panel).then((t) => t.split(' · ')[0])).toBe(newest.split(' · ')[0]);
    await chart(panel).press('0');
    await chart(panel).blur();
  });

  it('a level of the depth ladder fills the ticket’s limit price', async () => {
    const bid = panel.locator('[data-testid="ladder-row"][data-side="bid"]').first();
    await bid.waitFor({ timeout: 10_000 });
    // The book moves under the test: reading the level's price and clicking it in two steps let a
    // new frame re-render the row between them (CI saw the next tick's price). Read and click in one
    // turn of the page's event loop, so the price read is the price clicked.
    const price = await bid.evaluate((row) => {
      const button = row.querySelector('button');
      if (!(button instanceof HTMLButtonElement)) throw new Error('ladder row without a button');
      const read = row.getAttribute('data-price') ?? '';
      button.click();
      return read;
    });
    expect(price).toMatch(/^\d+(\.\d+)?$/);
    await expect.poll(() => panel.getByTestId('ticket-limit').inputValue()).toBe(price);
    await expect(panel.getByTestId('ticket-type').inputValue()).resolves.toBe('limit');
    await expect(panel.getByTestId('ladder-spread').innerText()).resolves.toMatch(/^Spread [\d.,]+ \(/);
  });

  it('an alert set from the price axis is drawn as a line; dragging the line moves the alert', async () => {
    const box = await chart(panel).boundingBox();
    if (!box) throw new Error('no chart box');
    // The price axis is the chart's right-hand strip; a click there offers that price.
    await panel.mouse.click(box.x + box.width - 20, box.y + 60);
    const level = (
      (await panel.getByTestId('pick-alert').innerText()).replace(/^Alert at /, '') ?? ''
    ).replace(/,/g, '');
    expect(Number(level)).toBeGreaterThan(0);
    await panel.getByTestId('pick-alert').click();
    await expect(panel.getByTestId('alert-level').inputValue()).resolves.toBe(level);
    await panel.getByTestId('alert-create').click();
    const line = panel.locator('[data-testid="chart-lines"] li[data-kind="alert"]');
    await expect.poll(() => line.getAttribute('data-price')).toBe(level);
    await drag(panel, await lineY(panel), 25);
    await expect.poll(() => panel.getByTestId('chart-note').innerText()).toMatch(/^Alert moved to [\d,.]+/);
    const moved = (/to ([\d,.]+)/.exec(await panel.getByTestId('chart-note').innerText())?.[1] ?? '').replace(
      /,/g,
      '',
    );
    expect(Number(moved)).toBeLessThan(Number(level));
    // The background has it: the popup's alert list shows the new level.
    await expect
      .poll(() => popup.getByTestId('alert-row').allInnerTexts())
      .toContainEqual(
        expect.stringMatching(new RegExp(`^BTC/USD (above|below) ${moved.replace('.', '\\.')}\\b`)),
      );
    await popup.getByRole('button', { name: /^Delete alert BTC\/USD/ }).click();
    await expect.poll(() => line.count()).toBe(0);
  });

  it('a live order placed from the side panel shows as a line; dragging it amends the order in place', async () => {
    await addKey(
      e2e.ext,
      { label: 'Simulator', apiKey: e2e.sim.apiKey ?? '', apiSecret: e2e.sim.apiSecret ?? '' },
      PASS,
    );
    await goLive(panel);
    const last = parsePrice((await lastPrice(popup, 'BTC/USD')) ?? '');
    const limit = (Math.round(last * 0.98 * 10) / 10).toFixed(1); // well below: the amended price stays below the market
    await panel.getByTestId('ticket-side-buy').click();
    await panel.getByTestId('ticket-type').selectOption('limit');
    await panel.getByTestId('ticket-amount').fill('0.001');
    await panel.getByTestId('ticket-limit').fill(limit);
    await panel.getByTestId('ticket-amount').press('Enter');
    await expect.poll(() => panel.getByTestId('ticket-kraken').getAttribute('data-state')).toBe('accepted');
    await panel.getByTestId('ticket-confirm').click();
    const row = panel.getByTestId('order-row');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const id = (await row.first().getAttribute('data-order-id')) ?? '';
    const line = panel.locator(`[data-testid="chart-lines"] li[data-kind="order"][data-id="${id}"]`);
    await expect.poll(() => line.getAttribute('data-price')).toBe(limit);

    await drag(panel, await lineY(panel), -15);
    // Nothing is sent before the confirmation.
    const confirm = panel.getByTestId('amend-confirm');
    await confirm.waitFor();
    const target = ((await confirm.locator('b').innerText()) ?? '').replace(/,/g, '');
    expect(Number(target)).toBeGreaterThan(Number(limit));
    expect(Object.values((await rest.openOrders()).open).map((o) => o.descr.price)).toEqual([limit]);
    await panel.getByTestId('amend-confirm-yes').click();
    await expect.poll(() => panel.getByTestId('chart-note').innerText()).toMatch(/^Order amended to/);
    // The simulator has the new price under the same order id.
    await expect
      .poll(async () => {
        const open = (await rest.openOrders()).open;
        return Object.entries(open).map(([txid, o]) => [txid, o.descr.price]);
      })
      .toEqual([[id, target]]);
    await expect.poll(() => line.getAttribute('data-price')).toBe(target);
    await expect(row.first().getAttribute('data-order-id')).resolves.toBe(id);

    // Dragged and then kept: nothing changes.
    await drag(panel, await lineY(panel), 20);
    await panel.getByTestId('amend-confirm-no').click();
    await expect.poll(() => line.getAttribute('data-price')).toBe(target);
    expect(Object.values((await rest.openOrders()).open).map((o) => o.descr.price)).toEqual([target]);
  });

  it('ran under the extension’s CSP without an error (no eval in the chart library)', () => {
    expect(errors).toEqual([]);
  });
});
