import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../lib/messaging/parse.ts';
import type { TicketOrderType, TimeInForce } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import type { TicketCheck, TicketContext, TicketDraft, TicketProblem } from '../../../lib/ticket/types.ts';
import { BTC_BOOK, BTCUSD, btcCtx, btcDraft, ethCtx, ethDraft } from './real-pairs.ts';

const problemsOf = (check: TicketCheck) => check.problems;
const only = (check: TicketCheck) => problemsOf(check).map((p) => `${p.field}:${p.code}`);

describe('an empty draft', () => {
  it.each([
    ['market', 'base', ['amount:required']],
    ['market', 'quote', ['amount:required']],
    ['limit', 'base', ['amount:required', 'limitPrice:required']],
    ['limit', 'quote', ['amount:required', 'limitPrice:required']],
    ['stop-loss', 'base', ['amount:required', 'triggerPrice:required']],
    ['take-profit', 'quote', ['amount:required', 'triggerPrice:required']],
  ] as const)('%s in %s: only the required fields, no preview', (type, amountIn, expected) => {
    const check = checkTicket(
      btcDraft({ type, amountIn, amount: '', limitPrice: '', triggerPrice: '' }),
      btcCtx(),
    );
    expect(check.ok).toBe(false);
    expect(only(check)).toEqual(expected);
    expect('preview' in check && check.preview).toBeFalsy();
  });
});

