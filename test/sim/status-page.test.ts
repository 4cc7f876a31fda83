// The simulator's status page (sim/http/status-page.ts): Kraken's status.kraken.com documents in Statuspage's
// shape, with the maintenances a test announces; read by the extension's own parser (lib/market/maintenance.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAINTENANCE_PATH, parseMaintenance } from '../../lib/market/maintenance.ts';
import type { SimHandle } from '../../sim/server.ts';
import { getJson, startTestSim } from './helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off', seed: 7 });
});
afterAll(() => sim.close());

const announce = (body: unknown) =>
  getJson(`${sim.rest}/_sim/maintenance`, { method: 'POST', body: JSON.stringify(body) });

describe('the simulator’s status page', () => {
  it('announces nothing until told; then upcoming.json and summary.json list it, to any origin', async () => {
    const empty = await fetch(`${sim.rest}${MAINTENANCE_PATH}`);
    expect(empty.headers.get('access-control-allow-origin')).toBe('*');
    expect((await empty.json()).scheduled_maintenances).toEqual([]);
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const end = new Date(Date.now() + 7_200_000).toISOString();
    expect((await announce({ name: 'Trading engine upgrade', start, end })).json).toEqual({ ok: true });
    await announce({ name: 'Funding gateway', start, end, components: ['BTC Funding'] });
    await announce({ name: 'Under way', start, end, status: 'in_progress' });
    const upcoming = (await getJson(`${sim.rest}${MAINTENANCE_PATH}`)).json;
    expect(upcoming.scheduled_maintenances.map((m: { name: string }) => m.name)).toEqual([
      'Trading engine upgrade',
      'Funding gateway',
    ]);
    expect(upcoming.scheduled_maintenances[0]).toMatchObject({
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: start,
      scheduled_until: end,
      components: [{ name: 'Trading' }],
    });
    const summary = (await getJson(`${sim.rest}/api/v2/summary.json`)).json;
    expect(summary.scheduled_maintenances).toHaveLength(3); // in progress too, as Statuspage's summary lists it
    expect(parseMaintenance(upcoming, Date.now())).toMatchObject({
      kind: 'announced',
      name: 'Trading engine upgrade',
      start: Date.parse(start),
      end: Date.parse(end),
    });
    expect((await announce({ clear: true })).json).toEqual({ ok: true });
    expect((await getJson(`${sim.rest}${MAINTENANCE_PATH}`)).json.scheduled_maintenances).toEqual([]);
  });

  it('refuses an announcement it cannot hold, saying why', async () => {
    expect((await announce({ name: '', start: 'x', end: 'y' })).json.error).toMatch(/name/);
    const at = new Date().toISOString();
    expect((await announce({ name: 'Backwards', start: at, end: at })).json.error).toMatch(/end after start/);
    expect(
      (await announce({ name: 'x', start: at, end: '2999-01-01T00:00:00Z', status: 'done' })).status,
    ).toBe(400);
  });
});
