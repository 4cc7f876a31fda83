import { describe, expect, it } from 'vitest';
import { parseRequest, REQUEST_TYPES } from '../../../lib/messaging/parse.ts';
import type { Request, RequestType } from '../../../lib/messaging/protocol.ts';

const UUID = '0b0d3c1e-5f61-4a7e-9c1d-2f3a4b5c6d7e';
const ORDER = {
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  volume: '0.01',
  limitPrice: '1000.5',
  postOnly: false,
  timeInForce: 'GTC',
} as const;

/** One well-formed payload per request type. A type added to the contract without one here fails below. */
const EXAMPLES: { [K in RequestType]: Extract<Request, { type: K }> } = {
  'watchlist.add': { type: 'watchlist.add', symbol: 'BTC/USD' },
  'watchlist.remove': { type: 'watchlist.remove', symbol: 'BTC/USD' },
  'watchlist.move': { type: 'watchlist.move', symbol: 'BTC/USD', index: 2 },
  'badge.setPair': { type: 'badge.setPair', symbol: 'ETH/USD' },
  'chart.watch': { type: 'chart.watch', viewer: 'v-1', symbol: 'BTC/USD', interval: 60 },
  'chart.unwatch': { type: 'chart.unwatch', viewer: 'v-1' },
  'settings.get': { type: 'settings.get' },
  'settings.setEndpoints': {
    type: 'settings.setEndpoints',
    endpoints: {
      kind: 'custom',
      rest: 'http://127.0.0.1:8787',
      wsPublic: 'ws://127.0.0.1:8787/v2',
      wsPrivate: null,
    },
  },
  'settings.setAlertSound': { type: 'settings.setAlertSound', on: true },
  'settings.setLanguage': { type: 'settings.setLanguage', language: 'fr' },
  'settings.setTheme': { type: 'settings.setTheme', theme: 'dark' },
  'launch.take': { type: 'launch.take' },
  'vault.get': { type: 'vault.get' },
  'vault.create': { type: 'vault.create', passphrase: 'correct horse battery' },
  'vault.unlock': { type: 'vault.unlock', passphrase: 'correct horse battery' },
  'vault.lock': { type: 'vault.lock' },
  'vault.addKey': {
    type: 'vault.addKey',
    label: 'Main',
    apiKey: 'k'.repeat(56),
    apiSecret: 's'.repeat(88),
    nonceScale: 'us',
    allowWithdraw: true,
  },
  'vault.replaceKey': {
    type: 'vault.replaceKey',
    id: 'x',
    apiKey: 'k'.repeat(56),
    apiSecret: 's'.repeat(88),
    otp: '1',
  },
  'vault.relabel': { type: 'vault.relabel', id: 'x', label: 'Trading' },
  'vault.removeKey': { type: 'vault.removeKey', id: 'x' },
  'vault.setActive': { type: 'vault.setActive', id: 'x' },
  'vault.reset': { type: 'vault.reset', confirm: 'RESET' },
  'vault.setAutoLock': { type: 'vault.setAutoLock', minutes: 15 },
  'alerts.get': { type: 'alerts.get' },
  'alerts.create': { type: 'alerts.create', rule: { symbol: 'BTC/USD', level: '100000' } },
  'alerts.remove': { type: 'alerts.remove', id: 'r1' },
  'alerts.setPaused': { type: 'alerts.setPaused', id: 'r1', paused: true },
  'alerts.edit': { type: 'alerts.edit', id: 'r1', changes: { level: '90000' } },
  'alerts.export': { type: 'alerts.export' },
  'alerts.import': { type: 'alerts.import', json: '[]' },
  'alerts.testNotification': { type: 'alerts.testNotification' },
  'trading.get': { type: 'trading.get' },
  'trading.setMode': { type: 'trading.setMode', mode: 'live' },
  'trading.watch': { type: 'trading.watch', symbol: 'BTC/USD' },
  'trading.preview': { type: 'trading.preview', order: ORDER },
  'trading.place': { type: 'trading.place', order: ORDER, clOrdId: UUID },
  'trading.check': { type: 'trading.check', clOrdId: UUID },
  'trading.dismissIntent': { type: 'trading.dismissIntent', clOrdId: UUID },
  'trading.cancel': { type: 'trading.cancel', id: 'OABCDE-FGHIJ-KLMNOP' },
  'trading.amend': { type: 'trading.amend', id: 'OABCDE-FGHIJ-KLMNOP', volume: '0.5', limitPrice: '1000.1' },
  'trading.amends': { type: 'trading.amends', id: 'OABCDE-FGHIJ-KLMNOP' },
  'trading.setPaperFees': { type: 'trading.setPaperFees', tier: 50_000 },
  'trading.cancelAll': { type: 'trading.cancelAll', symbol: 'BTC/USD' },
  'trading.setDeadMan': { type: 'trading.setDeadMan', on: true },
  'trading.resetPaper': { type: 'trading.resetPaper' },
};

