// `npm run bench`: measures, side by side in one run, and writes bench/results.json + prints a table.
// `npm run bench -- --only order-ack,popup-open`: only the measurements that make those rows (the build always
// runs); their rows replace the same rows of an existing bench/results.json and the other rows stay.
// Budgets: DESIGN.md §7. Benchmarks measure; tests assert behaviour.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, parseIncoming } from '../lib/kraken/index.ts';
import { alertEvalPerTick, alertLatency } from './alerts.ts';
import { bookPipeline } from './book-pipeline.ts';
import { chartBench } from './chart.ts';
import { fuzz } from './fuzz.ts';
import { orderAck } from './order-ack.ts';
import { orderChaos } from './order-chaos.ts';
import { popupBench } from './popup.ts';
import { restPacing } from './rest-pacing.ts';
import { parseOnly, type Row, type RowId, writeResults } from './rows.ts';

const ROOT = resolve(import.meta.dirname, '..');

function jsBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) total += jsBytes(path);
    else if (name.endsWith('.js')) total += statSync(path).size;
  }
  return total;
}

/** Operations per second of `fn` over `ms` of wall time, best of three rounds (machines here are shared). */
function opsPerSecond(fn: (i: number) => void, ms = 400): number {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let k = 0; k < 500; k++) fn(n++);
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (n / elapsed) * 1000);
  }
  return Math.round(best);
}

const only = parseOnly(process.argv.slice(2));
/** Whether any of a measurement's rows was asked for (all are, without --only). */
const wanted = (...ids: RowId[]) => only === undefined || ids.some((id) => only.has(id));

const rows: Row[] = [];

const build = spawnSync(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'ignore' });
if (build.status !== 0) throw new Error('wxt build failed');
// ccxt ships one minified browser bundle (every exchange in it); it is what a page would load to use ccxt.
const CCXT_BROWSER_BUNDLE = 'node_modules/ccxt/dist/ccxt.browser.min.js';
if (wanted('bundle-js'))
  rows.push({
    id: 'bundle-js',
    unit: 'bytes',
    ours: jsBytes(resolve(ROOT, '.output/chrome-mv3')),
    ccxt: statSync(resolve(ROOT, CCXT_BROWSER_BUNDLE)).size,
    // No budget: the total counts code no page loads together (the chart chunk, the background, the options
    // page). What a person waits for is budgeted per page: popup-js, chart-first-paint (docs/design.md §7).
    note: `every .js file of the production Chrome build (wxt build, minified), reported; budgets are per page (popup-js). ccxt: ${CCXT_BROWSER_BUNDLE}`,
  });

// A ticker frame shaped like Kraken's documented example, varied so nothing is cached.
const frames = Array.from({ length: 1000 }, (_, i) =>
  JSON.stringify({
    channel: 'ticker',
    type: 'update',
    data: [
      {
        symbol: 'BTC/USD',
        bid: 97000.1 + i / 10,
        bid_qty: 0.5,
        ask: 97000.2 + i / 10,
        ask_qty: 1.25,
        last: 97000.1 + i / 10,
        volume: 1234.5678,
        vwap: 96000.3,
        low: 95000,
        high: 98000,
        change: 100.5,
        change_pct: 0.1,
      },
    ],
  }),
);
if (wanted('ws-ticker-parse'))
  rows.push({
    id: 'ws-ticker-parse',
    unit: 'msg/s',
    ours: opsPerSecond((i) => parseIncoming(frames[i % frames.length] as string)),
    floor: opsPerSecond((i) => JSON.parse(frames[i % frames.length] as string)),
    note: 'classify + validate one ticker frame (floor: bare JSON.parse)',
  });

const checksumInputs = Array.from({ length: 1000 }, (_, i) =>
  Array.from({ length: 20 }, (_, k) => `${9700000 + i + k}${100000 + k * 7}`).join(''),
);
if (wanted('crc32-book-string'))
  rows.push({
    id: 'crc32-book-string',
    unit: 'ops/s',
    ours: opsPerSecond((i) => crc32(checksumInputs[i % checksumInputs.length] as string)),
    floor: opsPerSecond((i) => zlibCrc32(checksumInputs[i % checksumInputs.length] as string)),
    note: 'CRC32 of a 20-level checksum string (floor: node:zlib native crc32)',
  });

if (wanted('rest-pacing')) {
  const pacing = await restPacing(50);
  rows.push({
    id: 'rest-pacing',
    unit: 'ratio',
    ours: pacing.ratio,
    budget: 0.9,
    rateLimitErrors: pacing.rateLimitErrors,
    note: `50 private calls at once, Pro tier, simulator enforcing the REST counter: achieved ÷ allowed rate (${pacing.rateLimitErrors} rate-limit errors, ${pacing.seconds.toFixed(1)} s)`,
  });
}

