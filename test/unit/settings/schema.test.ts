import { describe, expect, it } from 'vitest';
import {
  customEndpoints,
  defaultSettings,
  endpointUrls,
  KRAKEN_ENDPOINTS,
  parseSettings,
  SettingsError,
} from '../../../lib/settings/schema.ts';

describe('settings', () => {
  it('defaults to the real Kraken endpoints', () => {
    const { settings, problems } = parseSettings(undefined);
    expect(problems).toEqual([]);
    expect(settings.endpoints).toEqual({ kind: 'kraken' });
    expect(endpointUrls(settings.endpoints)).toEqual({
      rest: 'https://api.kraken.com',
      wsPublic: 'wss://ws.kraken.com/v2',
      wsPrivate: 'wss://ws-auth.kraken.com/v2',
    });
    expect(KRAKEN_ENDPOINTS.wsPublic).toBe('wss://ws.kraken.com/v2');
  });

  it('derives the simulator WebSocket URL from its REST origin', () => {
    expect(customEndpoints('http://127.0.0.1:8787/')).toEqual({
      kind: 'custom',
      rest: 'http://127.0.0.1:8787',
      wsPublic: 'ws://127.0.0.1:8787/v2',
      wsPrivate: 'ws://127.0.0.1:8787/v2-auth',
    });
    expect(customEndpoints('https://sim.example:9000', 'wss://sim.example:9000/v2').wsPublic).toBe(
      'wss://sim.example:9000/v2',
    );
  });

  it.each([['not a url'], ['ftp://127.0.0.1'], ['javascript:alert(1)']])('refuses REST URL %j', (url) => {
    expect(() => customEndpoints(url)).toThrow(SettingsError);
  });

  it('refuses a WebSocket URL that is not ws(s)', () => {
    expect(() => customEndpoints('http://127.0.0.1:1', 'http://127.0.0.1:1/v2')).toThrow(/WebSocket URL/);
  });

  it('round-trips saved settings', () => {
    const saved = {
      ...defaultSettings(),
      endpoints: customEndpoints('http://127.0.0.1:8787'),
      badgePair: 'ETH/USD',
    };
    expect(parseSettings(JSON.parse(JSON.stringify(saved)))).toEqual({ settings: saved, problems: [] });
  });

  it('repairs damaged fields, reports them, and keeps the rest', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      endpoints: { kind: 'custom', rest: 'garbage' },
      watchlist: ['SOL/USD', 'SOL/USD', 'ETH/USD'],
      badgePair: 'NOT/LISTED',
    });
    expect(settings.endpoints).toEqual({ kind: 'kraken' });
    expect(settings.watchlist).toEqual(['SOL/USD', 'ETH/USD']);
    expect(settings.badgePair).toBe('SOL/USD');
    expect(problems).toHaveLength(1);
    expect(parseSettings('corrupted').problems).toHaveLength(1);
    expect(parseSettings({ watchlist: 42 }).problems[0]).toMatch(/watchlist/);
  });

  it('refuses settings from a newer version instead of overwriting them', () => {
    expect(() => parseSettings({ version: 2 })).toThrow(/newer version/);
  });
});
