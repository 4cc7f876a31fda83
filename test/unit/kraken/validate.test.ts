import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AssetPair } from '../../../lib/kraken/index.ts';
import { createPairCache } from '../../../lib/kraken/pairs/cache.ts';
import { cmp } from '../../../lib/kraken/pairs/exact.ts';
import { pairRulesFrom, pairRulesFromInstrument } from '../../../lib/kraken/pairs/rules.ts';
import { type OrderDraft, validateOrder } from '../../../lib/kraken/pairs/validate.ts';
import type { InstrumentPair } from '../../../lib/kraken/ws/protocol.ts';
import { fixtureText } from '../../support/fixtures.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

// Kraken's official AssetPairs example: XXBTZUSD (pair 1, lot 8, cost 5, ordermin 0.0001, costmin 0.5,
// tick 0.1) and XETHXXBT (pair 5, lot 8, cost 6, ordermin 0.01, costmin 0.00002, tick 0.00001).
const official = parse(
  fixtureText('official/krakenfx-api-specs_spot-rest/examples/responses/public/assets/pairs.yaml'),
) as { result: Record<string, AssetPair> };
const pairs = official.result;
const BTCUSD = pairRulesFrom('XXBTZUSD', pairs.XXBTZUSD as AssetPair);
const ETHBTC = pairRulesFrom('XETHXXBT', pairs.XETHXXBT as AssetPair);

const limit = (patch: Partial<OrderDraft> = {}): OrderDraft => ({
  side: 'buy',
  ordertype: 'limit',
  volume: '0.01',
  price: '30000.0',
  ...patch,
});

describe('pair rules from AssetPairs', () => {
  it('reads the official example', () => {
    expect(BTCUSD).toMatchObject({
      symbol: 'BTC/USD',
      base: 'BTC',
      quote: 'USD',
      pairDecimals: 1,
      lotDecimals: 8,
      ordermin: '0.0001',
      costmin: '0.5',
      tickSize: '0.1',
      takerFeePercent: '0.26',
      makerFeePercent: '0.16',
    });
    expect(ETHBTC.symbol).toBe('ETH/BTC');
  });
});

describe('pair rules from the v2 instrument channel', () => {
  // A real 2024 snapshot: numbers like 1E-8 and 0.50 as JSON numbers.
  const snapshot = JSON.parse(
    fixtureText('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json'),
  ) as { data: { pairs: InstrumentPair[] } };
  const btc = snapshot.data.pairs.find((p) => p.symbol === 'BTC/USD');

  it('agree with AssetPairs on every field validation uses', () => {
    if (!btc) throw new Error('fixture lacks BTC/USD');
    const v2 = pairRulesFromInstrument(btc);
    expect(v2).toMatchObject({
      symbol: 'BTC/USD',
      altname: 'XBTUSD',
      base: 'BTC',
      quote: 'USD',
      status: 'online',
    });
    expect([v2.pairDecimals, v2.lotDecimals, v2.costDecimals]).toEqual([
      BTCUSD.pairDecimals,
      BTCUSD.lotDecimals,
      BTCUSD.costDecimals,
    ]);
    expect(v2.ordermin).toBe('0.00010000');
    expect(cmp(v2.ordermin ?? '', BTCUSD.ordermin ?? '')).toBe(0);
    expect(cmp(v2.costmin ?? '', BTCUSD.costmin ?? '')).toBe(0);
    expect(v2.tickSize).toBe('0.1');
    expect(validateOrder(v2, limit({ volume: '0.00009' }))).toMatchObject({
      ok: false,
      problems: [{ field: 'volume', code: 'below-minimum' }],
    });
  });
});

