import { describe, expect, it } from 'vitest';
import type { BookTop } from '../../../lib/orders/types.ts';
import {
  cancelAllPaper,
  cancelPaperOrder,
  initialPaperState,
  type PaperOrderRequest,
  paperBalances,
  paperFills,
  paperOrders,
  placePaperOrder,
} from '../../../lib/paper/index.ts';
import { BTC_USD_RULES, balanceOf, paperRequest, sequentialIds, T0 } from '../../support/paper-fixtures.ts';

const rules = BTC_USD_RULES;

// The top 10 of Kraken's documented BTC/USD book (docs.kraken.com/api/docs/guides/spot-ws-book-v2; the same
// levels as test/fixtures/kraken/official/ws_v2_book_checksum_guide_BTCUSD.json).
const lv = (rows: [string, string][]) => rows.map(([price, qty]) => ({ price, qty }));
const book: BookTop = {
  symbol: 'BTC/USD',
  at: 1_700_000_000_000,
  asks: lv([
    ['45285.2', '0.00100000'],
    ['45286.4', '1.54571953'],
    ['45286.6', '1.54571109'],
    ['45289.6', '1.54560911'],
    ['45290.2', '0.15890660'],
    ['45291.8', '1.54553491'],
    ['45294.7', '0.04454749'],
    ['45296.1', '0.35380000'],
    ['45297.5', '0.09945542'],
    ['45299.5', '0.18772827'],
  ]),
  bids: lv([
    ['45283.5', '0.10000000'],
    ['45283.4', '1.54582015'],
    ['45282.1', '0.10000000'],
    ['45281.0', '0.10000000'],
    ['45280.3', '1.54592586'],
    ['45279.0', '0.07990000'],
    ['45277.6', '0.03310103'],
    ['45277.5', '0.30000000'],
    ['45277.3', '1.54602737'],
    ['45276.6', '0.15445238'],
  ]),
};

const ids = sequentialIds;
const req = paperRequest('market');
const balance = balanceOf;

describe('market orders walk the live book as taker', () => {
  it('a buy takes the asks best first and pays the taker fee in USD', () => {
    const s0 = initialPaperState({ USD: '100000' }, T0);
    const { state, result, fills } = placePaperOrder(
      s0,
      req({ volume: '0.5' }),
      { rules, book },
      T0 + 1,
      ids(),
    );
    expect(result).toMatchObject({
      ok: true,
      order: { status: 'filled', filled: '0.5', avgPrice: '45286.4' },
    });
    // 0.001 × 45285.2 + 0.499 × 45286.4 = 22643.1988; fee ⌈0.40 % of that⌉ at 5 decimals = 90.5728
    expect(fills.map((f) => [f.qty, f.price, f.fee, f.liquidity, f.complete])).toEqual([
      ['0.001', '45285.2', '0.18115', 'taker', false],
      ['0.499', '45286.4', '90.39165', 'taker', true],
    ]);
    expect(balance(state, 'USD')).toEqual({
      asset: 'USD',
      total: '77266.2284',
      hold: '0',
      available: '77266.2284',
    });
    expect(balance(state, 'BTC')).toMatchObject({ total: '0.5', available: '0.5' });
    expect(paperOrders(state)).toEqual([]);
  });

  it('a sell takes the bids best first and receives the proceeds less the fee', () => {
    const s0 = initialPaperState({ BTC: '2' }, T0);
    const { state, fills } = placePaperOrder(
      s0,
      req({ side: 'sell', volume: '1.7' }),
      { rules, book },
      T0 + 1,
      ids(),
    );
    expect(fills.map((f) => [f.qty, f.price, f.fee])).toEqual([
      ['0.1', '45283.5', '18.11340'],
      ['1.54582015', '45283.4', '279.99997'],
      ['0.05417985', '45282.1', '9.81351'],
    ]);
    // 76981.719566195 of proceeds − 307.92688 of fees
    expect(balance(state, 'USD')?.total).toBe('76673.792686195');
    expect(balance(state, 'BTC')?.total).toBe('0.3');
  });

  it('fills what the visible book holds and cancels the rest, visibly', () => {
    const s0 = initialPaperState({ USD: '1000000' }, T0);
    const { state, result, fills } = placePaperOrder(s0, req({ volume: '20' }), { rules, book }, T0, ids());
    expect(result).toMatchObject({
      ok: true,
      order: { status: 'canceled', volume: '20', filled: '7.02801242' },
    });
    expect(fills).toHaveLength(10);
    expect(fills.every((f) => !f.complete)).toBe(true);
    expect(balance(state, 'BTC')?.total).toBe('7.02801242');
  });

  it('refuses without a live book, in plain words', () => {
    const s0 = initialPaperState(undefined, T0);
    const r = placePaperOrder(s0, req({}), { rules }, T0, ids());
    expect(r.result).toEqual({
      ok: false,
      error: {
        code: 'EService:Unavailable',
        message: 'No live order book for BTC/USD yet; try again in a moment.',
      },
    });
    expect(r.state).toBe(s0);
  });

  it('refuses when the side it would take is empty, while a limit may still rest', () => {
    const s0 = initialPaperState(undefined, T0);
    const noAsks = { ...book, asks: [] };
    const market = placePaperOrder(s0, req({}), { rules, book: noAsks }, T0, ids());
    expect(market.result).toEqual({
      ok: false,
      error: {
        code: 'EService:Unavailable',
        message: 'The BTC/USD order book has no sellers right now; try again in a moment.',
      },
    });
    const limit = placePaperOrder(
      s0,
      req({ type: 'limit', limitPrice: '45300.0' }),
      { rules, book: noAsks },
      T0,
      ids(),
    );
    expect(limit.result).toMatchObject({ ok: true, order: { status: 'new' } });
  });

  it('uses the pair’s own fee schedule when it has one', () => {
    const s0 = initialPaperState({ USD: '1000' }, T0);
    const own = { ...rules, takerFeePercent: '0.26', makerFeePercent: '0.16' };
    const { fills, state } = placePaperOrder(s0, req({ volume: '0.001' }), { rules: own, book }, T0, ids());
    // 0.001 × 45285.2 = 45.2852; 0.26 % = 0.117741520 → up to 0.11775
    expect(fills).toMatchObject([{ fee: '0.11775', price: '45285.2', qty: '0.001' }]);
    expect(balance(state, 'USD')?.total).toBe('954.59705');
  });
});

