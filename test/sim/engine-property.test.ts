import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Exchange } from '../../sim/account/exchange.ts';
import { systemClock } from '../../sim/clock.ts';
import { Market } from '../../sim/market/market.ts';
import { placeOrder } from '../../sim/trading/desk.ts';
import type { OrderRequest, OrderType } from '../../sim/trading/order.ts';

/**
 * Property: whatever clients do (orders of every type on every pair, cancels, amends, market moves), every
 * balance equals its start plus the signed ledger amounts minus ledger fees, never goes negative, and
 * always covers what open orders hold.
 */
const market = new Market(77, systemClock());
const exchange = new Exchange(market, { tier: 'pro', rateLimit: 'off', nonceWindow: 0n });
afterAll(() => exchange.close());
const ASSETS = market.listing.assets;
const start = new Map(ASSETS.map((asset) => [asset.v2, exchange.wallet.balance(asset)]));

const SYMBOLS = ['BTC/USD', 'ETH/USD', 'DOGE/USD', 'ETH/BTC'] as const;
const TYPES: readonly OrderType[] = [
  'market',
  'limit',
  'stop-loss',
  'take-profit',
  'stop-loss-limit',
  'take-profit-limit',
];

type Command =
  | {
      kind: 'order';
      symbol: (typeof SYMBOLS)[number];
      side: 'buy' | 'sell';
      type: OrderType;
      size: number;
      offset: number;
      offset2: number;
      fcib: boolean;
      ioc: boolean;
    }
  | { kind: 'cancel'; pick: number }
  | { kind: 'amend'; pick: number; offset: number }
  | { kind: 'step' }
  | { kind: 'price'; symbol: (typeof SYMBOLS)[number]; move: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    type: fc.constantFrom(...TYPES),
    size: fc.integer({ min: 1, max: 40 }),
    offset: fc.integer({ min: -300, max: 300 }),
    offset2: fc.integer({ min: -300, max: 300 }),
    fcib: fc.boolean(),
    ioc: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('amend' as const),
    pick: fc.nat(),
    offset: fc.integer({ min: -300, max: 300 }),
  }),
  fc.constant({ kind: 'step' as const }),
  fc.record({
    kind: fc.constant('price' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    move: fc.integer({ min: -500, max: 500 }),
  }),
);

function apply(cmd: Command): void {
  switch (cmd.kind) {
    case 'order': {
      const spec = market.listing.pair(cmd.symbol);
      const last = market.pair(cmd.symbol)?.tape.last()?.tick;
      if (!spec || last === undefined) return;
      const tick = (offset: number) => Math.max(2, last + Math.round((last * offset) / 10_000));
      const request: OrderRequest = {
        pair: spec,
        side: cmd.side,
        type: cmd.type,
        volume: spec.qtyMinUnits * BigInt(cmd.size),
        viqc: false,
        priceTick: cmd.type === 'market' ? undefined : tick(cmd.offset),
        price2Tick: cmd.type.endsWith('-limit') ? tick(cmd.offset2) : undefined,
        postOnly: false,
        feeInBase: cmd.fcib,
        timeInForce: cmd.ioc && cmd.type === 'limit' ? 'IOC' : 'GTC',
        expireSec: undefined,
        userref: undefined,
        clOrdId: undefined,
        close: undefined,
      };
      placeOrder(exchange, request, false); // refusals (funds, caps) are fine
      return;
    }
    case 'cancel': {
      const open = exchange.engine.open();
      const order = open[cmd.pick % Math.max(1, open.length)];
      if (order) exchange.engine.cancel(order);
      return;
    }
    case 'amend': {
      const open = exchange.engine.open().filter((o) => o.limitTick !== undefined);
      const order = open[cmd.pick % Math.max(1, open.length)];
      if (order?.limitTick !== undefined) {
        exchange.engine.amend(order, {
          limitTick: Math.max(2, order.limitTick + Math.round((order.limitTick * cmd.offset) / 10_000)),
        });
      }
      return;
    }
    case 'step':
      market.step();
      return;
    case 'price': {
      const pair = market.pair(cmd.symbol);
      const last = pair?.tape.last()?.tick;
      if (!pair || last === undefined) return;
      pair.forcePrice(Math.max(2, last + Math.round((last * cmd.move) / 10_000)));
      market.step();
      return;
    }
    default: {
      const never: never = cmd;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

function checkInvariants(): void {
  const net = new Map(start);
  for (const entry of exchange.ledger.all()) {
    net.set(entry.asset.v2, (net.get(entry.asset.v2) ?? 0n) + entry.amount - entry.fee);
  }
  for (const asset of ASSETS) {
    const balance = exchange.wallet.balance(asset);
    expect([asset.v2, balance]).toEqual([asset.v2, net.get(asset.v2)]);
    expect(balance >= 0n).toBe(true);
    expect([asset.v2, balance >= exchange.engine.held(asset)]).toEqual([asset.v2, true]);
  }
}

describe('matching engine invariants (fast-check)', () => {
  it('balances = start + Σ ledger amounts − Σ fees, never negative, always covering holds', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 40 }), (commands) => {
        for (const cmd of commands) {
          apply(cmd);
          checkInvariants();
        }
      }),
      { numRuns: 60, seed: 20261121 },
    );
    expect(exchange.engine.trades().length).toBeGreaterThan(50);
  });
});
