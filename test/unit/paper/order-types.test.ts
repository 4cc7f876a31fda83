// The order types beyond market, limit, stop-loss and take-profit in the paper engine: the -limit forms,
// trailing stops (quote and percent offsets), FOK and GTD, attached closes, the fee tier, and amends.
import { describe, expect, it } from 'vitest';
import type { BookTop } from '../../../lib/orders/types.ts';
import {
  amendPaperOrder,
  expirePaper,
  initialPaperState,
  nextExpiry,
  onPaperMarket,
  type PaperState,
  paperAmends,
  paperOrders,
  placePaperOrder,
} from '../../../lib/paper/index.ts';
import { BTC_USD_RULES, balanceOf, paperRequest, sequentialIds, T0 } from '../../support/paper-fixtures.ts';

const rules = BTC_USD_RULES;
const book = (bid: string, ask: string, qty = '1'): BookTop => ({
  symbol: 'BTC/USD',
  at: T0,
  bids: [{ price: bid, qty }],
  asks: [{ price: ask, qty }],
});
const trade = (price: string, qty = '5', at = T0 + 10) => ({ price, qty, at });
const funded = () => initialPaperState({ USD: '100000', BTC: '1' }, T0);

/** Places one order on a funded account and returns the state and the order. */
function place(
  over: Parameters<ReturnType<typeof paperRequest>>[0],
  market: Partial<Parameters<typeof placePaperOrder>[2]> = {},
  state: PaperState = funded(),
) {
  const ids = sequentialIds();
  const r = placePaperOrder(
    state,
    paperRequest(over.type ?? 'limit')(over),
    { rules, book: book('45000.0', '45000.5'), lastTrade: '45000.0', ...market },
    T0,
    ids,
  );
  if (!r.result.ok) throw new Error(r.result.error.message);
  return { ...r, order: r.result.order, ids };
}

/** Feeds trades (and a book) to the account. */
const move = (s: PaperState, prices: string[], b?: BookTop) =>
  onPaperMarket(
    s,
    {
      symbol: 'BTC/USD',
      trades: prices.map((p, i) => trade(p, '5', T0 + 100 + i)),
      ...(b ? { book: b } : {}),
    },
    rules,
    T0 + 1000,
    sequentialIds(),
  );

describe('stop-loss-limit and take-profit-limit: trigger, then rest as a limit', () => {
  it('a stop-loss-limit sell waits, triggers when the last trade falls to it, then fills only when traded through its limit', () => {
    const { state, order } = place({
      side: 'sell',
      type: 'stop-loss-limit',
      triggerPrice: '44000.0',
      limitPrice: '43900.0',
    });
    expect(order).toMatchObject({ status: 'new', triggerPrice: '44000.0', limitPrice: '43900.0' });
    expect(balanceOf(state, 'BTC')).toMatchObject({ hold: '0.1' });
    // 44000.0 reached: it now rests at 43900.0 (the book's best bid is below it, so nothing crosses).
    const fired = move(state, ['44500.0', '44000.0'], book('43800.0', '43850.0'));
    expect(fired.fills).toEqual([]);
    expect(paperOrders(fired.state)[0]).toMatchObject({ triggered: true, limitPrice: '43900.0' });
    // A trade at 43900.0 proves nothing (others were ahead); one above it fills it as maker.
    expect(move(fired.state, ['43900.0']).fills).toEqual([]);
    const filled = move(fired.state, ['43950.0']);
    expect(filled.fills.map((f) => [f.qty, f.price, f.liquidity])).toEqual([['0.1', '43900.0', 'maker']]);
    expect(paperOrders(filled.state)).toEqual([]);
  });

  it('a take-profit-limit buy that triggers into a book below its limit takes what crosses as taker', () => {
    const { state } = place({
      side: 'buy',
      type: 'take-profit-limit',
      triggerPrice: '44000.0',
      limitPrice: '44100.0',
    });
    const fired = move(state, ['43990.0'], book('43990.0', '44050.0', '0.04'));
    expect(fired.fills.map((f) => [f.qty, f.price, f.liquidity])).toEqual([['0.04', '44050.0', 'taker']]);
    expect(paperOrders(fired.state)[0]).toMatchObject({ status: 'partially_filled', filled: '0.04' });
  });
});

