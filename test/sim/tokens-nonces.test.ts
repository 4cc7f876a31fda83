import { describe, expect, it } from 'vitest';
import { makeKey, permissionsOf } from '../../sim/account/keys.ts';
import { LOCKOUT_MS, NonceBook } from '../../sim/account/nonces.ts';
import { TOKEN_TTL_SEC, WsTokens } from '../../sim/account/ws-tokens.ts';

describe('GetWebSocketsToken tokens', () => {
  it('expire 900 s after issue unless used; once used they stay valid', () => {
    let now = 0;
    const tokens = new WsTokens(() => now);
    const key = makeKey({ accountId: 'main', name: 't', permissions: permissionsOf('trading') });
    const unused = tokens.issue(key);
    const used = tokens.issue(key);
    expect(tokens.redeem(used)).toBe(key);
    now = TOKEN_TTL_SEC * 1000 + 1;
    expect(tokens.redeem(unused)).toBeUndefined();
    expect(tokens.redeem(used)).toBe(key);
    expect(tokens.redeem('made-up')).toBeUndefined();
    expect(tokens.redeem(42)).toBeUndefined();
  });
});

describe('nonce book', () => {
  it('strictly increasing by default; rejects 0, non-digits and values beyond u64', () => {
    const book = new NonceBook(0n, () => 0);
    expect(book.check('k', '5')).toBe('ok');
    expect(book.check('k', '5')).toBe('invalid');
    expect(book.check('k', '4')).toBe('invalid');
    expect(book.check('k', '6')).toBe('ok');
    expect(book.check('j', '0')).toBe('invalid');
    expect(book.check('j', '1e3')).toBe('invalid');
    expect(book.check('j', '18446744073709551616')).toBe('invalid');
    expect(book.check('j', '18446744073709551615')).toBe('ok');
  });

  it('a lockout lasts LOCKOUT_MS, then good nonces pass again', () => {
    let now = 0;
    const book = new NonceBook(0n, () => now);
    expect(book.check('k', '100')).toBe('ok');
    for (let i = 0; i < 10; i += 1) expect(book.check('k', '1')).toBe('invalid');
    expect(book.check('k', '200')).toBe('locked');
    now += LOCKOUT_MS + 1;
    expect(book.check('k', '200')).toBe('ok');
  });

  it('invalid nonces spread over more than a minute do not lock', () => {
    let now = 0;
    const book = new NonceBook(0n, () => now);
    book.check('k', '100');
    for (let i = 0; i < 20; i += 1) {
      expect(book.check('k', '1')).toBe('invalid');
      now += 7_000;
    }
    expect(book.check('k', '101')).toBe('ok');
  });
});