describe('every problem, with its field and its exact sentence', () => {
  type Row = [
    string,
    Partial<TicketDraft>,
    Partial<TicketContext>,
    Omit<TicketProblem, 'level'>,
    'error' | 'warning',
  ];
  const E = 'error' as const;
  const W = 'warning' as const;
  const rows: Row[] = [
    [
      'rules of another pair',
      { symbol: 'ETH/USD' },
      {},
      { field: 'pair', code: 'pair-mismatch', message: 'The details of ETH/USD are not loaded yet.' },
      E,
    ],
    [
      'a pair in cancel-only mode',
      {},
      { rules: { ...BTCUSD, status: 'cancel_only' } },
      {
        field: 'pair',
        code: 'market-status',
        message: 'BTC/USD is in cancel-only mode: Kraken takes cancellations only, no new orders.',
      },
      E,
    ],
    [
      'a stop-loss on a limit-only pair',
      { type: 'stop-loss', triggerPrice: '44000.0', side: 'sell' },
      { rules: { ...BTCUSD, status: 'limit_only' } },
      {
        field: 'pair',
        code: 'market-status',
        message:
          'BTC/USD takes limit orders only right now: market orders, stop-loss, take-profit and trailing stops are off.',
      },
      E,
    ],
    [
      'a plain limit on a post-only pair',
      {},
      { rules: { ...BTCUSD, status: 'post_only' } },
      {
        field: 'pair',
        code: 'market-status',
        message: 'BTC/USD takes post-only limit orders only right now.',
      },
      E,
    ],
    [
      'a word as amount',
      { amount: 'abc' },
      {},
      { field: 'amount', code: 'not-a-number', message: 'The amount must be a number like 0.01.' },
      E,
    ],
    [
      'a zero amount',
      { amount: '0' },
      {},
      { field: 'amount', code: 'not-positive', message: 'The amount must be above zero.' },
      E,
    ],
    [
      '9 decimals of BTC',
      { amount: '0.123456789' },
      {},
      { field: 'amount', code: 'too-many-decimals', message: 'BTC/USD amounts take at most 8 decimals.' },
      E,
    ],
    [
      'less than ordermin',
      { amount: '0.00009' },
      {},
      { field: 'amount', code: 'below-minimum', message: 'The smallest BTC/USD order is 0.0001 BTC.' },
      E,
    ],
    [
      'a quote amount with a thousands separator',
      { amountIn: 'quote', amount: '1,000' },
      {},
      { field: 'amount', code: 'not-a-number', message: 'The amount must be a number like 25.5.' },
      E,
    ],
    [
      'a zero quote amount',
      { amountIn: 'quote', amount: '0.00' },
      {},
      { field: 'amount', code: 'not-positive', message: 'The amount must be above zero.' },
      E,
    ],
    [
      'a quote amount finer than the cost decimals',
      { amountIn: 'quote', amount: '10.123456' },
      {},
      {
        field: 'amount',
        code: 'too-many-decimals',
        message: 'BTC/USD amounts in USD take at most 5 decimals.',
      },
      E,
    ],
    [
      // 4 / 45000.0 = 0.0000888… → 0.00008888 BTC
      'a quote amount worth less than ordermin',
      { amountIn: 'quote', amount: '4' },
      {},
      {
        field: 'amount',
        code: 'below-minimum',
        message: 'The smallest BTC/USD order is 0.0001 BTC; 4 USD comes to only 0.00008888 BTC.',
      },
      E,
    ],
    [
      'a quote amount worth less than one lot, on a pair without ordermin',
      { amountIn: 'quote', amount: '0.0001' },
      { rules: { ...BTCUSD, ordermin: undefined } },
      {
        field: 'amount',
        code: 'below-minimum',
        message: 'At this price 0.0001 USD comes to less than 0.00000001 BTC, the smallest BTC/USD amount.',
      },
      E,
    ],
    [
      'a limit price with a comma',
      { limitPrice: '45,000' },
      {},
      { field: 'limitPrice', code: 'not-a-number', message: 'The limit price must be a number like 1234.5.' },
      E,
    ],
    [
      'a relative limit price (Kraken takes "+50"; the ticket shows prices, so it does not)',
      { limitPrice: '+50' },
      {},
      { field: 'limitPrice', code: 'not-a-number', message: 'The limit price must be a number like 1234.5.' },
      E,
    ],
    [
      'a zero limit price',
      { limitPrice: '0.0' },
      {},
      { field: 'limitPrice', code: 'not-positive', message: 'The limit price must be above zero.' },
      E,
    ],
    [
      'a limit price with 2 decimals on a 1-decimal pair',
      { limitPrice: '45000.05' },
      {},
      { field: 'limitPrice', code: 'too-many-decimals', message: 'BTC/USD prices take at most 1 decimal.' },
      E,
    ],
    [
      'a limit price off the tick',
      { limitPrice: '45000.2' },
      { rules: { ...BTCUSD, tickSize: '0.5' } },
      { field: 'limitPrice', code: 'tick-size', message: 'The limit price must be a multiple of 0.5 USD.' },
      E,
    ],
    [
      'a stop without trigger price',
      { type: 'stop-loss', side: 'sell' },
      {},
      { field: 'triggerPrice', code: 'required', message: 'Enter a trigger price.' },
      E,
    ],
    [
      'a trigger price with 2 decimals',
      { type: 'take-profit', side: 'sell', triggerPrice: '46000.25' },
      {},
      { field: 'triggerPrice', code: 'too-many-decimals', message: 'BTC/USD prices take at most 1 decimal.' },
      E,
    ],
    [
      'an order worth less than costmin',
      { amount: '0.0001', limitPrice: '4000.0' },
      {},
      {
        field: 'amount',
        code: 'cost-below-minimum',
        message: 'This order is worth 0.40000 USD; BTC/USD orders must be worth at least 0.5 USD.',
      },
      E,
    ],
    [
      // 0.03 × 45000.0 = 1350, fee 0.26 % = 3.51
      'a buy the quote balance cannot pay with its fee',
      { amount: '0.03' },
      {},
      {
        field: 'balance',
        code: 'insufficient-balance',
        message: 'You have 1000 USD available; this order needs 1353.51000 USD including the 0.26% fee.',
      },
      E,
    ],
    [
      'a sell larger than the base balance',
      { side: 'sell', amount: '0.6', limitPrice: '46000.0' },
      {},
      {
        field: 'balance',
        code: 'insufficient-balance',
        message: 'You have 0.5 BTC available; this order sells 0.6 BTC.',
      },
      E,
    ],
    [
      'a market order with no book and no last price',
      { type: 'market' },
      { book: undefined, last: undefined },
      {
        field: 'amount',
        code: 'no-price',
        message: 'There is no BTC/USD price yet to estimate this order; wait for the live price.',
      },
      E,
    ],
    [
      'a quote amount on a limit order without limit price',
      { amountIn: 'quote', amount: '100', limitPrice: '' },
      {},
      {
        field: 'amount',
        code: 'no-price',
        message: 'Enter the limit price first: USD amounts are turned into BTC at that price.',
      },
      E,
    ],
    [
      'a quote amount on a stop without trigger price',
      { type: 'stop-loss', side: 'sell', amountIn: 'quote', amount: '100' },
      {},
      {
        field: 'amount',
        code: 'no-price',
        message: 'Enter the trigger price first: USD amounts are turned into BTC at that price.',
      },
      E,
    ],
    [
      'a market order before the book arrives',
      { type: 'market' },
      { book: undefined },
      {
        field: 'amount',
        code: 'rough-estimate',
        message:
          'There is no live BTC/USD order book yet, so this estimate uses the last price 45283.5 and may be off.',
      },
      W,
    ],
    [
      'a market order larger than the visible book (7.02801242 BTC of asks)',
      { type: 'market', amount: '8' },
      { available: { USD: '1000000' } },
      {
        field: 'amount',
        code: 'beyond-visible-book',
        message:
          'This order is larger than the visible BTC/USD book, so the part beyond it is estimated at 45299.5 USD.',
      },
      W,
    ],
    [
      'post-only on a market order',
      { type: 'market', postOnly: true },
      {},
      { field: 'postOnly', code: 'post-only-limit-only', message: 'Post-only applies to limit orders only.' },
      E,
    ],
    [
      'immediate-or-cancel on a stop',
      { type: 'stop-loss', side: 'sell', triggerPrice: '44000.0', timeInForce: 'IOC' },
      {},
      {
        field: 'timeInForce',
        code: 'ioc-limit-only',
        message: 'Immediate-or-cancel applies to limit orders only.',
      },
      E,
    ],
    [
      'post-only with immediate-or-cancel',
      { postOnly: true, timeInForce: 'IOC' },
      {},
      {
        field: 'timeInForce',
        code: 'post-only-ioc',
        message:
          'A post-only order cannot be immediate-or-cancel, because it never trades on arrival and would always be cancelled.',
      },
      E,
    ],
    [
      'a post-only buy at the best ask',
      { postOnly: true, limitPrice: '45285.2', amount: '0.001' },
      {},
      {
        field: 'postOnly',
        code: 'post-only-would-cross',
        message:
          'A post-only buy at 45285.2 would trade at once against the best ask of 45285.2 USD, so Kraken would cancel it.',
      },
      E,
    ],
    [
      'a post-only sell below the best bid',
      { side: 'sell', postOnly: true, limitPrice: '45000.0' },
      {},
      {
        field: 'postOnly',
        code: 'post-only-would-cross',
        message:
          'A post-only sell at 45000.0 would trade at once against the best bid of 45283.5 USD, so Kraken would cancel it.',
      },
      E,
    ],
    [
      'a stop-loss sell above the last price',
      { type: 'stop-loss', side: 'sell', triggerPrice: '45300.0' },
      {},
      {
        field: 'triggerPrice',
        code: 'triggers-immediately',
        message:
          'The last BTC/USD price 45283.5 is already at or below this trigger, so the stop-loss would fire at once as a market sell.',
      },
      W,
    ],
    [
      'a stop-loss buy below the last price',
      { type: 'stop-loss', triggerPrice: '45000.0' },
      {},
      {
        field: 'triggerPrice',
        code: 'triggers-immediately',
        message:
          'The last BTC/USD price 45283.5 is already at or above this trigger, so the stop-loss would fire at once as a market buy.',
      },
      W,
    ],
    [
      'a take-profit sell below the last price',
      { type: 'take-profit', side: 'sell', triggerPrice: '45283.5' },
      {},
      {
        field: 'triggerPrice',
        code: 'triggers-immediately',
        message:
          'The last BTC/USD price 45283.5 is already at or above this trigger, so the take-profit would fire at once as a market sell.',
      },
      W,
    ],
    [
      'a take-profit buy above the last price',
      { type: 'take-profit', triggerPrice: '45300.0' },
      {},
      {
        field: 'triggerPrice',
        code: 'triggers-immediately',
        message:
          'The last BTC/USD price 45283.5 is already at or below this trigger, so the take-profit would fire at once as a market buy.',
      },
      W,
    ],
    [
      'an amount longer than the background accepts (21 digits before the point)',
      { amount: '1'.repeat(21) },
      {},
      {
        field: 'amount',
        code: 'too-long',
        message: 'An amount can have at most 20 digits before the decimal point.',
      },
      E,
    ],
    [
      'an amount with 21 digits after the point',
      { amount: `0.${'0'.repeat(20)}1` },
      {},
      {
        field: 'amount',
        code: 'too-long',
        message: 'An amount can have at most 20 digits after the decimal point.',
      },
      E,
    ],
    [
      'a limit price longer than the background accepts',
      { limitPrice: '4'.repeat(21) },
      {},
      {
        field: 'limitPrice',
        code: 'too-long',
        message: 'A limit price can have at most 20 digits before the decimal point.',
      },
      E,
    ],
    [
      'a trigger price longer than the background accepts',
      { type: 'stop-loss', side: 'sell', triggerPrice: `45000.${'0'.repeat(21)}` },
      {},
      {
        field: 'triggerPrice',
        code: 'too-long',
        message: 'A trigger price can have at most 20 digits after the decimal point.',
      },
      E,
    ],
    [
      'a quote amount that comes to a volume too long for an order',
      { amountIn: 'quote', amount: '1'.repeat(20), limitPrice: '0.1' },
      { available: { USD: '1'.repeat(21), BTC: '0' } },
      {
        field: 'amount',
        code: 'too-long',
        message: `${'1'.repeat(20)} USD comes to ${'1'.repeat(20)}0.00000000 BTC, more than the 20 digits before the decimal point an amount can have.`,
      },
      E,
    ],
  ];

  it.each(rows)('%s', (_, draft, ctx, problem, level) => {
    const check = checkTicket(btcDraft(draft), btcCtx(ctx));
    expect(check.problems).toContainEqual({ ...problem, level });
    // Warnings never block; an error always does.
    expect(check.ok).toBe(check.problems.every((p) => p.level === 'warning'));
    if (level === 'error') expect(check.ok).toBe(false);
  });

  it('covers every code the ticket can give', () => {
    const codes = new Set(rows.map(([, , , p]) => p.code));
    const blanks = checkTicket(btcDraft({ amount: '' }), btcCtx());
    for (const p of blanks.problems) codes.add(p.code);
    expect([...codes].sort()).toEqual(
      [
        'below-minimum',
        'beyond-visible-book',
        'cost-below-minimum',
        'insufficient-balance',
        'ioc-limit-only',
        'no-price',
        'not-a-number',
        'not-positive',
        'pair-mismatch',
        'market-status',
        'post-only-ioc',
        'post-only-limit-only',
        'post-only-would-cross',
        'required',
        'rough-estimate',
        'tick-size',
        'too-long',
        'too-many-decimals',
        'triggers-immediately',
      ].sort(),
    );
  });

  it('gives no trigger warning when the stop is on the right side of the last price', () => {
    for (const [type, side, triggerPrice] of [
      ['stop-loss', 'sell', '45000.0'],
      ['stop-loss', 'buy', '45300.0'],
      ['take-profit', 'sell', '45300.0'],
      ['take-profit', 'buy', '45000.0'],
    ] as const) {
      const check = checkTicket(btcDraft({ type, side, triggerPrice }), btcCtx());
      expect(check).toMatchObject({ ok: true, problems: [] });
    }
    // Without a last price there is nothing to compare with.
    const blind = checkTicket(
      btcDraft({ type: 'stop-loss', side: 'sell', triggerPrice: '45300.0' }),
      btcCtx({ last: undefined }),
    );
    expect(blind).toMatchObject({ ok: true, problems: [] });
  });

  it('orders problems by field, whatever finds them first', () => {
    const check = checkTicket(
      btcDraft({ type: 'market', amount: 'x', postOnly: true, timeInForce: 'IOC' }),
      btcCtx({ rules: { ...BTCUSD, status: 'limit_only' } }),
    );
    expect(only(check)).toEqual([
      'pair:market-status',
      'amount:not-a-number',
      'postOnly:post-only-limit-only',
      'timeInForce:ioc-limit-only',
    ]);
  });
});

