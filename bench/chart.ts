// Chart and side panel benchmarks (issue 18; DESIGN.md §7), on the production build in Chromium against the
// simulator: the side panel page's first paint of 720 candles, its frame cost while ticks arrive and the view
// pans, the JS the popup and the side panel load at open, and the side panel's heap under a fast market.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  type ExtensionBrowser,
  extensionUrl,
  launchWithExtension,
  pointAtSimulator,
} from '../scripts/lib/browser.ts';
import { ensureChromium } from '../scripts/lib/chromium.ts';
import { startSimProcess } from '../scripts/lib/sim-process.ts';

const SYMBOL = 'BTC/USD';
const DRAWN = '[data-testid="chart"][data-candles="720"]';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChartFigures {
  /** p50s of DOMContentLoaded and of the candles' arrival beside the drawn one: where the time goes. */
  firstPaint: { p50: number; p95: number; samples: number; dclP50: number; seriesP50: number };
  frame: { p99: number; p50: number; frames: number; ticks: number; over16: number };
  popupJs: { bytes: number; files: string[]; chartLoaded: boolean };
  sidepanelJs: { bytes: number; files: string[] };
  heap: { mb: number[]; firstMB: number; lastMB: number; growthPct: number; seconds: number; stepMs: number };
}

/** The JS files a page fetches from the extension until `ready` resolves, with their size in the build. */
async function jsLoaded(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  const files = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'chrome-extension:' && u.pathname.endsWith('.js')) files.add(u.pathname.slice(1));
  });
  try {
    await page.goto(url);
    await ready(page);
    await sleep(500); // anything fetched right after showing (a late chunk) counts too
    const list = [...files].sort();
    return { files: list, bytes: list.reduce((sum, f) => sum + statSync(resolve(EXTENSION_DIR, f)).size, 0) };
  } finally {
    await page.close();
  }
}

/** The page's own marks (ms since its navigation start): DOMContentLoaded, candles received, candles drawn. */
const MARKS = `(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const nav = performance.getEntriesByType('navigation')[0];
  return { dcl: nav ? nav.domContentLoadedEventEnd : NaN, series: at('chart-series'), drawn: at('chart-drawn') };
})()`;

/** ms from the side panel page's navigation start to its `chart-drawn` mark (720 candles drawn, a frame later). */
async function firstPaint(context: BrowserContext, url: string, opens: number) {
  const once = async () => {
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.locator(DRAWN).waitFor({ timeout: 20_000 });
      return (await page.evaluate(MARKS)) as { dcl: number; series: number; drawn: number };
    } finally {
      await page.close();
    }
  };
  await once(); // warm-up: the worker's first chart, the pair list
  const runs: { dcl: number; series: number; drawn: number }[] = [];
  for (let i = 0; i < opens; i++) runs.push(await once());
  const p50 = (key: 'dcl' | 'series' | 'drawn') =>
    round1(
      percentile(
        runs.map((r) => r[key]),
        50,
      ),
    );
  const ms = runs.map((r) => r.drawn);
  return {
    p50: round1(percentile(ms, 50)),
    p95: round1(percentile(ms, 95)),
    samples: ms.length,
    dclP50: p50('dcl'),
    seriesP50: p50('series'),
  };
}

/** What the frame probe leaves in the page. */
interface FrameGlobals {
  __frames?: number[];
  __stopFrames?: boolean;
}

/**
 * Per frame, the main thread's time from the frame's first requestAnimationFrame callback (ours, registered
 * one frame ahead, so it runs before the chart's) to a task posted from it, which runs once the frame's
 * rendering (the chart's canvas drawing in its own rAF callback, style, layout, paint) is done. Source text:
 * evaluated as written (a bundled function would carry the loader's helpers, which the page does not have).
 */
