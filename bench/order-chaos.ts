// `order-chaos`: the background's own order path — the trading service, the live account, the placer with its
// IndexedDB intents (fake-indexeddb), the revocable fetch — against the simulator over real sockets, under
// 30 % lost answers, 10 % late executions and 5 worker restarts, then a switch to a second account.
// Each "worker" is a service built from storage; killing one stops its network and its writes at once, as a
// stopped service worker would. The driver plays the popup: it confirms orders, and after a restart it asks
// again with the same cl_ord_id (what the ticket does when the background did not answer).
import 'fake-indexeddb/auto';
import events from 'node:events';
import { WebSocket as NodeWs } from 'ws';
import { idbFillMarkStore } from '../lib/db/fill-marks.ts';
import { idbIntentStore } from '../lib/db/intent-store.ts';
import { idbNonceStore } from '../lib/db/nonce-store.ts';
import { openDatabase } from '../lib/db/schema.ts';
import type { PrunableIntentStore } from '../lib/kraken/index.ts';
import {
  createKrakenRest,
  createNonceSource,
  createWsSession,
  type FetchLike,
  KrakenError,
  keyIdOf,
  type PairRules,
  pairRulesFromInstrument,
  systemClock,
  transportError,
  type WebSocketLike,
} from '../lib/kraken/index.ts';
import type { OrderRequest } from '../lib/orders/types.ts';
import { defaultSettings } from '../lib/settings/schema.ts';
import { createSettingsStore } from '../lib/settings/store.ts';
import { createLiveAccess } from '../lib/trading/live/access.ts';
import type { PaperAccount } from '../lib/trading/paper-account.ts';
import { createTradingService, type TradingService } from '../lib/trading/service.ts';
import { startSimulator } from '../sim/server.ts';

export interface ChaosResult {
  confirmed: number;
  placed: number;
  duplicates: number;
  foreign: number;
  misreported: number;
  restarts: number;
  seconds: number;
}

// Many orders wait on one live account's lifetime signal at once (a browser has no listener cap; Node warns).
events.defaultMaxListeners = 500;

const PAIRS = ['BTC/USD', 'ETH/USD', 'SOL/USD', 'XRP/USD', 'DOGE/USD'];
const nodeSocket = (url: string): WebSocketLike => new NodeWs(url) as unknown as WebSocketLike;

async function control(rest: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${rest}/_sim/${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`sim ${path}: ${res.status} ${await res.text()}`);
}

async function instrumentRules(wsPublic: string): Promise<Map<string, PairRules>> {
  const session = createWsSession({ url: wsPublic, createSocket: nodeSocket });
  const rules = await new Promise<Map<string, PairRules>>((resolve) => {
    session.on('data', (m) => {
      if (m.channel === 'instrument' && m.type === 'snapshot')
        resolve(new Map(m.data.pairs.map((p) => [p.symbol, pairRulesFromInstrument(p)])));
    });
    session.subscribe({ channel: 'instrument' });
    session.start();
  });
  session.stop();
  return rules;
}

/** A store that refuses to write once its worker is dead (a stopped worker writes nothing). */
function mortal(store: PrunableIntentStore, alive: () => boolean): PrunableIntentStore {
  return {
    ...store,
    put: (intent) => (alive() ? store.put(intent) : Promise.reject(new Error('worker stopped'))),
  };
}