describe('the preview on the real ETH/USD book (2025-05-06 capture)', () => {
  it('a market buy of 20 ETH walks three ask levels', () => {
    // 1.40355852 @ 1797.25 + 10.824 @ 1797.28 + 7.77244148 @ 1797.29 = 35945.6356176592
    // fee 0.40 % of 35945.63562 = 143.7825425 → 143.78255 (up)
    const check = checkTicket(ethDraft(), ethCtx({ available: { USD: '40000', ETH: '2' } }));
    expect(check).toEqual({
      ok: true,
      problems: [],
      order: {
        symbol: 'ETH/USD',
        side: 'buy',
        type: 'market',
        volume: '20.00000000',
        postOnly: false,
        timeInForce: 'GTC',
      },
      preview: {
        volume: '20.00000000',
        estPrice: '1797.28',
        priceSource: 'book',
        cost: '35945.63562',
        fee: '143.78255',
        feeAsset: 'USD',
        feePercent: '0.40',
        total: '36089.41817',
        totalAsset: 'USD',
        receive: '20.00000000',
        receiveAsset: 'ETH',
        balances: [
          { asset: 'USD', before: '40000.00000', after: '3910.58183' },
          { asset: 'ETH', before: '2.00000000', after: '22.00000000' },
        ],
        bookExhausted: false,
        liquidity: 'taker',
        fees: { makerPercent: '0.25', takerPercent: '0.40', note: 'Taker applies: it takes from the book.' },
        words: 'Buys 20 ETH at market now.',
      },
    });
  });

  it('a market sell of 5 ETH walks the bids; what arrives is the cost less the fee', () => {
    // 0.43393711 @ 1797.24 + 4.56606289 @ 1797.18 = 8985.9260362266; fee 35.9437041449… → 35.94371
    const check = checkTicket(ethDraft({ side: 'sell', amount: '5' }), ethCtx({ available: { ETH: '5' } }));
    expect(check.ok).toBe(true);
    expect(check.preview).toMatchObject({
      volume: '5.00000000',
      estPrice: '1797.19',
      cost: '8985.92603',
      fee: '35.94371',
      total: '5.00000000',
      totalAsset: 'ETH',
      receive: '8949.98232',
      receiveAsset: 'USD',
      balances: [
        { asset: 'ETH', before: '5.00000000', after: '0.00000000' },
        { asset: 'USD', before: '0.00000', after: '8949.98232' },
      ],
    });
  });

  it('3000 USD of market buy becomes 1.66921242 ETH (each level rounded down to the lot)', () => {
    // 1.40355852 @ 1797.25 = 2522.545550…; the rest 477.454449… / 1797.28 = 0.26565390… → 0.26565390
    const check = checkTicket(ethDraft({ amountIn: 'quote', amount: '3000' }), ethCtx());
    expect(check).toMatchObject({
      ok: true,
      order: { volume: '1.66921242' },
      preview: {
        volume: '1.66921242',
        estPrice: '1797.25',
        cost: '3000.00000',
        fee: '12.00000',
        total: '3012.00000',
      },
    });
  });

  it('1000 USD of market sell becomes 0.55641280 ETH, never more USD than asked', () => {
    const check = checkTicket(
      ethDraft({ side: 'sell', amountIn: 'quote', amount: '1000' }),
      ethCtx({ available: { ETH: '1' } }),
    );
    expect(check).toMatchObject({
      ok: true,
      order: { volume: '0.55641280' },
      preview: { estPrice: '1797.23', cost: '999.99999', fee: '4.00000', receive: '995.99999' },
    });
  });

  it('beyond the visible book the rest is priced at the worst visible ask, and flagged', () => {
    // The ten asks hold 610.44638436 ETH; the other 389.55361564 are estimated at 1797.49.
    const check = checkTicket(ethDraft({ amount: '1000' }), ethCtx({ available: { USD: '2000000' } }));
    expect(check.ok).toBe(true);
    expect(check.preview).toMatchObject({
      volume: '1000.00000000',
      estPrice: '1797.42',
      cost: '1797415.00684',
      bookExhausted: true,
    });
    expect(only(check)).toEqual(['amount:beyond-visible-book']);
  });

  it('ignores a book of another pair and falls back to the last price', () => {
    const check = checkTicket(ethDraft({ amount: '1' }), ethCtx({ book: BTC_BOOK }));
    expect(check).toMatchObject({
      ok: true,
      preview: { priceSource: 'last', estPrice: '1797.25', cost: '1797.25000', fee: '7.18900' },
      problems: [{ code: 'rough-estimate', level: 'warning' }],
    });
  });
});

