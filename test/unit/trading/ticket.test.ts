import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AssetPair, type BookData, createOrderBook, parseIncoming } from '../../../lib/kraken/index.ts';
import { cmp, format } from '../../../lib/kraken/pairs/exact.ts';
import { type PairRules, pairRulesFrom, pairRulesFromInstrument } from '../../../lib/kraken/pairs/rules.ts';
import type { InstrumentPair } from '../../../lib/kraken/ws/protocol.ts';
import type { BookTop, Level, TicketOrderType, TimeInForce } from '../../../lib/orders/types.ts';
import {
  checkTicket,
  fractionAmount,
  type TicketCheck,
  type TicketContext,
  type TicketDraft,
  type TicketProblem,
} from '../../../lib/trading/ticket.ts';
import { fixtureJson, fixtureText } from '../../support/fixtures.ts';

// BTC/USD: Kraken's official AssetPairs example (pair 1, lot 8, cost 5, ordermin 0.0001, costmin 0.5, tick 0.1,
// fees 0.26 % taker / 0.16 % maker) and the levels of Kraken's worked book-checksum example.
const assetPairs = parse(
  fixtureText('official/krakenfx-api-specs_spot-rest/examples/responses/public/assets/pairs.yaml'),
) as { result: Record<string, AssetPair> };
const BTCUSD = pairRulesFrom('XXBTZUSD', assetPairs.result.XXBTZUSD as AssetPair);
const guide = fixtureJson<{ asks: [string, string][]; bids: [string, string][] }>(
  'official/ws_v2_book_checksum_guide_BTCUSD.json',
);
const levels = (side: [string, string][]): Level[] => side.map(([price, qty]) => ({ price, qty }));
const BTC_BOOK: BookTop = { symbol: 'BTC/USD', asks: levels(guide.asks), bids: levels(guide.bids), at: 0 };

// ETH/USD: rules from a real v2 instrument snapshot (pair 2, lot 8, cost 5, ordermin 0.002), and the real
// 2025-05-06 book capture, read the way the popup reads it (parseIncoming → createOrderBook, checksum verified).
const instruments = JSON.parse(
  fixtureText('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json'),
) as { data: { pairs: InstrumentPair[] } };
const instrument = (symbol: string): PairRules => {
  const p = instruments.data.pairs.find((x) => x.symbol === symbol);
  if (!p) throw new Error(`fixture lacks ${symbol}`);
  return pairRulesFromInstrument(p);
};
const ETHUSD = instrument('ETH/USD');
const ETH_BOOK: BookTop = (() => {
  const [snapshot] = fixtureText('real_captures/ws_v2_book_ETHUSD_2025-05-06.jsonl')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parseIncoming(l))
    .flatMap((f) =>
      f.kind === 'data' && f.message.channel === 'book' && f.message.type === 'snapshot'
        ? [f.message.data[0] as BookData]
        : [],
    );
  if (!snapshot) throw new Error('fixture lacks the snapshot');
  const book = createOrderBook({ symbol: 'ETH/USD', depth: 10, pricePrecision: 2, qtyPrecision: 8 });
  expect(book.applySnapshot(snapshot)).toEqual({ ok: true });
  const top = (side: readonly Level[]) => side.map(({ price, qty }) => ({ price, qty }));
  return { symbol: 'ETH/USD', asks: top(book.asks()), bids: top(book.bids()), at: 0 };
})();

const btcDraft = (patch: Partial<TicketDraft> = {}): TicketDraft => ({
  symbol: 'BTC/USD',
  side: 'buy',
  type: 'limit',
  amount: '0.01',
  amountIn: 'base',
  limitPrice: '45000.0',
  triggerPrice: '',
  postOnly: false,
  timeInForce: 'GTC',
  ...patch,
});
const btcCtx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: BTCUSD,
  book: BTC_BOOK,
  last: '45283.5',
  available: { USD: '1000', BTC: '0.5' },
  fees: { makerPercent: '0.16', takerPercent: '0.26' },
  ...patch,
});
const ethDraft = (patch: Partial<TicketDraft> = {}): TicketDraft =>
  btcDraft({ symbol: 'ETH/USD', type: 'market', amount: '20', limitPrice: '', ...patch });
// Kraken Pro's lowest tier: 0.25 % maker, 0.40 % taker.
const ethCtx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: ETHUSD,
  book: ETH_BOOK,
  last: '1797.25',
  available: { USD: '5000', ETH: '2' },
  fees: { makerPercent: '0.25', takerPercent: '0.40' },
  ...patch,
});

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
        code: 'pair-unavailable',
        message: 'BTC/USD is not accepting new orders right now (cancel-only).',
      },
      E,
    ],
    [
      'a stop-loss on a limit-only pair',
      { type: 'stop-loss', triggerPrice: '44000.0', side: 'sell' },
      { rules: { ...BTCUSD, status: 'limit_only' } },
      { field: 'pair', code: 'pair-unavailable', message: 'BTC/USD takes limit orders only right now.' },
      E,
    ],
    [
      'a plain limit on a post-only pair',
      {},
      { rules: { ...BTCUSD, status: 'post_only' } },
      {
        field: 'pair',
        code: 'pair-unavailable',
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
        'pair-unavailable',
        'post-only-ioc',
        'post-only-limit-only',
        'post-only-would-cross',
        'required',
        'rough-estimate',
        'tick-size',
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
      'pair:pair-unavailable',
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

const cents = (n: number) => format({ units: BigInt(n), scale: 2 });
const lots = (n: number) => format({ units: BigInt(n), scale: 8 });
const format5 = (n: number) => format({ units: BigInt(n), scale: 5 });
const percent = cents;
