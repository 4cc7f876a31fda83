import { describe, expect, it } from 'vitest';
import { OrderOutcomeUnknown } from '../../../lib/kraken/index.ts';
import type { OrderRequest, OrderView } from '../../../lib/orders/types.ts';
import { defaultSettings } from '../../../lib/settings/schema.ts';
import { createSettingsStore } from '../../../lib/settings/store.ts';
import { TradingUnavailable } from '../../../lib/trading/errors.ts';
import type { LiveAccess } from '../../../lib/trading/live/access.ts';
import type { LiveAccount } from '../../../lib/trading/live/account.ts';
import { orderMeta } from '../../../lib/trading/order-meta.ts';
import type { PaperAccount } from '../../../lib/trading/paper-account.ts';
import { createTradingService } from '../../../lib/trading/service.ts';
import { memoryIdbIntentStore } from '../../support/intent-store.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

/** Settings already in live mode. */
async function liveSettings() {
  const settings = createSettingsStore({
    load: async () => ({ ...defaultSettings(), tradingMode: 'live' }),
    save: async () => {},
  });
  await settings.load();
  return settings;
}

/** A market with no rules, books or prices: what is under test here is which account runs. */
const NO_MARKET = {
  rulesFor: () => undefined,
  book: () => undefined,
  watchTicket: () => {},
  lastPrice: () => undefined,
  watchTickers: () => {},
};

// Accounts are stand-ins here: what is under test is which one runs, when (the vault and mode logic).
function fakeLive(log: string[], onStop: () => void = () => {}) {
  return {
    start: async () => void log.push('start'),
    stop: async () => {
      log.push('stop');
      onStop();
    },
    status: () => ({ kind: 'ready' as const }),
    deadMan: () => ({ kind: 'off' as const }),
    deadManState: () => ({ kind: 'off' as const }),
    deadManSettled: async () => {},
    setDeadMan: async (on: boolean) => void log.push(`dead-man ${on}`),
    orders: () => [],
    fills: () => [],
    balances: () => [],
    fees: () => ({ source: 'starter', makerPercent: '0.25', takerPercent: '0.40' }),
    rates: () => [],
  } as unknown as LiveAccount;
}
const paper = {
  start: async () => {},
  notice: () => undefined,
  orders: () => [],
  fills: () => [],
  balances: () => [],
} as unknown as PaperAccount;

async function setup(
  vault: { status: 'unlocked' | 'locked' | 'empty'; delayMs: number },
  onStop: (view: () => ReturnType<ReturnType<typeof createTradingService>['view']>) => void = () => {},
) {
  const settings = await liveSettings();
  const log: string[] = [];
  const service = createTradingService({
    settings,
    market: NO_MARKET,
    paper,
    intents: memoryIdbIntentStore(),
    now: Date.now,
    async liveAccess() {
      const seen = vault.status; // read now, answered later (decrypting takes a while)
      await new Promise((r) => setTimeout(r, vault.delayMs));
      if (seen === 'locked') return { kind: 'locked' };
      if (seen === 'empty') return { kind: 'no-key' };
      return {
        kind: 'ready',
        id: 'key-1',
        account: { keyId: 'k', keyVersion: 1, endpoint: 'https://api.kraken.com' },
        create: () => fakeLive(log, () => onStop(() => service.view())),
      };
    },
  });
  return { service, log, settings };
}

