import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKrakenRest, createWsSession } from '../../lib/kraken/index.ts';
import { BADGE_COLORS } from '../../lib/market/badge.ts';
import { createMarket, type Market, type MarketEvent } from '../../lib/market/index.ts';
import type { Tick } from '../../lib/market/types.ts';
import { customEndpoints, defaultSettings, type Settings } from '../../lib/settings/schema.ts';
import { createSettingsService } from '../../lib/settings/service.ts';
import type { SimHandle } from '../../sim/server.ts';
import { nodeSocket, simControl, withSim } from '../support/sim.ts';

// The background's market (and the settings requests it follows) with in-memory storage and badge, over a
// real socket to the simulator.
function harness(sim: SimHandle, initial?: Partial<Settings>) {
  const saved: { settings: Settings; ticks: Record<string, Tick> } = {
    settings: { ...defaultSettings(), endpoints: customEndpoints(sim.rest), ...initial },
    ticks: {},
  };
  const badges: { text: string; color: string }[] = [];
  const events: MarketEvent[] = [];
  const settings = createSettingsService(
    {
      load: async () => structuredClone(saved.settings),
      save: async (s) => {
        saved.settings = structuredClone(s);
      },
    },
    { resolveSymbol: (input) => service.resolveSymbol(input) },
  );
  const service = createMarket({
    createSession: (url) => createWsSession({ url, createSocket: nodeSocket }),
    settings,
    loadTicks: async () => saved.ticks,
    saveTicks: async (t) => {
      saved.ticks = structuredClone(t);
    },
    setBadge: async (text, color) => {
      badges.push({ text, color });
    },
    ohlc: (params) => createKrakenRest({ baseUrl: sim.rest }).ohlc(params),
    now: () => Date.now(),
  });
  service.subscribe((e) => events.push(e));
  const start = async () => {
    await settings.load();
    await service.start();
  };
  return { service, settings, saved, badges, events, start };
}

