import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../../lib/kraken/index.ts';

const GOOD = {
  clOrdId: '0b0d3c1e-5f61-4a7e-9c1d-2f3a4b5c6d7e',
  params: {
    pair: 'XBTUSD',
    type: 'sell',
    ordertype: 'limit',
    volume: '0.5',
    price: '97000.1',
    oflags: ['post'],
    price2: undefined,
  },
  state: 'unknown',
  account: { keyId: 'abcdef0123456789', keyVersion: 2, endpoint: 'https://api.kraken.com' },
  confirmedAt: 5,
  deadlineAt: 10_000,
  attempts: 1,
  createdAt: 5,
  updatedAt: 6,
  meta: { symbol: 'BTC/USD', postOnly: true, limitPrice: undefined },
};

describe('parseIntent: stored intents are checked before the order path trusts them', () => {
  it('accepts a well-formed intent and drops fields left undefined', () => {
    const parsed = parseIntent(GOOD);
    expect(parsed.ok && parsed.intent.meta).toEqual({ symbol: 'BTC/USD', postOnly: true });
    expect(parsed.ok && parsed.intent.account).toEqual(GOOD.account);
  });

  it('an intent written before accounts were recorded belongs to no account (it is never sent)', () => {
    const { account: _, confirmedAt: __, ...legacy } = GOOD;
    const parsed = parseIntent(legacy);
    expect(parsed).toMatchObject({ ok: true, intent: { account: null, confirmedAt: 5 } });
  });

  it.each([
    ['not an object', 'x', 'not an object'],
    ['a clOrdId too long', { ...GOOD, clOrdId: 'x'.repeat(40) }, 'bad clOrdId'],
    ['an unknown state', { ...GOOD, state: 'sent' }, 'bad state'],
    ['parameters that are not an order', { ...GOOD, params: { pair: 'XBTUSD' } }, 'bad order parameters'],
    [
      'a volume in exponent form',
      { ...GOOD, params: { ...GOOD.params, volume: '1e5' } },
      'bad order parameters',
    ],
    [
      'an object inside the parameters',
      { ...GOOD, params: { ...GOOD.params, close: { x: 1 } } },
      'bad order parameters',
    ],
    ['a key version of 0', { ...GOOD, account: { ...GOOD.account, keyVersion: 0 } }, 'bad account'],
    ['a negative attempt count', { ...GOOD, attempts: -1 }, 'bad attempts'],
    ['a NaN time', { ...GOOD, updatedAt: Number.NaN }, 'bad times'],
    ['txid not a list of ids', { ...GOOD, txid: 'OABC' }, 'bad txid'],
    ['an unknown expiry reason', { ...GOOD, state: 'expired', expiredReason: 'whim' }, 'bad expiredReason'],
    ['a nested meta', { ...GOOD, meta: { order: {} } }, 'bad meta'],
  ])('refuses %s', (_, value, reason) => {
    expect(parseIntent(value)).toEqual({ ok: false, reason });
  });
});
