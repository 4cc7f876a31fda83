// The pages' side of the request port (lib/messaging/client.ts): ids matched to answers, a port that closes
// with requests out says "no answer" for each (never a guess), and a port already closed is replaced before
// anything is lost. The browser's runtime.connect is the one thing faked (WXT's fake browser has none).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REQUEST_PORT } from '../../../lib/messaging/protocol.ts';

interface FakePort {
  name: string;
  posted: { id: number; request: { type: string } }[];
  closed: boolean;
  answer(id: number, response: unknown): void;
  close(): void;
}

function fakeConnect() {
  const ports: FakePort[] = [];
  const connect = vi.fn((info: { name: string }) => {
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const port: FakePort & Record<string, unknown> = {
      name: info.name,
      posted: [],
      closed: false,
      postMessage(m: FakePort['posted'][number]) {
        if (port.closed) throw new Error('Attempting to use a disconnected port object');
        port.posted.push(m);
      },
      disconnect() {},
      onMessage: { addListener: (l: (m: unknown) => void) => void onMessage.push(l) },
      onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
      answer(id, response) {
        for (const l of onMessage) l({ id, response });
      },
      close() {
        port.closed = true;
        for (const l of onDisconnect) l();
      },
    };
    ports.push(port);
    return port;
  });
  (fakeBrowser.runtime as unknown as { connect: unknown }).connect = connect;
  return { ports, connect };
}

/**
 * Fresh modules each time: the client keeps its port in module state, as a page does for its life (the error
 * classes are taken from the same fresh graph, so instanceof compares like with like).
 */
const client = async () => {
  vi.resetModules();
  const [{ request }, errors, trading] = await Promise.all([
    import('../../../lib/messaging/client.ts'),
    import('../../../lib/messaging/errors.ts'),
    import('../../../lib/trading/errors.ts'),
  ]);
  return { request, ...errors, TradingUnavailable: trading.TradingUnavailable };
};
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('request over the request port', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens one port for every request and gives each its own answer, in whatever order they come', async () => {
    const { ports, connect } = fakeConnect();
    const { request } = await client();
    const a = request({ type: 'settings.get' });
    const b = request({ type: 'vault.get' });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledWith({ name: REQUEST_PORT });
    const [port] = ports as [FakePort];
    const [first, second] = port.posted as [FakePort['posted'][number], FakePort['posted'][number]];
    expect([first.request.type, second.request.type]).toEqual(['settings.get', 'vault.get']);
    expect(first.id).not.toBe(second.id);
    port.answer(second.id, { ok: true, value: 'vault' });
    port.answer(first.id, { ok: true, value: 'settings' });
    expect(await Promise.all([a, b])).toEqual(['settings', 'vault']);
  });

  it('a refusal comes back as its own class', async () => {
    const { ports } = fakeConnect();
    const { request, serializeError, TradingUnavailable } = await client();
    const out = request({ type: 'trading.setMode', mode: 'live' });
    const port = ports[0] as FakePort;
    const error = new TradingUnavailable('locked', 'Unlock the vault to trade live.');
    port.answer((port.posted[0] as { id: number }).id, { ok: false, error: serializeError(error) });
    await expect(out).rejects.toBeInstanceOf(TradingUnavailable);
  });

  it('a port that closes with requests out fails each as unanswered; the next request opens a new port', async () => {
    const { ports, connect } = fakeConnect();
    const { request, BackgroundUnreachable } = await client();
    const out = [request({ type: 'settings.get' }), request({ type: 'vault.get' })];
    (ports[0] as FakePort).close();
    for (const p of out) await expect(p).rejects.toBeInstanceOf(BackgroundUnreachable);
    const next = request({ type: 'settings.get' });
    expect(connect).toHaveBeenCalledTimes(2);
    const port = ports[1] as FakePort;
    port.answer((port.posted[0] as { id: number }).id, { ok: true, value: 'again' });
    expect(await next).toBe('again');
  });

  it('a port found closed at the post (the message never left) is replaced once and the request still goes', async () => {
    const { ports } = fakeConnect();
    const { request } = await client();
    void request({ type: 'settings.get' }).catch(() => {});
    const stale = ports[0] as FakePort;
    stale.closed = true; // closed, its disconnect not yet delivered
    const out = request({ type: 'vault.get' });
    const fresh = ports[1] as FakePort;
    expect(fresh.posted.map((m) => m.request.type)).toEqual(['vault.get']);
    fresh.answer((fresh.posted[0] as { id: number }).id, { ok: true, value: 1 });
    expect(await out).toBe(1);
  });

  it('with no way to reach the background at all, the request fails as unanswered, never hangs', async () => {
    (fakeBrowser.runtime as unknown as { connect: unknown }).connect = () => {
      throw new Error('Extension context invalidated.');
    };
    const { request, BackgroundUnreachable } = await client();
    await expect(request({ type: 'settings.get' })).rejects.toBeInstanceOf(BackgroundUnreachable);
  });

  it('an answer nobody waits for (another id) changes nothing', async () => {
    const { ports } = fakeConnect();
    const { request } = await client();
    let done = false;
    const out = request({ type: 'settings.get' }).then(() => (done = true));
    const port = ports[0] as FakePort;
    port.answer(12345, { ok: true, value: 'stray' });
    await settle();
    expect(done).toBe(false);
    port.answer((port.posted[0] as { id: number }).id, { ok: true, value: 'mine' });
    await out;
    expect(done).toBe(true);
  });
});