/** Fields a request may leave out (the rest are required); an amend changes any one of its fields. */
const OPTIONAL = ['otp', 'nonceScale', 'allowWithdraw'];
const OPTIONAL_FOR: Partial<Record<string, string[]>> = { 'trading.amend': ['volume', 'limitPrice'] };

describe('request validation', () => {
  it('has an example for every request type of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  it.each(Object.values(EXAMPLES).map((e) => [e.type, e]))(
    'accepts a well-formed %s, unchanged',
    (_, example) => {
      expect(parseRequest(JSON.parse(JSON.stringify(example)))).toEqual(example);
    },
  );

  it.each(
    Object.values(EXAMPLES)
      .filter((e) => Object.keys(e).length > 1)
      .map((e) => [e.type, e]),
  )('refuses %s with any field missing', (_, example) => {
    const optional = [...OPTIONAL, ...(OPTIONAL_FOR[example.type] ?? [])];
    for (const field of Object.keys(example).filter((k) => k !== 'type' && !optional.includes(k))) {
      const { [field]: _gone, ...rest } = example as Record<string, unknown>;
      expect(parseRequest(rest), field).toBeNull();
    }
  });

  it('refuses an amend that changes nothing, and accepts one that changes a single field', () => {
    const id = 'OABCDE-FGHIJ-KLMNOP';
    expect(parseRequest({ type: 'trading.amend', id })).toBeNull();
    expect(parseRequest({ type: 'trading.amend', id, volume: '0.5' })).toEqual({
      type: 'trading.amend',
      id,
      volume: '0.5',
    });
    expect(parseRequest({ type: 'trading.amend', id, limitPrice: '1000.1' })).toEqual({
      type: 'trading.amend',
      id,
      limitPrice: '1000.1',
    });
    expect(parseRequest({ type: 'trading.amend', id, volume: '1e5' })).toBeNull();
    expect(parseRequest({ type: 'trading.amend', volume: '0.5' })).toBeNull();
  });

  it('an amend may change a trailing stop’s offset alone; a malformed offset is refused', () => {
    const id = 'OABCDE-FGHIJ-KLMNOP';
    const trailOffset = { value: '2', unit: 'percent' };
    expect(parseRequest({ type: 'trading.amend', id, trailOffset })).toEqual({
      type: 'trading.amend',
      id,
      trailOffset,
    });
    expect(parseRequest({ type: 'trading.amend', id, trailOffset: { value: '2', unit: 'pct' } })).toBeNull();
    expect(
      parseRequest({ type: 'trading.amend', id, trailOffset: { value: '+2%', unit: 'percent' } }),
    ).toBeNull();
    expect(parseRequest({ type: 'trading.amend', id, trailOffset: '2%' })).toBeNull();
  });

  it.each([
    [null],
    ['watchlist.add'],
    [{ type: 'watchlist.add' }],
    [{ type: 'watchlist.add', symbol: 42 }],
    [{ type: 'watchlist.add', symbol: 'X'.repeat(100) }],
    [{ type: 'vault.export' }],
    // Only the chart's intervals (Kraken's 30 and 21600 exist, the chart does not offer them).
    [{ type: 'chart.watch', viewer: 'v', symbol: 'BTC/USD', interval: 30 }],
    [{ type: 'chart.watch', viewer: 'v', symbol: 'BTC/USD', interval: '60' }],
    [{ type: 'chart.watch', viewer: 'v'.repeat(65), symbol: 'BTC/USD', interval: 60 }],
    [{ type: 'constructor' }],
    [{ type: '__proto__' }],
    [{ type: 'settings.setEndpoints', endpoints: { kind: 'custom', rest: 'http://x' } }],
    [{ type: 'settings.setEndpoints', endpoints: 'kraken' }],
    [{ type: 'settings.setLanguage', language: 'de' }],
    [{ type: 'settings.setLanguage', language: ['fr'] }],
    [{ type: 'settings.setLanguage' }],
    [{ type: 'settings.setTheme', theme: 'auto' }],
    [{ type: 'settings.setTheme', theme: ['dark'] }],
    [{ type: 'settings.setTheme' }],
    // A custom endpoint must be this computer (lib/settings/endpoints.ts), every one of its URLs.
    [
      {
        type: 'settings.setEndpoints',
        endpoints: {
          kind: 'custom',
          rest: 'http://10.0.0.5:8787',
          wsPublic: 'ws://10.0.0.5:8787/v2',
          wsPrivate: null,
        },
      },
    ],
    [
      {
        type: 'settings.setEndpoints',
        endpoints: {
          kind: 'custom',
          rest: 'http://127.0.0.1:8787',
          wsPublic: 'ws://evil.example/v2',
          wsPrivate: null,
        },
      },
    ],
    [
      {
        type: 'settings.setEndpoints',
        endpoints: {
          kind: 'custom',
          rest: 'http://127.0.0.1:8787',
          wsPublic: 'ws://127.0.0.1:8787/v2',
          wsPrivate: 'wss://ws-auth.kraken.com.evil.example/v2',
        },
      },
    ],
    [{ type: 'vault.setAutoLock', minutes: 24 * 60 + 1 }],
    [{ type: 'trading.place', order: ORDER, clOrdId: 'not-a-uuid' }],
    [{ type: 'trading.place', order: { ...ORDER, volume: '1e5' }, clOrdId: UUID }],
    [{ type: 'trading.place', order: { ...ORDER, volume: '1'.repeat(21) }, clOrdId: UUID }],
    [{ type: 'trading.check', clOrdId: 42 }],
  ])('refuses %j', (payload) => {
    expect(parseRequest(payload)).toBeNull();
  });

  it('strips fields that are not part of the contract', () => {
    expect(parseRequest({ type: 'badge.setPair', symbol: 'ETH/USD', extra: 'x' })).toEqual({
      type: 'badge.setPair',
      symbol: 'ETH/USD',
    });
  });
});

