import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import {
  type ChannelMessage,
  createWsSession,
  type SessionProblem,
  type SessionState,
  type WsSession,
} from '../../lib/kraken/index.ts';
import type { SimHandle } from '../../sim/server.ts';
import { nodeSocket, simControl, withSim } from '../support/sim.ts';

const FAST_BACKOFF = { baseMs: 50, capMs: 200, floorMs: 10 };

function record(session: WsSession) {
  const states: SessionState[] = [];
  const data: ChannelMessage[] = [];
  const problems: SessionProblem[] = [];
  session.on('state', (s) => states.push(s));
  session.on('data', (d) => data.push(d));
  session.on('problem', (p) => problems.push(p));
  return { states, data, problems };
}

const tickerCount = (data: ChannelMessage[], symbol: string) =>
  data.filter((d) => d.channel === 'ticker' && d.data.some((t) => t.symbol === symbol)).length;

describe('WebSocket v2 session against the simulator', () => {
  let sim: SimHandle;
  const sessions: WsSession[] = [];
  const open = (extra: Partial<Parameters<typeof createWsSession>[0]> = {}) => {
    const s = createWsSession({
      url: sim.wsPublic,
      createSocket: nodeSocket,
      backoff: FAST_BACKOFF,
      ...extra,
    });
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    sim = await withSim();
  });
  afterAll(async () => sim.close());
  afterEach(() => {
    for (const s of sessions.splice(0)) s.stop();
  });

  it('goes live and streams the subscribed ticker', async () => {
    const session = open();
    const rec = record(session);
    session.subscribe({ channel: 'ticker', symbol: 'BTC/USD' });
    session.start();
    await expect.poll(() => tickerCount(rec.data, 'BTC/USD')).toBeGreaterThanOrEqual(2);
    expect(rec.states.map((s) => s.kind)).toEqual(['connecting', 'live']);
    const first = rec.data.find((d) => d.channel === 'ticker');
    expect(first?.channel === 'ticker' && first.type).toBe('snapshot');
    expect(rec.problems).toEqual([]);
  });

  it("surfaces Kraken's refusal of an unknown symbol and keeps the rest flowing", async () => {
    const session = open();
    const rec = record(session);
    session.subscribe({ channel: 'ticker', symbol: 'XBT/USD' });
    session.subscribe({ channel: 'ticker', symbol: 'ETH/USD' });
    session.start();
    await expect.poll(() => rec.problems.length).toBe(1);
    expect(rec.problems[0]).toEqual({
      kind: 'subscription-rejected',
      subscription: { channel: 'ticker', symbol: 'XBT/USD' },
      error: 'Currency pair not supported XBT/USD',
    });
    await expect.poll(() => tickerCount(rec.data, 'ETH/USD')).toBeGreaterThanOrEqual(1);
  });

  it('answers ping with pong', async () => {
    const session = open();
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    await expect(session.request('ping', undefined)).resolves.toMatchObject({ method: 'pong' });
  });

  it('reconnects after a drop and replays its subscriptions', async () => {
    const session = open();
    const rec = record(session);
    session.subscribe({ channel: 'ticker', symbol: 'SOL/USD' });
    session.start();
    await expect.poll(() => tickerCount(rec.data, 'SOL/USD')).toBeGreaterThanOrEqual(1);
    await simControl(sim, 'ws/drop');
    await expect.poll(() => rec.states.some((s) => s.kind === 'reconnecting')).toBe(true);
    const before = tickerCount(rec.data, 'SOL/USD');
    await expect.poll(() => session.getState().kind).toBe('live');
    await expect.poll(() => tickerCount(rec.data, 'SOL/USD')).toBeGreaterThan(before);
    const reconnecting = rec.states.find((s) => s.kind === 'reconnecting');
    expect(reconnecting).toMatchObject({ attempt: 1 });
  });

  it('treats silence as a dead link (watchdog) and recovers', async () => {
    const session = open({ silenceTimeoutMs: 1_000 });
    const rec = record(session);
    session.subscribe({ channel: 'ticker', symbol: 'BTC/USD' });
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    await expect.poll(() => tickerCount(rec.data, 'BTC/USD')).toBeGreaterThanOrEqual(1);
    await simControl(sim, 'ws/silence', { ms: 3_000 });
    await expect
      .poll(() => rec.states.find((s) => s.kind === 'reconnecting'), { timeout: 5_000 })
      .toMatchObject({ reason: expect.stringMatching(/^no data for \d+ s$/) });
    await expect.poll(() => session.getState().kind, { timeout: 5_000 }).toBe('live');
  });

  it('pings on its own schedule', async () => {
    const session = open({ pingIntervalMs: 100 });
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    // Subscribed to nothing: without pings the watchdog (ping interval + request timeout) would fire.
    await new Promise((r) => setTimeout(r, 600));
    expect(session.getState().kind).toBe('live');
  });

  it('stops for good when its AbortSignal fires', async () => {
    const controller = new AbortController();
    const session = open({ signal: controller.signal });
    const rec = record(session);
    session.start();
    await expect.poll(() => session.getState().kind).toBe('live');
    controller.abort();
    expect(session.getState()).toEqual({ kind: 'closed' });
    await new Promise((r) => setTimeout(r, 300));
    expect(rec.states.at(-1)).toEqual({ kind: 'closed' });
  });

  it('keeps retrying with growing delays while nothing listens', async () => {
    const session = createWsSession({
      url: 'ws://127.0.0.1:9/v2', // discard port: refused
      createSocket: nodeSocket,
      backoff: { baseMs: 20, capMs: 10_000, floorMs: 1 },
      random: () => 1,
    });
    sessions.push(session);
    const rec = record(session);
    session.start();
    await expect
      .poll(() => rec.states.filter((s) => s.kind === 'reconnecting').length)
      .toBeGreaterThanOrEqual(3);
    const delays = rec.states.flatMap((s) => (s.kind === 'reconnecting' ? [s.delayMs] : []));
    expect(delays.slice(0, 3)).toEqual([20, 40, 80]);
  });
});

describe('close code 1008', () => {
  it('is terminal and surfaced', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    server.on('connection', (socket) => socket.close(1008, 'Too many connections'));
    const { port } = server.address() as { port: number };
    const session = createWsSession({ url: `ws://127.0.0.1:${port}/v2`, createSocket: nodeSocket });
    session.start();
    await expect.poll(() => session.getState().kind).toBe('failed');
    // The server's own words are kept apart, as sent: the page shows them as "Kraken said: …" in its language.
    expect(session.getState()).toEqual({
      kind: 'failed',
      reason: 'refused by the server (1008 Too many connections)',
      closeReason: 'Too many connections',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(session.getState().kind).toBe('failed');
    await new Promise((r) => server.close(r));
  });
});