describe('trailing stops follow the best price since placement', () => {
  it('a 5 % trailing stop sell rises with the market and fires when it falls 5 % below its highest, once', () => {
    const { state, order } = place({
      side: 'sell',
      type: 'trailing-stop',
      trailOffset: { value: '5', unit: 'percent' },
    });
    // From the last trade 45000.0: 5 % is 2250.0, the trigger 42750.0.
    expect(order).toMatchObject({ triggerPrice: '42750.0', trailOffset: { value: '5', unit: 'percent' } });
    const up = move(state, ['46000.0', '48000.0', '47000.0']);
    expect(paperOrders(up.state)[0]?.triggerPrice).toBe('45600.0'); // 48000.0 − 2400.0
    expect(up.fills).toEqual([]);
    const down = move(up.state, ['45700.0', '45600.0'], book('45590.0', '45600.5'));
    expect(down.fills.map((f) => [f.qty, f.price, f.liquidity])).toEqual([['0.1', '45590.0', 'taker']]);
    expect(paperOrders(down.state)).toEqual([]);
    expect(move(down.state, ['45000.0'], book('44990.0', '45000.5')).fills).toEqual([]);
  });

  it('a trailing stop buy in quote follows the lowest trade and fires when the price rises by the offset', () => {
    const { state } = place({
      side: 'buy',
      type: 'trailing-stop',
      trailOffset: { value: '500.0', unit: 'quote' },
    });
    const low = move(state, ['44000.0', '43000.0', '43400.0']);
    expect(paperOrders(low.state)[0]?.triggerPrice).toBe('43500.0');
    const up = move(low.state, ['43500.0'], book('43500.0', '43500.5'));
    expect(up.fills.map((f) => [f.side, f.qty, f.price])).toEqual([['buy', '0.1', '43500.5']]);
  });

  it('a trailing-stop-limit sell rests at its limit offset below the trigger once it fires', () => {
    const { state } = place({
      side: 'sell',
      type: 'trailing-stop-limit',
      trailOffset: { value: '1000.0', unit: 'quote' },
      limitOffset: { value: '50.0', unit: 'quote' },
    });
    const fired = move(state, ['46000.0', '45000.0'], book('44000.0', '44001.0'));
    expect(paperOrders(fired.state)[0]).toMatchObject({
      triggered: true,
      limitPrice: '44950.0',
      triggerPrice: '45000.0',
    });
    expect(fired.fills).toEqual([]);
  });

  it('is refused without a last trade to start from, and with an offset as large as the price', () => {
    const ids = sequentialIds();
    const noTrade = placePaperOrder(
      funded(),
      paperRequest('trailing-stop')({ side: 'sell', trailOffset: { value: '5', unit: 'percent' } }),
      { rules, book: book('45000.0', '45000.5') },
      T0,
      ids,
    );
    expect(noTrade.result).toMatchObject({ ok: false, error: { code: 'EService:Unavailable' } });
    const huge = placePaperOrder(
      funded(),
      paperRequest('trailing-stop')({ side: 'sell', trailOffset: { value: '45000.0', unit: 'quote' } }),
      { rules, book: book('45000.0', '45000.5'), lastTrade: '45000.0' },
      T0,
      ids,
    );
    expect(huge.result).toMatchObject({ ok: false, error: { code: 'EOrder:Invalid price' } });
  });
});

describe('time in force', () => {
  it('FOK fills all at once when the book holds it, else cancels with nothing traded', () => {
    const all = place({
      side: 'buy',
      type: 'limit',
      limitPrice: '45001.0',
      timeInForce: 'FOK',
      volume: '0.5',
    });
    expect(all.order).toMatchObject({ status: 'filled', filled: '0.5' });
    const some = place({
      side: 'buy',
      type: 'limit',
      limitPrice: '45001.0',
      timeInForce: 'FOK',
      volume: '1.5',
    });
    expect(some.order).toMatchObject({ status: 'canceled', filled: '0' });
    expect(some.fills).toEqual([]);
    expect(balanceOf(some.state, 'USD')).toMatchObject({ total: '100000', hold: '0' });
  });

  it('GTD expires at its time, releasing its hold; a past expiry is refused', () => {
    const { state } = place({
      type: 'limit',
      limitPrice: '40000.0',
      timeInForce: 'GTD',
      expiresAt: T0 + 60_000,
    });
    expect(nextExpiry(state)).toBe(T0 + 60_000);
    expect(expirePaper(state, T0 + 59_999).state).toBe(state);
    const later = expirePaper(state, T0 + 60_000);
    expect(later.expired).toMatchObject([{ status: 'expired' }]);
    expect(balanceOf(later.state, 'USD')).toMatchObject({ hold: '0', available: '100000' });
    expect(() => place({ type: 'limit', limitPrice: '40000.0', timeInForce: 'GTD', expiresAt: T0 })).toThrow(
      /already passed/,
    );
  });

  it('IOC and FOK are for limit orders only, and never post-only', () => {
    expect(() => place({ type: 'stop-loss', triggerPrice: '40000.0', timeInForce: 'IOC' })).toThrow(
      /limit orders only/,
    );
    expect(() => place({ type: 'limit', limitPrice: '40000.0', timeInForce: 'FOK', postOnly: true })).toThrow(
      /post-only/,
    );
  });
});

