// Starts the simulator in-process for integration tests (real HTTP and WebSocket on a loopback port).
import { WebSocket as WsClient } from 'ws';
import type { WebSocketLike } from '../../lib/kraken/index.ts';
import { type SimHandle, startSimulator } from '../../sim/server.ts';

export async function withSim(
  opts: { seed?: number; stepMs?: number; rateLimit?: 'on' | 'relaxed' | 'off' } = {},
): Promise<SimHandle> {
  return startSimulator({
    port: 0,
    host: '127.0.0.1',
    seed: opts.seed ?? 1,
    stepMs: opts.stepMs ?? 100,
    ...(opts.rateLimit ? { rateLimit: opts.rateLimit } : {}),
  });
}

/** Node 20 has no global WebSocket: the `ws` package's client has the same event-handler interface. */
export const nodeSocket = (url: string): WebSocketLike => new WsClient(url) as unknown as WebSocketLike;

export async function simControl(sim: SimHandle, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sim.rest}/_sim/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sim control ${path}: HTTP ${res.status}`);
}
