import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Exchange } from './account/exchange.ts';
import type { KeyMaterial, KeyRole } from './account/keys.ts';
import { systemClock } from './clock.ts';
import { listing, type PairCount } from './data/listing.ts';
import { cloudflarePage, RestFaults } from './faults/rest-faults.ts';
import { readBodyBytes } from './http/body.ts';
import { handleControl } from './http/control.ts';
import { answerPreflight, setCorsHeaders } from './http/cors.ts';
import { StatusPage } from './http/status-page.ts';
import { type Logger, silentLogger } from './log.ts';
import { Market } from './market/market.ts';
import type { RateLimitMode, Tier } from './ratelimit/tiers.ts';
import { parseParams } from './rest/params.ts';
import { preparePrivate } from './rest/private/router.ts';
import { fail } from './rest/reply.ts';
import { routeRest } from './rest/router.ts';
import { floodFrames } from './ws/flood.ts';
import { WsGateway } from './ws/gateway.ts';
import { PrivateGateway } from './ws/private/gateway.ts';
import { type ReplayCapture, ReplayGateway } from './ws/replay.ts';

export interface SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PRNG seed of the market; default 1. */
  seed?: number;
  /** Milliseconds between market steps; default 250; 0 = only on POST /_sim/market/step. */
  stepMs?: number;
  /** Diagnostics sink (the CLI passes stderr); silent by default. */
  log?: Logger;
  /** Verification tier: REST and trading rate limits, open-order cap. Default `starter`. */
  tier?: Tier;
  /** Which demo key the handle's `apiKey`/`apiSecret` carry. Default `trading`. */
  key?: KeyRole;
  /** Fixed key material for the selected key (`--api-key`/`--api-secret`); random otherwise. */
  apiKey?: string;
  apiSecret?: string;
  /** `on` (default) as Kraken; `relaxed` ×100 REST allowance; `off` no REST counter. Nonces stay strict. */
  rateLimit?: RateLimitMode;
  /** Nonce window (Kraken's per-key "nonce window" setting); default 0 = strictly increasing. */
  nonceWindow?: number;
  /** Two-factor password every key then requires as `otp`. */
  otp?: string;
  /** Replay a capture of public frames on /v2 instead of the live market (`--replay`). */
  replay?: ReplayCapture;
  /**
   * How many pairs to list (`--pairs`): 6 (default: BTC/USD, ETH/USD, SOL/USD, XRP/USD, DOGE/USD, ETH/BTC)
   * or 20 (those and 14 more USD pairs, sim/data/pairs-extra.ts).
   */
  pairs?: PairCount;
}

export interface SimHandle {
  rest: string;
  wsPublic: string;
  wsPrivate: string | null;
  apiKey: string | null;
  apiSecret: string | null;
  port: number;
  /** Every demo key (`trading`, `query`, `nows`) with its secret. */
  keys: Readonly<Record<KeyRole, KeyMaterial>>;
  /** The simulator's private side, for in-process tests (balances, engine, limiters). */
  exchange: Exchange;
  close(): Promise<void>;
}

