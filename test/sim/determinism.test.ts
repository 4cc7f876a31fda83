import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimHandle } from '../../sim/server.ts';
import { getJson, startTestSim, step } from './helpers.ts';

/** Everything about the market except wall-clock stamps. */
async function fingerprint(sim: SimHandle): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of ['XBTUSD', 'XDGUSD', 'ETHXBT']) {
    const depth = (await getJson(`${sim.rest}/0/public/Depth?pair=${pair}&count=200`)).json.result;
    const trades = (await getJson(`${sim.rest}/0/public/Trades?pair=${pair}&count=300`)).json.result;
    const key = Object.keys(depth)[0] ?? '';
    const strip = (levels: unknown[][]) => levels.map((level) => level.slice(0, 2));
    out[pair] = {
      asks: strip(depth[key].asks),
      bids: strip(depth[key].bids),
      // price, volume, side, type, id — not the time
      trades: (trades[key] as unknown[][]).map((t) => [t[0], t[1], t[3], t[4], t[6]]),
    };
  }
  return out;
}

describe('seeded market', () => {
  const sims: SimHandle[] = [];
  beforeAll(async () => {
    sims.push(
      await startTestSim({ seed: 1234 }),
      await startTestSim({ seed: 1234 }),
      await startTestSim({ seed: 1235 }),
    );
  });
  afterAll(() => Promise.all(sims.map((s) => s.close())));

  it('same seed and same steps → the same book and trades; another seed → a different market', async () => {
    const [a, b, c] = sims;
    if (!a || !b || !c) throw new Error('sims not started');
    expect(await fingerprint(a)).toEqual(await fingerprint(b));
    await Promise.all([step(a, 40), step(b, 40), step(c, 40)]);
    const fa = await fingerprint(a);
    expect(fa).toEqual(await fingerprint(b));
    expect(fa).not.toEqual(await fingerprint(c));
    await step(a, 1);
    expect(await fingerprint(a)).not.toEqual(await fingerprint(b));
  });

  it('starts near the documented prices', async () => {
    const [a] = sims;
    if (!a) throw new Error('sim not started');
    const { json } = await getJson(`${a.rest}/0/public/Ticker`);
    const last = (key: string) => Number(json.result[key].c[0]);
    const near = (value: number, target: number) => Math.abs(value / target - 1) < 0.05;
    expect(near(last('XXBTZUSD'), 97000)).toBe(true);
    expect(near(last('XETHZUSD'), 3400)).toBe(true);
    expect(near(last('SOLUSD'), 180)).toBe(true);
    expect(near(last('XXRPZUSD'), 2.3)).toBe(true);
    expect(near(last('XDGUSD'), 0.38)).toBe(true);
    expect(near(last('XETHXXBT'), 0.035)).toBe(true);
  });
});
