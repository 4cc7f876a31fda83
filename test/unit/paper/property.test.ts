import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, cmp, div, type Exact, exact, format, mul, sub } from '../../../lib/kraken/pairs/exact.ts';
import type {
  AttachedClose,
  BookTop,
  FillView,
  Side,
  TicketOrderType,
  TimeInForce,
} from '../../../lib/orders/types.ts';
import {
  amendPaperOrder,
  cancelPaperOrder,
  expirePaper,
  initialPaperState,
  onPaperMarket,
  type PaperState,
  paperBalances,
  paperOrders,
  placePaperOrder,
} from '../../../lib/paper/index.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

const rules = BTC_USD_RULES;
const FUNDING = { USD: '50000', BTC: '1' };
const TAKER = '0.40';
const MAKER = '0.25';

const price = (tenths: number) => format(div(String(tenths), '10', 1, 'down'));

/** A five-level book around `mid` (in tenths of a USD), one tick of spread, with the given quantities. */
function bookAt(mid: number, qtys: number[]): BookTop {
  const qty = (i: number) => format(div(String(qtys[i % qtys.length] ?? 1), '1000', 8, 'down'));
  return {
    symbol: 'BTC/USD',
    at: 0,
    asks: [0, 1, 2, 3, 4].map((i) => ({ price: price(mid + 1 + i * 7), qty: qty(i) })),
    bids: [0, 1, 2, 3, 4].map((i) => ({ price: price(mid - i * 7), qty: qty(i + 5) })),
  };
}

