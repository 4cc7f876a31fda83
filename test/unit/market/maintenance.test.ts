import { describe, expect, it } from 'vitest';
import {
  createMaintenanceWatch,
  MAINTENANCE_EVERY_MS,
  MAINTENANCE_PATH,
  parseMaintenance,
} from '../../../lib/market/maintenance.ts';
import { statusPageUrl } from '../../../lib/settings/endpoints.ts';

const NOW = Date.parse('2026-12-06T12:00:00Z');
/** A maintenance as Statuspage lists it (the fields read; the others are left out). */
const item = (name: string, from: string, until: string, components: string[], status = 'scheduled') => ({
  id: name,
  name,
  status,
  impact: 'maintenance',
  scheduled_for: from,
  scheduled_until: until,
  shortlink: 'https://stspg.io/abc',
  components: components.map((c) => ({ name: c })),
});

describe('parseMaintenance (a Statuspage scheduled-maintenances document)', () => {
  it('the next one that concerns trading, skipping funding gateways and the ones already over', () => {
    const body = {
      scheduled_maintenances: [
        item('Bitcoin funding gateway', '2026-12-06T13:00:00Z', '2026-12-06T14:00:00Z', ['BTC Funding']),
        item('Old one', '2026-12-06T08:00:00Z', '2026-12-06T09:00:00Z', ['Trading']),
        item('Engine upgrade', '2026-12-08T02:00:00Z', '2026-12-08T04:00:00Z', ['Spot Trading', 'API']),
        item('Earlier engine work', '2026-12-07T02:00:00Z', '2026-12-07T03:00:00Z', ['Trading']),
      ],
    };
    expect(parseMaintenance(body, NOW)).toEqual({
      kind: 'announced',
      name: 'Earlier engine work',
      start: Date.parse('2026-12-07T02:00:00Z'),
      end: Date.parse('2026-12-07T03:00:00Z'),
      inProgress: false,
      url: 'https://stspg.io/abc',
    });
  });

  it('one under way counts until its end; none left is "none"; a document of another shape is "unknown"', () => {
    const running = item('Trading halt', '2026-12-06T11:00:00Z', '2026-12-06T13:00:00Z', [], 'in_progress');
    expect(parseMaintenance({ scheduled_maintenances: [running] }, NOW)).toMatchObject({
      kind: 'announced',
      inProgress: true,
    });
    const funding = item('ETH funding', '2026-12-07T00:00:00Z', '2026-12-07T01:00:00Z', ['ETH Funding']);
    expect(parseMaintenance({ scheduled_maintenances: [funding] }, NOW)).toEqual({ kind: 'none' });
    expect(parseMaintenance({ scheduled_maintenances: [] }, NOW)).toEqual({ kind: 'none' });
    expect(parseMaintenance({ page: {} }, NOW)).toEqual({ kind: 'unknown' });
    expect(parseMaintenance(null, NOW)).toEqual({ kind: 'unknown' });
    // Broken entries are skipped, not trusted: no dates, a title that is not text, a link that is not https.
    const broken = [
      { name: 'No dates', status: 'scheduled', components: [] },
      { ...item('x', '2026-12-07T00:00:00Z', '2026-12-07T01:00:00Z', ['Trading']), name: 42 },
      { ...item('Link', '2026-12-07T00:00:00Z', '2026-12-07T01:00:00Z', ['API']), shortlink: 'javascript:x' },
    ];
    expect(parseMaintenance({ scheduled_maintenances: broken }, NOW)).toEqual({
      kind: 'announced',
      name: 'Link',
      start: Date.parse('2026-12-07T00:00:00Z'),
      end: Date.parse('2026-12-07T01:00:00Z'),
      inProgress: false,
    });
  });
});