describe('trading service: which account runs', () => {
  it('a lock that lands while an earlier check is still decrypting leaves live trading stopped', async () => {
    const vault = { status: 'unlocked' as 'unlocked' | 'locked', delayMs: 30 };
    const seenWhileStopping: string[] = [];
    // What the popup would be shown while the old account stops (its disarm may take a while).
    const { service, log } = await setup(vault, (view) => seenWhileStopping.push(view().live.kind));
    const first = service.refresh(); // reads "unlocked", answers in 30 ms
    await new Promise((r) => setTimeout(r, 5));
    vault.status = 'locked';
    vault.delayMs = 0;
    const second = service.refresh(); // the lock's refresh, answers at once
    await Promise.all([first, second]);
    expect(log).toEqual(['start', 'stop']);
    expect(seenWhileStopping).toEqual(['locked']);
    expect(service.view().live).toEqual({ kind: 'locked' });
  });

  it('arms the dead man’s switch on start when the setting is on, and stops when leaving live mode', async () => {
    const { service, log, settings } = await setup({ status: 'unlocked', delayMs: 0 });
    await settings.update((s) => ({ ...s, deadManSwitch: true }));
    await service.start();
    expect(log).toEqual(['start', 'dead-man true']);
    await service.setMode('paper');
    expect(log).toEqual(['start', 'dead-man true', 'stop']);
    expect(service.view().mode).toBe('paper');
  });

  it('live orders are refused with what to do when there is no key', async () => {
    const { service } = await setup({ status: 'empty', delayMs: 0 });
    await service.start();
    expect(() =>
      service.place(
        { symbol: 'BTC/USD', side: 'buy', type: 'market', volume: '1', postOnly: false, timeInForce: 'GTC' },
        crypto.randomUUID(),
      ),
    ).toThrow(expect.objectContaining({ name: 'TradingUnavailable', reason: 'no-key' }));
  });
});

describe('trading service: credentials follow the vault', () => {
  it('a replaced active key (another key version) stops the running account and starts a new one', async () => {
    const settings = await liveSettings();
    const log: string[] = [];
    let version = 1;
    const service = createTradingService({
      settings,
      market: NO_MARKET,
      paper,
      intents: memoryIdbIntentStore(),
      now: Date.now,
      liveAccess: async () => {
        const account = { keyId: 'same-api-key', keyVersion: version, endpoint: 'https://api.kraken.com' };
        const v = version;
        return {
          kind: 'ready',
          id: `same-api-key#${v}@https://api.kraken.com`,
          account,
          create: () => fakeLive(log, () => log.push(`stopped v${v}`)),
        };
      },
    });
    await service.start();
    version = 2; // vault.replaceKey bumped the record's keyVersion; the old account kept signing before
    await service.refresh();
    expect(log).toEqual(['start', 'stop', 'stopped v1', 'start']);
  });

  it('lists another account’s unsettled order as such, and never asks the current account about it', async () => {
    const settings = await liveSettings();
    const intents = memoryIdbIntentStore();
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      volume: '0.1',
      limitPrice: '1000',
      postOnly: false,
      timeInForce: 'GTC',
    };
    await intents.put({
      clOrdId: '11111111-1111-4111-8111-111111111111',
      params: { pair: 'XBTUSD', type: 'buy', ordertype: 'limit', volume: '0.1', price: '1000' },
      state: 'unknown',
      account: { keyId: 'sim-key', keyVersion: 1, endpoint: 'http://127.0.0.1:8787' },
      confirmedAt: 1,
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
      meta: orderMeta(order as OrderRequest),
    });
    const checked: string[] = [];
    const live = {
      ...fakeLive([]),
      check: async (id: string) => void checked.push(id),
    } as unknown as LiveAccount;
    const service = createTradingService({
      settings,
      market: NO_MARKET,
      paper,
      intents,
      now: Date.now,
      liveAccess: async () => ({
        kind: 'ready',
        id: 'real-key#1@https://api.kraken.com',
        account: { keyId: 'real-key', keyVersion: 1, endpoint: 'https://api.kraken.com' },
        create: () => live,
      }),
    });
    await service.start();
    expect(service.view().intents).toEqual([
      expect.objectContaining({
        clOrdId: '11111111-1111-4111-8111-111111111111',
        account: 'other',
        where: '127.0.0.1:8787',
        order,
      }),
    ]);
    expect(() => service.check('11111111-1111-4111-8111-111111111111')).toThrow(/another key or exchange/);
    expect(checked).toEqual([]);
    await service.dismissIntent('11111111-1111-4111-8111-111111111111');
    expect(service.view().intents).toEqual([]);
  });
});

