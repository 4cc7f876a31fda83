import { describe, expect, it } from 'vitest';
import { AlertRuleError } from '../../../lib/alerts/rule-error.ts';
import {
  ForeignIntent,
  KrakenError,
  krakenErrorFrom,
  OrderExpired,
  OrderOutcomeUnknown,
  transportError,
} from '../../../lib/kraken/index.ts';
import {
  BackgroundError,
  deserializeError,
  REGISTERED_ERRORS,
  serializeError,
} from '../../../lib/messaging/errors.ts';
import { WatchlistError } from '../../../lib/settings/watchlist.ts';
import { OrderRefused, TradingUnavailable } from '../../../lib/trading/errors.ts';
import { sendEnding } from '../../../lib/ui/error-text.ts';
import { VaultError } from '../../../lib/vault/errors.ts';

/** Through JSON, as runtime.sendMessage carries it. */
const across = (e: unknown) => deserializeError(JSON.parse(JSON.stringify(serializeError(e))));

describe('errors cross the boundary as the same class', () => {
  const kraken = krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], 0);
  const lost = transportError('AddOrder', 'timeout', 'no answer within 8000 ms');
  const cases: [string, Error, Record<string, unknown>][] = [
    [
      'KrakenError (refusal)',
      kraken,
      {
        code: 'insufficient-funds',
        category: 'funds',
        hint: kraken.hint,
        kraken: ['EOrder:Insufficient funds'],
        outcomeUnknown: false,
      },
    ],
    ['KrakenError (lost answer)', lost, { code: 'timeout', outcomeUnknown: true, retryable: true }],
    [
      'OrderOutcomeUnknown',
      new OrderOutcomeUnknown('c1', 'lookup failed'),
      { clOrdId: 'c1', detail: 'lookup failed' },
    ],
    ['OrderExpired', new OrderExpired('c2', 'too-old'), { clOrdId: 'c2', reason: 'too-old' }],
    ['ForeignIntent', new ForeignIntent('c3'), { clOrdId: 'c3' }],
    [
      'OrderRefused',
      new OrderRefused('EOrder:Post only order', 'Would take liquidity.'),
      { code: 'EOrder:Post only order' },
    ],
    ['TradingUnavailable', new TradingUnavailable('locked', 'Unlock the vault.'), { reason: 'locked' }],
    [
      'WatchlistError',
      new WatchlistError('duplicate', 'BTC/USD is already on the watchlist.', 'BTC/USD'),
      { code: 'duplicate', subject: 'BTC/USD' },
    ],
    [
      'AlertRuleError (with values)',
      new AlertRuleError({ code: 'window', minMinutes: 1, maxDays: 7 }),
      { field: 'windowMs', problem: { code: 'window', minMinutes: 1, maxDays: 7 } },
    ],
    [
      'AlertRuleError',
      new AlertRuleError({ code: 'missing' }),
      { field: 'id', problem: { code: 'missing' } },
    ],
    ['VaultError', new VaultError('wrong-passphrase'), { code: 'wrong-passphrase' }],
    [
      'VaultError',
      new VaultError('withdraw-rights', 'its permissions: withdraw-funds'),
      { code: 'withdraw-rights', detail: 'its permissions: withdraw-funds' },
    ],
  ];

  it('the registry covers every class listed here', () => {
    expect([...REGISTERED_ERRORS].sort()).toEqual([...new Set(cases.map(([, e]) => e.name))].sort());
  });

  it.each(cases)('%s comes back as itself, with its data and message', (_, error, data) => {
    const back = across(error);
    expect(back).toBeInstanceOf(error.constructor);
    expect(back.message).toBe(error.message);
    expect(back).toMatchObject(data);
  });

  it('an unknown outcome is never shown as "not placed"; a refusal never as unknown', () => {
    expect(sendEnding(across(lost), 'live').kind).toBe('unknown');
    expect(sendEnding(across(new OrderOutcomeUnknown('c')), 'live').kind).toBe('unknown');
    expect(sendEnding(across(kraken), 'live')).toEqual({
      kind: 'refused',
      message: `${kraken.hint} (Kraken: EOrder:Insufficient funds)`,
    });
    expect(sendEnding(across(new OrderExpired('c', 'absent')), 'live').kind).toBe('not-placed');
    // A live failure of a class the UI does not know may hide a placed order.
    expect(sendEnding(across(new RangeError('boom')), 'live').kind).toBe('unknown');
    expect(sendEnding(across(new RangeError('boom')), 'paper').kind).toBe('not-placed');
  });

  it('other classes keep their name, message and code', () => {
    class SomethingElse extends Error {
      override readonly name = 'SomethingElse';
      readonly code = 'odd';
    }
    const back = across(new SomethingElse('An odd thing happened.'));
    expect(back).toBeInstanceOf(BackgroundError);
    expect(back).toMatchObject({ name: 'SomethingElse', code: 'odd', message: 'An odd thing happened.' });
    expect(serializeError('plain')).toEqual({ name: 'Error', message: 'plain' });
  });

  it('a malformed payload for a known class still says what happened', () => {
    const back = deserializeError({
      name: 'KrakenError',
      message: 'Kraken AddOrder: x',
      data: { kraken: 'not-an-array' },
    });
    expect(back).toBeInstanceOf(KrakenError);
    expect((back as KrakenError).kraken).toEqual([]);
  });
});
