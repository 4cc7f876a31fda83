import { describe, expect, it } from 'vitest';
import {
  customEndpoints,
  defaultSettings,
  endpointUrls,
  isLoopbackUrl,
  KRAKEN_ENDPOINTS,
  migrateSettings,
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
    expect(customEndpoints('https://localhost:9000', 'wss://localhost:9000/v2').wsPublic).toBe(
      'wss://localhost:9000/v2',
    );
  });

  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:1', 'http://localhost:1'],
    ['http://LOCALHOST:65535/', 'http://localhost:65535'],
    ['http://127.1:8080', 'http://127.0.0.1:8080'], // the URL parser's own spelling of 127.0.0.1
    ['https://127.0.0.1', 'https://127.0.0.1'],
  ])('accepts the loopback REST URL %s (any port)', (url, rest) => {
    expect(customEndpoints(url).rest).toBe(rest);
  });

  it.each([
    ['https://sim.example:9000', /must be on this computer .*“sim\.example” is not/],
    ['http://10.0.0.5:8787', /must be on this computer/],
    ['http://192.168.1.2', /must be on this computer/],
    ['http://0.0.0.0:8787', /must be on this computer/],
    ['http://127.0.0.2:8787', /must be on this computer/],
    ['http://localhost.:8787', /must be on this computer/],
    ['http://localhost.evil.example', /must be on this computer/],
    ['http://api.kraken.com.evil.example', /must be on this computer/],
    [
      'http://[::1]:8787',
      /IPv6 addresses such as \[::1\] cannot be allowed .* Use 127\.0\.0\.1 or localhost/,
    ],
    ['http://user:pw@127.0.0.1:8787', /must not carry a user name or password/],
  ])('refuses the non-loopback REST URL %s with a message that says why', (url, message) => {
    expect(() => customEndpoints(url)).toThrow(SettingsError);
    expect(() => customEndpoints(url)).toThrow(message);
  });

  it('refuses a WebSocket URL on another host even with a loopback REST URL', () => {
    expect(() => customEndpoints('http://127.0.0.1:1', 'ws://evil.example/v2')).toThrow(
      /WebSocket URL: .*this computer/,
    );
    expect(() => customEndpoints('http://127.0.0.1:1', undefined, 'wss://evil.example/v2-auth')).toThrow(
      /Private WebSocket URL: .*this computer/,
    );
  });

  it.each([
    ['http://127.0.0.1:8787', true],
    ['ws://localhost:1/v2', true],
    ['http://[::1]:8787', false],
    ['https://api.kraken.com', false],
    ['http://user@127.0.0.1', false],
    ['not a url', false],
  ])('isLoopbackUrl(%s) is %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
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

  it('a stored custom endpoint on another machine falls back to Kraken, and says so', () => {
    const { settings, problems } = parseSettings({
      version: 1,
      endpoints: { kind: 'custom', rest: 'http://203.0.113.9:8787', wsPublic: 'ws://203.0.113.9:8787/v2' },
    });
    expect(settings.endpoints).toEqual({ kind: 'kraken' });
    expect(problems).toEqual([expect.stringMatching(/^endpoints: .*this computer.*; Kraken used$/)]);
  });

  it.each<[string, Record<string, unknown>, Partial<Record<string, unknown>>]>([
    [
      'a watchlist of non-symbols',
      { watchlist: ['BTC/USD', 42, '<img src=x onerror=alert(1)>', 'x'.repeat(100_000), null] },
      { watchlist: ['BTC/USD'], badgePair: 'BTC/USD' },
    ],
    ['a "__proto__" watchlist entry', { watchlist: ['__proto__', 'ETH/USD'] }, { watchlist: ['ETH/USD'] }],
    ['a huge auto-lock', { autoLockMinutes: 1e15 }, { autoLockMinutes: 15 }],
    ['a negative auto-lock', { autoLockMinutes: -5 }, { autoLockMinutes: 15 }],
    ['a fractional auto-lock', { autoLockMinutes: 2.5 }, { autoLockMinutes: 15 }],
    ['a string auto-lock', { autoLockMinutes: '5' }, { autoLockMinutes: 15 }],
    [
      'an unknown endpoint kind',
      { endpoints: { kind: 'evil', rest: 'https://evil.example' } },
      { endpoints: { kind: 'kraken' } },
    ],
    ['endpoints as a string', { endpoints: 'http://evil.example' }, { endpoints: { kind: 'kraken' } }],
    [
      'a truthy non-boolean switch',
      { deadManSwitch: 'yes', alertSound: 1 },
      { deadManSwitch: false, alertSound: false },
    ],
    ['an unknown trading mode', { tradingMode: 'margin' }, { tradingMode: 'paper' }],
    ['an unknown language', { language: 'de' }, { language: 'auto' }],
    ['a language that is not a string', { language: { toString: 'fr' } }, { language: 'auto' }],
    ['a "__proto__" language', { language: '__proto__' }, { language: 'auto' }],
    [
      'a badge pair not on the list',
      { watchlist: ['ETH/USD'], badgePair: 'constructor' },
      { badgePair: 'ETH/USD' },
    ],
  ])('reads %s as its default and reports it', (_name, stored, expected) => {
    const { settings, problems } = parseSettings({ version: 1, ...stored });
    expect(settings).toMatchObject(expected);
    if (!('badgePair' in stored)) expect(problems.length).toBeGreaterThan(0);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
  });

  it('keeps a chosen language, and follows the browser in settings saved before the language existed', () => {
    expect(parseSettings({ version: 1, language: 'fr' })).toMatchObject({
      settings: { language: 'fr' },
      problems: [],
    });
    expect(parseSettings({ version: 1, language: 'en' }).settings.language).toBe('en');
    const older = { ...defaultSettings() } as Record<string, unknown>;
    delete older.language;
    expect(parseSettings(older)).toEqual({ settings: defaultSettings(), problems: [] });
  });

  it('refuses settings from a newer version instead of overwriting them', () => {
    expect(() => parseSettings({ version: 3 })).toThrow(/newer version/);
  });

  it('migrates version 1 to 2: the theme follows the system, as every page did, and nothing else changes', () => {
    const v1 = { ...defaultSettings(), version: 1, language: 'fr', watchlist: ['ETH/USD'] } as Record<
      string,
      unknown
    >;
    delete v1.theme;
    expect(migrateSettings(v1)).toEqual({ ...v1, version: 2, theme: 'system' });
    expect(parseSettings(v1)).toEqual({
      settings: { ...defaultSettings(), language: 'fr', watchlist: ['ETH/USD'], badgePair: 'ETH/USD' },
      problems: [],
    });
    // Records from before versions were written are version 1.
    const { version: _, ...unversioned } = v1;
    expect(parseSettings(unversioned).settings).toMatchObject({ version: 2, theme: 'system' });
    // A version 2 record is read as it is.
    const v2 = { ...defaultSettings(), theme: 'dark' };
    expect(migrateSettings(v2)).toBe(v2);
  });

  it.each(['light', 'dark', 'system'] as const)('keeps the theme %s', (theme) => {
    expect(parseSettings({ ...defaultSettings(), theme })).toEqual({
      settings: { ...defaultSettings(), theme },
      problems: [],
    });
  });

  it.each<[string, unknown]>([
    ['an unknown theme', 'sepia'],
    ['a theme that is not a string', ['dark']],
    ['a missing theme in a version 2 record', undefined],
  ])('reads %s as the system’s theme and reports it', (_name, theme) => {
    const { settings, problems } = parseSettings({ ...defaultSettings(), theme });
    expect(settings.theme).toBe('system');
    expect(problems).toEqual(['theme was damaged; the system’s theme is used']);
  });
});