if (wanted('book-pipeline')) {
  const book = await bookPipeline(50_000);
  rows.push({
    id: 'book-pipeline',
    unit: 'msg/s',
    ours: book.ours,
    ccxt: book.ccxt,
    floor: book.floor,
    note: `BTC/USD depth 100, snapshot + 50,000 updates from the simulator over loopback; ours parses, applies and verifies every checksum (${book.mismatches} mismatches, ${book.perMessageUs} µs/msg); ccxt skips the checksum; floor only JSON.parses. A 1000-level book: ~${book.bookMemoryKB} KB`,
  });
}

if (wanted('order-chaos')) {
  const chaos = await orderChaos(200);
  rows.push({
    id: 'order-chaos',
    unit: 'orders',
    ours: chaos.placed,
    budget: chaos.confirmed,
    confirmed: chaos.confirmed,
    placed: chaos.placed,
    duplicates: chaos.duplicates,
    foreign: chaos.foreign,
    misreported: chaos.misreported,
    note: `${chaos.confirmed} confirmations through the background's order path (trading service, live account, placer, IndexedDB intents) against the simulator under 30 % lost answers, 10 % late executions (4 s) and ${chaos.restarts} worker restarts, then a switch to a second account: placed ${chaos.placed}, duplicates ${chaos.duplicates}, foreign ${chaos.foreign}, misreported ${chaos.misreported} (goal: placed = confirmed, the rest 0; ${chaos.seconds} s)`,
  });
}

if (wanted('order-ack', 'request-roundtrip')) {
  const ack = await orderAck(50);
  const trip = ack.roundTrip;
  rows.push({
    id: 'request-roundtrip',
    unit: 'ms',
    ours: trip.port,
    p95: trip.portP95,
    sendMessage: trip.sendMessage,
    sendMessageP95: trip.sendMessageP95,
    note: `one request (settings.get) from the popup to the background and back, p50 over ${trip.samples} round trips each way, alternated on the same page: over the request port the pages use ${trip.port} ms (p95 ${trip.portP95}), over runtime.sendMessage ${trip.sendMessage} ms (p95 ${trip.sendMessageP95})`,
  });
  rows.push({
    id: 'order-ack',
    unit: 'ms',
    ours: ack.ws,
    budget: Math.round((ack.rest / 2) * 10) / 10,
    floor: ack.wsFloor,
    ws: ack.ws,
    rest: ack.rest,
    wsP95: ack.wsP95,
    restP95: ack.restP95,
    restFloor: ack.restFloor,
    note: `Confirm clicked → "Placed … · order <Kraken's id>" in the popup's ticket, live against the simulator in Chromium: ${ack.samples.ws} orders over the private WebSocket (add_order), then ${ack.samples.rest} over REST (AddOrder) with the socket given no token, in one run, rotating over 5 pairs; WebSocket p50 ${ack.ws} ms (p95 ${ack.wsP95}), REST p50 ${ack.rest} ms (p95 ${ack.restP95}); budget = half of REST's p50. Floor: the library's own clients in Node, the transports alone, p50 WebSocket ${ack.wsFloor} ms, REST ${ack.restFloor} ms (${ack.seconds} s)`,
  });
}

if (wanted('fuzz')) {
  const fuzzed = await fuzz(20_000);
  rows.push({
    id: 'fuzz',
    unit: 'crashes',
    ours: fuzzed.crashes,
    budget: 0,
    cases: fuzzed.cases,
    crashes: fuzzed.crashes,
    note: `property-based fuzzing (fast-check, seed 42) of ${Object.entries(fuzzed.cases)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )} cases: crashes and unhandled rejections ${fuzzed.crashes}${fuzzed.failures.length ? ` — ${fuzzed.failures.join(' | ')}` : ''}`,
  });
}

if (wanted('alert-eval-tick')) {
  const evalCost = alertEvalPerTick();
  rows.push({
    id: 'alert-eval-tick',
    unit: 'µs',
    ours: evalCost.p99,
    budget: 1000,
    note: `engine cost per tick, p99 (p50 ${evalCost.p50} µs), 500 alerts over 50 pairs`,
  });
}

if (wanted('alert-latency-p99')) {
  const latency = await alertLatency(50);
  rows.push({
    id: 'alert-latency-p99',
    unit: 'ms',
    ours: latency.p99,
    floor: latency.floorP99,
    budget: 100,
    note: `simulator crossing → chrome.notifications entry, 50 crossings in Chromium (p50 ${latency.p50} ms); floor: a bare WebSocket client getting that tick`,
  });
}