describe('vault request validation', () => {
  const key = { apiKey: 'k'.repeat(56), apiSecret: 's'.repeat(88) };
  it('accepts add and replace with or without an OTP', () => {
    expect(parseRequest({ type: 'vault.addKey', label: 'Main', ...key })).toEqual({
      type: 'vault.addKey',
      label: 'Main',
      ...key,
    });
    expect(parseRequest({ type: 'vault.replaceKey', id: 'x', ...key, otp: '123' })).toEqual({
      type: 'vault.replaceKey',
      id: 'x',
      ...key,
      otp: '123',
    });
  });
  it.each([
    [{ type: 'vault.addKey', ...key }],
    [{ type: 'vault.addKey', label: 'Main', apiKey: key.apiKey }],
    [{ type: 'vault.addKey', label: 'Main', ...key, otp: 5 }],
    [{ type: 'vault.replaceKey', ...key }],
    [{ type: 'vault.replaceKey', id: 'x', ...key, apiSecret: 'x'.repeat(300) }],
    [{ type: 'vault.unlock', passphrase: 42 }],
    [{ type: 'vault.addKey', label: 'Main', ...key, nonceScale: 'seconds' }],
    [{ type: 'vault.addKey', label: 'Main', ...key, allowWithdraw: 'yes' }],
    [{ type: 'vault.replaceKey', id: 'x', ...key, nonceScale: 1 }],
    [{ type: 'vault.reset' }],
    [{ type: 'vault.reset', confirm: 42 }],
  ])('refuses %j', (payload) => {
    expect(parseRequest(payload)).toBeNull();
  });
});
