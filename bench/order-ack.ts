// order-ack: ms from a click on "Confirm" to Kraken's acknowledgement shown in the popup ("Placed … · order
// <txid>", which the ticket shows only with Kraken's order id), on the production build in Chromium against the
// simulator, live. The same ticket, side by side in one run: orders over the private WebSocket (add_order, one
// round trip, nothing to sign), then over REST (AddOrder) with the private socket kept without a token, as it is
// when Kraken refuses GetWebSocketsToken. Both go through the whole order path: the ticket's state machine, the
// messaging boundary, the background's re-check, the IndexedDB intent written before the send, the per-pair
// trading counter, the transport, and the answer back to the DOM.
//
// Clock: performance.now() inside the popup, from just before `click()` on Confirm to the MutationObserver
// callback that sees the placed result. Kraken's own check (the preview's validate) is done before each Confirm
// and not counted. The orders rotate over five pairs, each a limit buy at half the market (so it rests), so no
// pair's trading counter (Starter: 60 points, −1/s, which the extension assumes) comes near its limit: the row
// measures the transports, not the limiter's waits.
import type { Page } from 'playwright-core';
import { extensionUrl, launchWithExtension, pointAtSimulator } from '../scripts/lib/browser.ts';
import { ensureChromium } from '../scripts/lib/chromium.ts';
import { type SimProcess, startSimProcess } from '../scripts/lib/sim-process.ts';
import { transportFloor } from './order-ack-floor.ts';
import { type RoundTrip, requestRoundTrip } from './request-roundtrip.ts';

export interface OrderAckFigures {
  ws: number;
  rest: number;
  wsP95: number;
  restP95: number;
  /** p50 ms of the library's own clients in Node on the same simulator: the transports alone. */
  wsFloor: number;
  restFloor: number;
  samples: { ws: number; rest: number };
  seconds: number;
  /** One request's round trip from the same popup, over the request port and over runtime.sendMessage. */
  roundTrip: RoundTrip;
}