describe('validateOrder', () => {
  it('accepts a valid limit buy and reports cost, fee and what it needs', () => {
    expect(validateOrder(BTCUSD, limit(), { available: { USD: '1000' } })).toEqual({
      ok: true,
      cost: '300.00000',
      fee: '0.78000',
      needs: { asset: 'USD', amount: '300.78000' },
    });
  });

  // Hostile and mistaken input, each tied to the field a person must fix.
  it.each([
    ['an empty amount', limit({ volume: '' }), 'volume', 'required'],
    ['a word as amount', limit({ volume: 'lots' }), 'volume', 'not-a-number'],
    ['an amount in exponent form', limit({ volume: '1e-3' }), 'volume', 'not-a-number'],
    ['a negative amount', limit({ volume: '-1' }), 'volume', 'not-a-number'],
    ['a zero amount', limit({ volume: '0' }), 'volume', 'not-positive'],
    ['9 decimals of BTC', limit({ volume: '0.123456789' }), 'volume', 'too-many-decimals'],
    ['below ordermin', limit({ volume: '0.00009' }), 'volume', 'below-minimum'],
    ['a missing limit price', limit({ price: undefined }), 'price', 'required'],
    ['a zero price', limit({ price: '0' }), 'price', 'not-positive'],
    [
      'a price with 2 decimals on a 1-decimal pair',
      limit({ price: '30000.05' }),
      'price',
      'too-many-decimals',
    ],
    ['a price with a comma', limit({ price: '30,000' }), 'price', 'not-a-number'],
    [
      'a stop-loss-limit without price2',
      limit({ ordertype: 'stop-loss-limit', price2: undefined }),
      'price2',
      'required',
    ],
    ['cost below costmin', limit({ volume: '0.0001', price: '4000.0' }), 'total', 'cost-below-minimum'],
  ] as const)('refuses %s', (_, draft, field, code) => {
    const check = validateOrder(BTCUSD, draft);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toContainEqual(expect.objectContaining({ field, code }));
    // Language-free: a code and its values, no sentence (the pages write it: lib/orders/problem-text.ts).
    for (const p of check.problems) expect(p).not.toHaveProperty('message');
  });

  it('checks the tick size where it is coarser than the decimals (ETH/BTC 0.00001)', () => {
    const tick = { ...ETHBTC, tickSize: '0.00005' };
    const bad = validateOrder(tick, limit({ volume: '1', price: '0.03502' }));
    expect(bad).toMatchObject({ ok: false, problems: [{ field: 'price', code: 'tick-size' }] });
    expect(validateOrder(tick, limit({ volume: '1', price: '0.03505' })).ok).toBe(true);
  });

  it('a buy must afford cost plus fee in the quote asset; a sell needs the base', () => {
    const buy = validateOrder(BTCUSD, limit(), { available: { USD: '300.77' } });
    expect(buy).toMatchObject({ ok: false, problems: [{ field: 'balance', code: 'insufficient-balance' }] });
    expect(buy).toMatchObject({
      problems: [{ side: 'buy', have: '300.77', needs: '300.78000', asset: 'USD', feePercent: '0.26' }],
    });
    const sell = validateOrder(BTCUSD, limit({ side: 'sell' }), { available: { BTC: '0.009' } });
    expect(sell).toMatchObject({ ok: false, problems: [{ field: 'balance' }] });
    expect(validateOrder(BTCUSD, limit({ side: 'sell' }), { available: { BTC: '0.01' } }).ok).toBe(true);
  });

  it('prices a market order at the reference price given', () => {
    const check = validateOrder(
      BTCUSD,
      { side: 'buy', ordertype: 'market', volume: '0.001' },
      {
        marketPrice: '97000.0',
        available: { USD: '100' },
      },
    );
    expect(check).toMatchObject({ ok: true, cost: '97.00000', needs: { amount: '97.25220' } });
  });

  it('leaves relative prices ("+5", "2%") to Kraken', () => {
    const check = validateOrder(BTCUSD, {
      side: 'sell',
      ordertype: 'trailing-stop',
      volume: '0.01',
      price: '+50',
    });
    expect(check.ok).toBe(true);
  });

  it('refuses orders on a pair in cancel-only mode, and market orders in limit-only mode', () => {
    expect(validateOrder({ ...BTCUSD, status: 'cancel_only' }, limit())).toMatchObject({
      ok: false,
      problems: [{ field: 'pair', code: 'pair-unavailable' }],
    });
    const marketOnLimitOnly = validateOrder(
      { ...BTCUSD, status: 'limit_only' },
      {
        side: 'buy',
        ordertype: 'market',
        volume: '0.01',
      },
    );
    expect(marketOnLimitOnly.ok).toBe(false);
  });
});

