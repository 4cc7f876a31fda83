import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../lib/settings/schema.ts';
import { createSettingsService } from '../../../lib/settings/service.ts';
import { WatchlistError } from '../../../lib/settings/watchlist.ts';

async function harness(initial: Partial<Settings> = {}) {
  let saved: Settings = { ...defaultSettings(), ...initial };
  const service = createSettingsService(
    {
      load: async () => structuredClone(saved),
      save: async (s) => {
        saved = structuredClone(s);
      },
    },
    {
      resolveSymbol: (input) => {
        if (input === 'xdgusd') return 'DOGE/USD';
        if (input === 'NOPE/USD') throw new WatchlistError('unknown-pair', 'Kraken has no NOPE/USD pair.');
        return input;
      },
    },
  );
  await service.load();
  return { service, saved: () => saved };
}

describe('settings service: watchlist and badge', () => {
  it('adds by the resolved symbol, refuses what the resolver refuses, and persists', async () => {
    const h = await harness({ watchlist: ['BTC/USD'], badgePair: 'BTC/USD' });
    await expect(h.service.addPair('xdgusd')).resolves.toBe('DOGE/USD');
    await expect(h.service.addPair('NOPE/USD')).rejects.toThrow('Kraken has no NOPE/USD pair.');
    await expect(h.service.addPair('DOGE/USD')).rejects.toMatchObject({ code: 'duplicate' });
    expect(h.saved().watchlist).toEqual(['BTC/USD', 'DOGE/USD']);
  });

  it('the first pair added to an empty badge goes on it', async () => {
    const h = await harness({ watchlist: [], badgePair: null });
    await h.service.addPair('ETH/USD');
    expect(h.saved()).toMatchObject({ watchlist: ['ETH/USD'], badgePair: 'ETH/USD' });
  });

  it('removing the badge pair moves the badge to the first remaining pair (or none)', async () => {
    const h = await harness({ watchlist: ['BTC/USD', 'ETH/USD'], badgePair: 'BTC/USD' });
    await h.service.removePair('BTC/USD');
    expect(h.saved()).toMatchObject({ watchlist: ['ETH/USD'], badgePair: 'ETH/USD' });
    await h.service.removePair('ETH/USD');
    expect(h.saved()).toMatchObject({ watchlist: [], badgePair: null });
    await expect(h.service.removePair('ETH/USD')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('puts only a watchlist pair on the badge', async () => {
    const h = await harness({ watchlist: ['BTC/USD', 'ETH/USD'], badgePair: 'BTC/USD' });
    await expect(h.service.setBadgePair('ETH/USD')).resolves.toBe('ETH/USD');
    await expect(h.service.setBadgePair('SOL/USD')).rejects.toThrow('SOL/USD is not on the watchlist.');
    expect(h.saved().badgePair).toBe('ETH/USD');
  });
});

describe('settings service: endpoints and sound', () => {
  it('re-validates endpoints from the message boundary, and always stores a new object', async () => {
    const h = await harness();
    const changes: boolean[] = [];
    h.service.subscribe(({ previous, next }) => changes.push(previous.endpoints !== next.endpoints));
    const custom = await h.service.setEndpoints({
      kind: 'custom',
      rest: 'http://127.0.0.1:8787/',
      wsPublic: '',
      wsPrivate: null,
    });
    expect(custom.endpoints).toEqual({
      kind: 'custom',
      rest: 'http://127.0.0.1:8787',
      wsPublic: 'ws://127.0.0.1:8787/v2',
      wsPrivate: 'ws://127.0.0.1:8787/v2-auth',
    });
    await expect(
      h.service.setEndpoints({ kind: 'custom', rest: 'nope', wsPublic: 'x', wsPrivate: null }),
    ).rejects.toThrow(/not a URL/);
    // Another machine is refused with a message that says what to do; nothing is stored.
    await expect(
      h.service.setEndpoints({
        kind: 'custom',
        rest: 'http://203.0.113.9:8787',
        wsPublic: 'ws://203.0.113.9:8787/v2',
        wsPrivate: null,
      }),
    ).rejects.toThrow(/must be on this computer \(127\.0\.0\.1 or localhost, any port\)/);
    expect(h.service.current().endpoints).toEqual(custom.endpoints);
    await h.service.setEndpoints({ kind: 'kraken' });
    await h.service.setEndpoints({ kind: 'kraken' }); // the same again: still a change the market hears
    expect(changes).toEqual([true, true, true]);
  });

  it('keeps a chosen language and answers with the settings', async () => {
    const h = await harness();
    expect(h.service.current().language).toBe('auto');
    await expect(h.service.setLanguage('fr')).resolves.toMatchObject({ language: 'fr' });
    expect(h.service.current().language).toBe('fr');
  });

  it('keeps a chosen theme and answers with the settings', async () => {
    const h = await harness();
    expect(h.service.current().theme).toBe('system');
    await expect(h.service.setTheme('light')).resolves.toMatchObject({ theme: 'light' });
    expect(h.service.current().theme).toBe('light');
  });

  it('turns the alert sound on and answers with the settings', async () => {
    const h = await harness();
    await expect(h.service.setAlertSound(true)).resolves.toMatchObject({ alertSound: true });
    expect(h.service.current().alertSound).toBe(true);
  });
});