if (wanted('popup-open', 'tick-to-popup-p99', 'tick-to-popup-trade-p99')) {
  const popup = await popupBench();
  rows.push({
    id: 'popup-open',
    unit: 'ms',
    ours: popup.open.p50,
    budget: 100,
    note: `p50 of ${popup.open.samples} opens of popup.html in a fresh page, worker already live (p95 ${popup.open.p95} ms): from the page's navigation start (performance.timeOrigin) to every watchlist row showing a price (MutationObserver); DOMContentLoaded p50 ${popup.open.domContentLoadedP50} ms; counted from the page.goto call instead: p50 ${popup.open.fromGotoP50} ms`,
  });
  rows.push({
    id: 'tick-to-popup-p99',
    unit: 'ms',
    ours: popup.tick.p99,
    floor: popup.tick.floorP99,
    budget: Math.round((popup.tick.floorP99 + 16) * 10) / 10,
    note: `${popup.tick.samples} BTC/USD ticks (${popup.tick.missed} missed), from the simulator's send stamp (the ticker frame's timestamp) to the price in the popup's DOM, timed in Chromium (p50 ${popup.tick.p50} ms); floor: a plain 127.0.0.1 page with its own WebSocket writing the same ticks into its DOM, open beside the popup (p50 ${popup.tick.floorP50} ms); budget = floor + 16`,
  });
  rows.push({
    id: 'tick-to-popup-trade-p99',
    unit: 'ms',
    ours: popup.tradeTick.p99,
    floor: popup.tradeTick.floorP99,
    budget: Math.round((popup.tradeTick.floorP99 + 8) * 10) / 10,
    note: `the same measure with the Trade tab open and a BTC/USD limit buy of 0.01 typed in the ticket (estimate shown, preview not open): ${popup.tradeTick.samples} ticks (${popup.tradeTick.missed} missed), p50 ${popup.tradeTick.p50} ms; floor p50 ${popup.tradeTick.floorP50} ms; budget = floor + 8`,
  });
}

if (wanted('chart-first-paint', 'chart-frame-p99', 'popup-js', 'sidepanel-js', 'sidepanel-heap')) {
  const chart = await chartBench();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  rows.push({
    id: 'chart-first-paint',
    unit: 'ms',
    ours: chart.firstPaint.p50,
    budget: 150,
    note: `p50 of ${chart.firstPaint.samples} opens of sidepanel.html in a fresh page (worker live, the pair's candles fetched once before): from the page's navigation start to its chart-drawn mark, set one frame after 720 hourly BTC/USD candles were handed to the chart (p95 ${chart.firstPaint.p95} ms); of which DOMContentLoaded p50 ${chart.firstPaint.dclP50} ms and the candles' arrival p50 ${chart.firstPaint.seriesP50} ms`,
  });
  rows.push({
    id: 'chart-frame-p99',
    unit: 'ms',
    ours: chart.frame.p99,
    budget: 16,
    note: `main-thread time per frame in the side panel (from the frame's first requestAnimationFrame callback to a task posted from it, i.e. the chart's canvas drawing, style, layout and paint) over ${chart.frame.frames} frames while ${chart.frame.ticks} BTC/USD trades arrived at 20/s (/_sim/market/price) and the mouse dragged the view back and forth (p50 ${chart.frame.p50} ms; ${chart.frame.over16} frames over 16 ms)`,
  });
  rows.push({
    id: 'popup-js',
    unit: 'bytes',
    ours: chart.popupJs.bytes,
    budget: 80 * 1024,
    note: `JS files popup.html fetched until its rows showed prices (+0.5 s): ${chart.popupJs.files.map((f) => f.replace('chunks/', '')).join(', ')} = ${kb(chart.popupJs.bytes)}; the chart chunk ${chart.popupJs.chartLoaded ? 'WAS' : 'was not'} among them (it loads when a sparkline opens a chart), nor the Trade tab's`,
  });
  rows.push({
    id: 'sidepanel-js',
    unit: 'bytes',
    ours: chart.sidepanelJs.bytes,
    note: `JS files sidepanel.html fetched until its 720 candles were drawn: ${chart.sidepanelJs.files.map((f) => f.replace('chunks/', '')).join(', ')} = ${kb(chart.sidepanelJs.bytes)} (lightweight-charts is ~166 KB of it)`,
  });
  rows.push({
    id: 'sidepanel-heap',
    unit: 'MB',
    ours: chart.heap.lastMB,
    budget: 30,
    samples: chart.heap.mb,
    note: `the side panel's JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) over ${chart.heap.seconds} s against a simulator stepping every ${chart.heap.stepMs} ms, 10× its default 250 ms: the updates of 10 minutes. Samples every 10 s: ${chart.heap.mb.join(', ')} MB; from 10 s to the end ${chart.heap.growthPct > 0 ? '+' : ''}${chart.heap.growthPct} % (goal: ≤ 30 MB and not growing)`,
  });
}

// A measurement makes all its rows; with --only, only the rows asked for are kept.
const made = rows.filter((r) => only === undefined || only.has(r.id));
writeResults(resolve(ROOT, 'bench/results.json'), made, only);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
  `${pad('id', 26)}${pad('unit', 8)}${pad('ours', 12)}${pad('ccxt', 10)}${pad('floor', 12)}${pad('budget', 8)}note`,
);
for (const r of made) {
  console.log(
    `${pad(r.id, 26)}${pad(r.unit, 8)}${pad(String(r.ours), 12)}${pad(String(r.ccxt ?? '—'), 10)}${pad(String(r.floor ?? '—'), 12)}${pad(String(r.budget ?? '—'), 8)}${r.note}`,
  );
}
console.log('\nwrote bench/results.json');
process.exit(0); // playwright and socket handles must not keep the run alive
