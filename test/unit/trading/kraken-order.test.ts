import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AssetPair, createKrakenRest, toWsOrder } from '../../../lib/kraken/index.ts';
import { type PairRules, pairRulesFrom, pairRulesFromInstrument } from '../../../lib/kraken/pairs/rules.ts';
import type { InstrumentPair } from '../../../lib/kraken/ws/protocol.ts';
import type { OrderRequest } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { type TicketAddOrderParams, toAddOrderParams } from '../../../lib/trading/kraken-order.ts';
import { fakeFetch, ok } from '../../support/fake-fetch.ts';
import { fixtureJson, fixtureText } from '../../support/fixtures.ts';
import { virtualClock } from '../../support/virtual-clock.ts';

const SPEC = 'official/krakenfx-api-specs_spot-rest';
const assetPairs = parse(fixtureText(`${SPEC}/examples/responses/public/assets/pairs.yaml`)) as {
  result: Record<string, AssetPair>;
};
const BTCUSD = pairRulesFrom('XXBTZUSD', assetPairs.result.XXBTZUSD as AssetPair);
const instruments = JSON.parse(
  fixtureText('real_captures/ws_v2_instrument_snapshot_2024-04_kraken-data-recorder.json'),
) as { data: { pairs: InstrumentPair[] } };
const instrument = (symbol: string): PairRules => {
  const p = instruments.data.pairs.find((x) => x.symbol === symbol);
  if (!p) throw new Error(`fixture lacks ${symbol}`);
  return pairRulesFromInstrument(p);
};
const LTCUSDT = instrument('LTC/USDT');

const order = (patch: Partial<OrderRequest>): OrderRequest => ({
  symbol: 'LTC/USDT',
  side: 'buy',
  type: 'market',
  volume: '0.10000000',
  postOnly: false,
  timeInForce: 'GTC',
  ...patch,
});

/** The exact form body the REST client signs and sends for these params, without the nonce. */
async function bodyOf(params: TicketAddOrderParams): Promise<string> {
  const fake = fakeFetch(() => ok({ descr: { order: 'x' }, txid: ['OL7LNO-R4SAD-6UINEU'] }));
  const rest = createKrakenRest({
    fetch: fake.fetch,
    credentials: {
      apiKey: 'k',
      secret: 'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==',
    },
    clock: virtualClock(),
    random: () => 0.5,
    baseUrl: 'https://api.example',
  });
  await rest.addOrder(params);
  const body = fake.requests[0]?.body ?? '';
  return body.replace(/^nonce=\d+&/, '');
}

// ccxt's recorded AddOrder bodies for the same orders (fixtures/ccxt/kraken_static_request_transcribed.json).
type Recorded = { description: string; url: string; output: string };
const recorded = fixtureJson<{ requests: Recorded[] }>(
  'ccxt/kraken_static_request_transcribed.json',
).requests;
const ccxtBody = (description: string) => {
  const r = recorded.find((x) => x.description === description);
  if (!r) throw new Error(`no recording "${description}"`);
  expect(r.url).toBe('https://api.kraken.com/0/private/AddOrder');
  return r.output.replace(/^nonce=\d+&/, '');
};

describe('toAddOrderParams against bodies Kraken clients send', () => {
  // Every ticket order carries oflags=fciq (fee in quote, what the preview shows); the rest is byte-equal.
  it.each([
    ['Spot market buy', order({})],
    ['Spot market sell', order({ side: 'sell' })],
    ['Stop loss market order (type 2)', order({ side: 'sell', type: 'stop-loss', triggerPrice: '55.00000' })],
    [
      'take profit market order (type 2)',
      order({ side: 'sell', type: 'take-profit', triggerPrice: '120.00000' }),
    ],
  ])('%s', async (description, o) => {
    expect(await bodyOf(toAddOrderParams(o, LTCUSDT))).toBe(`${ccxtBody(description)}&oflags=fciq`);
  });

  it('post-only sends the post flag beside fciq (ccxt combines post with fcib the same way)', async () => {
    const o = order({ type: 'limit', limitPrice: '50.00000', postOnly: true });
    const ccxt = ccxtBody('order with multiple oflags combined');
    expect(ccxt).toBe('pair=LTCUSDT&type=buy&ordertype=limit&volume=0.1&price=50&oflags=fcib%2Cpost');
    expect(await bodyOf(toAddOrderParams(o, LTCUSDT))).toBe(ccxt.replace('fcib%2Cpost', 'post%2Cfciq'));
  });

  it('matches the official OpenAPI AddOrder example (limit buy 1.25 XBTUSD @ 27500), the altname as pair', () => {
    const example = parse(fixtureText(`${SPEC}/examples/requests/trading/orders/add_example.yaml`)) as Record<
      string,
      string
    >;
    const params = toAddOrderParams(
      order({ symbol: 'BTC/USD', type: 'limit', volume: '1.25000000', limitPrice: '27500.0' }),
      BTCUSD,
    );
    const { nonce: _n, cl_ord_id: _c, ...expected } = example;
    expect(params).toEqual({ ...expected, oflags: ['fciq'] });
  });

  it('IOC goes in timeinforce (OpenAPI enum GTC|IOC|GTD); GTC, the default, is left out', async () => {
    const ioc = toAddOrderParams(
      order({ type: 'limit', limitPrice: '50.00000', timeInForce: 'IOC' }),
      LTCUSDT,
    );
    expect(ioc.timeinforce).toBe('IOC');
    expect(await bodyOf(ioc)).toBe(
      'pair=LTCUSDT&type=buy&ordertype=limit&volume=0.1&price=50&oflags=fciq&timeinforce=IOC',
    );
    expect(toAddOrderParams(order({ type: 'limit', limitPrice: '50' }), LTCUSDT)).not.toHaveProperty(
      'timeinforce',
    );
  });
});

