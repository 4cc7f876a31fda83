import { describe, expect, it } from 'vitest';
import type { BookTop } from '../../../lib/orders/types.ts';
import {
  initialPaperState,
  onPaperMarket,
  type PaperOrderRequest,
  type PaperState,
  paperBalances,
  paperOrders,
  placePaperOrder,
} from '../../../lib/paper/index.ts';
import { BTC_USD_RULES, balanceOf, paperRequest, sequentialIds, T0 } from '../../support/paper-fixtures.ts';

const rules = BTC_USD_RULES;

// Top 3 of Kraken's documented BTC/USD book (docs.kraken.com/api/docs/guides/spot-ws-book-v2).
const book: BookTop = {
  symbol: 'BTC/USD',
  at: 0,
  asks: [
    { price: '45285.2', qty: '0.00100000' },
    { price: '45286.4', qty: '1.54571953' },
    { price: '45286.6', qty: '1.54571109' },
  ],
  bids: [
    { price: '45283.5', qty: '0.10000000' },
    { price: '45283.4', qty: '1.54582015' },
    { price: '45282.1', qty: '0.10000000' },
  ],
};
/** The same book after the market fell about 1,000 USD. */
const lower: BookTop = {
  symbol: 'BTC/USD',
  at: 1,
  asks: [{ price: '44301.0', qty: '2' }],
  bids: [
    { price: '44300.0', qty: '0.2' },
    { price: '44290.0', qty: '5' },
  ],
};

const ids = sequentialIds;
const req = paperRequest('limit');
const balance = balanceOf;
const trade = (price: string, qty: string, at = T0 + 1000) => ({ price, qty, at });

function restingBuy(): PaperState {
  const s0 = initialPaperState(undefined, T0);
  const r = placePaperOrder(s0, req({ limitPrice: '45280.0' }), { rules, book }, T0, ids());
  expect(balance(r.state, 'USD')?.hold).toBe('4539.32');
  return r.state;
}