describe('trading service: an order already on its way', () => {
  it('is "unknown", not "unavailable", while live trading is not running (a restart, a lock)', async () => {
    const settings = await liveSettings();
    const intents = memoryIdbIntentStore();
    const clOrdId = '22222222-2222-4222-8222-222222222222';
    await intents.put({
      clOrdId,
      params: { pair: 'XBTUSD', type: 'buy', ordertype: 'market', volume: '0.1' },
      state: 'pending',
      account: { keyId: 'k', keyVersion: 1, endpoint: 'https://api.kraken.com' },
      confirmedAt: 1,
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    const service = createTradingService({
      settings,
      market: {
        rulesFor: () => ({ symbol: 'BTC/USD' }) as never,
        book: () => undefined,
        watchTicket: () => {},
        lastPrice: () => undefined,
        watchTickers: () => {},
      },
      paper,
      intents,
      now: Date.now,
      liveAccess: async () => ({ kind: 'locked' }),
    });
    await service.start();
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      volume: '0.1',
      postOnly: false,
      timeInForce: 'GTC',
    } as const;
    // The old service said "Unlock the vault to trade live" — which the popup showed as "not placed".
    expect(() => service.place(order, clOrdId)).toThrow(OrderOutcomeUnknown);
    expect(() => service.check(clOrdId)).toThrow(OrderOutcomeUnknown);
    expect(() => service.place(order, crypto.randomUUID())).toThrow(TradingUnavailable);
  });
});

describe('trading service: the background is the gate to live mode', () => {
  async function fromPaper(access: 'no-key' | 'locked' | 'no-key-for-endpoint' | 'ready') {
    const settings = createSettingsStore({ load: async () => defaultSettings(), save: async () => {} });
    await settings.load();
    const log: string[] = [];
    const service = createTradingService({
      settings,
      market: NO_MARKET,
      paper,
      intents: memoryIdbIntentStore(),
      now: Date.now,
      liveAccess: async (): Promise<LiveAccess> => {
        switch (access) {
          case 'ready':
            return {
              kind: 'ready',
              id: 'key-1',
              account: { keyId: 'k', keyVersion: 1, endpoint: 'https://api.kraken.com' },
              create: () => fakeLive(log),
            };
          case 'no-key-for-endpoint':
            return { kind: access, keyEndpoint: 'http://127.0.0.1:8787' };
          default:
            return { kind: access };
        }
      },
    });
    await service.start();
    return { service, settings, log };
  }

  it.each([
    ['no-key', 'no-key'],
    ['locked', 'locked'],
    // A key for another endpoint is its own reason: the page has its own text for it (lib/ui/error-text.ts).
    ['no-key-for-endpoint', 'other-endpoint'],
  ] as const)('refuses to switch to live with %s, and stays in paper', async (access, reason) => {
    const { service, settings, log } = await fromPaper(access);
    const refused = await service.setMode('live').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TradingUnavailable);
    expect((refused as TradingUnavailable).reason).toBe(reason);
    expect(settings.current().tradingMode).toBe('paper');
    expect(service.view().mode).toBe('paper');
    expect(log).toEqual([]);
  });

  it('switches to live when a key is ready for this endpoint', async () => {
    const { service, settings, log } = await fromPaper('ready');
    await service.setMode('live');
    expect(settings.current().tradingMode).toBe('live');
    expect(log).toEqual(['start']);
  });
});