describe('limit orders', () => {
  it('a limit below the asks rests, holding cost plus the maker fee', () => {
    const s0 = initialPaperState(undefined, T0);
    const r = placePaperOrder(s0, req({ type: 'limit', limitPrice: '45280.0' }), { rules, book }, T0, ids());
    expect(r.result).toMatchObject({
      ok: true,
      order: { status: 'new', filled: '0', limitPrice: '45280.0' },
    });
    expect(r.fills).toEqual([]);
    // 0.1 × 45280 = 4528; 0.25 % = 11.32
    expect(balance(r.state, 'USD')).toEqual({
      asset: 'USD',
      total: '10000',
      hold: '4539.32',
      available: '5460.68',
    });
    expect(paperOrders(r.state)).toHaveLength(1);
  });

  it('a marketable limit takes up to its price, then rests the rest as maker', () => {
    const s0 = initialPaperState({ USD: '100000' }, T0);
    const r = placePaperOrder(
      s0,
      req({ type: 'limit', volume: '2', limitPrice: '45286.4' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(r.result).toMatchObject({ ok: true, order: { status: 'partially_filled', filled: '1.54671953' } });
    expect(r.fills.map((f) => [f.price, f.liquidity])).toEqual([
      ['45285.2', 'taker'],
      ['45286.4', 'taker'],
    ]);
    // taker 70045.358123392 + fee 280.18144 paid; rest 0.45328047 × 45286.4 + 0.25 % held
    expect(balance(r.state, 'USD')).toEqual({
      asset: 'USD',
      total: '29674.460436608',
      hold: '20578.759286608',
      available: '9095.70115',
    });
  });

  it('post-only that would take is refused, as Kraken cancels it ("Post only order")', () => {
    const s0 = initialPaperState(undefined, T0);
    const r = placePaperOrder(
      s0,
      req({ type: 'limit', limitPrice: '45285.2', postOnly: true }),
      { rules, book },
      T0,
      ids(),
    );
    expect(r.result).toMatchObject({ ok: false, error: { code: 'EOrder:Post only order' } });
    expect(r.result.ok ? '' : r.result.error.message).toContain('best ask 45285.2');
    expect(r.state).toBe(s0);
    const below = placePaperOrder(
      s0,
      req({ type: 'limit', limitPrice: '45285.1', postOnly: true }),
      { rules, book },
      T0,
      ids(),
    );
    expect(below.result).toMatchObject({ ok: true, order: { status: 'new' } });
    const sell = placePaperOrder(
      initialPaperState({ BTC: '1' }, T0),
      req({ side: 'sell', type: 'limit', limitPrice: '45283.5', postOnly: true }),
      { rules, book },
      T0,
      ids(),
    );
    expect(sell.result).toMatchObject({ ok: false, error: { code: 'EOrder:Post only order' } });
  });

  it('IOC fills what crosses now and cancels the rest, holding nothing', () => {
    const s0 = initialPaperState({ USD: '100000' }, T0);
    const r = placePaperOrder(
      s0,
      req({ type: 'limit', volume: '2', limitPrice: '45286.4', timeInForce: 'IOC' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(r.result).toMatchObject({ ok: true, order: { status: 'canceled', filled: '1.54671953' } });
    expect(balance(r.state, 'USD')).toMatchObject({ total: '29674.460436608', hold: '0' });
    expect(paperOrders(r.state)).toEqual([]);
    const none = placePaperOrder(
      s0,
      req({ clOrdId: 'c2', type: 'limit', limitPrice: '45000.0', timeInForce: 'IOC' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(none.result).toMatchObject({ ok: true, order: { status: 'canceled', filled: '0' } });
    expect(balance(none.state, 'USD')).toEqual({
      asset: 'USD',
      total: '100000',
      hold: '0',
      available: '100000',
    });
  });
});

describe('funds and pair rules', () => {
  it('refuses a buy it cannot pay for, naming the asset, the need and what is available', () => {
    const s0 = initialPaperState(undefined, T0);
    const r = placePaperOrder(s0, req({ volume: '1' }), { rules, book }, T0, ids());
    // 1 BTC walks to 45286.3988 of cost + 181.1456 of taker fee
    expect(r.result).toEqual({
      ok: false,
      error: {
        code: 'EOrder:Insufficient funds',
        message:
          'Not enough USD: this order (with the 0.4% fee) needs 45467.5444 USD and 10000 USD is available.',
      },
    });
    expect(r.state).toBe(s0);
  });

  it('refuses a sell of base it does not have, and counts held funds as unavailable', () => {
    const s0 = initialPaperState({ BTC: '1', USD: '0' }, T0);
    const resting = placePaperOrder(
      s0,
      req({ side: 'sell', type: 'limit', volume: '0.8', limitPrice: '46000.0' }),
      { rules, book },
      T0,
      ids(),
    ).state;
    const r = placePaperOrder(
      resting,
      req({ clOrdId: 'c2', side: 'sell', volume: '0.5' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(r.result).toEqual({
      ok: false,
      error: {
        code: 'EOrder:Insufficient funds',
        message: 'Not enough BTC: this order needs 0.5 BTC and 0.2 BTC is available.',
      },
    });
  });

  it.each([
    ['a volume under ordermin', { volume: '0.00009' }, 'EOrder:Order minimum not met'],
    [
      'a cost under costmin',
      { type: 'limit', volume: '0.0001', limitPrice: '4000.0' },
      'EOrder:Cost minimum not met',
    ],
    [
      'more volume decimals than lot_decimals',
      { volume: '0.123456789' },
      'EGeneral:Invalid arguments:volume',
    ],
    ['a volume that is not a number', { volume: '1e-3' }, 'EGeneral:Invalid arguments:volume'],
    ['a zero volume', { volume: '0' }, 'EGeneral:Invalid arguments:volume'],
    [
      'more price decimals than pair_decimals',
      { type: 'limit', limitPrice: '45280.05' },
      'EOrder:Invalid price',
    ],
    ['a limit without a price', { type: 'limit' }, 'EGeneral:Invalid arguments:price'],
    ['a stop without a trigger', { type: 'stop-loss' }, 'EGeneral:Invalid arguments:price'],
    ['post-only on a market order', { postOnly: true }, 'EGeneral:Invalid arguments:oflags'],
    ['another pair', { symbol: 'ETH/USD' }, 'EQuery:Unknown asset pair'],
  ] as [string, Partial<PaperOrderRequest>, string][])('refuses %s with %s', (_name, over, code) => {
    const s0 = initialPaperState(undefined, T0);
    const r = placePaperOrder(s0, req(over), { rules, book }, T0, ids());
    expect(r.result).toMatchObject({ ok: false, error: { code } });
    expect(r.result.ok ? '' : r.result.error.message).toMatch(/^[A-Z].*\.$/);
    expect(r.state).toBe(s0);
  });

  it('refuses orders the market’s status does not take', () => {
    const s0 = initialPaperState(undefined, T0);
    const cancelOnly = placePaperOrder(
      s0,
      req({}),
      { rules: { ...rules, status: 'cancel_only' }, book },
      T0,
      ids(),
    );
    expect(cancelOnly.result).toMatchObject({
      ok: false,
      error: { code: 'EService:Market in cancel_only mode' },
    });
    const limitOnly = { ...rules, status: 'limit_only' };
    expect(placePaperOrder(s0, req({}), { rules: limitOnly, book }, T0, ids()).result).toMatchObject({
      ok: false,
      error: { code: 'EService:Market in limit_only mode' },
    });
    expect(
      placePaperOrder(
        s0,
        req({ type: 'limit', limitPrice: '45000.0' }),
        { rules: limitOnly, book },
        T0,
        ids(),
      ).result.ok,
    ).toBe(true);
  });
});

describe('idempotent by clOrdId', () => {
  it('placing the same clOrdId again returns the existing order and changes nothing', () => {
    const s0 = initialPaperState({ USD: '100000' }, T0);
    const first = placePaperOrder(s0, req({ clOrdId: 'same', volume: '0.5' }), { rules, book }, T0, ids());
    const again = placePaperOrder(
      first.state,
      req({ clOrdId: 'same', volume: '0.5' }),
      { rules, book },
      T0 + 5,
      ids(),
    );
    expect(again.state).toBe(first.state);
    expect(again.fills).toEqual([]);
    expect(again.result).toEqual(first.result);
    expect(balance(again.state, 'BTC')?.total).toBe('0.5');

    const resting = placePaperOrder(
      s0,
      req({ clOrdId: 'r', type: 'limit', limitPrice: '45000.0' }),
      { rules, book },
      T0,
      ids(),
    );
    const retried = placePaperOrder(
      resting.state,
      req({ clOrdId: 'r', type: 'limit', limitPrice: '45000.0' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(retried.state).toBe(resting.state);
    expect(paperOrders(retried.state)).toHaveLength(1);
  });

  it('a refused clOrdId is not remembered: it can be placed once the funds are there', () => {
    const s0 = initialPaperState({ USD: '10' }, T0);
    expect(placePaperOrder(s0, req({ clOrdId: 'x' }), { rules, book }, T0, ids()).result.ok).toBe(false);
    const funded = initialPaperState({ USD: '10000' }, T0);
    expect(placePaperOrder(funded, req({ clOrdId: 'x' }), { rules, book }, T0, ids()).result.ok).toBe(true);
  });

  it('never changes the state it was given', () => {
    const s0 = initialPaperState({ USD: '100000' }, T0);
    const copy = structuredClone(s0);
    placePaperOrder(
      s0,
      req({ type: 'limit', volume: '2', limitPrice: '45286.4' }),
      { rules, book },
      T0,
      ids(),
    );
    expect(s0).toEqual(copy);
  });
});

describe('cancel', () => {
  it('releases exactly what the order held', () => {
    let s = initialPaperState({ USD: '100000', BTC: '1' }, T0);
    const newId = ids();
    s = placePaperOrder(
      s,
      req({ clOrdId: 'a', type: 'limit', volume: '0.3', limitPrice: '45000.0' }),
      { rules, book },
      T0,
      newId,
    ).state;
    const before = paperBalances(s);
    const placed = placePaperOrder(
      s,
      req({ clOrdId: 'b', type: 'limit', volume: '0.12345678', limitPrice: '44999.9' }),
      { rules, book },
      T0,
      newId,
    );
    const id = placed.result.ok ? placed.result.order.id : '';
    // order a holds 13500 + 33.75; order b 0.12345678 × 44999.9 = 5555.542754322 + ⌈0.25 %⌉ 13.88886
    expect(balance(placed.state, 'USD')?.hold).toBe('19103.181614322');
    const canceled = cancelPaperOrder(placed.state, id, T0 + 10);
    expect(canceled.result).toMatchObject({ ok: true, order: { status: 'canceled', id } });
    expect(paperBalances(canceled.state)).toEqual(before);
    expect(cancelPaperOrder(canceled.state, id, T0 + 11).result).toMatchObject({
      ok: false,
      error: { code: 'EOrder:Unknown order' },
    });
  });

  it('cancels all orders, or those of one pair', () => {
    let s = initialPaperState({ USD: '100000', BTC: '1' }, T0);
    const newId = ids();
    s = placePaperOrder(
      s,
      req({ clOrdId: 'a', type: 'limit', limitPrice: '45000.0' }),
      { rules, book },
      T0,
      newId,
    ).state;
    s = placePaperOrder(
      s,
      req({ clOrdId: 'b', side: 'sell', type: 'stop-loss', triggerPrice: '44000.0' }),
      { rules, book },
      T0,
      newId,
    ).state;
    expect(cancelAllPaper(s, 'ETH/USD').canceled).toEqual([]);
    const all = cancelAllPaper(s, 'BTC/USD', T0 + 1);
    expect(all.canceled.map((o) => o.status)).toEqual(['canceled', 'canceled']);
    expect(paperBalances(all.state)).toEqual([
      { asset: 'BTC', total: '1', hold: '0', available: '1' },
      { asset: 'USD', total: '100000', hold: '0', available: '100000' },
    ]);
  });
});

describe('views', () => {
  it('lists fills newest first and keeps at most 100', () => {
    let s = initialPaperState({ USD: '100000' }, T0);
    const newId = ids();
    for (let i = 0; i < 60; i++) {
      s = placePaperOrder(
        s,
        req({ clOrdId: `m${i}`, volume: '0.002' }),
        { rules, book },
        T0 + i,
        newId,
      ).state;
    }
    const fills = paperFills(s);
    expect(fills).toHaveLength(100);
    expect(fills[0]?.at).toBe(T0 + 59);
    expect(fills.at(-1)?.at).toBe(T0 + 10);
  });
});
