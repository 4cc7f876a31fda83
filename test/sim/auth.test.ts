import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krakenSignature } from '../../sim/account/signature.ts';
import type { SimHandle } from '../../sim/server.ts';
import { FIXTURES, startTestSim } from './helpers.ts';
import { errors, nextNonce, privateCall, sign } from './private-helpers.ts';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startTestSim({ rateLimit: 'off' });
});
afterAll(() => sim.close());

describe('REST authentication (https://docs.kraken.com/api/docs/guides/spot-rest-auth)', () => {
  it("reproduces Kraken's official test vector", () => {
    const vector = JSON.parse(readFileSync(new URL('official/rest_auth_test_vector.json', FIXTURES), 'utf8'));
    const text = JSON.stringify(vector);
    const secret = /kQH5HW[^"]+/.exec(text)?.[0] ?? '';
    const expected = /4\/dpxb3iT4[^"]+/.exec(text)?.[0] ?? '';
    const body = 'nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25';
    const got = krakenSignature(
      Buffer.from(secret, 'base64'),
      '/0/private/AddOrder',
      '1616492376594',
      Buffer.from(body),
    );
    expect(got).toBe(expected);
    expect(sign(secret, '/0/private/AddOrder', '1616492376594', body)).toBe(expected);
  });

  it('issues base64 secrets of 64 random bytes and distinct keys per role', () => {
    expect(Buffer.from(sim.keys.trading.secret, 'base64')).toHaveLength(64);
    expect(sim.apiKey).toBe(sim.keys.trading.key);
    expect(sim.apiSecret).toBe(sim.keys.trading.secret);
    expect(new Set([sim.keys.trading.key, sim.keys.query.key, sim.keys.nows.key]).size).toBe(3);
  });

  it('accepts form-encoded and JSON bodies signed over the exact bytes', async () => {
    expect((await privateCall(sim, 'Balance')).json.error).toEqual([]);
    expect((await privateCall(sim, 'Balance', {}, { json: true })).json.error).toEqual([]);
  });

  it('an unknown API-Key → EAPI:Invalid key', async () => {
    expect(await errors(sim, 'Balance', {}, { key: 'not-a-key' })).toEqual(['EAPI:Invalid key']);
  });

  it('a wrong secret, a hex digest, or a body signed in another order → EAPI:Invalid signature', async () => {
    const wrong = Buffer.alloc(64, 7).toString('base64');
    expect(await errors(sim, 'Balance', {}, { secret: wrong })).toEqual(['EAPI:Invalid signature']);
    const nonce = nextNonce();
    const hexSign = (await import('node:crypto'))
      .createHmac('sha512', Buffer.from(sim.keys.trading.secret, 'base64'))
      .update(`/0/private/Balance${nonce}nonce=${nonce}`)
      .digest('base64');
    expect(await errors(sim, 'Balance', {}, { nonce, signature: hexSign })).toEqual([
      'EAPI:Invalid signature',
    ]);
    const reordered = sign(
      sim.keys.trading.secret,
      '/0/private/OpenOrders',
      nonce,
      `trades=true&nonce=${nonce}`,
    );
    expect(
      await errors(sim, 'OpenOrders', { trades: true }, { nonce: nextNonce(), signature: reordered }),
    ).toEqual(['EAPI:Invalid signature']);
  });

  it('a repeated or smaller nonce → EAPI:Invalid nonce; a signed call without nonce too', async () => {
    const nonce = nextNonce();
    expect(await errors(sim, 'Balance', {}, { nonce })).toEqual([]);
    expect(await errors(sim, 'Balance', {}, { nonce })).toEqual(['EAPI:Invalid nonce']);
    expect(await errors(sim, 'Balance', {}, { nonce: (BigInt(nonce) - 5n).toString() })).toEqual([
      'EAPI:Invalid nonce',
    ]);
    const response = await fetch(`${sim.rest}/0/private/Balance`, {
      method: 'POST',
      headers: { 'API-Key': sim.keys.trading.key, 'API-Sign': 'x' },
      body: '',
    });
    expect((await response.json()).error).toEqual(['EAPI:Invalid nonce']);
  });

  it('a JSON nonce above 2^53 is read from the raw text', async () => {
    const own = await startTestSim({ rateLimit: 'off' });
    const big = (BigInt(nextNonce()) * 1000n).toString(); // ns: above 2^53, below 2^64
    const body = `{"nonce":${big}}`;
    const response = await fetch(`${own.rest}/0/private/Balance`, {
      method: 'POST',
      headers: {
        'API-Key': own.keys.query.key,
        'API-Sign': sign(own.keys.query.secret, '/0/private/Balance', big, body),
        'Content-Type': 'application/json',
      },
      body,
    });
    await own.close();
    expect((await response.json()).error).toEqual([]);
  });

  it('a key without the permission → EGeneral:Permission denied', async () => {
    const query = { key: sim.keys.query.key, secret: sim.keys.query.secret };
    expect(await errors(sim, 'Balance', {}, query)).toEqual([]);
    expect(
      await errors(
        sim,
        'AddOrder',
        { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.001', price: '1000' },
        query,
      ),
    ).toEqual(['EGeneral:Permission denied']);
    const nows = { key: sim.keys.nows.key, secret: sim.keys.nows.secret };
    expect(await errors(sim, 'GetWebSocketsToken', {}, nows)).toEqual(['EGeneral:Permission denied']);
    expect(await errors(sim, 'GetWebSocketsToken', {}, query)).toEqual([]);
  });

  it('unknown private methods → HTTP 404 EGeneral:Unknown method', async () => {
    const reply = await privateCall(sim, 'NoSuchThing');
    expect(reply.status).toBe(404);
    expect(reply.json.error).toEqual(['EGeneral:Unknown method']);
  });
});

describe('nonce lockout and window', () => {
  it('ten invalid nonces lock the key out: EGeneral:Temporary lockout, even with a good nonce', async () => {
    const own = await startTestSim({ rateLimit: 'off' });
    try {
      const nonce = nextNonce();
      expect(await errors(own, 'Balance', {}, { nonce })).toEqual([]);
      for (let i = 0; i < 10; i += 1) {
        expect(await errors(own, 'Balance', {}, { nonce })).toEqual(['EAPI:Invalid nonce']);
      }
      expect(await errors(own, 'Balance')).toEqual(['EGeneral:Temporary lockout']);
      // Other keys are not affected.
      expect(
        await errors(own, 'Balance', {}, { key: own.keys.query.key, secret: own.keys.query.secret }),
      ).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('--nonce-window accepts out-of-order nonces inside the window, never the same one twice', async () => {
    const own = await startTestSim({ rateLimit: 'off', nonceWindow: 1000 });
    try {
      const high = BigInt(nextNonce()) + 5000n;
      expect(await errors(own, 'Balance', {}, { nonce: high.toString() })).toEqual([]);
      expect(await errors(own, 'Balance', {}, { nonce: (high - 10n).toString() })).toEqual([]);
      expect(await errors(own, 'Balance', {}, { nonce: (high - 10n).toString() })).toEqual([
        'EAPI:Invalid nonce',
      ]);
      expect(await errors(own, 'Balance', {}, { nonce: (high - 2000n).toString() })).toEqual([
        'EAPI:Invalid nonce',
      ]);
    } finally {
      await own.close();
    }
  });

  it('a key with otp requires it', async () => {
    const own = await startTestSim({ rateLimit: 'off', otp: '123456' });
    try {
      expect(await errors(own, 'Balance')).toEqual(['EAPI:Invalid key']);
      expect(await errors(own, 'Balance', { otp: '123456' })).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
