import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KrakenError, krakenErrorFrom, redact, transportError } from '../../../lib/kraken/index.ts';
import { fixtureText } from '../../support/fixtures.ts';

const NOW = 1_700_000_000_000;

describe('KrakenError.fromKraken', () => {
  // Kraken's strings (SPEC.md §3, docs.kraken.com/api/docs/guides/spot-errors), some with the suffixes
  // Kraken appends: matching is by prefix.
  it.each([
    ['EAPI:Invalid key', 'invalid-key', 'auth', false],
    ['EAPI:Invalid signature', 'invalid-signature', 'auth', false],
    ['EAPI:Invalid nonce', 'invalid-nonce', 'auth', false],
    ['EGeneral:Temporary lockout', 'lockout', 'auth', false],
    ['EAPI:Rate limit exceeded', 'rate-limit', 'rate-limit', true],
    ['EService: Throttled: 1700000005', 'throttled', 'rate-limit', true],
    ['EOrder:Rate limit exceeded', 'order-rate-limit', 'rate-limit', false],
    ['EOrder:Orders limit exceeded', 'orders-limit', 'order', false],
    ['EOrder:Insufficient funds', 'insufficient-funds', 'funds', false],
    ['EOrder:Order minimum not met (volume too low)', 'order-minimum', 'order', false],
    ['EOrder:Cost minimum not met', 'cost-minimum', 'order', false],
    ['EOrder:Tick size check failed', 'tick-size', 'order', false],
    ['EOrder:Invalid price', 'invalid-price', 'order', false],
    ['EOrder:Unknown order', 'unknown-order', 'order', false],
    ['EGeneral:Invalid arguments:volume', 'invalid-arguments', 'input', false],
    ['EQuery:Unknown asset pair', 'unknown-pair', 'input', false],
    ['EGeneral:Permission denied', 'permission-denied', 'permission', false],
    ['EService:Unavailable', 'unavailable', 'service', true],
    ['EService:Busy', 'busy', 'service', true],
    ['EService:Market in cancel_only mode', 'market-mode', 'service', false],
    ['EService:Deadline elapsed', 'deadline-elapsed', 'service', false],
    ['EGeneral:Internal error:12', 'internal', 'service', true],
    ['EFunding:Max fee exceeded', 'unknown', 'unknown', false],
  ])('%s → %s (%s, retryable %s)', (text, code, category, retryable) => {
    const e = krakenErrorFrom('AddOrder', [text], NOW);
    expect(e).toMatchObject({ code, category, retryable, endpoint: 'AddOrder', kraken: [text] });
    expect(e.hint.length).toBeGreaterThan(20);
    expect(e.message).toBe(`Kraken AddOrder: ${text}`);
  });

  it('every common code has its own hint', () => {
    const codes = [
      'EAPI:Invalid key',
      'EAPI:Invalid signature',
      'EAPI:Invalid nonce',
      'EAPI:Rate limit exceeded',
      'EGeneral:Temporary lockout',
      'EService:Throttled: 1',
      'EOrder:Insufficient funds',
      'EOrder:Order minimum not met',
      'EOrder:Cost minimum not met',
      'EOrder:Invalid price',
      'EGeneral:Permission denied',
      'EService:Unavailable',
      'EService:Busy',
      'EOrder:Unknown order',
    ];
    const hints = codes.map((c) => krakenErrorFrom('X', [c], NOW).hint);
    expect(new Set(hints).size).toBe(codes.length);
  });

  it('reads the wait out of EService: Throttled: <unix ts>', () => {
    expect(krakenErrorFrom('Balance', ['EService: Throttled: 1700000005'], NOW).retryAfterMs).toBe(5_000);
  });

  it.each([
    ['errors/invalidApiKey.yaml', 'invalid-key'],
    ['errors/invalidApiNonce.yaml', 'invalid-nonce'],
    ['errors/invalidApiSignature.yaml', 'invalid-signature'],
    ['errors/internalError.yaml', 'internal'],
  ])("classifies Kraken's official example %s", (file, code) => {
    // These examples are structured ({severity, errorClass, type}); the wire string is severity+class:type.
    const doc = parse(fixtureText(`official/krakenfx-api-specs_spot-rest/examples/responses/${file}`));
    const [first] = (doc.value ?? doc).errors as { severity: string; errorClass: string; type: string }[];
    const error = `${first?.severity}${first?.errorClass}:${first?.type}`;
    expect(krakenErrorFrom('Balance', [error], NOW).code).toBe(code);
  });

  it('survives a round trip through JSON as the same class', () => {
    const e = krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], NOW);
    const back = KrakenError.fromJSON(JSON.parse(JSON.stringify(e)));
    expect(back).toBeInstanceOf(KrakenError);
    expect(back.toJSON()).toEqual(e.toJSON());
    expect(back.message).toBe(e.message);
  });

  it('marks the failures after which an order may or may not exist', () => {
    const unknown = (e: KrakenError) => e.outcomeUnknown;
    expect(unknown(krakenErrorFrom('AddOrder', ['EService:Unavailable'], NOW))).toBe(true);
    expect(unknown(transportError('AddOrder', 'timeout', 't'))).toBe(true);
    expect(unknown(transportError('AddOrder', 'http-status', 'x', 502))).toBe(true);
    expect(unknown(transportError('AddOrder', 'http-status', 'x', 403))).toBe(false);
    expect(unknown(krakenErrorFrom('AddOrder', ['EOrder:Insufficient funds'], NOW))).toBe(false);
    expect(unknown(krakenErrorFrom('AddOrder', ['EAPI:Invalid nonce'], NOW))).toBe(false);
  });
});

describe('redact', () => {
  it('removes every occurrence of each secret, raw and URL-encoded', () => {
    const secret = 'kQH5HW/8p1uGOVjb+A==';
    const text = `secret=${secret} again ${encodeURIComponent(secret)} key=AKEY1234`;
    const out = redact(text, [secret, 'AKEY1234']);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain('AKEY1234');
    expect(out.split('[redacted]').length).toBe(4);
  });
});
