import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { getJson, isChannel, isMethod, startTestSim, WsClient } from './helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ seed: 9 });
});
afterAll(() => sim.close());

const post = (path: string, body?: unknown) =>
  getJson(`${sim.rest}${path}`, {
    method: 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('test-control endpoints', () => {
  it('/_sim/market/step advances the market once and answers {"ok":true}', async () => {
    const before = await getJson(`${sim.rest}/0/public/Trades?pair=XBTUSD&count=1`);
    let reply = { status: 0, text: '', json: {} as unknown };
    let after = before;
    for (let i = 0; i < 20 && after.json.result.last === before.json.result.last; i += 1) {
      reply = await post('/_sim/market/step');
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('{"ok":true}');
      after = await getJson(`${sim.rest}/0/public/Trades?pair=XBTUSD&count=1`);
    }
    expect(after.json.result.XXBTZUSD[0][6]).toBeGreaterThan(before.json.result.XXBTZUSD[0][6]);
  });

  it('/_sim/ws/drop kills every connection abruptly (1006) and new connections work', async () => {
    const one = await WsClient.open(sim.wsPublic);
    const two = await WsClient.open(sim.wsPublic);
    const closed = (client: WsClient) =>
      new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    const codes = Promise.all([closed(one), closed(two)]);
    expect((await post('/_sim/ws/drop')).json).toEqual({ ok: true });
    expect(await codes).toEqual([1006, 1006]);
    const three = await WsClient.open(sim.wsPublic);
    await three.next(isChannel('status'));
    await three.close();
  });

  it('/_sim/ws/silence stops data, heartbeats and pongs on existing connections for N ms', async () => {
    const quiet = await WsClient.open(sim.wsPublic);
    await quiet.next(isChannel('status'));
    quiet.send({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD'], event_trigger: 'bbo', snapshot: false },
    });
    await quiet.next(isMethod('subscribe'));
    expect((await post('/_sim/ws/silence', { ms: 1800 })).json).toEqual({ ok: true });
    const fresh = await WsClient.open(sim.wsPublic);
    await fresh.next(isChannel('status'));
    const silencedAt = Date.now();
    const framesBefore = quiet.frames.length;
    quiet.drain();
    quiet.send({ method: 'ping', req_id: 1 });
    fresh.send({ method: 'ping', req_id: 2 });
    await fresh.next(isMethod('pong'));
    for (let i = 0; i < 5; i += 1) await post('/_sim/market/step');
    // Long enough for a heartbeat (1 s) to have been due.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(quiet.frames.slice(framesBefore)).toEqual([]);
    // After the silence the same connection talks again (the ping sent during the silence is lost).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1900 - (Date.now() - silencedAt))));
    quiet.send({ method: 'ping', req_id: 3 });
    expect(JSON.parse(await quiet.next(isMethod('pong'))).req_id).toBe(3);
    await Promise.all([quiet.close(), fresh.close()]);
  });

  it.each([undefined, { ms: -1 }, { ms: 'x' }, { ms: 1.5 }])(
    'silence rejects body %j with 400',
    async (body) => {
      const reply = await post('/_sim/ws/silence', body);
      expect(reply.status).toBe(400);
      expect(reply.json.ok).toBe(false);
    },
  );

  it('control endpoints want POST and known paths; CORS applies to them too', async () => {
    const get = await fetch(`${sim.rest}/_sim/market/step`);
    expect(get.status).toBe(405);
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect((await post('/_sim/nope')).status).toBe(404);
  });
});