describe('limit and stop orders', () => {
  it('a limit buy is priced at its limit, taker unless post-only', () => {
    const taker = checkTicket(btcDraft(), btcCtx());
    expect(taker).toMatchObject({
      ok: true,
      order: {
        type: 'limit',
        volume: '0.01000000',
        limitPrice: '45000.0',
        postOnly: false,
        timeInForce: 'GTC',
      },
      preview: {
        estPrice: '45000.0',
        priceSource: 'limit',
        cost: '450.00000',
        fee: '1.17000',
        liquidity: 'taker',
      },
    });
    const maker = checkTicket(btcDraft({ postOnly: true }), btcCtx());
    expect(maker).toMatchObject({
      ok: true,
      order: { postOnly: true },
      preview: { fee: '0.72000', feePercent: '0.16', total: '450.72000', liquidity: 'maker' },
    });
  });

  it('a post-only limit one tick inside the spread is fine; one at the touch would be cancelled', () => {
    expect(
      checkTicket(ethDraft({ type: 'limit', amount: '1', limitPrice: '1797.24', postOnly: true }), ethCtx())
        .ok,
    ).toBe(true);
    const sell = checkTicket(
      ethDraft({ side: 'sell', type: 'limit', amount: '1', limitPrice: '1797.24', postOnly: true }),
      ethCtx(),
    );
    expect(only(sell)).toEqual(['postOnly:post-only-would-cross']);
    // Without a book there is nothing to cross: Kraken decides.
    expect(
      checkTicket(
        ethDraft({ type: 'limit', amount: '1', limitPrice: '1900.00', postOnly: true }),
        ethCtx({ book: undefined }),
      ).ok,
    ).toBe(true);
  });

  it('an IOC limit order keeps its time in force', () => {
    expect(checkTicket(btcDraft({ timeInForce: 'IOC' }), btcCtx())).toMatchObject({
      ok: true,
      order: { timeInForce: 'IOC' },
    });
  });

  it('turns a quote amount into base at the limit price, rounding down', () => {
    // 100 / 45000.0 = 0.0022222… → 0.00222222; cost 99.9999 → 99.99990
    expect(checkTicket(btcDraft({ amountIn: 'quote', amount: '100' }), btcCtx())).toMatchObject({
      ok: true,
      order: { volume: '0.00222222' },
      preview: { cost: '99.99990' },
    });
  });

  it('a stop-loss sell: trigger at pair decimals, priced at the trigger, quote amounts converted at it', () => {
    const check = checkTicket(
      btcDraft({ type: 'stop-loss', side: 'sell', amountIn: 'quote', amount: '100', triggerPrice: '45000' }),
      btcCtx(),
    );
    expect(check).toEqual(
      expect.objectContaining({
        ok: true,
        problems: [],
        order: {
          symbol: 'BTC/USD',
          side: 'sell',
          type: 'stop-loss',
          volume: '0.00222222',
          triggerPrice: '45000.0',
          postOnly: false,
          timeInForce: 'GTC',
        },
      }),
    );
    expect(check.preview).toMatchObject({ estPrice: '45000.0', priceSource: 'trigger', liquidity: 'taker' });
  });

  it('a market order in quote walks the book: 100 USD on the docs BTC/USD book', () => {
    // 0.001 @ 45285.2 = 45.2852; 54.7148 / 45286.4 → 0.00120819; cost 99.999775616 → 99.99978
    expect(
      checkTicket(btcDraft({ type: 'market', amountIn: 'quote', amount: '100' }), btcCtx()),
    ).toMatchObject({
      ok: true,
      order: { volume: '0.00220819' },
      preview: { estPrice: '45285.9', cost: '99.99978', fee: '0.26000', total: '100.25978' },
    });
  });
});