describe('from the ticket to Kraken', () => {
  it('a stop-loss sell typed in USD reaches AddOrder with the trigger in price', async () => {
    const check = checkTicket(
      {
        symbol: 'BTC/USD',
        side: 'sell',
        type: 'stop-loss',
        amount: '100',
        amountIn: 'quote',
        limitPrice: '',
        triggerPrice: '45000',
        trailOffset: '',
        trailUnit: 'percent',
        limitOffset: '',
        limitOffsetUnit: 'quote',
        postOnly: false,
        timeInForce: 'GTC',
        expiresAt: '',
        closeType: 'none',
        closePrice: '',
      },
      {
        rules: BTCUSD,
        last: '45283.5',
        available: { BTC: '1' },
        fees: { makerPercent: '0.16', takerPercent: '0.26' },
      },
    );
    if (!check.ok) throw new Error(check.problems.map((p) => p.message).join(' '));
    expect(await bodyOf(toAddOrderParams(check.order, BTCUSD))).toBe(
      'pair=XBTUSD&type=sell&ordertype=stop-loss&volume=0.00222222&price=45000&oflags=fciq',
    );
  });

  it('a post-only limit maps onto WebSocket v2 add_order as post_only (fciq has no WS counterpart there)', () => {
    const params = toAddOrderParams(
      order({
        symbol: 'BTC/USD',
        type: 'limit',
        volume: '0.01000000',
        limitPrice: '45000.0',
        postOnly: true,
      }),
      BTCUSD,
    );
    expect(toWsOrder(params)).toEqual({
      order_type: 'limit',
      side: 'buy',
      order_qty: 0.01,
      symbol: 'BTC/USD',
      limit_price: 45000,
      post_only: true,
    });
  });
});

describe('refuses what checkTicket would never produce', () => {
  it.each([
    ['rules of another pair', order({ symbol: 'BTC/USD' }), /rules of LTC\/USDT/],
    ['a limit price on a market order', order({ limitPrice: '50' }), /takes no limit price/],
    [
      'a trigger price on a limit order',
      order({ type: 'limit', limitPrice: '50', triggerPrice: '49' }),
      /takes no trigger/,
    ],
    ['a limit order without price', order({ type: 'limit' }), /limit price must be a positive/],
    ['a stop without trigger', order({ type: 'stop-loss' }), /trigger price must be a positive/],
    ['post-only on a stop', order({ type: 'stop-loss', triggerPrice: '49', postOnly: true }), /post-only/],
    ['IOC on a market order', order({ timeInForce: 'IOC' }), /IOC/],
    ['9 decimals of volume', order({ volume: '0.123456789' }), /more than 8 decimals/],
    ['a volume in exponent form', order({ volume: '1e-3' }), /plain decimal/],
    ['a zero volume', order({ volume: '0.00000000' }), /positive/],
    ['a relative price', order({ type: 'limit', limitPrice: '+5' }), /plain decimal/],
    [
      '6 decimals on a 5-decimal price',
      order({ type: 'limit', limitPrice: '50.123456' }),
      /more than 5 decimals/,
    ],
  ])('%s', (_, o, message) => {
    expect(() => toAddOrderParams(o, LTCUSDT)).toThrow(RangeError);
    expect(() => toAddOrderParams(o, LTCUSDT)).toThrow(message);
  });
});

