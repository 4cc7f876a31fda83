import { describe, expect, it } from 'vitest';
import { RestLimiter } from '../../sim/ratelimit/rest-limiter.ts';
import { TradingLimiter, tradingCost } from '../../sim/ratelimit/trading-limiter.ts';
import { startTestSim } from './helpers.ts';
import { errors } from './private-helpers.ts';

describe('REST call counter (https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits)', () => {
  it('Starter: 15 calls pass, the 16th → EAPI:Rate limit exceeded; TradesHistory costs 2', async () => {
    const sim = await startTestSim();
    try {
      for (let i = 0; i < 15; i += 1) expect(await errors(sim, 'Balance')).toEqual([]);
      expect(await errors(sim, 'Balance')).toEqual(['EAPI:Rate limit exceeded']);
      // Another key has its own counter.
      const query = { key: sim.keys.query.key, secret: sim.keys.query.secret };
      for (let i = 0; i < 7; i += 1) expect(await errors(sim, 'TradesHistory', {}, query)).toEqual([]);
      expect(await errors(sim, 'TradesHistory', {}, query)).toEqual(['EAPI:Rate limit exceeded']);
      // Order entry is not on the REST counter.
      expect(
        await errors(sim, 'AddOrder', {
          pair: 'XBTUSD',
          type: 'buy',
          ordertype: 'limit',
          volume: '0.001',
          price: '50000.0',
          validate: true,
        }),
      ).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('--rate-limit relaxed lets 40 rapid calls through while nonces stay strict', async () => {
    const sim = await startTestSim({ rateLimit: 'relaxed' });
    try {
      for (let i = 0; i < 40; i += 1) expect(await errors(sim, 'Balance')).toEqual([]);
      expect(await errors(sim, 'Balance', {}, { nonce: '1' })).toEqual(['EAPI:Invalid nonce']);
    } finally {
      await sim.close();
    }
  });

  it.each([
    ['starter', 15, 33],
    ['intermediate', 20, 50],
    ['pro', 20, 100],
  ] as const)('%s: max %i, decay %i/100 per second', (tier, max, decay) => {
    let now = 0;
    const limiter = new RestLimiter(tier, 'on', () => now);
    for (let i = 0; i < max; i += 1) expect(limiter.charge('k', 1)).toBe(true);
    expect(limiter.charge('k', 1)).toBe(false);
    now += Math.ceil(100_000 / decay) - 1;
    expect(limiter.charge('k', 1)).toBe(false);
    now += 2;
    expect(limiter.charge('k', 1)).toBe(true);
  });
});

describe('per-pair trading counter (https://docs.kraken.com/api/docs/guides/spot-ratelimits)', () => {
  it("Kraken's worked example: add, amend after 7 s, cancel 36 s later = 8", () => {
    expect(tradingCost('add', undefined) + tradingCost('amend', 7_000) + tradingCost('cancel', 36_000)).toBe(
      8,
    );
  });

  it.each([
    ['cancel', 1_000, 8],
    ['cancel', 12_000, 5],
    ['cancel', 200_000, 1],
    ['cancel', 400_000, 0],
    ['edit', 3_000, 7],
    ['edit', 60_000, 2],
    ['amend', 20_000, 1],
  ] as const)('%s of an order aged %i ms costs %i', (action, age, cost) => {
    expect(tradingCost(action, age)).toBe(cost);
  });

  it('decay example: 50 adds then 10 s at Intermediate → 26.6', () => {
    let now = 0;
    const limiter = new TradingLimiter('intermediate', 'on', () => now);
    for (let i = 0; i < 50; i += 1) limiter.charge('XXBTZUSD', 1, 'add');
    now = 10_000;
    expect(limiter.value('XXBTZUSD')).toBeCloseTo(26.6, 6);
  });

  it('Starter: rapid add+cancel churn hits EOrder:Rate limit exceeded; cancels are still accepted', async () => {
    const sim = await startTestSim();
    try {
      const order = { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.001', price: '50000.0' };
      let refused: string[] = [];
      for (let i = 0; i < 10 && refused.length === 0; i += 1) {
        const reply = await errors(sim, 'AddOrder', order);
        if (reply.length > 0) refused = reply;
        else expect(await errors(sim, 'CancelAll')).toEqual([]);
      }
      // 1 + 8 per round against a threshold of 60: the 8th add is refused.
      expect(refused).toEqual(['EOrder:Rate limit exceeded']);
      // Another pair has its own counter.
      expect(
        await errors(sim, 'AddOrder', { ...order, pair: 'ETHUSD', price: '1000.00', volume: '0.01' }),
      ).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('Intermediate: the 81st open order on a pair → EOrder:Orders limit exceeded', async () => {
    const sim = await startTestSim({ tier: 'intermediate' });
    try {
      const order = { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.0001', price: '50000.0' };
      for (let i = 0; i < 80; i += 1) expect(await errors(sim, 'AddOrder', order)).toEqual([]);
      expect(await errors(sim, 'AddOrder', order)).toEqual(['EOrder:Orders limit exceeded']);
    } finally {
      await sim.close();
    }
  });
});