describe('an attached close goes in when the entry fills', () => {
  it('a market buy with a take-profit: the sell take-profit rests for the filled amount', () => {
    const { state, order } = place({
      type: 'market',
      volume: '0.2',
      close: { type: 'take-profit', price: '50000.0' },
    });
    expect(order.status).toBe('filled');
    const [close] = paperOrders(state);
    expect(close).toMatchObject({
      side: 'sell',
      type: 'take-profit',
      volume: '0.2',
      triggerPrice: '50000.0',
    });
    expect(state.open[0]?.parentId).toBe(order.id);
  });

  it('a resting limit with a stop-loss: nothing until it fills, then the stop rests', () => {
    const { state } = place({
      type: 'limit',
      limitPrice: '44000.0',
      close: { type: 'stop-loss', price: '42000.0' },
    });
    expect(paperOrders(state)).toHaveLength(1);
    const filled = move(state, ['43990.0']);
    expect(paperOrders(filled.state)).toMatchObject([
      { side: 'sell', type: 'stop-loss', triggerPrice: '42000.0' },
    ]);
  });

  it('a close the account cannot fund is recorded as cancelled with why', () => {
    const poor = initialPaperState({ BTC: '0.1' }, T0);
    const { state } = place(
      { side: 'sell', type: 'market', volume: '0.1', close: { type: 'limit', price: '50000.0' } },
      {},
      poor,
    );
    expect(paperOrders(state)).toEqual([]);
    expect(state.closed[0]).toMatchObject({ type: 'limit', side: 'buy', status: 'canceled' });
    expect(state.closed[0]?.reason).toMatch(/could not be placed: Not enough USD/);
  });
});

describe('fees follow the paper tier', () => {
  it('an order pays the tier in force when it was placed, even after the tier changes', () => {
    const tier = { makerPercent: '0.14', takerPercent: '0.24' };
    const { state, fills } = place({ type: 'market', volume: '0.1' }, { fees: tier });
    // 0.1 × 45000.5 = 4500.05; 0.24 % of it = 10.80012
    expect(fills.map((f) => f.fee)).toEqual(['10.80012']);
    const resting = place({ clOrdId: 'c2', type: 'limit', limitPrice: '44000.0' }, { fees: tier }, state);
    const filled = move(resting.state, ['43000.0']);
    expect(filled.fills.map((f) => [f.fee, f.liquidity])).toEqual([['6.16000', 'maker']]); // 0.14 % of 4400
  });
});

