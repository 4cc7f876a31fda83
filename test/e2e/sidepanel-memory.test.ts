// The side panel stays open beside the market for hours: its heap must not grow with the updates it draws.
// Production build, simulator stepping every 25 ms (10× its default), the JS heap read over CDP after a forced
// GC. The depth ladder once leaked every render's tree through its memo wrapper (lib/ui/pure.ts): ~2.3 MB/s
// here. The bench row `sidepanel-heap` runs the long version (60 s); this is the check that fails a change.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl } from '../../scripts/lib/browser.ts';
import { type E2E, setup, teardown } from './harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the side panel’s memory under a fast market (production build, simulator)', () => {
  let e2e: E2E;
  let panel: Page;

  beforeAll(async () => {
    e2e = await setup(['--step-ms', '25']);
    panel = await e2e.ext.context.newPage();
    await panel.goto(extensionUrl(e2e.ext, 'sidepanel.html'));
    await panel.locator('[data-testid="chart"][data-candles="720"]').waitFor({ timeout: 30_000 });
    await panel.locator('[data-testid="ladder-row"]').first().waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(() => teardown(e2e));

  it('the heap stays flat while the book, the ticks and the candles move for 12 s', async () => {
    const cdp = await e2e.ext.context.newCDPSession(panel);
    const heapMB = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    };
    await sleep(3_000); // the page's steady contents (720 candles, the book) are in
    const first = await heapMB();
    const rowsBefore = await panel.locator('[data-testid="ladder-row"]').first().getAttribute('data-price');
    await sleep(12_000);
    const last = await heapMB();
    const rowsAfter = await panel.locator('[data-testid="ladder-row"]').first().getAttribute('data-price');
    console.log(`[side panel heap] ${first.toFixed(2)} MB → ${last.toFixed(2)} MB over 12 s`);
    // The market did move meanwhile (otherwise a flat heap would prove nothing).
    expect(rowsAfter).not.toBe(rowsBefore);
    expect(last - first).toBeLessThan(5);
  }, 60_000);
});
