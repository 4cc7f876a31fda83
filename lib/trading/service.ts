// The background's trading service: one contract for the popup whichever account is behind it — the
// paper account (default, no key needed) or the live Kraken account (a key, the vault unlocked). It
// re-checks every order against the pair's rules before anything is sent (the UI is not trusted), keeps
// the dead man's switch in step with the setting and the lock, and pushes one view on every change.

import { toFixedDecimal } from '../kraken/pairs/decimal.ts';
import { format, mul, round } from '../kraken/pairs/exact.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import { validateOrder } from '../kraken/pairs/validate.ts';
import type { SettingsStore } from '../settings/store.ts';
import { OrderRefused, TradingUnavailable } from './errors.ts';
import type { LiveAccount } from './live.ts';
import type { PaperAccount } from './paper-account.ts';
import type { BookTop, LiveStatus, OrderRequest, OrderView, TradingMode, TradingView } from './types.ts';

export interface TradingServiceDeps {
  settings: SettingsStore;
  market: {
    rulesFor(symbol: string): PairRules | undefined;
    book(symbol: string): BookTop | undefined;
    /** The ticket's pair: book + trades while a popup is open. */
    watchTicket(symbol: string | null): void;
    /** Last price of a pair, for valuing balances in USD (display only). */
    lastPrice(symbol: string): number | undefined;
    /** Tickers to keep for valuing balances (replaces the previous set). */
    watchTickers(symbols: string[]): void;
  };
  paper: PaperAccount;
  /**
   * What live trading can use right now: the active key's account (made once per key and endpoint), or
   * why there is none.
   */
  liveAccess(): Promise<
    { kind: 'ready'; id: string; create(): LiveAccount } | { kind: 'no-key' } | { kind: 'locked' }
  >;
}

/** Why there is no live account: the status shown, and what a live order is told. */
type NoLiveAccount = Extract<LiveStatus, { kind: 'no-key' | 'locked' }>;

const NO_KEY: NoLiveAccount = { kind: 'no-key', message: 'Add an API key in Settings to trade live.' };
const LOCKED: NoLiveAccount = { kind: 'locked', message: 'Unlock the vault in Settings to trade live.' };

