// Issue 5's `book-pipeline` row: the simulator floods BTC/USD book updates (depth 100) over loopback to
// three clients, one after another in one run: a bare client that only JSON.parses each frame (floor),
// ccxt's pro kraken watchOrderBook (which skips the checksum), and ours (parse, apply, verify every message).
import ccxt from 'ccxt';
import { WebSocket } from 'ws';
import { createOrderBook, createWsSession, type WebSocketLike, watchBook } from '../lib/kraken/index.ts';
import { startSimulator } from '../sim/server.ts';

const DEPTH = 100;
type Sim = Awaited<ReturnType<typeof startSimulator>>;

async function flood(sim: Sim, count: number): Promise<void> {
  const res = await fetch(`${sim.rest}/_sim/ws/flood`, { method: 'POST', body: JSON.stringify({ count }) });
  if (!res.ok) throw new Error(`flood: HTTP ${res.status}`);
}

const until = (check: () => boolean, ms: number) =>
  new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + ms;
    const tick = () =>
      check() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(tick, 5);
    tick();
  });

async function floor(sim: Sim, count: number): Promise<number> {
  const ws = new WebSocket(sim.wsPublic);
  await new Promise((r) => ws.once('open', r));
  let updates = 0;
  let snapshot = false;
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { channel?: string; type?: string };
    if (m.channel !== 'book') return;
    if (m.type === 'snapshot') snapshot = true;
    else updates++;
  });
  ws.send(
    JSON.stringify({ method: 'subscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: DEPTH } }),
  );
  await until(() => snapshot, 10_000);
  const start = performance.now();
  await flood(sim, count);
  await until(() => updates >= count, 60_000);
  const rate = count / ((performance.now() - start) / 1000);
  ws.close();
  return rate;
}

async function ours(sim: Sim, count: number): Promise<{ rate: number; mismatches: number }> {
  const session = createWsSession({
    url: sim.wsPublic,
    createSocket: (u) => new WebSocket(u) as unknown as WebSocketLike,
  });
  let updates = 0;
  let snapshot = false;
  let mismatches = 0;
  watchBook(session, { symbol: 'BTC/USD', depth: DEPTH, pricePrecision: 1, qtyPrecision: 8 }, (e) => {
    if (e.kind === 'mismatch') mismatches++;
    else if (e.kind === 'book' && e.snapshot) snapshot = true;
    else if (e.kind === 'book') updates++;
  });
  session.start();
  await until(() => snapshot, 10_000);
  const start = performance.now();
  await flood(sim, count);
  await until(() => updates + mismatches >= count, 60_000);
  const rate = count / ((performance.now() - start) / 1000);
  session.stop();
  return { rate, mismatches };
}

async function viaCcxt(sim: Sim, count: number): Promise<number> {
  const pro = new ccxt.pro.kraken({ enableRateLimit: false });
  pro.urls.api = {
    ...pro.urls.api,
    public: sim.rest,
    ws: { ...pro.urls.api.ws, publicV2: sim.wsPublic, public: sim.wsPublic },
  };
  await pro.loadHttpProxyAgent(); // ccxt refuses plain ws:// until its agent is loaded
  await pro.loadMarkets();
  // Count every book message ccxt handles (watchOrderBook resolves per update but may coalesce).
  let handled = 0;
  const original = (
    pro as unknown as { handleOrderBook: (c: unknown, m: unknown) => unknown }
  ).handleOrderBook.bind(pro);
  (pro as unknown as { handleOrderBook: (c: unknown, m: unknown) => unknown }).handleOrderBook = (c, m) => {
    handled++;
    return original(c, m);
  };
  await pro.watchOrderBook('BTC/USD', DEPTH);
  const base = handled;
  let done = false;
  const pump = (async () => {
    while (!done) await pro.watchOrderBook('BTC/USD', DEPTH).catch(() => {});
  })();
  const start = performance.now();
  await flood(sim, count);
  await until(() => handled - base >= count, 60_000);
  const rate = count / ((performance.now() - start) / 1000);
  done = true;
  await pro.close();
  await pump.catch(() => {});
  return rate;
}

/** Heap bytes of one 1000-level-a-side book (average over 50, so allocation noise averages out). */
function bookMemoryKB(): number {
  const levels = (side: number) =>
    Array.from({ length: 1000 }, (_, i) => ({
      price: 97_000 + (side * (i + 1)) / 10,
      qty: 0.12345678 + i / 1e8,
    }));
  // With --expose-gc (npm run bench passes it) garbage is collected first, so what is left is the books.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const before = process.memoryUsage().heapUsed;
  const books = Array.from({ length: 50 }, () => {
    const book = createOrderBook({ symbol: 'BTC/USD', depth: 1000, pricePrecision: 1, qtyPrecision: 8 });
    book.applySnapshot({ symbol: 'BTC/USD', asks: levels(1), bids: levels(-1), checksum: 0 });
    return book;
  });
  gc();
  const perBook = (process.memoryUsage().heapUsed - before) / books.length;
  return Math.round(perBook / 1024);
}

export async function bookPipeline(count = 50_000) {
  const sim = await startSimulator({ port: 0, stepMs: 0, seed: 3 });
  try {
    const floorRate = await floor(sim, count);
    const ccxtRate = await viaCcxt(sim, count);
    const ourRun = await ours(sim, count);
    return {
      ours: Math.round(ourRun.rate),
      ccxt: Math.round(ccxtRate),
      floor: Math.round(floorRate),
      mismatches: ourRun.mismatches,
      perMessageUs: Math.round((1e6 / ourRun.rate) * 100) / 100,
      bookMemoryKB: bookMemoryKB(),
    };
  } finally {
    await sim.close();
  }
}
