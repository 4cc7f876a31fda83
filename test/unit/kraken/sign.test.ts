import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKrakenRest, signRequest } from '../../../lib/kraken/index.ts';
import { fakeFetch, ok } from '../../support/fake-fetch.ts';
import { fixtureJson } from '../../support/fixtures.ts';

const vector = fixtureJson<{
  private_key_b64: string;
  nonce: string;
  encoded_payload: string;
  uri_path: string;
  expected_api_sign: string;
}>('official/rest_auth_test_vector.json');

/** An independent reference: node:crypto with Buffers (no shared code with the signer). */
function reference(path: string, nonce: string, body: string, secretB64: string): string {
  const inner = createHash('sha256')
    .update(nonce + body, 'utf8')
    .digest();
  return createHmac('sha512', Buffer.from(secretB64, 'base64'))
    .update(Buffer.concat([Buffer.from(path, 'utf8'), inner]))
    .digest('base64');
}

const official = {
  path: vector.uri_path,
  nonce: vector.nonce,
  body: vector.encoded_payload,
  secret: vector.private_key_b64,
};

describe('signRequest', () => {
  it("reproduces Kraken's official test vector", () => {
    expect(signRequest(official)).toBe(vector.expected_api_sign);
    expect(vector.expected_api_sign).toBe(
      '4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==',
    );
  });

  it('our client sends the vector body byte for byte, signed with the vector signature', async () => {
    // The whole private-call path: encodeForm (nonce first, then the params in order), signRequest, headers.
    const { fetch, requests } = fakeFetch(() =>
      ok({ txid: ['O1'], descr: { order: 'buy 1.25 XBTUSD @ limit 37500' } }),
    );
    const rest = createKrakenRest({
      fetch,
      baseUrl: 'https://api.kraken.com',
      credentials: { apiKey: 'vector-key', secret: vector.private_key_b64 },
      nonce: { scale: 'ms', next: async () => vector.nonce },
    });
    await rest.privateCall('AddOrder', {
      ordertype: 'limit',
      pair: 'XBTUSD',
      price: '37500',
      type: 'buy',
      volume: '1.25',
    });
    const [sent] = requests;
    expect(sent?.path).toBe(vector.uri_path);
    expect(sent?.body).toBe(vector.encoded_payload);
    expect(sent?.headers['API-Sign']).toBe(vector.expected_api_sign);
  });

  it('agrees with node:crypto on random keys, nonces and bodies (incl. non-ASCII values)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 128 }),
        fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), {
          maxKeys: 6,
        }),
        fc.constantFrom('AddOrder', 'Balance', 'CancelOrder', 'QueryOrders'),
        (key, nonceBig, params, method) => {
          const secret = Buffer.from(key).toString('base64');
          const nonce = nonceBig.toString();
          const form = new URLSearchParams({ nonce });
          for (const [k, v] of Object.entries(params)) if (k !== 'nonce') form.append(k, v);
          const body = form.toString();
          const path = `/0/private/${method}`;
          expect(signRequest({ path, nonce, body, secret })).toBe(reference(path, nonce, body, secret));
        },
      ),
      { numRuns: 300 },
    );
  });

  // Each classic mistake (SPEC.md §2 "Common mistakes"), computed with node:crypto, must differ from ours.
  const secretBytes = Buffer.from(vector.private_key_b64, 'base64');
  const innerRaw = createHash('sha256')
    .update(vector.nonce + vector.encoded_payload)
    .digest();
  const mistakes: [string, () => string][] = [
    [
      'hex SHA-256 digest instead of raw bytes',
      () =>
        createHmac('sha512', secretBytes)
          .update(vector.uri_path + innerRaw.toString('hex'))
          .digest('base64'),
    ],
    [
      'secret used as text, not base64-decoded',
      () =>
        createHmac('sha512', vector.private_key_b64)
          .update(Buffer.concat([Buffer.from(vector.uri_path), innerRaw]))
          .digest('base64'),
    ],
    [
      'hex HMAC output instead of base64',
      () =>
        createHmac('sha512', secretBytes)
          .update(Buffer.concat([Buffer.from(vector.uri_path), innerRaw]))
          .digest('hex'),
    ],
    [
      'full URL signed (reference)',
      () =>
        reference(
          `https://api.kraken.com${vector.uri_path}`,
          vector.nonce,
          vector.encoded_payload,
          vector.private_key_b64,
        ),
    ],
    [
      'path without /0',
      () => reference('/private/AddOrder', vector.nonce, vector.encoded_payload, vector.private_key_b64),
    ],
    [
      'nonce left out of the SHA-256 input',
      () => reference(vector.uri_path, '', vector.encoded_payload, vector.private_key_b64),
    ],
    [
      'digest concatenated as a UTF-8 string',
      () =>
        createHmac('sha512', secretBytes)
          .update(vector.uri_path + innerRaw.toString('latin1'), 'utf8')
          .digest('base64'),
    ],
    [
      'body re-serialised in another parameter order',
      () =>
        signRequest({
          ...official,
          body: 'nonce=1616492376594&pair=XBTUSD&type=buy&ordertype=limit&price=37500&volume=1.25',
        }),
    ],
    [
      'body re-serialised as JSON',
      () =>
        reference(
          vector.uri_path,
          vector.nonce,
          JSON.stringify(Object.fromEntries(new URLSearchParams(vector.encoded_payload))),
          vector.private_key_b64,
        ),
    ],
    [
      '"+" instead of %2B in a value',
      () => signRequest({ ...official, body: `${vector.encoded_payload}&starttm=+5` }),
    ],
  ];
  it.each(mistakes)('mistake: %s', (_, fn) => {
    const wrong = fn();
    expect(wrong).not.toBe(vector.expected_api_sign);
    expect(wrong.length).toBeGreaterThan(0);
  });

  it('every mistake gives a different signature from every other', () => {
    const all = mistakes.map(([, fn]) => fn());
    expect(new Set(all).size).toBe(all.length);
  });

  const SECRET = vector.private_key_b64;
  it.each([
    ['a full URL as path', { path: 'https://api.kraken.com/0/private/AddOrder' }],
    ['a public path', { path: '/0/public/Time' }],
    ['a query string', { path: '/0/private/Balance?x=1' }],
    ['a float nonce', { nonce: '1.5', body: 'nonce=1.5' }],
    ['an empty nonce', { nonce: '', body: 'nonce=' }],
    ['a nonce missing from the body', { body: 'ordertype=limit' }],
    ['a body with another nonce', { body: 'nonce=1616492376595&ordertype=limit' }],
    ['a secret that is not base64', { secret: `${SECRET.slice(0, 10)}!!${SECRET.slice(12)}` }],
    ['an empty secret', { secret: '' }],
  ])('refuses %s, without echoing the secret', (_, patch) => {
    const input = { ...official, ...patch };
    let message = '';
    try {
      signRequest(input);
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      message = String((e as Error).message);
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(SECRET.slice(0, 12));
  });
});