type Command =
  | {
      kind: 'place';
      side: Side;
      type: TicketOrderType;
      lots: number;
      offset: number;
      /** The -limit forms' limit from their trigger (tenths); a trailing stop's offset in tenths or hundredths of %. */
      second: number;
      percent: boolean;
      tif: TimeInForce;
      postOnly: boolean;
      close: { type: AttachedClose['type']; offset: number } | null;
    }
  | { kind: 'amend'; pick: number; lots: number | null; offset: number | null }
  | { kind: 'expire' }
  | { kind: 'trade'; offset: number; lots: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'move'; shift: number; qtys: number[] }
  | { kind: 'replay'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      side: fc.constantFrom<Side>('buy', 'sell'),
      type: fc.constantFrom<TicketOrderType>(
        'market',
        'limit',
        'limit',
        'stop-loss',
        'take-profit',
        'stop-loss-limit',
        'take-profit-limit',
        'trailing-stop',
        'trailing-stop-limit',
      ),
      lots: fc.integer({ min: 1, max: 40_000 }),
      offset: fc.integer({ min: -400, max: 400 }),
      second: fc.integer({ min: 1, max: 300 }),
      percent: fc.boolean(),
      tif: fc.constantFrom<TimeInForce>('GTC', 'GTC', 'IOC', 'FOK', 'GTD'),
      postOnly: fc.boolean(),
      close: fc.option(
        fc.record({
          type: fc.constantFrom<AttachedClose['type']>(
            'limit',
            'stop-loss',
            'take-profit',
            'stop-loss-limit',
          ),
          offset: fc.integer({ min: -400, max: 400 }),
        }),
        { freq: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      pick: fc.nat(),
      lots: fc.option(fc.integer({ min: 1, max: 40_000 })),
      offset: fc.option(fc.integer({ min: -400, max: 400 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('trade' as const),
      offset: fc.integer({ min: -400, max: 400 }),
      lots: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      shift: fc.integer({ min: -300, max: 300 }),
      qtys: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 10 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }) },
);

/** What the fills say the balances must be: funding, plus base bought − sold, minus quote paid + received − fees. */
function expectedBalances(fills: FillView[]): Map<string, Exact> {
  const out = new Map<string, Exact>(Object.entries(FUNDING).map(([a, v]) => [a, exact(v)]));
  const bump = (asset: string, v: Exact) => out.set(asset, add(out.get(asset) ?? exact('0'), v));
  for (const f of fills) {
    const value = mul(f.qty, f.price);
    if (f.side === 'buy') {
      bump('BTC', exact(f.qty));
      bump('USD', sub('0', add(value, f.fee)));
    } else {
      bump('BTC', sub('0', f.qty));
      bump('USD', sub(value, f.fee));
    }
  }
  return out;
}

const feeOn = (cost: Exact, percent: string) => div(mul(cost, percent), '100', 5, 'up');

function checkInvariants(state: PaperState, fills: FillView[]): void {
  const balances = paperBalances(state);
  for (const b of balances) {
    expect(cmp(b.total, '0'), `${b.asset} total ${b.total}`).toBeGreaterThanOrEqual(0);
    expect(cmp(b.hold, '0'), `${b.asset} hold ${b.hold}`).toBeGreaterThanOrEqual(0);
    expect(cmp(b.available, '0'), `${b.asset} available ${b.available}`).toBeGreaterThanOrEqual(0);
    expect(cmp(b.available, sub(b.total, b.hold)), `${b.asset} available = total − hold`).toBe(0);
  }
  if (paperOrders(state).length === 0) {
    for (const b of balances) expect(b.hold, `${b.asset} held with no open order`).toBe('0');
  }
  // Value moves only through fills, at fill prices, less fees: exact conservation.
  for (const [asset, want] of expectedBalances(fills)) {
    const have = balances.find((b) => b.asset === asset)?.total ?? '0';
    expect(cmp(have, want), `${asset}: ${have} vs ${format(want)} from the fills`).toBe(0);
  }
}

/** Each buy pays exactly one rounded fee per liquidity; a sell never more (its fee is capped by proceeds). */
function checkFees(fills: FillView[]): void {
  const byOrder = new Map<string, FillView[]>();
  for (const f of fills) byOrder.set(f.orderId, [...(byOrder.get(f.orderId) ?? []), f]);
  for (const [, list] of byOrder) {
    let taker = exact('0');
    let maker = exact('0');
    let fees = exact('0');
    for (const f of list) {
      expect(cmp(f.fee, '0')).toBeGreaterThanOrEqual(0);
      if (f.liquidity === 'taker') taker = add(taker, mul(f.qty, f.price));
      else maker = add(maker, mul(f.qty, f.price));
      fees = add(fees, f.fee);
    }
    const due = add(feeOn(taker, TAKER), feeOn(maker, MAKER));
    const c = cmp(fees, due);
    if (list[0]?.side === 'buy') expect(c).toBe(0);
    else expect(c).toBeLessThanOrEqual(0);
  }
}

describe('paper account properties', () => {
  it('over random orders, trades, cancels and book moves: nothing goes negative, holds add up, value is conserved', () => {
    // What the runs exercised, so a generator that never reaches a path fails the test instead of passing it.
    const seen = {
      maker: 0,
      taker: 0,
      stopFills: 0,
      trailingFills: 0,
      limitStopFills: 0,
      closes: 0,
      amended: 0,
      expired: 0,
      refused: 0,
      resting: 0,
      canceled: 0,
    };
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 50 }), (commands) => {
        let state = initialPaperState(FUNDING, 0);
        let mid = 450_000; // 45000.0 USD in tenths
        let book = bookAt(mid, [1000, 2000]);
        let n = 0;
        const newId = () => `id${++n}`;
        const fills: FillView[] = [];
        const placed: string[] = [];
        let now = 0;
        for (const c of commands) {
          now += 1000;
          switch (c.kind) {
            case 'place': {
              const clOrdId = `c${placed.length}`;
              placed.push(clOrdId);
              const volume = format(div(String(c.lots), '100000', 8, 'down'));
              const at = price(mid + c.offset);
              const t = c.type;
              const trailing = t === 'trailing-stop' || t === 'trailing-stop-limit';
              const withLimit = t === 'limit' || t === 'stop-loss-limit' || t === 'take-profit-limit';
              const offset = c.percent
                ? { value: format(div(String(c.second), '100', 2, 'down')), unit: 'percent' as const }
                : { value: price(c.second), unit: 'quote' as const };
              const closeAt = c.close && price(mid + c.close.offset);
              const r = placePaperOrder(
                state,
                {
                  clOrdId,
                  symbol: 'BTC/USD',
                  side: c.side,
                  type: t,
                  volume,
                  ...(t === 'limit' ? { limitPrice: at } : {}),
                  ...(withLimit && t !== 'limit'
                    ? { limitPrice: price(mid + c.offset + c.second - 150) }
                    : {}),
                  ...(!trailing && t !== 'market' && t !== 'limit' ? { triggerPrice: at } : {}),
                  ...(trailing ? { trailOffset: offset } : {}),
                  ...(t === 'trailing-stop-limit'
                    ? { limitOffset: { value: price(c.second), unit: 'quote' } }
                    : {}),
                  postOnly: t === 'limit' && c.postOnly,
                  timeInForce: c.tif,
                  ...(c.tif === 'GTD' ? { expiresAt: now + 1000 * (1 + (c.second % 5)) } : {}),
                  ...(c.close && closeAt
                    ? {
                        close: {
                          type: c.close.type,
                          price: closeAt,
                          ...(c.close.type === 'stop-loss-limit' ? { limitPrice: closeAt } : {}),
                        },
                      }
                    : {}),
                },
                { rules, book, lastTrade: price(mid) },
                now,
                newId,
              );
              if (!r.result.ok) {
                expect(r.state).toBe(state);
                seen.refused++;
              } else if (r.result.order.status === 'new' || r.result.order.status === 'partially_filled') {
                seen.resting++;
              }
              state = r.state;
              fills.push(...r.fills);
              break;
            }
            case 'amend': {
              const open = state.open;
              const target = open[c.pick % Math.max(1, open.length)];
              if (!target) break;
              const r = amendPaperOrder(
                state,
                target.id,
                {
                  ...(c.lots !== null ? { volume: format(div(String(c.lots), '100000', 8, 'down')) } : {}),
                  ...(c.offset !== null && target.limitPrice !== undefined && !target.trailOffset
                    ? { limitPrice: price(mid + c.offset) }
                    : {}),
                  ...(c.offset !== null &&
                  target.triggerPrice !== undefined &&
                  !target.trailOffset &&
                  !target.triggered
                    ? { triggerPrice: price(mid - c.offset) }
                    : {}),
                },
                { rules, book, lastTrade: price(mid) },
                now,
                newId,
              );
              if (!r.result.ok) expect(r.state).toBe(state);
              else {
                expect(r.result.order.id).toBe(target.id);
                seen.amended++;
              }
              state = r.state;
              fills.push(...r.fills);
              break;
            }
            case 'expire': {
              const r = expirePaper(state, now);
              seen.expired += r.expired.length;
              state = r.state;
              break;
            }
            case 'trade': {
              const qty = format(div(String(c.lots), '100000', 8, 'down'));
              const r = onPaperMarket(
                state,
                { symbol: 'BTC/USD', book, trades: [{ price: price(mid + c.offset), qty, at: now }] },
                rules,
                now,
                newId,
              );
              state = r.state;
              fills.push(...r.fills);
              break;
            }
            case 'cancel': {
              const open = paperOrders(state);
              const target = open[c.pick % Math.max(1, open.length)];
              if (target) {
                state = cancelPaperOrder(state, target.id, now).state;
                seen.canceled++;
              }
              break;
            }
            case 'move': {
              mid += c.shift;
              book = bookAt(mid, c.qtys);
              const r = onPaperMarket(state, { symbol: 'BTC/USD', book }, rules, now, newId);
              state = r.state;
              fills.push(...r.fills);
              break;
            }
            case 'replay': {
              const clOrdId = placed[c.pick % Math.max(1, placed.length)];
              if (clOrdId === undefined) break;
              const known =
                state.open.some((o) => o.clOrdId === clOrdId) ||
                state.closed.some((o) => o.clOrdId === clOrdId);
              const r = placePaperOrder(
                state,
                {
                  clOrdId,
                  symbol: 'BTC/USD',
                  side: 'buy',
                  type: 'market',
                  volume: '0.001',
                  postOnly: false,
                  timeInForce: 'GTC',
                },
                { rules, book },
                now,
                newId,
              );
              if (known) {
                // Idempotent: the same clOrdId never trades twice.
                expect(r.state).toBe(state);
                expect(r.fills).toEqual([]);
              }
              state = r.state;
              fills.push(...r.fills);
              break;
            }
            default: {
              const never: never = c;
              throw new Error(`unknown command ${JSON.stringify(never)}`);
            }
          }
          checkInvariants(state, fills);
        }
        checkFees(fills);
        const orders = [...state.open, ...state.closed];
        for (const f of fills) {
          seen[f.liquidity]++;
          const type = orders.find((o) => o.id === f.orderId)?.type;
          if (type === 'stop-loss' || type === 'take-profit') seen.stopFills++;
          if (type === 'trailing-stop' || type === 'trailing-stop-limit') seen.trailingFills++;
          if (type === 'stop-loss-limit' || type === 'take-profit-limit') seen.limitStopFills++;
        }
        seen.closes += orders.filter((o) => o.parentId !== undefined).length;
        // Every state is plain JSON: what IndexedDB stores is what the engine uses.
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 300 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(20);
  });
});