describe('trading service: balances in USD', () => {
  it('keeps a ticker for each asset held that Kraken lists against USD, and values it exactly', async () => {
    const settings = createSettingsStore({ load: async () => defaultSettings(), save: async () => {} });
    await settings.load();
    const watched: string[][] = [];
    const held = {
      ...paper,
      balances: () => [
        { asset: 'BTC', total: '0.5', hold: '0', available: '0.5' },
        { asset: 'USD', total: '100.25', hold: '0', available: '100.25' },
        { asset: 'XYZ', total: '3', hold: '0', available: '3' },
      ],
    } as unknown as PaperAccount;
    const service = createTradingService({
      settings,
      market: {
        rulesFor: (symbol) => (symbol === 'BTC/USD' ? ({ symbol } as never) : undefined),
        book: () => undefined,
        watchTicket: () => {},
        lastPrice: (symbol) => (symbol === 'BTC/USD' ? 97000.1 : undefined),
        watchTickers: (symbols) => void watched.push(symbols),
      },
      paper: held,
      intents: memoryIdbIntentStore(),
      now: Date.now,
      liveAccess: async () => ({ kind: 'no-key' }),
    });
    await service.start();
    await new Promise((r) => setTimeout(r, 0));
    expect(watched).toEqual([['BTC/USD']]);
    expect(service.view().balances).toEqual([
      { asset: 'BTC', total: '0.5', hold: '0', available: '0.5', usdValue: '48500.05' },
      { asset: 'USD', total: '100.25', hold: '0', available: '100.25', usdValue: '100.25' },
      { asset: 'XYZ', total: '3', hold: '0', available: '3' },
    ]);
  });
});

describe('trading service: an order’s answer goes before the views its placing changed', () => {
  /**
   * A live account whose place() changes the view the way the real one does (the intent written before the
   * send, the send counted, Kraken's answer written, the executions feed reporting it), `steps` times, each
   * after `stepMs`, then answers with the order.
   */
  async function placing(steps: number, stepMs: number) {
    const settings = await liveSettings();
    const events: string[] = [];
    const placed: OrderView = {
      id: 'OABCDE-FGHIJ-KLMNOP',
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      limitPrice: '20000.0',
      volume: '0.1',
      filled: '0',
      status: 'pending',
      createdAt: 1,
    };
    const service = createTradingService({
      settings,
      market: { ...NO_MARKET, rulesFor: () => BTC_USD_RULES },
      paper,
      intents: memoryIdbIntentStore(),
      now: Date.now,
      liveAccess: async () => ({
        kind: 'ready',
        id: 'key-1',
        account: { keyId: 'k', keyVersion: 1, endpoint: 'https://api.kraken.com' },
        create: () =>
          ({
            ...fakeLive([]),
            async place() {
              for (let i = 0; i < steps; i++) {
                await new Promise((r) => setTimeout(r, stepMs));
                service.changed();
              }
              return placed;
            },
          }) as unknown as LiveAccount,
      }),
    });
    await service.start();
    await new Promise((r) => setTimeout(r, 0)); // the start's own view goes out first
    service.subscribe(() => events.push('view'));
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'limit',
      volume: '0.1',
      limitPrice: '20000.0',
      postOnly: false,
      timeInForce: 'GTC',
    } as const;
    return { service, events, order };
  }

  it('holds the views of a quick order until its answer has gone, then sends one', async () => {
    const { service, events, order } = await placing(4, 2);
    // What the messaging server does with the answer: in the microtasks after place() settles.
    await service.place(order, crypto.randomUUID()).then(() => events.push('answer'));
    await new Promise((r) => setTimeout(r, 60));
    expect(events).toEqual(['answer', 'view']);
  });

  it('still holds them a moment after the answer: the placed record written behind it goes out with them, once', async () => {
    const { service, events, order } = await placing(2, 2);
    await service.place(order, crypto.randomUUID()).then(() => events.push('answer'));
    // The placer writes the placed record after the answer has left (lib/kraken/orders/placer.ts, `answered`).
    await new Promise((r) => setTimeout(r, 5));
    service.changed();
    expect(events).toEqual(['answer']);
    await new Promise((r) => setTimeout(r, 60));
    expect(events).toEqual(['answer', 'view']);
  });

  it('holds them 250 ms at most while an order takes longer (a rate-limiter wait, a lookup)', async () => {
    const { service, events, order } = await placing(8, 100);
    await service.place(order, crypto.randomUUID()).then(() => events.push('answer'));
    await new Promise((r) => setTimeout(r, 60));
    const before = events.indexOf('answer');
    // 800 ms of changes: a view at about 250, 500 and 750 ms, then the last after the answer.
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThanOrEqual(4);
    expect(events.at(-1)).toBe('view');
  });
});