describe('amend keeps the order and its id', () => {
  it('a new limit price and amount: the hold follows, the history lists the original and the change', () => {
    const { state, order, ids } = place({ type: 'limit', limitPrice: '44000.0' });
    const r = amendPaperOrder(
      state,
      order.id,
      { limitPrice: '43000.0', volume: '0.2' },
      { rules, book: book('45000.0', '45000.5') },
      T0 + 5,
      ids,
    );
    expect(r.result).toMatchObject({
      ok: true,
      order: { id: order.id, limitPrice: '43000.0', volume: '0.2' },
    });
    // 0.2 × 43000 = 8600 + 0.25 % maker = 21.5
    expect(balanceOf(r.state, 'USD')).toMatchObject({ hold: '8621.5' });
    expect(paperAmends(r.state, order.id)).toEqual([
      { kind: 'original', volume: '0.1', limitPrice: '44000.0', at: T0 },
      { kind: 'user', volume: '0.2', limitPrice: '43000.0', at: T0 + 5 },
    ]);
  });

  it('refuses what it cannot do and leaves the account as it was', () => {
    const { state, order, ids } = place({ type: 'limit', limitPrice: '44000.0', postOnly: true });
    const m = { rules, book: book('45000.0', '45000.5') };
    const cases = [
      [{ limitPrice: '45001.0' }, 'EOrder:Post only order'],
      [{ volume: '100' }, 'EOrder:Insufficient funds'],
      [{ triggerPrice: '1.0' }, 'EGeneral:Invalid arguments'],
      [{}, 'EGeneral:Invalid arguments'],
    ] as const;
    for (const [change, code] of cases) {
      const r = amendPaperOrder(state, order.id, change, m, T0 + 5, ids);
      expect(r.result).toMatchObject({ ok: false, error: { code } });
      expect(r.state).toBe(state);
    }
  });

  it('a non-post-only limit moved through the book takes what crosses at once', () => {
    const { state, order, ids } = place({ type: 'limit', limitPrice: '44000.0' });
    const r = amendPaperOrder(
      state,
      order.id,
      { limitPrice: '45001.0' },
      { rules, book: book('45000.0', '45000.5', '0.04') },
      T0 + 5,
      ids,
    );
    expect(r.fills.map((f) => [f.qty, f.price, f.liquidity])).toEqual([['0.04', '45000.5', 'taker']]);
    expect(r.result).toMatchObject({ ok: true, order: { id: order.id, status: 'partially_filled' } });
  });

  it("a trailing stop's offset moves, from the best price it has seen (percent or quote); never on a stop", () => {
    const trailing = place({
      side: 'sell',
      type: 'trailing-stop',
      trailOffset: { value: '5', unit: 'percent' },
    });
    const m = { rules, book: book('45000.0', '45000.5') };
    const up = move(trailing.state, ['48000.0', '47000.0']); // the peak: 48000.0, the trigger 45600.0
    const amended = amendPaperOrder(
      up.state,
      trailing.order.id,
      { trailOffset: { value: '2', unit: 'percent' } },
      m,
      T0 + 20,
      trailing.ids,
    );
    // 2 % of the peak 48000.0 is 960.0: the trigger 47040.0, the order still resting (the last trade 47000.0 is
    // below it only once a trade reaches it).
    expect(amended.result).toMatchObject({
      ok: true,
      order: { id: trailing.order.id, triggerPrice: '47040.0', trailOffset: { value: '2', unit: 'percent' } },
    });
    const quote = amendPaperOrder(
      amended.state,
      trailing.order.id,
      { trailOffset: { value: '500.0', unit: 'quote' } },
      m,
      T0 + 21,
      trailing.ids,
    );
    expect(quote.result).toMatchObject({ ok: true, order: { triggerPrice: '47500.0' } });
    const tooMuch = amendPaperOrder(
      quote.state,
      trailing.order.id,
      { trailOffset: { value: '100', unit: 'percent' } },
      m,
      T0 + 22,
      trailing.ids,
    );
    expect(tooMuch.result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/below 100/) },
    });
    expect(tooMuch.state).toBe(quote.state);
    const stop = place({ side: 'sell', type: 'stop-loss', triggerPrice: '44000.0' });
    const refused = amendPaperOrder(
      stop.state,
      stop.order.id,
      { trailOffset: { value: '2', unit: 'percent' } },
      m,
      T0 + 5,
      stop.ids,
    );
    expect(refused.result).toMatchObject({
      ok: false,
      error: { message: 'A stop-loss order has no trailing offset to amend.' },
    });
  });

  it("a stop's trigger can move before it fires; a trailing stop's cannot", () => {
    const stop = place({ side: 'sell', type: 'stop-loss', triggerPrice: '44000.0' });
    const m = { rules, book: book('45000.0', '45000.5') };
    const moved = amendPaperOrder(
      stop.state,
      stop.order.id,
      { triggerPrice: '43000.0' },
      m,
      T0 + 5,
      stop.ids,
    );
    expect(moved.result).toMatchObject({ ok: true, order: { triggerPrice: '43000.0' } });
    const trailing = place({
      side: 'sell',
      type: 'trailing-stop',
      trailOffset: { value: '5', unit: 'percent' },
    });
    const refused = amendPaperOrder(
      trailing.state,
      trailing.order.id,
      { triggerPrice: '43000.0' },
      m,
      T0 + 5,
      trailing.ids,
    );
    expect(refused.result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/follows the market/) },
    });
  });
});

describe('market status', () => {
  it('limit-only takes the -limit forms and refuses the market kinds', () => {
    const limitOnly = { ...rules, status: 'limit_only' };
    expect(() =>
      place({ side: 'sell', type: 'stop-loss', triggerPrice: '44000.0' }, { rules: limitOnly }),
    ).toThrow(/only accepting limit orders/);
    expect(
      place(
        { side: 'sell', type: 'stop-loss-limit', triggerPrice: '44000.0', limitPrice: '43900.0' },
        { rules: limitOnly },
      ).order.status,
    ).toBe('new');
  });
});