describe('resting limit orders fill when the market trades through them', () => {
  it('a trade AT the limit price does not fill (orders at that price were ahead in the queue)', () => {
    const s = restingBuy();
    const r = onPaperMarket(s, { symbol: 'BTC/USD', trades: [trade('45280.0', '5')] }, rules, T0 + 1, ids());
    expect(r.state).toBe(s);
    expect(r.fills).toEqual([]);
    expect(r.changed).toEqual([]);
  });

  it('a trade below a buy fills it at its limit as maker, for up to the traded quantity', () => {
    const s = restingBuy();
    const newId = ids();
    const first = onPaperMarket(
      s,
      { symbol: 'BTC/USD', trades: [trade('45279.9', '0.04', T0 + 5)] },
      rules,
      T0 + 6,
      newId,
    );
    // 0.04 × 45280 = 1811.2; maker 0.25 % = 4.528
    expect(first.fills).toEqual([
      {
        id: 'P1',
        orderId: 'P1',
        symbol: 'BTC/USD',
        side: 'buy',
        qty: '0.04',
        price: '45280.0',
        fee: '4.52800',
        feeAsset: 'USD',
        liquidity: 'maker',
        complete: false,
        at: T0 + 5,
      },
    ]);
    expect(first.changed).toMatchObject([{ status: 'partially_filled', filled: '0.04' }]);
    expect(balance(first.state, 'USD')).toEqual({
      asset: 'USD',
      total: '8184.272',
      hold: '2723.592',
      available: '5460.68',
    });

    const second = onPaperMarket(
      first.state,
      { symbol: 'BTC/USD', trades: [trade('45000.0', '3')] },
      rules,
      T0 + 7,
      newId,
    );
    // the rest: 0.06 × 45280 = 2716.8; the order's fee is ⌈0.25 % of 4528⌉ = 11.32 in all, 6.792 of it now
    expect(second.fills).toMatchObject([{ qty: '0.06', price: '45280.0', fee: '6.79200', complete: true }]);
    expect(second.changed).toMatchObject([{ status: 'filled', filled: '0.1', avgPrice: '45280.0' }]);
    expect(paperOrders(second.state)).toEqual([]);
    expect(paperBalances(second.state)).toEqual([
      { asset: 'BTC', total: '0.1', hold: '0', available: '0.1' },
      { asset: 'USD', total: '5460.68', hold: '0', available: '5460.68' },
    ]);
  });

  it('a sell fills on a trade strictly above its price; one trade’s quantity is shared by priority', () => {
    let s = initialPaperState({ BTC: '1' }, T0);
    const newId = ids();
    s = placePaperOrder(
      s,
      req({ clOrdId: 'far', side: 'sell', volume: '0.3', limitPrice: '45400.0' }),
      { rules, book },
      T0,
      newId,
    ).state;
    s = placePaperOrder(
      s,
      req({ clOrdId: 'near', side: 'sell', volume: '0.3', limitPrice: '45300.0' }),
      { rules, book },
      T0 + 1,
      newId,
    ).state;
    const touch = onPaperMarket(
      s,
      { symbol: 'BTC/USD', trades: [trade('45300.0', '1')] },
      rules,
      T0 + 2,
      newId,
    );
    expect(touch.fills).toEqual([]);
    const r = onPaperMarket(
      s,
      { symbol: 'BTC/USD', trades: [trade('45500.0', '0.4')] },
      rules,
      T0 + 3,
      newId,
    );
    // The better-priced (lower) sell goes first and fills; the other gets what is left of the 0.4 traded.
    expect(r.fills.map((f) => [f.price, f.qty, f.complete])).toEqual([
      ['45300.0', '0.3', true],
      ['45400.0', '0.1', false],
    ]);
    expect(balance(r.state, 'BTC')).toEqual({ asset: 'BTC', total: '0.6', hold: '0.2', available: '0.4' });
    // 0.3 × 45300 = 13590 − ⌈33.975⌉; 0.1 × 45400 = 4540 − 11.35
    expect(balance(r.state, 'USD')?.total).toBe('18084.675');
  });

  it('leaves other pairs’ orders alone, and refuses an update paired with another pair’s rules', () => {
    const s = restingBuy();
    const eth = {
      ...rules,
      id: 'XETHZUSD',
      altname: 'ETHUSD',
      symbol: 'ETH/USD',
      base: 'ETH',
      pairDecimals: 2,
    };
    const other = onPaperMarket(s, { symbol: 'ETH/USD', trades: [trade('1.00', '100')] }, eth, T0, ids());
    expect(other.state).toBe(s);
    expect(() =>
      onPaperMarket(s, { symbol: 'ETH/USD', trades: [trade('1', '1')] }, rules, T0, ids()),
    ).toThrow(RangeError);
  });
});