describe('hostile input', () => {
  it('never throws, and every message is one sentence beginning with a capital', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '',
        ' ',
        '1e5',
        '-1',
        '.5',
        '5.',
        '0x10',
        'NaN',
        'Infinity',
        '١٢',
        '1 000',
        '99999999999999999999.9',
      ),
    );
    fc.assert(
      fc.property(
        text,
        text,
        text,
        fc.constantFrom<TicketOrderType>('market', 'limit', 'stop-loss', 'take-profit'),
        fc.constantFrom<'base' | 'quote'>('base', 'quote'),
        fc.boolean(),
        fc.constantFrom<TimeInForce>('GTC', 'IOC'),
        fc.option(text),
        (amount, limitPrice, triggerPrice, type, amountIn, postOnly, timeInForce, last) => {
          const check = checkTicket(
            btcDraft({ amount, limitPrice, triggerPrice, type, amountIn, postOnly, timeInForce }),
            btcCtx({ last: last ?? undefined }),
          );
          for (const p of check.problems) expect(p.message).toMatch(/^[A-Z][^\n]*\.$/);
          if (check.ok) expect(check.problems.every((p) => p.level === 'warning')).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("the background's length limits (lib/messaging/parse.ts DECIMAL_LIMITS)", () => {
  const twenty = '9'.repeat(20);
  it('20 digits either side of the point are not refused for their length; 21 are, naming the limit', () => {
    const codes = (draft: Partial<TicketDraft>) => only(checkTicket(btcDraft(draft), btcCtx()));
    expect(codes({ amount: twenty })).not.toContain('amount:too-long');
    expect(codes({ amount: `0.${'0'.repeat(19)}1` })).not.toContain('amount:too-long');
    expect(codes({ limitPrice: twenty })).not.toContain('limitPrice:too-long');
    expect(codes({ amount: `9${twenty}` })).toEqual(['amount:too-long']);
    expect(codes({ limitPrice: `4${twenty}` })).toEqual(['limitPrice:too-long']);
  });

  it('a refused length shows one message on its field, and nothing is previewed', () => {
    const check = checkTicket(btcDraft({ amount: `1${twenty}` }), btcCtx());
    expect(check.problems.filter((p) => p.field === 'amount')).toHaveLength(1);
    expect(check.ok).toBe(false);
    expect('preview' in check && check.preview).toBeFalsy();
  });

  it('every order the ticket lets through is one the background accepts (property)', () => {
    // Around the limit: whole parts of 1 to 24 digits, fractions the pair's rules allow (lot 8, tick 0.1) and
    // some that go past the limit with zeros.
    const whole = fc
      .integer({ min: 1, max: 24 })
      .chain((n) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`)));
    const decimal = (places: number) =>
      fc
        .tuple(
          whole,
          fc.option(fc.stringMatching(new RegExp(`^[0-9]{1,${places}}$`)), { nil: undefined }),
          fc.nat(3),
        )
        .map(([i, f, zeros]) => (f === undefined ? i : `${i}.${f}${'0'.repeat(zeros * 6)}`));
    let placed = 0;
    fc.assert(
      fc.property(
        fc.record({
          amount: decimal(5),
          price: decimal(1),
          type: fc.constantFrom<TicketOrderType>('market', 'limit', 'stop-loss', 'take-profit'),
          inQuote: fc.boolean(),
          sell: fc.boolean(),
        }),
        (r) => {
          const draft = btcDraft({
            type: r.type,
            side: r.sell ? 'sell' : 'buy',
            amount: r.amount,
            amountIn: r.inQuote ? 'quote' : 'base',
            limitPrice: r.price,
            triggerPrice: r.price,
          });
          const rich = { USD: '9'.repeat(80), BTC: '9'.repeat(80) };
          const check = checkTicket(draft, btcCtx({ available: rich }));
          if (!check.ok) return;
          placed += 1;
          const request = { type: 'trading.place', order: check.order, clOrdId: UUID };
          expect(parseRequest(request)).toEqual(request);
        },
      ),
      { numRuns: 300 },
    );
    expect(placed).toBeGreaterThan(30);
  });
});

const UUID = '00000000-0000-4000-8000-000000000001';
