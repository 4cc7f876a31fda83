import { describe, expect, it } from 'vitest';
import { WatchlistError } from '../../../lib/market/watchlist.ts';
import { BackgroundError, deserializeError, serializeError } from '../../../lib/messaging/errors.ts';
import { parseRequest } from '../../../lib/messaging/protocol.ts';
import { classifySender, isTrustedSender } from '../../../lib/messaging/trust.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('sender trust', () => {
  it.each([
    [{ id: ID, url: `${ORIGIN}/popup.html` }, 'extension-page'],
    [{ id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN }, 'extension-page'],
    [{ id: ID, url: 'https://evil.example/page' }, 'web-content'],
    [
      {
        id: 'otherextensionidotherextensionid',
        url: 'chrome-extension://otherextensionidotherextensionid/x.html',
      },
      'other-extension',
    ],
    [{ url: 'https://evil.example/' }, 'unknown'],
    [{ id: ID }, 'unknown'],
    [{ id: ID, url: 'not a url' }, 'unknown'],
  ])('%j is %s', (sender, expected) => {
    expect(classifySender(sender, ID, `${ORIGIN}/`)).toBe(expected);
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(expected === 'extension-page');
  });
});

describe('request validation', () => {
  it('accepts every request of the contract', () => {
    expect(parseRequest({ type: 'watchlist.add', symbol: 'BTC/USD' })).toEqual({
      type: 'watchlist.add',
      symbol: 'BTC/USD',
    });
    expect(parseRequest({ type: 'settings.get' })).toEqual({ type: 'settings.get' });
    expect(parseRequest({ type: 'settings.setEndpoints', endpoints: { kind: 'kraken' } })).toEqual({
      type: 'settings.setEndpoints',
      endpoints: { kind: 'kraken' },
    });
  });

  it.each([
    [null],
    ['watchlist.add'],
    [{ type: 'watchlist.add' }],
    [{ type: 'watchlist.add', symbol: 42 }],
    [{ type: 'watchlist.add', symbol: 'X'.repeat(100) }],
    [{ type: 'vault.export' }],
    [{ type: 'settings.setEndpoints', endpoints: { kind: 'custom', rest: 'http://x' } }],
    [{ type: 'settings.setEndpoints', endpoints: 'kraken' }],
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

describe('errors across the boundary', () => {
  it('come back with their name, message and code', () => {
    const wire = JSON.parse(
      JSON.stringify(serializeError(new WatchlistError('duplicate', 'BTC/USD is already on the watchlist.'))),
    );
    const error = deserializeError(wire);
    expect(error).toBeInstanceOf(BackgroundError);
    expect(error).toMatchObject({
      name: 'WatchlistError',
      code: 'duplicate',
      message: 'BTC/USD is already on the watchlist.',
    });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
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
  ])('refuses %j', (payload) => {
    expect(parseRequest(payload)).toBeNull();
  });
});