const PROBE_FRAMES = `(() => {
  const frames = [];
  globalThis.__frames = frames;
  globalThis.__stopFrames = false;
  const channel = new MessageChannel();
  let start = 0;
  channel.port1.onmessage = () => frames.push(performance.now() - start);
  const tick = () => {
    if (globalThis.__stopFrames) return;
    start = performance.now();
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function frames(context: BrowserContext, url: string, rest: string, seconds: number) {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(url);
    await page.locator(DRAWN).waitFor({ timeout: 20_000 });
    const box = await page.getByTestId('chart').boundingBox();
    if (!box) throw new Error('no chart');
    const readout = (await page.getByTestId('chart-readout').textContent()) ?? '';
    const last = Number((/ C ([\d,.]+)/.exec(readout)?.[1] ?? '').replace(/,/g, ''));
    await page.evaluate(PROBE_FRAMES);
    const until = Date.now() + seconds * 1000;
    // 20 trades a second on the chart's pair, each a tick, a book change and a new forming candle.
    let ticks = 0;
    const trading = (async () => {
      while (Date.now() < until) {
        const price = (last + ((ticks % 40) - 20) * 3.1).toFixed(1);
        ticks++;
        void fetch(`${rest}/_sim/market/price`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ symbol: SYMBOL, price }),
        }).catch(() => {});
        await sleep(50);
      }
    })();
    // Meanwhile the view pans: the mouse drags the candles left and right, a few pixels a frame.
    const y = box.y + box.height / 2;
    let x = box.x + box.width / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; Date.now() < until; i++) {
      x += Math.floor(i / 60) % 2 === 0 ? 4 : -4;
      await page.mouse.move(x, y);
      await sleep(16);
    }
    await page.mouse.up();
    await trading;
    const list = await page.evaluate(() => {
      const g = globalThis as unknown as FrameGlobals;
      g.__stopFrames = true;
      return g.__frames ?? [];
    });
    return {
      p99: round1(percentile(list, 99)),
      p50: round1(percentile(list, 50)),
      frames: list.length,
      ticks,
      over16: list.filter((ms) => ms > 16).length,
    };
  } finally {
    await page.close();
  }
}

/** The side panel's JS heap (CDP Runtime.getHeapUsage after a forced GC) every 10 s while the market runs. */
async function heap(ext: ExtensionBrowser, url: string, seconds: number, stepMs: number) {
  const page = await ext.context.newPage();
  try {
    await page.goto(url);
    await page.locator(DRAWN).waitFor({ timeout: 20_000 });
    const cdp = await ext.context.newCDPSession(page);
    const sample = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return Math.round((usedSize / 1024 / 1024) * 100) / 100;
    };
    const mb: number[] = [await sample()];
    for (let t = 10; t <= seconds; t += 10) {
      await sleep(10_000);
      mb.push(await sample());
    }
    const firstMB = mb[1] ?? mb[0] ?? Number.NaN; // after 10 s: the page's steady contents are in
    const lastMB = mb.at(-1) ?? Number.NaN;
    return { mb, firstMB, lastMB, growthPct: round1(((lastMB - firstMB) / firstMB) * 100), seconds, stepMs };
  } finally {
    await page.close();
  }
}

export async function chartBench({
  opens = 10,
  frameSeconds = 8,
  heapSeconds = 60,
} = {}): Promise<ChartFigures> {
  // A still market for the paint, JS and frame rows: the only trades are the benchmark's own.
  const still = await startSimProcess(['--port', '0', '--step-ms', '0']);
  // The heap row: the simulator's market steps 10× as often as its default (25 ms instead of 250 ms), so 60 s
  // carry the updates of 10 minutes.
  const stepMs = 25;
  const fast = await startSimProcess(['--port', '0', '--step-ms', String(stepMs)]);
  let ext: ExtensionBrowser | undefined;
  try {
    ext = await launchWithExtension({ executablePath: ensureChromium(), headless: true });
    await pointAtSimulator(ext, still.rest);
    const popupUrl = extensionUrl(ext, 'popup.html');
    const panelUrl = extensionUrl(ext, 'sidepanel.html');
    await firstPaint(ext.context, panelUrl, 0);
    const popupJs = await jsLoaded(ext.context, popupUrl, (p) =>
      p.locator('[data-testid="row"] [data-testid="last"]').first().waitFor({ timeout: 20_000 }),
    );
    const sidepanelJs = await jsLoaded(ext.context, panelUrl, (p) =>
      p.locator(DRAWN).waitFor({ timeout: 20_000 }),
    );
    const paint = await firstPaint(ext.context, panelUrl, opens);
    const frame = await frames(ext.context, panelUrl, still.rest, frameSeconds);
    await pointAtSimulator(ext, fast.rest);
    const heapFigures = await heap(ext, panelUrl, heapSeconds, stepMs);
    return {
      firstPaint: paint,
      frame,
      popupJs: { ...popupJs, chartLoaded: popupJs.files.some((f) => f.includes('ChartPanel')) },
      sidepanelJs,
      heap: heapFigures,
    };
  } finally {
    await ext?.close();
    await still.stop();
    await fast.stop();
  }
}
