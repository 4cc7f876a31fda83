import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cmp } from '../../../lib/kraken/pairs/exact.ts';
import type { TicketOrderType } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { availableByAsset, fractionAmount } from '../../../lib/ticket/funds.ts';
import { tradingView } from '../ui/trading/fixtures.ts';
import { btcCtx, btcDraft, cents, ETHUSD, ethCtx, ethDraft, format5, lots, percent } from './real-pairs.ts';

describe('fractions of the available balance', () => {
  it('a limit buy of 100 % leaves room for the fee', () => {
    // 1000 / 1.0026 = 997.40674…; 997.40674 + fee 2.59326 (up) = 1000 exactly.
    expect(fractionAmount(1, btcDraft({ amountIn: 'quote' }), btcCtx())).toBe('997.40674');
    expect(fractionAmount(0.25, btcDraft({ amountIn: 'quote' }), btcCtx())).toBe('249.35168');
    expect(fractionAmount(1, btcDraft({ amountIn: 'quote', postOnly: true }), btcCtx())).toBe('998.40255');
    // In BTC: 997.40674 / 45000.0 → 0.02216459; its cost and fee: 997.40655 + 2.59326 = 999.99981.
    const amount = fractionAmount(1, btcDraft(), btcCtx());
    expect(amount).toBe('0.02216459');
    expect(checkTicket(btcDraft({ amount }), btcCtx())).toMatchObject({
      ok: true,
      preview: { total: '999.99981' },
    });
  });

  it('a sell takes a share of the base; in quote, what that share brings', () => {
    expect(fractionAmount(0.5, btcDraft({ side: 'sell' }), btcCtx())).toBe('0.25');
    expect(fractionAmount(0.5, btcDraft({ side: 'sell', amountIn: 'quote' }), btcCtx())).toBe('11250');
    // At market: 0.1 @ 45283.5 + 0.15 @ 45283.4 = 11320.86
    expect(fractionAmount(0.5, btcDraft({ side: 'sell', type: 'market', amountIn: 'quote' }), btcCtx())).toBe(
      '11320.86',
    );
  });

  it('steps down when a walk in quote would take more base than the share (dust from a far worse bid)', () => {
    // Selling 0.33333334 ETH at 3.00 brings 1.00000002 → 1.00000 USD. Walking 1.00000 USD back through the
    // bids takes 0.33333333 at 3.00 and, with the 0.00000001 USD left, 0.000001 ETH at 0.01: more than the
    // balance. The fraction steps down to 0.99999 USD, which comes to 0.33333 ETH.
    const ctx = ethCtx({
      book: {
        symbol: 'ETH/USD',
        asks: [],
        bids: [
          { price: '3.00', qty: '1' },
          { price: '0.01', qty: '1' },
        ],
        at: 0,
      },
      available: { ETH: '0.33333334' },
      rules: { ...ETHUSD, ordermin: undefined, costmin: undefined },
    });
    const draft = ethDraft({ side: 'sell', amountIn: 'quote' });
    const amount = fractionAmount(1, draft, ctx);
    expect(amount).toBe('0.99999');
    expect(checkTicket({ ...draft, amount }, ctx)).toMatchObject({
      ok: true,
      order: { volume: '0.33333000' },
    });
    expect(checkTicket({ ...draft, amount: '1' }, ctx).problems).toContainEqual(
      expect.objectContaining({ code: 'insufficient-balance' }),
    );
  });

  it('is empty when a price is needed and unknown, zero without a balance', () => {
    expect(fractionAmount(1, btcDraft({ limitPrice: '' }), btcCtx())).toBe('');
    expect(
      fractionAmount(1, btcDraft({ type: 'market' }), btcCtx({ book: undefined, last: undefined })),
    ).toBe('');
    expect(fractionAmount(1, btcDraft({ side: 'sell' }), btcCtx({ available: {} }))).toBe('0');
  });

  // Random books, balances, fees and orders: the amount a fraction button fills in never needs more than the
  // balance once checkTicket prices it (fee included for buys), so "100 %" is never refused for funds.
  it('never exceed the available balance, fee included (property)', () => {
    const price = fc.integer({ min: 1, max: 5_000_000 });
    const qty = fc.integer({ min: 1, max: 50_000_000_000 });
    const side = (desc: boolean) =>
      fc
        .uniqueArray(fc.tuple(price, qty), { maxLength: 8, selector: ([p]) => p })
        .map((xs) =>
          xs.sort(([a], [b]) => (desc ? b - a : a - b)).map(([p, q]) => ({ price: cents(p), qty: lots(q) })),
        );
    fc.assert(
      fc.property(
        fc.record({
          asks: side(false),
          bids: side(true),
          usd: fc.integer({ min: 0, max: 10_000_000_000 }),
          eth: fc.integer({ min: 0, max: 100_000_000_000 }),
          taker: fc.integer({ min: 0, max: 600 }),
          maker: fc.integer({ min: 0, max: 600 }),
          type: fc.constantFrom<TicketOrderType>('market', 'limit', 'stop-loss', 'take-profit'),
          buy: fc.boolean(),
          inQuote: fc.boolean(),
          postOnly: fc.boolean(),
          fraction: fc.constantFrom<0.25 | 0.5 | 1>(0.25, 0.5, 1),
          limit: price,
          last: fc.option(price),
          withBook: fc.boolean(),
        }),
        (r) => {
          const draft = ethDraft({
            side: r.buy ? 'buy' : 'sell',
            type: r.type,
            amountIn: r.inQuote ? 'quote' : 'base',
            limitPrice: cents(r.limit),
            triggerPrice: cents(r.limit),
            postOnly: r.type === 'limit' && r.postOnly,
          });
          const ctx = ethCtx({
            rules: { ...ETHUSD, ordermin: undefined, costmin: undefined },
            book: r.withBook ? { symbol: 'ETH/USD', asks: r.asks, bids: r.bids, at: 0 } : undefined,
            last: r.last === null ? undefined : cents(r.last),
            available: { USD: format5(r.usd), ETH: lots(r.eth) },
            fees: { makerPercent: percent(r.maker), takerPercent: percent(r.taker) },
          });
          const amount = fractionAmount(r.fraction, draft, ctx);
          if (amount === '' || cmp(amount, '0') === 0) return;
          const check = checkTicket({ ...draft, amount }, ctx);
          expect(check.problems.map((p) => p.code)).not.toContain('insufficient-balance');
          const preview = check.preview;
          if (!preview) return;
          expect(cmp(preview.total, ctx.available[preview.totalAsset] ?? '0')).toBeLessThanOrEqual(0);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('balances', () => {
  it('maps balances to what is available per asset', () => {
    expect(availableByAsset(tradingView().balances)).toEqual({ USD: '1000', BTC: '0.5' });
  });
});
