import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from './clock.ts';
import { readBody } from './http/body.ts';
import { handleControl } from './http/control.ts';
import { answerPreflight, setCorsHeaders } from './http/cors.ts';
import { type Logger, silentLogger } from './log.ts';
import { Market } from './market/market.ts';
import { parseParams } from './rest/params.ts';
import { routeRest } from './rest/router.ts';
import { WsGateway } from './ws/gateway.ts';

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
}

export interface SimHandle {
  rest: string;
  wsPublic: string;
  wsPrivate: string | null;
  apiKey: string | null;
  apiSecret: string | null;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_STEP_MS = 250;

function send(response: ServerResponse, status: number, body: string): void {
  setCorsHeaders(response);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(body);
}

/**
 * Starts a Kraken-compatible simulator: public REST under /0/public/*, WebSocket v2 (public) on /v2 of the
 * same HTTP server, and test-control endpoints under /_sim/*. See docs/simulator.md.
 */
export async function startSimulator(options: SimOptions = {}): Promise<SimHandle> {
  const host = options.host ?? '127.0.0.1';
  const stepMs = options.stepMs ?? DEFAULT_STEP_MS;
  const log = options.log ?? silentLogger;
  const market = new Market(options.seed ?? 1, systemClock());
  const gateway = new WsGateway(market, log);

  const server = createServer((request, response) => {
    handleHttp(request, response).catch((error: unknown) => {
      log(`http error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, '{"error":["EGeneral:Internal error"]}');
    });
  });

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sim.invalid');
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      answerPreflight(response);
      return;
    }
    const body = method === 'POST' ? await readBody(request) : '';
    if (url.pathname.startsWith('/_sim/')) {
      const reply = handleControl(method, url.pathname, body, market, gateway);
      send(response, reply.status, reply.body);
      return;
    }
    if (method !== 'GET' && method !== 'POST') {
      send(response, 404, '{"error":["EGeneral:Unknown method"]}');
      return;
    }
    const params = parseParams(url.searchParams, body, request.headers['content-type']);
    const reply = routeRest(url.pathname, params, { market });
    send(response, reply.status, reply.body);
  }

  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://sim.invalid').pathname;
    if (pathname === '/v2') {
      gateway.handleUpgrade(request, socket, head);
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
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const stepTimer = stepMs > 0 ? setInterval(() => market.step(), stepMs) : undefined;
  const origin = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  log(`listening on ${origin} (seed ${options.seed ?? 1}, step ${stepMs} ms)`);

  let closing: Promise<void> | undefined;
  return {
    rest: `http://${origin}`,
    wsPublic: `ws://${origin}/v2`,
    wsPrivate: null,
    apiKey: null,
    apiSecret: null,
    port,
    close() {
      closing ??= (async () => {
        if (stepTimer) clearInterval(stepTimer);
        await gateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