describe('the order types beyond market and limit (Kraken AddOrder: price, price2, timeinforce, close[…])', () => {
  const btc = (patch: Partial<OrderRequest>) => order({ symbol: 'BTC/USD', volume: '0.01', ...patch });
  it.each<[string, Partial<OrderRequest>, Partial<TicketAddOrderParams>]>([
    [
      'stop-loss-limit',
      { type: 'stop-loss-limit', side: 'sell', triggerPrice: '40000.0', limitPrice: '39900.0' },
      { ordertype: 'stop-loss-limit', price: '40000', price2: '39900' },
    ],
    [
      'take-profit-limit',
      { type: 'take-profit-limit', side: 'sell', triggerPrice: '60000.0', limitPrice: '59900.5' },
      { ordertype: 'take-profit-limit', price: '60000', price2: '59900.5' },
    ],
    [
      'a trailing stop in percent',
      { type: 'trailing-stop', side: 'sell', trailOffset: { value: '5', unit: 'percent' } },
      { ordertype: 'trailing-stop', price: '+5%' },
    ],
    [
      'a trailing stop in USD',
      { type: 'trailing-stop', side: 'sell', trailOffset: { value: '500.0', unit: 'quote' } },
      { ordertype: 'trailing-stop', price: '+500' },
    ],
    [
      'a sell trailing-stop-limit: limit below the trigger',
      {
        type: 'trailing-stop-limit',
        side: 'sell',
        trailOffset: { value: '2.5', unit: 'percent' },
        limitOffset: { value: '10', unit: 'quote' },
      },
      { price: '+2.5%', price2: '-10' },
    ],
    [
      'a buy trailing-stop-limit: limit above the trigger',
      {
        type: 'trailing-stop-limit',
        side: 'buy',
        trailOffset: { value: '1', unit: 'percent' },
        limitOffset: { value: '0.5', unit: 'percent' },
      },
      { price: '+1%', price2: '+0.5%' },
    ],
    ['FOK', { type: 'limit', limitPrice: '40000.0', timeInForce: 'FOK' }, { timeinforce: 'FOK' }],
    [
      'GTD with its expiry in seconds',
      { type: 'limit', limitPrice: '40000.0', timeInForce: 'GTD', expiresAt: 1_800_000_000_999 },
      { timeinforce: 'GTD', expiretm: '1800000000' },
    ],
    [
      'a take-profit attached to the entry',
      { type: 'limit', limitPrice: '40000.0', close: { type: 'take-profit', price: '50000.0' } },
      { close: { ordertype: 'take-profit', price: '50000' } },
    ],
    [
      'a stop-loss-limit attached',
      { type: 'market', close: { type: 'stop-loss-limit', price: '30000.0', limitPrice: '29900.0' } },
      { close: { ordertype: 'stop-loss-limit', price: '30000', price2: '29900' } },
    ],
  ])('%s', (_, patch, expected) => {
    expect(toAddOrderParams(btc(patch), BTCUSD)).toMatchObject(expected);
  });

  it.each<[string, Partial<OrderRequest>, RegExp]>([
    [
      'a trigger on a trailing stop',
      { type: 'trailing-stop', triggerPrice: '1.0', trailOffset: { value: '1', unit: 'percent' } },
      /takes no trigger price/,
    ],
    ['a trailing stop without its offset', { type: 'trailing-stop' }, /trailing offset is required/],
    [
      'a limit offset on a plain trailing stop',
      {
        type: 'trailing-stop',
        trailOffset: { value: '1', unit: 'percent' },
        limitOffset: { value: '1', unit: 'quote' },
      },
      /takes no limit offset/,
    ],
    ['FOK on a stop', { type: 'stop-loss', triggerPrice: '1.0', timeInForce: 'FOK' }, /limit orders only/],
    [
      'post-only and IOC together',
      { type: 'limit', limitPrice: '1.0', postOnly: true, timeInForce: 'IOC' },
      /cannot be IOC/,
    ],
    ['GTD without an expiry', { type: 'limit', limitPrice: '1.0', timeInForce: 'GTD' }, /needs an expiry/],
    [
      'a limit close without its price',
      { type: 'market', close: { type: 'stop-loss-limit', price: '1.0' } },
      /needs limit price/,
    ],
  ])('refuses %s', (_, patch, message) => {
    expect(() => toAddOrderParams(btc(patch), BTCUSD)).toThrow(message);
  });

  it('the REST parameters for every type map to WebSocket add_order (what goes over the private socket)', () => {
    const sent = toWsOrder({
      ...toAddOrderParams(
        btc({
          type: 'trailing-stop-limit',
          side: 'sell',
          trailOffset: { value: '5', unit: 'percent' },
          limitOffset: { value: '10', unit: 'quote' },
        }),
        BTCUSD,
      ),
    });
    expect(sent).toMatchObject({
      order_type: 'trailing-stop-limit',
      triggers: { reference: 'last', price: 5, price_type: 'pct' },
      limit_price: -10,
      limit_price_type: 'quote',
    });
  });
});