export async function orderChaos(count = 200): Promise<ChaosResult> {
  const started = performance.now();
  const sim = await startSimulator({ port: 0, tier: 'pro', rateLimit: 'relaxed', seed: 9 });
  const rules = await instrumentRules(sim.wsPublic);
  const db = openDatabase(`order-chaos-${Date.now()}`);
  const intents = idbIntentStore(db);
  const keyA = {
    apiKey: sim.keys.trading.key,
    apiSecret: sim.keys.trading.secret,
    id: 'A',
    keyVersion: 1,
    endpoint: sim.rest,
  };
  const keyB = {
    apiKey: sim.keys.second.key,
    apiSecret: sim.keys.second.secret,
    id: 'B',
    keyVersion: 1,
    endpoint: sim.rest,
  };
  const observe = (key: { key: string; secret: string }) =>
    createKrakenRest({ baseUrl: sim.rest, credentials: { apiKey: key.key, secret: key.secret } });
  const settings = createSettingsStore({
    load: async () => ({ ...defaultSettings(), tradingMode: 'live' }),
    save: async () => {},
  });
  await settings.load();
  const paper = {
    start: async () => {},
    notice: () => undefined,
    orders: () => [],
    fills: () => [],
    balances: () => [],
  } as unknown as PaperAccount;

  let generation = 0;
  /** One service worker: everything it signs or stores stops when it is killed. */
  function worker(key: typeof keyA): { service: TradingService; ready: Promise<void>; kill(): void } {
    const mine = ++generation;
    const alive = () => generation === mine;
    const guard: FetchLike = (url, init) =>
      alive() ? fetch(url, init) : Promise.reject(transportError('fetch', 'not-sent', 'worker stopped'));
    const store = mortal(intents, alive);
    const service: TradingService = createTradingService({
      settings,
      market: {
        rulesFor: (s) => rules.get(s),
        book: () => undefined,
        watchTicket: () => {},
        lastPrice: () => undefined,
        watchTickers: () => {},
      },
      paper,
      intents: store,
      now: Date.now,
      liveAccess: createLiveAccess({
        vault: { status: async () => 'unlocked', activeSecrets: async () => key, activeKey: () => key },
        endpoints: () => ({ rest: sim.rest, wsPrivate: sim.wsPrivate }),
        restFor: (secrets, f) =>
          createKrakenRest({
            baseUrl: sim.rest,
            credentials: { apiKey: secrets.apiKey, secret: secrets.apiSecret },
            nonce: createNonceSource({ store: idbNonceStore(db), keyId: keyIdOf(secrets.apiKey) }),
            timeoutMs: 8_000,
            retries: 0,
            tier: 'pro', // the simulator's tier: our client paces lookups by Kraken's REST counter for it
            fetch: f,
          }),
        createSession: (url, token) => createWsSession({ url, token, createSocket: nodeSocket }),
        intents: store,
        fillMarks: idbFillMarkStore(db),
        clock: systemClock,
        rulesFor: (s) => rules.get(s),
        onChange: () => service.changed(),
        onFill: async () => {},
        onIntent: (i) => service.onIntent(i),
        fetch: guard,
      }),
    });
    return {
      service,
      // Requests wait for the worker's start, as serveRequests makes them wait for `ready`.
      ready: service.start(),
      kill: () => {
        generation += 1; // nothing of this worker signs or stores from now on
        void service.stop().catch(() => {});
      },
    };
  }

  let current = worker(keyA);
  await current.ready;
  await control(sim.rest, 'faults', {
    dropOrderResponses: { probability: 0.3 },
    lateExecution: { ms: 4_000, probability: 0.1 },
  });

  /** What the driver (the popup) was last told about each confirmation. */
  const told = new Map<
    string,
    { kind: 'placed'; txid: string } | { kind: 'refused' | 'not-placed' | 'unknown' }
  >();
  const ids: string[] = Array.from({ length: count }, () => crypto.randomUUID());
  // A third of today's price: far below anything the simulated market reaches, so every order rests and can
  // be counted; the pair's minimum volume, raised until the order is worth its cost minimum.
  const tickers = await createKrakenRest({ baseUrl: sim.rest }).ticker({
    pair: PAIRS.map((p) => p.replace('/', '')),
  });
  const lastOf = (symbol: string) => {
    const [base, quote] = symbol.split('/');
    const entry = Object.entries(tickers).find(
      ([k]) =>
        k.includes(base === 'BTC' ? 'XBT' : base === 'DOGE' ? 'XDG' : (base ?? '')) &&
        k.endsWith(quote === 'USD' ? 'USD' : ''),
    );
    return Number(entry?.[1].c[0] ?? 0);
  };
  const orderOf = (i: number): OrderRequest => {
    const symbol = PAIRS[i % PAIRS.length] as string;
    const r = rules.get(symbol) as PairRules;
    const step = 10 ** -r.pairDecimals;
    const price = (Math.floor((lastOf(symbol) * 0.33) / step) * step - i * step).toFixed(r.pairDecimals);
    const min = Number(r.ordermin ?? '0');
    const byCost = (Number(r.costmin ?? '0') * 1.5) / Number(price);
    const lot = 10 ** -r.lotDecimals;
    const volume = (Math.ceil(Math.max(min, byCost) / lot) * lot).toFixed(r.lotDecimals);
    return {
      symbol,
      side: 'buy',
      type: 'limit',
      volume,
      limitPrice: price,
      postOnly: false,
      timeInForce: 'GTC',
    };
  };
  async function confirm(i: number): Promise<void> {
    const id = ids[i] as string;
    for (let tries = 0; tries < 20; tries++) {
      const gen = generation;
      try {
        await current.ready;
        const view = await current.service.place(orderOf(i), id);
        told.set(id, { kind: 'placed', txid: view.id });
        return;
      } catch (e) {
        if (generation !== gen) continue; // the worker died under it: ask the new one (same cl_ord_id)
        const name = e instanceof Error ? e.name : '';
        if (name === 'OrderOutcomeUnknown') {
          told.set(id, { kind: 'unknown' });
          await new Promise((r) => setTimeout(r, 3_000));
          continue; // like the ticket's "Check again" (a place of the same id looks before it sends)
        }
        if (process.env.CHAOS_DEBUG)
          console.error('ended', id.slice(0, 8), name, e instanceof Error ? e.message : e);
        told.set(id, { kind: e instanceof KrakenError && !e.outcomeUnknown ? 'refused' : 'not-placed' });
        return;
      }
    }
  }

  // 20 confirmations in flight at once; 5 restarts spread over the run.
  let next = 0;
  const lanes = Array.from({ length: 20 }, async () => {
    while (next < count) await confirm(next++);
  });
  let restarts = 0;
  const progress = setInterval(() => {
    if (!process.env.CHAOS_DEBUG) return;
    const kinds: Record<string, number> = {};
    for (const t of told.values()) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    console.error('progress', { next, restarts, generation, ...kinds });
  }, 5_000);
  const restarter = (async () => {
    while (restarts < 5 && next < count) {
      await new Promise((r) => setTimeout(r, 3_000));
      current.kill();
      current = worker(keyA);
      await current.ready;
      restarts += 1;
    }
  })();
  await Promise.all([...lanes, restarter]);
  clearInterval(progress);
  await control(sim.rest, 'faults/clear');

  // The truth, from Kraken's (the simulator's) side.
  const txidsOf = new Map<string, string[]>();
  for (const [txid, o] of Object.entries((await observe(sim.keys.query).openOrders()).open))
    if (o.cl_ord_id) txidsOf.set(o.cl_ord_id, [...(txidsOf.get(o.cl_ord_id) ?? []), txid]);
  const placed = ids.filter((id) => txidsOf.has(id)).length;
  const duplicates = ids.reduce((n, id) => n + Math.max(0, (txidsOf.get(id)?.length ?? 0) - 1), 0);
  const misreported = ids.filter((id) => {
    const t = told.get(id);
    const at = txidsOf.get(id) ?? [];
    if (t?.kind === 'placed') return !at.includes(t.txid);
    if (t?.kind === 'refused' || t?.kind === 'not-placed') return at.length > 0;
    return false; // still "unknown": not a claim either way
  }).length;

  if (process.env.CHAOS_DEBUG)
    for (const id of ids) {
      const intent = await intents.get(id);
      console.error(
        id.slice(0, 8),
        JSON.stringify(told.get(id)),
        txidsOf.get(id) ?? [],
        intent?.state,
        intent?.attempts,
        intent?.error?.code,
        intent?.expiredReason,
      );
    }
  // Account B becomes active over the same storage: none of A's intents may reach it.
  current.kill();
  current = worker(keyB);
  await current.ready;
  await new Promise((r) => setTimeout(r, 9_000)); // past any deadline, lookup or resend B could attempt
  const openB = Object.values((await observe(sim.keys.second).openOrders()).open);
  const closedB = Object.values((await observe(sim.keys.second).closedOrders()).closed);
  const foreign = [...openB, ...closedB].filter((o) => o.cl_ord_id && ids.includes(o.cl_ord_id)).length;
  current.kill();
  await sim.close();
  return {
    confirmed: count,
    placed,
    duplicates,
    foreign,
    misreported,
    restarts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** For `npx tsx bench/order-chaos.ts`: one run, printed. */
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await orderChaos(Number(process.argv[2] ?? 200)));
  process.exit(0);
}