describe('createMaintenanceWatch', () => {
  function setup(answer: () => Promise<{ ok: boolean; json(): Promise<unknown> }>) {
    let now = NOW;
    let base = 'https://status.kraken.com';
    const asked: string[] = [];
    let changes = 0;
    const watch = createMaintenanceWatch({
      fetch: (url) => {
        asked.push(url);
        return answer();
      },
      now: () => now,
      base: () => base,
      onChange: () => {
        changes += 1;
      },
    });
    return {
      watch,
      asked,
      changes: () => changes,
      advance: (ms: number) => {
        now += ms;
      },
      setBase: (b: string) => {
        base = b;
      },
    };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const doc = {
    scheduled_maintenances: [item('Engine', '2026-12-07T02:00:00Z', '2026-12-07T03:00:00Z', ['Trading'])],
  };

  it('asks the status page once per 15 minutes, and the endpoint traded with (a new one at once)', async () => {
    const s = setup(async () => ({ ok: true, json: async () => doc }));
    expect(s.watch.view()).toEqual({ kind: 'unknown' }); // not read yet: asked now, never waited for
    await settle();
    expect(s.watch.view()).toMatchObject({ kind: 'announced', name: 'Engine' });
    expect(s.changes()).toBe(1);
    s.advance(MAINTENANCE_EVERY_MS - 1);
    s.watch.view();
    expect(s.asked).toEqual([`https://status.kraken.com${MAINTENANCE_PATH}`]);
    s.advance(1);
    s.watch.view();
    await settle();
    expect(s.asked).toHaveLength(2);
    expect(s.changes()).toBe(1); // the same answer again: no new view
    s.setBase('http://127.0.0.1:8080');
    expect(s.watch.view()).toEqual({ kind: 'unknown' });
    await settle();
    expect(s.asked.at(-1)).toBe(`http://127.0.0.1:8080${MAINTENANCE_PATH}`);
  });

  it('fails quietly into "unknown" (unreachable, an error page), and asks again only 15 minutes later', async () => {
    const s = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    s.watch.view();
    await settle();
    expect(s.watch.view()).toEqual({ kind: 'unknown' });
    expect(s.asked).toHaveLength(1);
    const page = setup(async () => ({ ok: false, json: async () => ({}) }));
    page.watch.view();
    await settle();
    expect(page.watch.view()).toEqual({ kind: 'unknown' });
  });

  it('a restarted worker takes the last answer from the cache while it is fresh, and asks only after', async () => {
    const saved: unknown[] = [];
    const cache = { load: async () => saved.at(-1), save: async (v: unknown) => void saved.push(v) };
    let now = NOW;
    const asked: string[] = [];
    const make = () =>
      createMaintenanceWatch({
        fetch: async (url) => {
          asked.push(url);
          return { ok: true, json: async () => doc };
        },
        now: () => now,
        base: () => 'https://status.kraken.com',
        onChange: () => {},
        cache,
      });
    const first = make();
    first.view();
    await settle();
    expect(saved).toHaveLength(1);
    const second = make(); // the worker stopped and started again 10 minutes later
    now += 10 * 60_000;
    second.view();
    await settle();
    expect(second.view()).toMatchObject({ kind: 'announced', name: 'Engine' });
    expect(asked).toHaveLength(1);
    const third = make(); // and again, 16 minutes after the answer: asked
    now += 6 * 60_000;
    third.view();
    await settle();
    expect(asked).toHaveLength(2);
    // A cache damaged in storage is ignored (asked instead), never trusted.
    saved.push({ base: 'https://status.kraken.com', at: now, view: { kind: 'announced', name: 7 } });
    const fourth = make();
    fourth.view();
    await settle();
    expect(asked).toHaveLength(3);
    expect(fourth.view()).toMatchObject({ kind: 'announced', name: 'Engine' });
  });

  it('a maintenance that has ended since it was read is no longer shown', async () => {
    const s = setup(async () => ({ ok: true, json: async () => doc }));
    s.watch.view();
    await settle();
    s.advance(Date.parse('2026-12-07T03:00:00Z') - NOW);
    expect(s.watch.view()).toEqual({ kind: 'none' });
  });
});

describe('statusPageUrl', () => {
  it('Kraken’s status page for Kraken, the simulator’s own origin for a local endpoint', () => {
    expect(statusPageUrl({ kind: 'kraken' })).toBe('https://status.kraken.com');
    expect(
      statusPageUrl({
        kind: 'custom',
        rest: 'http://127.0.0.1:8080/',
        wsPublic: 'ws://127.0.0.1:8081/v2',
        wsPrivate: null,
      }),
    ).toBe('http://127.0.0.1:8080');
  });
});
