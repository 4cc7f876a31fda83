import { describe, expect, it } from 'vitest';
import { createWsSession, type Subscription } from '../../../lib/kraken/index.ts';
import { createMarket, type MarketEvent } from '../../../lib/market/index.ts';
import type { Tick } from '../../../lib/market/types.ts';
import { customEndpoints, defaultSettings, type Settings } from '../../../lib/settings/schema.ts';
import { createSettingsService } from '../../../lib/settings/service.ts';
import { fakeSockets, virtualTimers } from '../../support/fake-ws.ts';

// The composed market over a scripted socket: settings requests go through the settings service and the
// market follows them.
async function harness(initial: Partial<Settings> = {}) {
  const net = fakeSockets();
  const clock = virtualTimers();
  let saved: Settings = { ...defaultSettings(), watchlist: ['BTC/USD'], badgePair: 'BTC/USD', ...initial };
  const badges: [string, string][] = [];
  const events: MarketEvent[] = [];
  const settings = createSettingsService(
    {
      load: async () => structuredClone(saved),
      save: async (s) => {
        saved = structuredClone(s);
      },
    },
    { resolveSymbol: (input) => market.resolveSymbol(input) },
  );
  const market = createMarket({
    createSession: (url) => createWsSession({ url, createSocket: net.create, timers: clock.timers }),
    settings,
    loadTicks: async () => ({}),
    saveTicks: async () => {},
    setBadge: async (text, color) => {
      badges.push([text, color]);
    },
    ohlc: async () => ({ rows: [] }),
    now: () => clock.timers.now(),
  });
  market.subscribe((e) => events.push(e));
  await settings.load();
  await market.start();
  const socket = () => {
    const s = net.last();
    if (!s) throw new Error('no socket');
    return s;
  };
  socket().serverOpen();
  const send = (frame: unknown) => socket().serverSend(frame);
  const ticker = (symbol: string, last: number) =>
    send({
      channel: 'ticker',
      type: 'update',
      data: [{ symbol, last, bid: last, ask: last, change: 0, change_pct: 0 }],
    });
  const subscribed = (channel: Subscription['channel']) =>
    socket()
      .sent.filter((m) => m.method === 'subscribe' && (m.params as { channel?: string }).channel === channel)
      .flatMap((m) => (m.params as { symbol?: string[] }).symbol ?? []);
  const unsubscribed = () =>
    socket()
      .sent.filter((m) => m.method === 'unsubscribe')
      .flatMap((m) => (m.params as { symbol?: string[] }).symbol ?? []);
  return {
    market,
    settings,
    badges,
    events,
    net,
    send,
    ticker,
    subscribed,
    unsubscribed,
    saved: () => saved,
  };
}

describe('market: pair names from outside are data', () => {
  it('a ticker for "__proto__" is a tick like any other; inherited names are never ticks', async () => {
    const h = await harness();
    expect(h.market.latestTick('constructor')).toBeUndefined();
    expect(h.market.latestTick('toString')).toBeUndefined();
    h.ticker('__proto__', 5);
    h.ticker('BTC/USD', 97_000);
    expect(h.market.latestTick('__proto__')?.last).toBe(5);
    expect(h.market.latestTick('last')).toBeUndefined();
    expect(h.market.latestTick('symbol')).toBeUndefined();
    expect(Object.keys(h.market.snapshot().ticks)).toEqual(['BTC/USD']);
    h.market.stop();
  });

  it('has no order rules for "constructor" (or any Object.prototype name)', async () => {
    const h = await harness();
    expect(h.market.rulesFor('constructor')).toBeUndefined();
    expect(h.market.rulesFor('__proto__')).toBeUndefined();
    expect(h.market.book('constructor')).toBeUndefined();
    h.market.stop();
  });
});

describe('market follows the settings', () => {
  it('subscribes an added pair and drops a removed one, and moves the badge with it', async () => {
    const h = await harness({ watchlist: ['BTC/USD', 'ETH/USD'], badgePair: 'BTC/USD' });
    h.ticker('BTC/USD', 97_000);
    h.ticker('ETH/USD', 3_456);
    expect(h.badges.at(-1)?.[0]).toBe('97k');
    await h.settings.addPair('SOL/USD');
    expect(h.subscribed('ticker')).toContain('SOL/USD');
    await h.settings.removePair('BTC/USD');
    expect(h.unsubscribed()).toEqual(['BTC/USD']);
    expect(h.market.latestTick('BTC/USD')).toBeUndefined();
    expect(h.market.snapshot()).toMatchObject({ watchlist: ['ETH/USD', 'SOL/USD'], badgePair: 'ETH/USD' });
    expect(h.badges.at(-1)?.[0]).toBe('3456');
    expect(h.events.filter((e) => e.type === 'market')).toHaveLength(2);
    h.market.stop();
  });

  it('keeps a removed pair subscribed while alerts still want it', async () => {
    const h = await harness({ watchlist: ['BTC/USD', 'ETH/USD'] });
    h.market.watchExtra('alerts', ['ETH/USD']);
    await h.settings.removePair('ETH/USD');
    expect(h.unsubscribed()).toEqual([]);
    h.market.watchExtra('alerts', []);
    expect(h.unsubscribed()).toEqual(['ETH/USD']);
    h.market.stop();
  });

  it("shows Kraken's refusal of a pair, and forgets it with the pair", async () => {
    const h = await harness({ watchlist: ['BTC/USD'] });
    await h.settings.addPair('ADA/XYZ');
    const sub = h.net
      .last()
      ?.sent.find((m) => (m.params as { symbol?: string[] })?.symbol?.[0] === 'ADA/XYZ');
    h.send({
      method: 'subscribe',
      success: false,
      error: 'Currency pair not supported ADA/XYZ',
      req_id: sub?.req_id,
    });
    await new Promise((r) => setImmediate(r)); // the refusal settles the subscribe request first
    expect(h.market.snapshot().rejected).toEqual({ 'ADA/XYZ': 'Currency pair not supported ADA/XYZ' });
    await h.settings.removePair('ADA/XYZ');
    expect(h.market.snapshot().rejected).toEqual({});
    h.market.stop();
  });

  it('switches endpoints: a clean slate and a new connection', async () => {
    const h = await harness();
    h.ticker('BTC/USD', 97_000);
    await h.settings.setEndpoints(customEndpoints('http://127.0.0.1:9999'));
    expect(h.market.snapshot()).toMatchObject({ ticks: {}, pairs: {}, lastTickAt: null });
    expect(h.market.snapshot().endpointLabel).toBe('Simulator 127.0.0.1:9999');
    expect(h.net.last()?.url).toBe('ws://127.0.0.1:9999/v2');
    expect(h.badges.at(-1)?.[0]).toBe('');
    h.market.stop();
  });
});

describe('market: the popup feed', () => {
  it('tells every listener even when one throws (a closed popup port)', async () => {
    const h = await harness();
    h.market.subscribe(() => {
      throw new Error('port closed');
    });
    const after: MarketEvent[] = [];
    h.market.subscribe((e) => after.push(e));
    h.ticker('BTC/USD', 1);
    expect(after.map((e) => e.type)).toEqual(['ticks']);
    h.market.stop();
  });

  it('passes ticks on as the view type', async () => {
    const h = await harness();
    h.ticker('BTC/USD', 97_000);
    const ticks = h.events.flatMap((e) => (e.type === 'ticks' ? e.ticks : []));
    expect(ticks).toEqual([
      expect.objectContaining<Partial<Tick>>({ symbol: 'BTC/USD', last: 97_000, changePct: 0 }),
    ]);
    h.market.stop();
  });
});
