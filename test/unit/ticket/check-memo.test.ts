import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { STARTER_FEES } from '../../../lib/orders/fees.ts';
import type { BookTop, TicketOrderType } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { type CheckInputs, contextOf, createCheckMemo } from '../../../lib/ticket/check-memo.ts';
import { draftOf, initialTicket, type TicketForm } from '../../../lib/ticket/state.ts';
import { BOOK, BTCUSD } from './fixtures.ts';

const form = (patch: Partial<TicketForm> = {}): TicketForm => ({
  ...initialTicket('BTC/USD').form,
  amount: '0.01',
  ...patch,
});
const limit = form({ type: 'limit', limitPrice: '45000.0' });
const inputs = (patch: Partial<CheckInputs> = {}): CheckInputs => ({
  form: limit,
  rules: BTCUSD,
  book: BOOK,
  last: '45284.0',
  available: { USD: '1000', BTC: '0.5', ETH: '3' },
  fees: STARTER_FEES,
  mode: 'paper',
  ...patch,
});
const movedBook: BookTop = { ...BOOK, asks: [{ price: '45290.0', qty: '0.1' }], at: 2_000 };

/** A memo over a counting check, and how many times the check ran. */
function counted() {
  const check = vi.fn(checkTicket);
  const memo = createCheckMemo(check);
  return { memo, runs: () => check.mock.calls.length };
}

describe('the memoised check', () => {
  it('runs once for the same inputs, and again when the form changes', () => {
    const { memo, runs } = counted();
    const first = memo(inputs(), true);
    expect(memo(inputs(), true)).toBe(first);
    expect(runs()).toBe(1);
    memo(inputs({ form: { ...limit, amount: '0.02' } }), true);
    expect(runs()).toBe(2);
  });

  it('a limit order: ticks, book moves and other assets do not rerun it; its own balances do', () => {
    const { memo, runs } = counted();
    memo(inputs(), true);
    memo(inputs({ last: '45300.0' }), true);
    memo(inputs({ book: movedBook }), true);
    memo(inputs({ available: { USD: '1000', BTC: '0.5', ETH: '4' } }), true);
    memo(inputs({ mode: 'paper', available: { BTC: '0.5', USD: '1000' } }), true);
    expect(runs()).toBe(1);
    memo(inputs({ available: { USD: '999', BTC: '0.5' } }), true);
    expect(runs()).toBe(2);
    memo(inputs({ available: { USD: '999', BTC: '0.5' }, mode: 'live' }), true);
    expect(runs()).toBe(3);
  });

  it('a trailing stop follows the last price (its trigger is estimated from it), not the book', () => {
    const { memo, runs } = counted();
    const trailing = form({ type: 'trailing-stop', side: 'sell', trailOffset: '5' });
    memo(inputs({ form: trailing }), true);
    memo(inputs({ form: trailing, book: movedBook }), true);
    expect(runs()).toBe(1);
    memo(inputs({ form: trailing, last: '45300.0' }), true);
    expect(runs()).toBe(2);
  });

  it('the clock matters to a GTD expiry only, and only to the second; the exchange status always', () => {
    const { memo, runs } = counted();
    memo(inputs({ now: 1_000 }), true);
    memo(inputs({ now: 9_000 }), true);
    expect(runs()).toBe(1);
    const gtd = { ...limit, timeInForce: 'GTD' as const, expiresAt: '2030-01-01T12:00' };
    memo(inputs({ form: gtd, now: 9_000 }), true);
    memo(inputs({ form: gtd, now: 9_500 }), true);
    expect(runs()).toBe(2);
    memo(inputs({ form: gtd, now: 10_000 }), true);
    expect(runs()).toBe(3);
    memo(inputs({ form: gtd, now: 10_000, system: 'cancel_only' }), true);
    expect(runs()).toBe(4);
  });

  it('a post-only limit follows the book (it may cross), not the last price', () => {
    const { memo, runs } = counted();
    const postOnly = { ...limit, postOnly: true };
    memo(inputs({ form: postOnly }), true);
    memo(inputs({ form: postOnly, last: '45300.0' }), true);
    expect(runs()).toBe(1);
    memo(inputs({ form: postOnly, book: movedBook }), true);
    expect(runs()).toBe(2);
  });

  it('a market order follows the book; the last price only while there is no book', () => {
    const { memo, runs } = counted();
    const market = form();
    memo(inputs({ form: market }), true);
    memo(inputs({ form: market, last: '45300.0' }), true);
    expect(runs()).toBe(1);
    memo(inputs({ form: market, book: movedBook }), true);
    expect(runs()).toBe(2);
    memo(inputs({ form: market, book: undefined }), true);
    memo(inputs({ form: market, book: undefined, last: '45310.0' }), true);
    expect(runs()).toBe(4);
  });

  it('a stop follows the last price (it may trigger at once), not the book', () => {
    const { memo, runs } = counted();
    const stop = form({ type: 'stop-loss', side: 'sell', triggerPrice: '44000.0' });
    memo(inputs({ form: stop }), true);
    memo(inputs({ form: stop, book: movedBook }), true);
    expect(runs()).toBe(1);
    memo(inputs({ form: stop, last: '43990.0' }), true);
    expect(runs()).toBe(2);
  });

  it('never runs while hidden; the next visible call catches up', () => {
    const { memo, runs } = counted();
    const shown = memo(inputs(), true);
    expect(memo(inputs({ form: { ...limit, amount: '0.02' } }), false)).toBe(shown);
    expect(memo(null, false)).toBe(shown);
    expect(runs()).toBe(1);
    const caught = memo(inputs({ form: { ...limit, amount: '0.02' } }), true);
    expect(runs()).toBe(2);
    expect(caught?.ok && caught.order.volume).toBe('0.02000000');
    expect(memo(null, true)).toBeNull();
  });

  it('gives what a fresh check would, whatever changed in between (property)', () => {
    const level = fc.record({
      price: fc.constantFrom('45200.0', '45280.0', '45285.2', '45290.0', '45400.0'),
      qty: fc.constantFrom('0.001', '0.5', '2'),
    });
    const book = fc.option(
      fc.record({
        symbol: fc.constantFrom('BTC/USD', 'ETH/USD'),
        asks: fc.array(level, { maxLength: 3 }),
        bids: fc.array(level, { maxLength: 3 }),
        at: fc.nat(),
      }),
      { nil: undefined },
    );
    const step = fc.record({
      type: fc.constantFrom<TicketOrderType>('market', 'limit', 'stop-loss', 'take-profit'),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      amountIn: fc.constantFrom('base' as const, 'quote' as const),
      amount: fc.constantFrom('0.01', '0.5', '100', '3'),
      price: fc.constantFrom('45000.0', '45285.2', '45290.0', '46000.0'),
      postOnly: fc.boolean(),
      book,
      last: fc.option(fc.constantFrom('45000.0', '45284.0', '45290.0', '46000.0'), { nil: undefined }),
      usd: fc.constantFrom('1000', '50000'),
      eth: fc.constantFrom('1', '2'),
      sameForm: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const memo = createCheckMemo();
        let current = form();
        for (const s of steps) {
          if (!s.sameForm) {
            current = form({
              type: s.type,
              side: s.side,
              amountIn: s.amountIn,
              amount: s.amount,
              limitPrice: s.price,
              triggerPrice: s.price,
              postOnly: s.postOnly,
            });
          }
          const i = inputs({
            form: current,
            book: s.book,
            last: s.last,
            available: { USD: s.usd, BTC: '0.5', ETH: s.eth },
          });
          expect(memo(i, true)).toEqual(checkTicket(draftOf(i.form), contextOf(i)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
