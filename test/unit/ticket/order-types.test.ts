// The ticket for the order types beyond market, limit, stop-loss and take-profit: their fields and per-field
// messages, time in force (FOK, GTD), the attached close, what the market takes now, the order each makes, and
// the preview's words and fees.
import { describe, expect, it } from 'vitest';
import { checkTicket } from '../../../lib/ticket/check.ts';
import type { TicketCheck, TicketContext, TicketDraft, TicketProblem } from '../../../lib/ticket/types.ts';
import { btcCtx, btcDraft } from './real-pairs.ts';

const only = (check: TicketCheck) => check.problems.map((p) => `${p.field}:${p.code}`);
/** Noon today, local time, and the datetime-local text of a time relative to it. */
const NOON = new Date(new Date().setHours(12, 0, 0, 0)).getTime();
const local = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

describe('an empty draft of each new type asks for its own fields', () => {
  it.each([
    ['stop-loss-limit', ['amount:required', 'triggerPrice:required', 'limitPrice:required']],
    ['take-profit-limit', ['amount:required', 'triggerPrice:required', 'limitPrice:required']],
    ['trailing-stop', ['amount:required', 'trailOffset:required']],
    ['trailing-stop-limit', ['amount:required', 'trailOffset:required', 'limitOffset:required']],
  ] as const)('%s', (type, expected) => {
    const check = checkTicket(btcDraft({ type, amount: '', limitPrice: '' }), btcCtx());
    expect(only(check)).toEqual(expected);
  });
});

describe('each problem beside its field, in words', () => {
  type Row = [
    string,
    Partial<TicketDraft>,
    Partial<TicketContext>,
    Omit<TicketProblem, 'level'>,
    'error' | 'warning',
  ];
  const rows: Row[] = [
    [
      'a trailing offset of 100 %',
      { type: 'trailing-stop', side: 'sell', trailOffset: '100' },
      {},
      { field: 'trailOffset', code: 'offset', message: 'A percentage offset must be below 100.' },
      'error',
    ],
    [
      'a percentage with 3 decimals',
      { type: 'trailing-stop', side: 'sell', trailOffset: '2.555' },
      {},
      {
        field: 'trailOffset',
        code: 'offset',
        message: 'A percentage takes at most 2 decimals (Kraken’s “+5.25%”).',
      },
      'error',
    ],
    [
      'a limit offset in USD finer than the price',
      { type: 'trailing-stop-limit', side: 'sell', trailOffset: '2', limitOffset: '0.05' },
      {},
      { field: 'limitOffset', code: 'too-many-decimals', message: 'BTC/USD prices take at most 1 decimal.' },
      'error',
    ],
    [
      'a stop-loss-limit whose limit is off the tick',
      { type: 'stop-loss-limit', side: 'sell', triggerPrice: '44000.0', limitPrice: '43900.05' },
      {},
      { field: 'limitPrice', code: 'too-many-decimals', message: 'BTC/USD prices take at most 1 decimal.' },
      'error',
    ],
    [
      'fill-or-kill on a stop',
      { type: 'stop-loss', side: 'sell', triggerPrice: '44000.0', timeInForce: 'FOK' },
      {},
      { field: 'timeInForce', code: 'tif-limit-only', message: 'Fill-or-kill applies to limit orders only.' },
      'error',
    ],
    [
      'post-only fill-or-kill',
      { postOnly: true, timeInForce: 'FOK', limitPrice: '40000.0' },
      {},
      {
        field: 'timeInForce',
        code: 'post-only-ioc',
        message:
          'A post-only order cannot be fill-or-kill, because it never trades on arrival and would always be cancelled.',
      },
      'error',
    ],
    [
      'GTD without an expiry',
      { timeInForce: 'GTD', limitPrice: '40000.0' },
      { now: NOON },
      { field: 'expiresAt', code: 'required', message: 'Enter when the order expires.' },
      'error',
    ],
    [
      'GTD in the past',
      { timeInForce: 'GTD', limitPrice: '40000.0', expiresAt: local(NOON - 60_000) },
      { now: NOON },
      {
        field: 'expiresAt',
        code: 'expiry',
        message: 'That time has passed (or is under a minute away): choose a later one.',
      },
      'error',
    ],
    [
      'GTD further out than a month',
      { timeInForce: 'GTD', limitPrice: '40000.0', expiresAt: local(NOON + 31 * 86_400_000) },
      { now: NOON },
      {
        field: 'expiresAt',
        code: 'expiry',
        message: 'Kraken keeps a good-till-date order for at most a month: choose an earlier time.',
      },
      'error',
    ],
    [
      'Kraken in maintenance',
      {},
      { system: 'maintenance' },
      {
        field: 'pair',
        code: 'market-status',
        message: 'Kraken is in maintenance: no new orders until it ends.',
      },
      'error',
    ],
    [
      'a market order while Kraken is post-only',
      { type: 'market' },
      { system: 'post_only' },
      {
        field: 'pair',
        code: 'market-status',
        message: 'Kraken takes post-only limit orders only right now.',
      },
      'error',
    ],
    [
      'a take-profit close below the buy’s limit',
      { limitPrice: '45000.0', closeType: 'take-profit', closePrice: '44000.0' },
      {},
      {
        field: 'closePrice',
        code: 'close-triggers-at-once',
        message:
          'This take-profit is at or below the price the order fills at (about 45000.0 USD), so it would fire as soon as the order has filled.',
      },
      'warning',
    ],
    [
      'a close price off the grid',
      { limitPrice: '45000.0', closeType: 'stop-loss', closePrice: '40000.05' },
      {},
      { field: 'closePrice', code: 'too-many-decimals', message: 'BTC/USD prices take at most 1 decimal.' },
      'error',
    ],
    [
      'a trailing stop without a last price',
      { type: 'trailing-stop', side: 'sell', trailOffset: '5' },
      { last: undefined },
      {
        field: 'amount',
        code: 'no-price',
        message: 'There is no BTC/USD price yet to start a trailing stop from; wait for the live price.',
      },
      'error',
    ],
  ];
  it.each(rows)('%s', (_, draft, ctx, problem, level) => {
    const check = checkTicket(
      btcDraft({ amount: '0.001', ...draft }),
      btcCtx({ available: { USD: '100000', BTC: '1' }, ...ctx }),
    );
    expect(check.problems).toContainEqual({ ...problem, level });
    expect(check.ok).toBe(check.problems.every((p) => p.level === 'warning'));
  });
});