const PASS = 'bench order-ack passphrase';
/** Watchlist pairs (the default watchlist): the ticket trades those. */
const PAIRS = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`order-ack: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function control(sim: SimProcess, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sim.rest}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`order-ack: sim control ${path}: HTTP ${res.status}`);
}

interface Target {
  symbol: string;
  /** The REST name, as the extension sends it (XBTUSD). */
  altname: string;
  amount: string;
  limit: string;
}

async function publicResult(sim: SimProcess, method: string, pair: string): Promise<Record<string, string>> {
  const res = await fetch(`${sim.rest}/0/public/${method}?pair=${encodeURIComponent(pair)}`);
  const body = (await res.json()) as { error: string[]; result: Record<string, Record<string, unknown>> };
  const first = Object.values(body.result ?? {})[0];
  if (!first) throw new Error(`order-ack: ${method} ${pair}: ${body.error.join(', ')}`);
  return first as Record<string, string>;
}

/**
 * A resting limit buy per pair: half the last price, at the pair's price decimals; the pair's minimum amount,
 * or enough for twice its minimum cost. These are inputs typed into the ticket, which checks them itself.
 */
async function targets(sim: SimProcess): Promise<Target[]> {
  return Promise.all(
    PAIRS.map(async (symbol) => {
      const rules = await publicResult(sim, 'AssetPairs', symbol);
      const ticker = (await publicResult(sim, 'Ticker', symbol)) as unknown as { c: [string, string] };
      const priceDecimals = Number(rules.pair_decimals);
      const lotDecimals = Number(rules.lot_decimals);
      const limit = (Number(ticker.c[0]) / 2).toFixed(priceDecimals);
      const lot = 10 ** lotDecimals;
      const forCost = Math.ceil(((2 * Number(rules.costmin)) / Number(limit)) * lot) / lot;
      const amount = Math.max(Number(rules.ordermin), forCost).toFixed(lotDecimals);
      return { symbol, altname: rules.altname ?? symbol, amount, limit };
    }),
  );
}

/**
 * One order from the ticket as it stands, timed in the page (plain JavaScript, passed as text: the TypeScript
 * loader's helpers, e.g. keepNames' __name, do not exist in the page). Once the estimate shows the order typed
 * (`base`: the pair's base asset), Enter previews, Kraken's validate
 * accepts, then Confirm is clicked and the clock runs until the ticket shows the order placed with Kraken's id.
 * Returns the ms, the result's text and whether the ticket said orders go over REST.
 */
const CONFIRM_ONE = `async (base) => {
  const q = (sel) => document.querySelector(sel);
  const when = (test, ms, what) => new Promise((resolve, reject) => {
    if (test()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!test()) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      const seen = ['ticket', 'live-status']
        .map((id) => id + ': ' + (q('[data-testid="' + id + '"]')?.innerText ?? '(none)').replace(/\\s+/g, ' '))
        .join('; ');
      reject(new Error('no ' + what + ' within ' + ms + ' ms (' + seen + ')'));
    }, ms);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // The pair's rules come from the background after the pair is picked: until the estimate shows the typed
  // order, Enter has nothing to preview.
  const estimate = () => q('[data-testid="ticket-estimate"]')?.textContent ?? '';
  await when(() => estimate().includes(' ' + base + ' (fee'), 15000, 'the estimate');
  const amount = q('[data-testid="ticket-amount"]');
  amount.focus();
  amount.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await when(() => q('[data-testid="ticket-kraken"]')?.dataset.state === 'accepted', 15000, 'validate');
  const viaRest = q('[data-testid="ticket-via-rest"]') !== null;
  const confirm = q('[data-testid="ticket-confirm"]');
  const start = performance.now();
  confirm.click();
  const end = await when(() => q('[data-testid="ticket-result"]')?.dataset.kind === 'placed', 15000, 'placed result');
  return { ms: end - start, text: q('[data-testid="ticket-result"]').textContent, viaRest };
}`;

interface Sample {
  ms: number;
  text: string;
  viaRest: boolean;
}

/** `n` orders rotating over the targets; each must be a new Kraken order id, sent the way `via` says. */
async function confirmLoop(
  page: Page,
  list: Target[],
  n: number,
  via: 'websocket' | 'rest',
  seen: Set<string>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const target = list[i % list.length] as Target;
    await page.getByTestId('ticket-pair').selectOption(target.symbol);
    await page.getByTestId('ticket-amount').fill(target.amount);
    await page.getByTestId('ticket-limit').fill(target.limit);
    const base = target.symbol.split('/')[0] ?? '';
    const sample = (await page.evaluate(`(${CONFIRM_ONE})(${JSON.stringify(base)})`)) as Sample;
    const id = /order (O[A-Z0-9-]+)$/.exec(sample.text)?.[1];
    if (!id || seen.has(id)) throw new Error(`order-ack: not a new Kraken order id: "${sample.text}"`);
    if (sample.viaRest !== (via === 'rest'))
      throw new Error(`order-ack: expected orders over ${via}, the ticket said otherwise`);
    seen.add(id);
    out.push(sample.ms);
  }
  return out;
}

export async function orderAck(orders = 50, warmup = 3): Promise<OrderAckFigures> {
  const started = Date.now();
  // Pro tier (225 open orders a pair) and relaxed counters at the simulator: the extension still paces itself
  // at Starter (it cannot know the tier), which the rotation over pairs keeps clear of.
  const sim = await startSimProcess(['--port', '0', '--tier', 'pro', '--rate-limit', 'relaxed']);
  let ext: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    const list = await targets(sim);
    const floor = await transportFloor(
      sim,
      list.map((t) => ({
        pair: t.altname,
        type: 'buy',
        ordertype: 'limit',
        volume: t.amount,
        price: t.limit,
        oflags: ['fciq'],
      })),
      orders,
    );
    ext = await launchWithExtension({ executablePath: ensureChromium(), headless: true });
    await pointAtSimulator(ext, sim.rest);
    const options = await ext.context.newPage();
    await options.goto(extensionUrl(ext, 'options.html'));
    await options.getByTestId('key-label').fill('bench');
    await options.getByTestId('key-api-key').fill(sim.apiKey ?? '');
    await options.getByTestId('key-secret').fill(sim.apiSecret ?? '');
    await options.getByTestId('vault-passphrase').fill(PASS);
    await options.getByTestId('vault-passphrase-confirm').fill(PASS);
    await options.getByTestId('save-key').click();
    await waitFor(
      async () =>
        (await options.getByTestId('key-check').count()) > 0 &&
        ((await options.getByTestId('key-check').textContent()) ?? '').startsWith('Checked'),
      20_000,
      'the key check',
    );
    await options.close();
    const page = await ext.context.newPage();
    await page.goto(extensionUrl(ext, 'popup.html'));
    await page.getByTestId('tab-trade').click();
    await page.getByTestId('mode-live').click();
    // Going live asks first (the mode bar's confirmation names the key).
    await page.getByTestId('mode-live-confirm').click();
    await waitFor(
      async () => (await page.getByTestId('live-status').getAttribute('data-kind')) === 'ready',
      20_000,
      'live',
    );
    await page.getByTestId('ticket-type').selectOption('limit');
    const roundTrip = await requestRoundTrip(page);

    const seen = new Set<string>();
    await confirmLoop(page, list, warmup, 'websocket', seen);
    const ws = await confirmLoop(page, list, orders, 'websocket', seen);
    // REST: the private socket dropped and given no token from now on (it reconnects, but cannot carry orders).
    await control(sim, 'faults', {
      serviceError: { error: 'EService:Unavailable', count: 100_000, methods: ['GetWebSocketsToken'] },
    });
    await control(sim, 'ws/drop');
    await waitFor(
      async () => (await page.getByTestId('live-status').getAttribute('data-kind')) !== 'ready',
      15_000,
      'the socket down',
    );
    await confirmLoop(page, list, warmup, 'rest', seen);
    const rest = await confirmLoop(page, list, orders, 'rest', seen);
    return {
      ws: round1(percentile(ws, 50)),
      rest: round1(percentile(rest, 50)),
      wsP95: round1(percentile(ws, 95)),
      restP95: round1(percentile(rest, 95)),
      wsFloor: round1(percentile(floor.ws, 50)),
      restFloor: round1(percentile(floor.rest, 50)),
      samples: { ws: ws.length, rest: rest.length },
      seconds: Math.round((Date.now() - started) / 1000),
      roundTrip,
    };
  } finally {
    await ext?.close();
    await sim.stop();
  }
}
