import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestSim, WsClient } from './helpers.ts';

describe('startSimulator lifecycle', () => {
  it('reports its endpoints, refuses a busy port, and frees the port on close', async () => {
    const sim = await startTestSim();
    expect(sim).toMatchObject({
      rest: `http://127.0.0.1:${sim.port}`,
      wsPublic: `ws://127.0.0.1:${sim.port}/v2`,
      wsPrivate: `ws://127.0.0.1:${sim.port}/v2-auth`,
      apiKey: sim.keys.trading.key,
      apiSecret: sim.keys.trading.secret,
    });
    expect(sim.apiKey).toMatch(/^[A-Za-z0-9+/]{56}$/);
    await expect(startTestSim({ port: sim.port })).rejects.toThrow(/EADDRINUSE/);
    const client = await WsClient.open(sim.wsPublic);
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    await Promise.all([sim.close(), sim.close()]);
    expect(await closed).toBe(1006);
    const again = await startTestSim({ port: sim.port });
    expect(again.port).toBe(sim.port);
    await again.close();
  });

  it('only /v2 and /v2-auth upgrade to WebSocket', async () => {
    const sim = await startTestSim();
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${sim.port}/v1`);
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
      socket.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('404');
    await sim.close();
  });
});