describe('the order each type makes, and what the preview says', () => {
  const ctx = btcCtx({ available: { USD: '100000', BTC: '1' }, last: '45000.0' });
  it('a 5 % trailing stop sell: the offset as Kraken takes it, estimated at the trigger it would have now', () => {
    const check = checkTicket(
      btcDraft({ type: 'trailing-stop', side: 'sell', amount: '0.1', trailOffset: '5' }),
      ctx,
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.order).toEqual({
      symbol: 'BTC/USD',
      side: 'sell',
      type: 'trailing-stop',
      volume: '0.10000000',
      trailOffset: { value: '5', unit: 'percent' },
      postOnly: false,
      timeInForce: 'GTC',
    });
    expect(check.preview).toMatchObject({ estPrice: '42750.0', priceSource: 'trail' });
    expect(check.preview.words).toBe(
      'Sells 0.1 BTC at market if the price falls 5 % below its highest since it was placed.',
    );
    expect(check.preview.fees).toEqual({
      makerPercent: '0.16',
      takerPercent: '0.26',
      note: 'Taker applies: it takes from the book.',
    });
  });

  it('a trailing stop-limit buy in USD', () => {
    const check = checkTicket(
      btcDraft({
        type: 'trailing-stop-limit',
        amount: '0.1',
        trailOffset: '500',
        trailUnit: 'quote',
        limitOffset: '1',
        limitOffsetUnit: 'percent',
      }),
      ctx,
    );
    expect(check.ok && check.order).toMatchObject({
      trailOffset: { value: '500', unit: 'quote' },
      limitOffset: { value: '1', unit: 'percent' },
    });
    // Trigger now 45500.0; 1 % above it is 455.0 → 45955.0.
    expect(check.preview?.estPrice).toBe('45955.0');
    expect(check.preview?.words).toBe(
      'If the price rises 500 USD above its lowest since it was placed, places a limit order to buy 0.1 BTC at 1 % above that trigger or less.',
    );
  });

  it('a stop-loss-limit with an expiry, and a limit with a take-profit attached', () => {
    const at = NOON + 3_600_000;
    const stop = checkTicket(
      btcDraft({
        type: 'stop-loss-limit',
        side: 'sell',
        amount: '0.1',
        triggerPrice: '44000',
        limitPrice: '43900',
        timeInForce: 'GTD',
        expiresAt: local(at),
      }),
      { ...ctx, now: NOON },
    );
    expect(stop.ok && stop.order).toMatchObject({
      triggerPrice: '44000.0',
      limitPrice: '43900.0',
      expiresAt: at,
    });
    expect(stop.preview?.words).toMatch(
      /^If the price falls to 44,000\.0 USD, places a limit order to sell 0\.1 BTC at 43,900\.0 USD or more\. If it has not triggered by .*, it expires\.$/,
    );
    const entry = checkTicket(
      btcDraft({
        amount: '0.1',
        limitPrice: '44000',
        postOnly: true,
        closeType: 'take-profit',
        closePrice: '48000',
      }),
      ctx,
    );
    expect(entry.ok && entry.order.close).toEqual({ type: 'take-profit', price: '48000.0' });
    expect(entry.preview?.words).toBe(
      'Buys 0.1 BTC at 44,000.0 USD or less; what does not fill at once rests in the book until you cancel it. Post-only: it only ever adds to the book; Kraken cancels it if it would trade at once. Once it has filled, a take-profit sells the same amount at market if the price rises to 48,000.0 USD.',
    );
    expect(entry.preview?.fees.note).toBe('Maker applies: a post-only order only ever adds to the book.');
  });

  it('fill-or-kill says all or nothing', () => {
    const check = checkTicket(btcDraft({ amount: '0.1', limitPrice: '46000', timeInForce: 'FOK' }), ctx);
    expect(check.preview?.words).toBe(
      'Buys 0.1 BTC at 46,000.0 USD or less, all of it at once or nothing at all.',
    );
  });
});