describe('market against the simulator', () => {
  let sim: SimHandle;
  const services: Market[] = [];
  beforeAll(async () => {
    sim = await withSim();
  });
  afterAll(async () => sim.close());
  afterEach(() => {
    for (const s of services.splice(0)) s.stop();
  });

  it('streams ticks for the watchlist, fills in pair precisions and sets the badge', async () => {
    const h = harness(sim, { watchlist: ['BTC/USD', 'ETH/BTC'], badgePair: 'BTC/USD' });
    services.push(h.service);
    await h.start();
    await expect.poll(() => Object.keys(h.service.snapshot().ticks).sort()).toEqual(['BTC/USD', 'ETH/BTC']);
    expect(h.service.snapshot().pairs['ETH/BTC']?.pricePrecision).toBe(5);
    expect(h.service.snapshot().connection.kind).toBe('live');
    await expect.poll(() => h.badges.at(-1)?.text).toMatch(/^\d{2,3}k$/);
    await expect
      .poll(() => h.badges.some((b) => b.color === BADGE_COLORS.up || b.color === BADGE_COLORS.down), {
        timeout: 10_000,
      })
      .toBe(true);
  });

  it('feeds verified books and public trades for the pairs asked (watchDepth), and order rules', async () => {
    const h = harness(sim, { watchlist: ['BTC/USD'], badgePair: 'BTC/USD' });
    services.push(h.service);
    await h.start();
    await expect.poll(() => h.service.rulesFor('ETH/USD')?.lotDecimals).toBe(8);
    h.service.watchDepth('ticket', ['ETH/USD']);
    await expect.poll(() => h.service.book('ETH/USD')?.asks.length ?? 0).toBe(25);
    const book = h.service.book('ETH/USD');
    // Best first, decimal text at the pair's precision.
    expect(book?.asks[0]?.price).toMatch(/^\d+\.\d{2}$/);
    expect(Number(book?.bids[0]?.price)).toBeLessThan(Number(book?.asks[0]?.price));
    const price = (Number(book?.asks[0]?.price) + 5).toFixed(2);
    await simControl(sim, 'market/price', { symbol: 'ETH/USD', price });
    await expect
      .poll(() => h.events.some((e) => e.type === 'trades' && e.trades.some((t) => t.price === price)))
      .toBe(true);
    h.service.watchDepth('ticket', []);
    expect(h.service.book('ETH/USD')).toBeUndefined();
    // A clicked alert notification asks the popup to bring a pair forward.
    h.service.focus('BTC/USD');
    expect(h.service.snapshot().focus).toEqual({ symbol: 'BTC/USD', at: expect.any(Number) });
  });

  it('a chart: 720 hourly candles from REST OHLC, then the forming candle follows a trade over the ohlc channel', async () => {
    const h = harness(sim, { watchlist: ['BTC/USD'], badgePair: 'BTC/USD' });
    services.push(h.service);
    await h.start();
    await expect.poll(() => h.service.snapshot().connection.kind).toBe('live');
    const series = await h.service.watchChart('page-1', 'BTC/USD', 60);
    expect(series.candles).toHaveLength(720);
    expect(series.limited).toBe(true);
    const forming = series.candles.at(-1);
    expect(forming?.time).toBe(Math.floor(Date.now() / 3_600_000) * 3600);
    // The book comes with the chart (the side panel's depth ladder).
    await expect.poll(() => h.service.book('BTC/USD')?.bids.length ?? 0).toBe(25);
    const price = (Math.round((forming?.close ?? 0) * 10) / 10 + 123.4).toFixed(1);
    await simControl(sim, 'market/price', { symbol: 'BTC/USD', price });
    await expect
      .poll(() =>
        h.events.some(
          (e) =>
            e.type === 'candle' &&
            e.interval === 60 &&
            e.candle.close === Number(price) &&
            e.candle.time === forming?.time,
        ),
      )
      .toBe(true);
    h.service.clearCharts();
    expect(h.service.book('BTC/USD')).toBeUndefined();
  });

  it('sparklines: 24 h of 15-minute closes for each watchlist pair', async () => {
    const h = harness(sim, { watchlist: ['BTC/USD', 'ETH/USD'], badgePair: 'BTC/USD' });
    services.push(h.service);
    await h.start();
    await h.service.refreshSparklines();
    const lines = h.service.sparklines();
    expect(Object.keys(lines).sort()).toEqual(['BTC/USD', 'ETH/USD']);
    expect(lines['BTC/USD']?.closes.length).toBeGreaterThanOrEqual(96);
    expect(h.events.some((e) => e.type === 'sparklines')).toBe(true);
  });

  it('adds by any Kraken spelling, refuses unknown pairs, removes and persists', async () => {
    const h = harness(sim, { watchlist: ['BTC/USD'], badgePair: 'BTC/USD' });
    services.push(h.service);
    await h.start();
    await expect.poll(() => Object.keys(h.service.snapshot().pairs).length).toBeGreaterThan(0);
    await expect(h.settings.addPair('xdgusd')).resolves.toBe('DOGE/USD');
    await expect(h.settings.addPair('NOPE/USD')).rejects.toThrow('Kraken has no NOPE/USD pair.');
    expect(h.saved.settings.watchlist).toEqual(['BTC/USD', 'DOGE/USD']);
    await expect.poll(() => h.service.snapshot().ticks['DOGE/USD']).toBeDefined();
    await h.settings.removePair('BTC/USD');
    expect(h.saved.settings).toMatchObject({ watchlist: ['DOGE/USD'], badgePair: 'DOGE/USD' });
    expect(h.service.snapshot().ticks['BTC/USD']).toBeUndefined();
    await expect.poll(() => h.badges.at(-1)?.text).toMatch(/^\.\d{3}$/); // DOGE ≈ 0.38 → ".38x"
  });

  it('switches endpoints without a restart and starts from a clean slate', async () => {
    const other = await withSim({ seed: 99 });
    try {
      const h = harness(sim, { watchlist: ['SOL/USD'], badgePair: 'SOL/USD' });
      services.push(h.service);
      await h.start();
      await expect.poll(() => h.service.snapshot().ticks['SOL/USD']).toBeDefined();
      await h.settings.setEndpoints(customEndpoints(other.rest));
      expect(h.service.snapshot().ticks).toEqual({});
      expect(h.service.snapshot().endpointLabel).toBe(`Simulator ${new URL(other.rest).host}`);
      await expect.poll(() => h.service.snapshot().ticks['SOL/USD']).toBeDefined();
      await expect(
        h.settings.setEndpoints({ kind: 'custom', rest: 'nope', wsPublic: 'x', wsPrivate: null }),
      ).rejects.toThrow(/not a URL/);
    } finally {
      await other.close();
    }
  });
});