describe('stop-loss and take-profit', () => {
  function stop(
    over: Partial<PaperOrderRequest>,
    funding: Record<string, string> = { BTC: '1', USD: '0' },
    lastTrade = '45283.5',
  ) {
    const s0 = initialPaperState(funding, T0);
    return placePaperOrder(
      s0,
      req({ side: 'sell', type: 'stop-loss', volume: '0.5', triggerPrice: '45000.0', ...over }),
      { rules, book, lastTrade },
      T0,
      ids(),
    );
  }

  it('rests untriggered (status new, with its trigger), holding what it would sell', () => {
    const r = stop({});
    expect(r.result).toMatchObject({
      ok: true,
      order: { status: 'new', triggerPrice: '45000.0', filled: '0' },
    });
    expect(balance(r.state, 'BTC')).toEqual({ asset: 'BTC', total: '1', hold: '0.5', available: '0.5' });
  });

  it('a sell stop-loss fires when the last trade reaches the trigger and sells at market', () => {
    const s = stop({}).state;
    const newId = ids();
    const above = onPaperMarket(
      s,
      { symbol: 'BTC/USD', book: lower, trades: [trade('45000.1', '1')] },
      rules,
      T0 + 1,
      newId,
    );
    expect(above.state).toBe(s);
    const hit = onPaperMarket(
      s,
      { symbol: 'BTC/USD', book: lower, trades: [trade('45000.1', '1'), trade('45000.0', '1')] },
      rules,
      T0 + 2,
      newId,
    );
    expect(hit.fills.map((f) => [f.price, f.qty, f.liquidity])).toEqual([
      ['44300.0', '0.2', 'taker'],
      ['44290.0', '0.3', 'taker'],
    ]);
    expect(hit.changed).toMatchObject([
      { type: 'stop-loss', status: 'filled', filled: '0.5', avgPrice: '44294.0' },
    ]);
    // 8860 + 13287 = 22147 of proceeds; ⌈0.40 %⌉ = 88.588
    expect(paperBalances(hit.state)).toEqual([
      { asset: 'BTC', total: '0.5', hold: '0', available: '0.5' },
      { asset: 'USD', total: '22058.412', hold: '0', available: '22058.412' },
    ]);
  });

  it('a sell take-profit fires at or above its trigger', () => {
    const s = stop({ type: 'take-profit', triggerPrice: '45290.0' }).state;
    const below = onPaperMarket(
      s,
      { symbol: 'BTC/USD', book, trades: [trade('45289.9', '1')] },
      rules,
      T0,
      ids(),
    );
    expect(below.fills).toEqual([]);
    const hit = onPaperMarket(
      s,
      { symbol: 'BTC/USD', book, trades: [trade('45290.0', '1')] },
      rules,
      T0,
      ids(),
    );
    expect(hit.changed).toMatchObject([{ status: 'filled', filled: '0.5' }]);
  });

  it('a buy stop-loss fires at or above its trigger and must afford the walk', () => {
    const r = stop({ side: 'buy', volume: '0.1', triggerPrice: '45280.0' }, { USD: '5000' }, '45270.0');
    // hold: 0.1 × 45280 + ⌈0.40 %⌉ = 4528 + 18.112
    expect(balance(r.state, 'USD')?.hold).toBe('4546.112');
    const under = onPaperMarket(
      r.state,
      { symbol: 'BTC/USD', book, trades: [trade('45279.9', '1')] },
      rules,
      T0,
      ids(),
    );
    expect(under.fills).toEqual([]);
    const hit = onPaperMarket(
      r.state,
      { symbol: 'BTC/USD', book, trades: [trade('45285.0', '1')] },
      rules,
      T0,
      ids(),
    );
    expect(hit.changed).toMatchObject([{ status: 'filled', filled: '0.1' }]);
    expect(balance(hit.state, 'BTC')?.total).toBe('0.1');
  });

  it('a triggered buy the account can no longer afford is canceled, its hold released', () => {
    // Enough for the hold at the trigger (4546.112) but not for the walk at trigger time: 0.001 × 45285.2 +
    // 0.099 × 45286.4 = 4528.6388, + ⌈0.40 %⌉ 18.11456 = 4546.75336.
    const r = stop({ side: 'buy', volume: '0.1', triggerPrice: '45280.0' }, { USD: '4546.5' }, '45270.0');
    expect(r.result).toMatchObject({ ok: true, order: { status: 'new' } });
    const hit = onPaperMarket(
      r.state,
      { symbol: 'BTC/USD', book, trades: [trade('45285.0', '1')] },
      rules,
      T0,
      ids(),
    );
    expect(hit.fills).toEqual([]);
    expect(hit.changed).toMatchObject([{ status: 'canceled', filled: '0' }]);
    expect(balance(hit.state, 'USD')).toEqual({
      asset: 'USD',
      total: '4546.5',
      hold: '0',
      available: '4546.5',
    });
  });

  it('fires at once when placed beyond the last trade', () => {
    // A sell stop-loss at 45300 while the last trade is 45283.5: already reached.
    const r = stop({ triggerPrice: '45300.0' });
    expect(r.result).toMatchObject({ ok: true, order: { status: 'filled', filled: '0.5' } });
    expect(r.fills.map((f) => f.price)).toEqual(['45283.5', '45283.4']);
  });

  it('a trigger reached without a book waits, holding, and executes with the next book', () => {
    const s = stop({}).state;
    const newId = ids();
    const fired = onPaperMarket(
      s,
      { symbol: 'BTC/USD', trades: [trade('44999.0', '1')] },
      rules,
      T0 + 1,
      newId,
    );
    expect(fired.fills).toEqual([]);
    expect(fired.changed).toMatchObject([{ status: 'new' }]);
    expect(balance(fired.state, 'BTC')?.hold).toBe('0.5');
    const next = onPaperMarket(fired.state, { symbol: 'BTC/USD', book: lower }, rules, T0 + 2, newId);
    expect(next.changed).toMatchObject([{ status: 'filled' }]);
    expect(balance(next.state, 'BTC')).toEqual({ asset: 'BTC', total: '0.5', hold: '0', available: '0.5' });
  });
});
