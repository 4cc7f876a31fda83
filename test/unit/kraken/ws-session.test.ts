import { describe, expect, it } from 'vitest';
import {
  type ChannelMessage,
  createWsSession,
  type SessionProblem,
  type SessionState,
} from '../../../lib/kraken/index.ts';
import { fakeSockets, virtualTimers } from '../../support/fake-ws.ts';

function harness(options: { connectTimeoutMs?: number } = {}) {
  const clock = virtualTimers();
  const net = fakeSockets();
  const session = createWsSession({
    url: 'wss://example.test/v2',
    createSocket: net.create,
    timers: clock.timers,
    random: () => 1,
    backoff: { baseMs: 100, capMs: 1_000, floorMs: 10 },
    ...options,
  });
  const states: SessionState[] = [];
  const data: ChannelMessage[] = [];
  const problems: SessionProblem[] = [];
  session.on('state', (s) => states.push(s));
  session.on('data', (d) => data.push(d));
  session.on('problem', (p) => problems.push(p));
  return { clock, net, session, states, data, problems };
}

const trade = {
  symbol: 'BTC/USD',
  side: 'buy',
  price: 1,
  qty: 1,
  ord_type: 'limit',
  trade_id: 1,
  timestamp: 't',
};

describe('connect timeout', () => {
  it('closes a socket that never opens and retries it with backoff', () => {
    const h = harness({ connectTimeoutMs: 5_000 });
    h.session.start();
    expect(h.net.sockets).toHaveLength(1);
    h.clock.advance(4_999);
    expect(h.net.last()?.closedWith).toBeNull();
    h.clock.advance(1);
    expect(h.net.sockets[0]?.closedWith).toBe(1000);
    expect(h.states.at(-1)).toEqual({
      kind: 'reconnecting',
      attempt: 1,
      delayMs: 100,
      reason: 'cannot connect (no answer in 5 s)',
    });
    h.clock.advance(100);
    expect(h.net.sockets).toHaveLength(2);
    // The second socket opens in time: its connect timeout is off.
    h.net.last()?.serverOpen();
    h.clock.advance(5_001);
    expect(h.net.sockets).toHaveLength(2);
    expect(h.session.getState().kind).toBe('live');
    h.session.stop();
  });

  it('defaults to 10 s', () => {
    const h = harness();
    h.session.start();
    h.clock.advance(9_999);
    expect(h.states.map((s) => s.kind)).toEqual(['connecting']);
    h.clock.advance(1);
    expect(h.states.at(-1)?.kind).toBe('reconnecting');
    h.session.stop();
  });

  it('a socket that opened is not timed out, however long it lives', () => {
    const h = harness({ connectTimeoutMs: 1_000 });
    h.session.start();
    h.net.last()?.serverOpen();
    for (let i = 0; i < 10; i++) {
      h.clock.advance(1_000);
      h.net.last()?.serverSend({ channel: 'heartbeat' });
    }
    expect(h.states.map((s) => s.kind)).toEqual(['connecting', 'live']);
    h.session.stop();
  });
});

describe('typed frames on the session', () => {
  it('delivers a trade typed (once), and counts a frame it cannot read', () => {
    const h = harness();
    h.session.start();
    h.net.last()?.serverOpen();
    h.net.last()?.serverSend({ channel: 'trade', type: 'update', data: [trade] });
    expect(h.data.map((d) => (d.channel === 'other' ? `other:${d.name}` : d.channel))).toEqual(['trade']);
    h.net.last()?.serverSend({ channel: 'trade', type: 'update', data: [{ ...trade, price: 'x' }] });
    expect(h.session.stats().invalidFrames).toBe(1);
    expect(h.problems).toEqual([{ kind: 'invalid-frame', reason: 'trade frame without valid trades' }]);
    expect(h.data).toHaveLength(1);
    h.session.stop();
  });

  it('a listener that throws does not keep the others from the frame', () => {
    const h = harness();
    h.session.on('data', () => {
      throw new Error('listener bug');
    });
    const after: ChannelMessage[] = [];
    h.session.on('data', (d) => after.push(d));
    h.session.start();
    h.net.last()?.serverOpen();
    h.net
      .last()
      ?.serverSend({ channel: 'ticker', type: 'update', data: [{ symbol: 'A/B', last: 1, bid: 1, ask: 1 }] });
    expect(after).toHaveLength(1);
    expect(h.session.getState().kind).toBe('live');
    h.session.stop();
  });
});

describe('requests, subscriptions and the link watch', () => {
  it('replays desired subscriptions on every connection and matches responses by req_id', async () => {
    const h = harness();
    h.session.subscribe({ channel: 'ticker', symbol: 'BTC/USD' });
    h.session.start();
    h.net.last()?.serverOpen();
    const first = h.net.last()?.sent[0];
    expect(first).toMatchObject({ method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD'] } });
    const pong = h.session.request('ping', undefined);
    const ping = h.net.last()?.sent[1];
    h.net.last()?.serverSend({ method: 'pong', req_id: ping?.req_id });
    await expect(pong).resolves.toMatchObject({ method: 'pong' });
    h.net.last()?.serverClose(1006);
    h.clock.advance(100);
    h.net.last()?.serverOpen();
    expect(h.net.sockets).toHaveLength(2);
    expect(h.net.last()?.sent[0]).toMatchObject({ method: 'subscribe', params: { symbol: ['BTC/USD'] } });
    // Ids keep growing across connections.
    expect(Number(h.net.last()?.sent[0]?.req_id)).toBeGreaterThan(Number(ping?.req_id));
    h.session.stop();
  });

  it('fails a request on timeout and on a drop', async () => {
    const h = harness();
    h.session.start();
    h.net.last()?.serverOpen();
    const late = h.session.request('ping', undefined);
    h.clock.advance(10_000);
    await expect(late).rejects.toMatchObject({ reason: 'timeout' });
    const dropped = h.session.request('ping', undefined);
    h.net.last()?.serverClose(1006);
    await expect(dropped).rejects.toMatchObject({
      reason: 'disconnected',
      detail: 'connection closed (1006)',
    });
    h.session.stop();
  });

  it('with subscriptions, 8 s of silence is a dead link; pings keep an idle link checked', () => {
    const h = harness();
    h.session.subscribe({ channel: 'ticker', symbol: 'BTC/USD' });
    h.session.start();
    h.net.last()?.serverOpen();
    h.clock.advance(9_000);
    expect(h.states.at(-1)).toMatchObject({ kind: 'reconnecting', reason: 'no data for 9 s' });
    h.session.stop();

    const idle = harness();
    idle.session.start();
    idle.net.last()?.serverOpen();
    idle.clock.advance(15_000);
    expect(idle.net.last()?.sent.map((m) => m.method)).toEqual(['ping']);
    idle.session.stop();
  });

  it('resets the backoff once a connection has stayed up (stableAfterMs)', () => {
    const h = harness();
    h.session.start();
    h.net.last()?.serverClose(1006);
    h.clock.advance(100);
    h.net.last()?.serverClose(1006);
    expect(h.states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 2, delayMs: 200 });
    h.clock.advance(200);
    h.net.last()?.serverOpen();
    for (let i = 0; i < 10; i++) {
      h.clock.advance(1_000);
      h.net.last()?.serverSend({ channel: 'heartbeat' });
    }
    h.net.last()?.serverClose(1006);
    expect(h.states.at(-1)).toMatchObject({ kind: 'reconnecting', attempt: 1, delayMs: 100 });
    h.session.stop();
  });
});