describe('validateOrder: trading modes, estimated costs, absolute prices', () => {
  // https://support.kraken.com/hc/en-us/articles/360055614211 — Post Only: "only limit orders using the post
  // only option"; Limit Only: "only limit orders can be submitted".
  it('a pair in post-only mode takes post-only limit orders and nothing else', () => {
    const postOnly = { ...BTCUSD, status: 'post_only' };
    expect(validateOrder(postOnly, limit({ postOnly: true })).ok).toBe(true);
    for (const draft of [limit(), { ...limit(), ordertype: 'market' as const, price: undefined }]) {
      expect(validateOrder(postOnly, draft)).toEqual({
        ok: false,
        problems: [
          {
            field: 'pair',
            code: 'pair-unavailable',
            why: 'post-only',
            symbol: 'BTC/USD',
            status: 'post-only',
          },
        ],
      });
    }
  });

  it('a pair in limit-only mode refuses stop-loss and take-profit (market once triggered) too', () => {
    const limitOnly = { ...BTCUSD, status: 'limit_only' };
    for (const ordertype of ['stop-loss', 'take-profit'] as const) {
      expect(validateOrder(limitOnly, limit({ ordertype }))).toMatchObject({
        ok: false,
        problems: [{ field: 'pair', why: 'limit-only', symbol: 'BTC/USD' }],
      });
    }
    expect(validateOrder(limitOnly, limit({ ordertype: 'stop-loss-limit', price2: '29000.0' })).ok).toBe(
      true,
    );
  });

  it('names the price after its role: limit price, trigger price', () => {
    expect(validateOrder(BTCUSD, limit({ price: '' }))).toMatchObject({
      problems: [{ field: 'price', code: 'required', label: 'limit' }],
    });
    expect(validateOrder(BTCUSD, limit({ ordertype: 'stop-loss', price: '' }))).toMatchObject({
      problems: [{ field: 'price', code: 'required', label: 'trigger' }],
    });
  });

  it('uses an estimated cost (a book walk) instead of volume × price when given', () => {
    // 0.01 BTC walked through a book costs 300.05; at 0.26 % the fee is 0.78013, so it needs 300.83013.
    const check = validateOrder(
      BTCUSD,
      { side: 'buy', ordertype: 'market', volume: '0.01' },
      { cost: '300.05', available: { USD: '300.83' } },
    );
    expect(check).toMatchObject({
      ok: false,
      problems: [
        {
          code: 'insufficient-balance',
          have: '300.83',
          needs: '300.83013',
          asset: 'USD',
          feePercent: '0.26',
        },
      ],
    });
    expect(validateOrder(BTCUSD, limit({ volume: '0.0001' }), { cost: '0.49999' })).toMatchObject({
      ok: false,
      problems: [{ field: 'total', code: 'cost-below-minimum' }],
    });
  });

  it('refuses relative prices when asked to (the ticket takes absolute prices only)', () => {
    expect(validateOrder(BTCUSD, limit({ price: '+50' }), { relativePrices: false })).toMatchObject({
      ok: false,
      problems: [{ field: 'price', code: 'not-a-number' }],
    });
  });
});

describe('createPairCache', () => {
  it('loads AssetPairs once for concurrent callers, answers any name, refreshes after its TTL', async () => {
    const clock = virtualClock();
    let loads = 0;
    const cache = createPairCache({
      clock,
      ttlMs: 60_000,
      load: async () => {
        loads++;
        return pairs;
      },
    });
    const [a, b, c] = await Promise.all([
      cache.rules('BTC/USD'),
      cache.rules('XBTUSD'),
      cache.rules('XXBTZUSD'),
    ]);
    expect(loads).toBe(1);
    expect(a?.id).toBe('XXBTZUSD');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect((await cache.rules('ETH/XBT'))?.id).toBe('XETHXXBT');
    expect(await cache.rules('FOO/USD')).toBeUndefined();
    clock.advance(60_000);
    await cache.rules('BTC/USD');
    expect(loads).toBe(2);
  });

  it('fills pairs AssetPairs did not list from v2 instrument data; AssetPairs wins where both exist', async () => {
    const cache = createPairCache({ clock: virtualClock(), load: async () => pairs });
    await cache.all();
    const instrument = (symbol: string, base: string, quote: string): InstrumentPair => ({
      symbol,
      base,
      quote,
      status: 'online',
      qty_precision: 8,
      qty_increment: 1e-8,
      price_precision: 2,
      price_increment: 0.01,
      cost_precision: 5,
      cost_min: 0.5,
      qty_min: 0.02,
    });
    cache.useInstruments([instrument('SOL/USD', 'SOL', 'USD'), instrument('BTC/USD', 'BTC', 'USD')]);
    expect((await cache.rules('SOLUSD'))?.ordermin).toBe('0.02000000');
    expect((await cache.rules('SOL/USD'))?.tickSize).toBe('0.01');
    expect((await cache.rules('BTC/USD'))?.id).toBe('XXBTZUSD');
  });
});