export const DEFAULT_STEP_MS = 250;
/** Path of the authenticated WS v2 endpoint (Kraken: wss://ws-auth.kraken.com/v2). */
export const PRIVATE_WS_PATH = '/v2-auth';

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
): void {
  setCorsHeaders(response);
  response.writeHead(status, { 'Content-Type': type });
  response.end(body);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseJsonBody(body: string, contentType: string | undefined): unknown {
  if (!contentType?.toLowerCase().includes('application/json')) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Starts a Kraken-compatible simulator: public REST under /0/public/*, private REST under /0/private/*,
 * WebSocket v2 on /v2 (public) and /v2-auth (private) of the same HTTP server, and test-control endpoints
 * under /_sim/*. See docs/simulator.md.
 */
export async function startSimulator(options: SimOptions = {}): Promise<SimHandle> {
  const host = options.host ?? '127.0.0.1';
  const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
  const log = options.log ?? silentLogger;
  const role = options.key ?? 'trading';
  const market = new Market(options.seed ?? 1, systemClock(), listing(options.pairs ?? 6));
  const exchange = new Exchange(market, {
    tier: options.tier ?? 'starter',
    rateLimit: options.rateLimit ?? 'on',
    nonceWindow: BigInt(options.nonceWindow ?? 0),
    keys: { [role]: { key: options.apiKey, secret: options.apiSecret } },
    otp: options.otp,
  });
  const gateway = new WsGateway(market, log);
  const faults = new RestFaults();
  const privateGateway = new PrivateGateway(exchange, log, faults);
  const replay = options.replay ? new ReplayGateway(options.replay) : undefined;
  const statusPage = new StatusPage();
  const controlDeps = {
    market,
    statusPage,
    gateways: [gateway, privateGateway],
    faults,
    deadManArmed: () => exchange.deadMan.armed,
    exchange,
    flood: (count: number) => {
      const pair = market.pair('BTC/USD');
      return pair ? gateway.flood('BTC/USD', floodFrames(pair, count, market.nowNs())) : 0;
    },
  };

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      log(`http error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, '{"error":["EGeneral:Internal error"]}');
    });
  });

  /** REST faults that answer instead of the endpoint (docs/simulator.md, `/_sim/faults`). */
  async function answeredByFault(restMethod: string, response: ServerResponse): Promise<boolean> {
    const lookup = faults.lookupFailure(restMethod);
    if (lookup === 'http5xx') {
      send(response, 503, '503 Service Unavailable\n', 'text/plain; charset=utf-8');
      return true;
    }
    if (lookup !== undefined) {
      send(response, 200, fail(lookup).body);
      return true;
    }
    if (restMethod === 'CancelAllOrdersAfter' && faults.deadManFails()) {
      send(response, 200, fail('EService:Unavailable').body);
      return true;
    }
    for (const fault of faults.take(restMethod)) {
      switch (fault.kind) {
        case 'delay':
          await sleep(fault.ms);
          break;
        case 'http':
          send(response, fault.status, `${fault.status} Service Unavailable\n`, 'text/plain; charset=utf-8');
          return true;
        case 'cloudflare':
          send(response, fault.status, cloudflarePage(fault.status), 'text/html; charset=UTF-8');
          return true;
        case 'service':
          send(response, 200, fail(fault.error).body);
          return true;
        default: {
          const never: never = fault;
          throw new Error(`unknown fault ${JSON.stringify(never)}`);
        }
      }
    }
    return false;
  }

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sim.invalid');
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      answerPreflight(response);
      return;
    }
    const bytes = method === 'POST' ? await readBodyBytes(request) : Buffer.alloc(0);
    const body = bytes.toString('utf8');
    if (url.pathname.startsWith('/_sim/')) {
      const reply = handleControl(method, url.pathname, body, request.socket.remoteAddress, controlDeps);
      send(response, reply.status, reply.body);
      return;
    }
    if (method !== 'GET' && method !== 'POST') {
      send(response, 404, '{"error":["EGeneral:Unknown method"]}');
      return;
    }
    // Kraken's status page (status.kraken.com) as the simulator's own: http/status-page.ts.
    const statusDocument = method === 'GET' ? statusPage.document(url.pathname) : undefined;
    if (statusDocument !== undefined) {
      send(response, 200, statusDocument);
      return;
    }
    const restMethod = /^\/0\/(?:public|private)\/([A-Za-z]+)$/.exec(url.pathname)?.[1] ?? '';
    if (await answeredByFault(restMethod, response)) return;
    const contentType = request.headers['content-type'];
    const params = parseParams(url.searchParams, body, contentType);
    if (url.pathname.startsWith('/0/private/')) {
      // Kraken's private endpoints are POST only.
      if (method !== 'POST') {
        send(response, 200, fail('EGeneral:Invalid arguments').body);
        return;
      }
      const call = {
        method: restMethod,
        headers: request.headers,
        body: bytes,
        params,
        json: parseJsonBody(body, contentType),
        remoteAddress: request.socket.remoteAddress,
      };
      const prepared = preparePrivate(call, exchange);
      const lateMs = prepared.ready ? faults.takeLate(restMethod) : undefined;
      if (prepared.ready && lateMs !== undefined) {
        // The request was received; the connection dies now and the order reaches the engine later.
        log(`fault: ${restMethod} held back ${lateMs} ms, connection destroyed`);
        request.socket.destroy();
        setTimeout(() => prepared.run(), lateMs).unref();
        return;
      }
      const reply = prepared.ready ? prepared.run() : prepared.reply;
      if (faults.takeDrop(restMethod)) {
        // The order has been applied; the client never learns it (idempotency tests).
        log(`fault: dropped the response to ${restMethod}`);
        request.socket.destroy();
        return;
      }
      send(response, reply.status, reply.body);
      return;
    }
    const reply = routeRest(url.pathname, params, { market });
    send(response, reply.status, reply.body);
  }

  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://sim.invalid').pathname;
    if (pathname === '/v2' && replay) {
      replay.handleUpgrade(request, socket, head);
    } else if (pathname === '/v2') {
      gateway.handleUpgrade(request, socket, head);
    } else if (pathname === PRIVATE_WS_PATH) {
      privateGateway.handleUpgrade(request, socket, head);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // e.g. EADDRINUSE: release the gateway's heartbeat timer so the process can exit.
    await gateway.close();
    await privateGateway.close();
    exchange.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const stepTimer = stepMs > 0 ? setInterval(() => market.step(), stepMs) : undefined;
  const origin = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${origin} (seed ${options.seed ?? 1}, step ${stepMs} ms, ${market.listing.count} pairs)`);
  const selected = exchange.keys.role(role);
  const material = (r: KeyRole): KeyMaterial => {
    const k = exchange.keys.role(r);
    return { key: k.key, secret: k.secret };
  };

  let closing: Promise<void> | undefined;
  return {
    rest: `http://${origin}`,
    wsPublic: `ws://${origin}/v2`,
    wsPrivate: `ws://${origin}${PRIVATE_WS_PATH}`,
    apiKey: selected.key,
    apiSecret: selected.secret,
    port,
    keys: {
      trading: material('trading'),
      query: material('query'),
      nows: material('nows'),
      withdraw: material('withdraw'),
      second: material('second'),
    },
    exchange,
    close() {
      closing ??= (async () => {
        if (stepTimer) clearInterval(stepTimer);
        exchange.close();
        await replay?.close();
        await gateway.close();
        await privateGateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