export function createTradingService(deps: TradingServiceDeps) {
  let live: { id: string; account: LiveAccount } | null = null;
  let liveStatus: NoLiveAccount = NO_KEY;
  const listeners = new Set<(view: TradingView) => void>();
  let pending = false;

  const mode = (): TradingMode => deps.settings.current().tradingMode;

  function changed(): void {
    // Many changes arrive together (a fill moves orders, fills and balances): one view per turn.
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const v = view();
      watchValuations(v);
      for (const l of listeners) l(v);
    });
  }

  function usdValue(asset: string, total: string): string | undefined {
    if (asset === 'USD') return total;
    const last = deps.market.lastPrice(`${asset}/USD`);
    if (last === undefined) return undefined;
    return format(round(mul(total, toFixedDecimal(last, 10)), 2, 'half-up'), 2);
  }

  let valued = '';
  /** Every asset held gets its ASSET/USD ticker (when Kraken lists that pair), so it can be shown in USD. */
  function watchValuations(v: TradingView): void {
    const pairs = v.balances
      .map((b) => `${b.asset}/USD`)
      .filter((pair) => pair !== 'USD/USD' && deps.market.rulesFor(pair) !== undefined)
      .sort();
    const key = pairs.join(',');
    if (key === valued) return;
    valued = key;
    deps.market.watchTickers(pairs);
  }

  function view(): TradingView {
    const m = mode();
    const account = m === 'live' ? live?.account : deps.paper;
    const status = live ? live.account.status() : liveStatus;
    const notice = deps.paper.notice();
    return {
      mode: m,
      live: status,
      orders: account?.orders() ?? [],
      fills: account?.fills() ?? [],
      balances: (account?.balances() ?? []).map((b) => {
        const usd = usdValue(b.asset, b.total);
        return usd === undefined ? b : { ...b, usdValue: usd };
      }),
      deadMan: live?.account.deadMan() ?? { kind: 'off' },
      ...(m === 'paper' && notice ? { notice } : {}),
    };
  }

  let syncing: Promise<void> = Promise.resolve();
  /**
   * Starts, keeps or stops the live account to match the mode, the vault and the active key. One run at a
   * time, each reading the state afresh: two overlapping runs once let one that read "unlocked" finish after
   * the lock's run, putting the live account back with the old key.
   */
  function syncLive(): Promise<void> {
    const run = syncing.then(syncOnce);
    syncing = run.catch(() => {});
    return run;
  }

  async function syncOnce(): Promise<void> {
    const access = mode() === 'live' ? await deps.liveAccess() : null;
    const wantId = access?.kind === 'ready' ? access.id : null;
    // Set first: views pushed while the old account stops (its disarm is a REST call) already say why.
    liveStatus = access?.kind === 'locked' ? LOCKED : NO_KEY;
    if (live && live.id !== wantId) {
      const old = live;
      live = null;
      await old.account.stop().catch(() => {}); // disarms the dead man's switch while the key is still here
    }
    if (access?.kind === 'ready' && !live) {
      const account = access.create();
      live = { id: access.id, account };
      await account.start();
      if (deps.settings.current().deadManSwitch) await account.setDeadMan(true).catch(() => {});
    }
    changed();
  }

  function account(): LiveAccount | PaperAccount {
    if (mode() === 'paper') return deps.paper;
    if (live) return live.account;
    throw new TradingUnavailable(liveStatus.kind, liveStatus.message);
  }

  /**
   * The pair's rules re-checked here, whatever the popup said: status, lot and price decimals, tick, minimum
   * and cost minimum (validateOrder, the same rules the ticket shows). Funds are the account's business
   * (Kraken's engine, or the paper account with its book).
   */
  function recheck(order: OrderRequest): void {
    const rules = deps.market.rulesFor(order.symbol);
    if (!rules)
      throw new OrderRefused(
        'EQuery:Unknown asset pair',
        `No trading rules for ${order.symbol} yet; try again in a moment.`,
      );
    const lastPrice = deps.market.lastPrice(order.symbol);
    const price = order.type === 'limit' ? order.limitPrice : order.triggerPrice;
    const check = validateOrder(
      rules,
      {
        side: order.side,
        ordertype: order.type,
        volume: order.volume,
        ...(price !== undefined ? { price } : {}),
        postOnly: order.postOnly,
      },
      {
        relativePrices: false,
        ...(lastPrice !== undefined ? { marketPrice: toFixedDecimal(lastPrice, rules.pairDecimals) } : {}),
      },
    );
    if (!check.ok) {
      const problem = check.problems[0];
      if (problem) throw new OrderRefused('EGeneral:Invalid arguments', problem.message);
    }
  }

  return {
    async start(): Promise<void> {
      await deps.paper.start();
      await syncLive();
    },
    /** The vault, the active key, the endpoints or the mode may have changed. */
    refresh: syncLive,
    /** Paper account market data (trades of pairs with paper orders). */
    onTrades: (symbol: string, trades: { price: string; qty: string; at: number }[]) =>
      deps.paper.onMarket(symbol, trades),
    /** Called by the accounts whenever what they show changed. */
    changed,
    view,
    subscribe(listener: (view: TradingView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async setMode(next: TradingMode): Promise<TradingView> {
      await deps.settings.update((s) => ({ ...s, tradingMode: next }));
      await syncLive();
      return view();
    },

    watch(symbol: string): { rules: PairRules | null; book: BookTop | null } {
      deps.market.watchTicket(symbol);
      return { rules: deps.market.rulesFor(symbol) ?? null, book: deps.market.book(symbol) ?? null };
    },
    unwatch: () => deps.market.watchTicket(null),

    preview(order: OrderRequest): Promise<{ description: string }> {
      recheck(order);
      return account().preview(order);
    },

    place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
      const target = account();
      recheck(order);
      return target.place(order, clOrdId);
    },

    async cancel(id: string): Promise<TradingView> {
      await account().cancel(id);
      return view();
    },

    cancelAll: (symbol: string): Promise<number> => account().cancelAll(symbol),

    async setDeadMan(on: boolean): Promise<TradingView> {
      await deps.settings.update((s) => ({ ...s, deadManSwitch: on }));
      if (live) await live.account.setDeadMan(on);
      else if (on && mode() === 'live') changed();
      return view();
    },

    async resetPaper(): Promise<TradingView> {
      await deps.paper.reset();
      return view();
    },

    async stop(): Promise<void> {
      const old = live;
      live = null;
      await old?.account.stop();
    },
  };
}

export type TradingService = ReturnType<typeof createTradingService>;
