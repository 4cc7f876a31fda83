// The background's trading service: one contract for the popup whichever account is behind it — the
// paper account (default, no key needed) or the live Kraken account (a key, the vault unlocked). It
// re-checks every order against the pair's rules before anything is sent (the UI is not trusted), keeps
// live trading on the vault's active key and endpoint, lists live orders whose ending is not yet known,
// and pushes one view on every change.
import { createEmitter } from '../base/emitter.ts';
import {
  type IntentAccount,
  type OrderIntent,
  type PrunableIntentStore,
  sameAccount,
} from '../kraken/index.ts';
import { ForeignIntent, OrderOutcomeUnknown } from '../kraken/orders/errors.ts';
import { isSettled } from '../kraken/orders/intents.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { MaintenanceView } from '../market/maintenance.ts';
import { STARTER_FEES } from '../orders/fees.ts';
import type { BookTop, OrderRequest, OrderView, PriceOffset } from '../orders/types.ts';
import type { SettingsStore } from '../settings/store.ts';
import { intentViews } from './intent-views.ts';
import type { LiveAccess } from './live/access.ts';
import type { LiveAccount } from './live/account.ts';
import { NO_KEY, type NoLiveAccount, noLiveAccount, reasonOf, unavailable } from './no-live.ts';
import type { PaperAccount } from './paper-account.ts';
import { paperFeesView } from './paper-fees.ts';
import { recheckOrder } from './recheck.ts';
import type { AmendView, DeadManView, FeesView, TradingMode, TradingView } from './types.ts';
import { valuations } from './valuations.ts';

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
    /** Kraken's exchange status (the `status` channel); absent in tests that do not care. */
    system?(): { status: string; since: number };
    /** Kraken's next announced maintenance (lib/market/maintenance.ts). */
    maintenance?(): MaintenanceView;
  };
  paper: PaperAccount;
  intents: PrunableIntentStore;
  /** What live trading can use right now (lib/trading/live/access.ts). */
  liveAccess(): Promise<LiveAccess>;
  now(): number;
}

/** The longest an order in flight holds the popup's view back (a rate-limiter wait, a lookup after a lost answer). */
const HOLD_MS = 250;
/** How long after an order's answer has left the views it changed are still held (see `place`). */
const AFTER_ANSWER_MS = 30;
export function createTradingService(deps: TradingServiceDeps) {
  let live: { id: string; account: LiveAccount } | null = null;
  /** The last live account stopped while its dead man's switch was still being disarmed. */
  let retiring: LiveAccount | null = null;
  let liveStatus: NoLiveAccount = NO_KEY;
  /** The account of the active key, once known (it stays known while locked, for listing intents). */
  let currentAccount: IntentAccount | null = null;
  const intents = new Map<string, OrderIntent>();
  // One closed popup never keeps the view from the others: the emitter isolates each listener.
  const views = createEmitter<TradingView>();
  const prices = valuations(deps.market);
  let pending = false;
  /** Orders being placed now, and the timer that releases views held meanwhile (see `changed`). */
  let placing = 0;
  let held: ReturnType<typeof setTimeout> | null = null;

  const mode = (): TradingMode => deps.settings.current().tradingMode;

  /** Held changes go out now (an order still in flight: at most one view per HOLD_MS while it lasts). */
  const release = (): void => {
    if (held) clearTimeout(held);
    held = null;
    emitSoon();
  };

  function changed(): void {
    // While an order is placed, each intent write and executions message changes the view; the popup rendered
    // each before it got the order's answer (port and answer share one queue): 10-20 ms of the 35-50 ms from
    // Confirm to "Placed" (docs/design.md §10). Held until the answer has left, or HOLD_MS at most.
    if (placing > 0) {
      held ??= setTimeout(release, HOLD_MS);
      return;
    }
    emitSoon();
  }

  function emitSoon(): void {
    // Many changes arrive together (a fill moves orders, fills and balances): one view per turn.
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const v = view();
      prices.watch(v.balances);
      views.emit(v);
    });
  }

  function deadManView(): DeadManView {
    if (live) return live.account.deadMan();
    if (retiring) return retiring.deadManState();
    return { kind: 'off' };
  }

  function view(): TradingView {
    const m = mode();
    const account = m === 'live' ? live?.account : deps.paper;
    const notice = deps.paper.notice();
    const system = deps.market.system?.();
    const maintenance = deps.market.maintenance?.();
    return {
      mode: m,
      live: live ? live.account.status() : liveStatus,
      orders: account?.orders() ?? [],
      fills: account?.fills() ?? [],
      balances: prices.value(account?.balances() ?? []),
      deadMan: deadManView(),
      intents: intentViews(intents.values(), currentAccount, deps.now()),
      fees: m === 'live' ? (live?.account.fees() ?? { source: 'starter', ...STARTER_FEES }) : paperFees(),
      rates: m === 'live' ? (live?.account.rates() ?? []) : [],
      ...(system && system.status !== 'online' ? { system } : {}),
      ...(maintenance ? { maintenance } : {}),
      ...(m === 'paper' && notice ? { notice } : {}),
    };
  }

  /** The tier the paper account charges (settings.paperFees): starter, the live account's, or a chosen volume's. */
  function paperFees(): FeesView {
    return paperFeesView(deps.settings.current().paperFees, live?.account.fees());
  }

  function onIntent(intent: OrderIntent): void {
    intents.set(intent.clOrdId, intent);
    changed();
  }

  async function loadIntents(): Promise<void> {
    intents.clear();
    for (const i of await deps.intents.list()) intents.set(i.clOrdId, i);
  }

  function retire(old: LiveAccount): Promise<void> {
    retiring = old;
    void old.deadManSettled().then(() => {
      if (retiring === old) retiring = null;
      changed();
    });
    return old.stop(); // disarms the dead man's switch (the revocable fetch lets only that through)
  }

  let syncing: Promise<void> = Promise.resolve();
  /**
   * Starts, keeps or stops the live account to match the mode, the vault, the active key and the endpoint.
   * One run at a time, each reading the state afresh: two overlapping runs once let one that read
   * "unlocked" finish after the lock's run, putting the live account back with the old key.
   */
  function syncLive(): Promise<void> {
    const run = syncing.then(syncOnce);
    syncing = run.catch(() => {});
    return run;
  }

  async function syncOnce(): Promise<void> {
    const access = await deps.liveAccess();
    if (access.kind === 'ready') currentAccount = access.account;
    // No account signs for this endpoint: every stored intent is another account's here.
    else if (access.kind === 'no-key-for-endpoint') currentAccount = null;
    const wanted = mode() === 'live' && access.kind === 'ready' ? access : null;
    // Set first: views pushed while the old account stops (its disarm is a REST call) already say why.
    liveStatus = access.kind === 'ready' ? NO_KEY : noLiveAccount(access.kind);
    if (live && live.id !== wanted?.id) {
      const old = live;
      live = null;
      await retire(old.account).catch(() => {});
    }
    if (wanted && !live) {
      await loadIntents();
      const account = wanted.create();
      live = { id: wanted.id, account };
      await account.start();
      if (deps.settings.current().deadManSwitch) await account.setDeadMan(true).catch(() => {});
    }
    changed();
  }

  function account(): LiveAccount | PaperAccount {
    if (mode() === 'paper') return deps.paper;
    if (live) return live.account;
    throw unavailable(liveStatus);
  }

  function liveAccount(clOrdId?: string): LiveAccount {
    if (live) return live.account;
    // An order already on its way (sent by a worker that stopped, or before a lock) is not "unavailable":
    // whether it is at Kraken is unknown until live trading runs again and looks.
    const known = clOrdId === undefined ? undefined : intents.get(clOrdId);
    if (known && !isSettled(known) && known.attempts > 0)
      throw new OrderOutcomeUnknown(known.clOrdId, reasonOf(liveStatus));
    throw unavailable(liveStatus);
  }

  return {
    async start(): Promise<void> {
      await deps.paper.start();
      await deps.intents.prune(deps.now()).catch(() => 0);
      await loadIntents();
      await syncLive();
    },
    /** The vault, the active key, the endpoints or the mode may have changed. */
    refresh: syncLive,
    /** Old settled intents go (the wake alarm calls this now and then). */
    async prune(): Promise<void> {
      if ((await deps.intents.prune(deps.now())) > 0) await loadIntents();
      changed();
    },
    /** Paper account market data (trades of pairs with paper orders). */
    onTrades: (symbol: string, trades: { price: string; qty: string; at: number }[]) =>
      deps.paper.onMarket(symbol, trades),
    onIntent,
    /** Called by the accounts whenever what they show changed. */
    changed,
    view,
    paperFees,
    subscribe: (listener: (view: TradingView) => void): (() => void) => views.on(listener),
    /** Whether a live dead man's switch is armed (an auto-lock would turn it off: the person is warned). */
    deadManArmed: () => live?.account.deadMan().kind === 'armed',

    async setMode(next: TradingMode): Promise<TradingView> {
      // The popup asks before going live, but the background is the gate: a message from any page (or a
      // popup built before the question existed) must not turn live mode on without a usable key. Mode
      // stays live across a later lock (the popup asks to unlock); switching *to* live needs one now.
      if (next === 'live' && mode() !== 'live') {
        const access = await deps.liveAccess();
        if (access.kind !== 'ready') {
          throw unavailable(noLiveAccount(access.kind));
        }
      }
      await deps.settings.update((s) => ({ ...s, tradingMode: next }));
      await syncLive();
      return view();
    },

    watch(symbol: string): { rules: PairRules | null; book: BookTop | null } {
      deps.market.watchTicket(symbol);
      // The ticket's preview shows the account's fees: a tier that changed since they were read shows now.
      if (mode() === 'live') live?.account.refreshFees();
      return { rules: deps.market.rulesFor(symbol) ?? null, book: deps.market.book(symbol) ?? null };
    },
    unwatch: () => deps.market.watchTicket(null),

    preview(order: OrderRequest): Promise<{ description: string }> {
      recheckOrder(deps.market, order);
      return account().preview(order);
    },

    place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
      const paper = mode() === 'paper';
      const target = paper ? deps.paper : liveAccount(clOrdId);
      recheckOrder(deps.market, order);
      placing += 1;
      return target.place(order, clOrdId).finally(() => {
        // A timer, not a microtask: the answer leaves in the microtasks after this settles, before the view.
        // Live, still held a moment longer: the views its placing changed (its record written behind the
        // answer, Kraken's executions report) reach the popup after the answer, not before it.
        setTimeout(
          () => {
            placing -= 1;
            if (placing === 0 && held) release();
          },
          paper ? 0 : AFTER_ANSWER_MS,
        );
      });
    },

    /** An order whose outcome was unknown: asks Kraken, never sends. */
    check(clOrdId: string): Promise<OrderView> {
      const account = liveAccount(clOrdId);
      const intent = intents.get(clOrdId);
      if (intent && !sameAccount(intent.account, currentAccount)) throw new ForeignIntent(clOrdId);
      return account.check(clOrdId);
    },

    async dismissIntent(clOrdId: string): Promise<TradingView> {
      const intent = (await deps.intents.get(clOrdId)) ?? intents.get(clOrdId);
      const mine = intent && sameAccount(intent.account, currentAccount);
      // Only what can no longer be sent here: not placed, or another account's. An order still being
      // confirmed stays listed until Kraken says.
      if (intent && (intent.state === 'expired' || !mine)) {
        const next = { ...intent, dismissed: true, updatedAt: deps.now() };
        await deps.intents.put(next);
        onIntent(next);
      }
      return view();
    },

    async cancel(id: string): Promise<TradingView> {
      await account().cancel(id);
      return view();
    },

    /** Amends a resting order in place (Kraken's amend, or the paper account's): its id is kept. */
    async amend(
      id: string,
      change: { volume?: string; limitPrice?: string; triggerPrice?: string; trailOffset?: PriceOffset },
    ): Promise<TradingView> {
      await account().amend(id, change);
      return view();
    },

    /** An order's amend history: Kraken's OrderAmends live, the paper account's own record in paper. */
    amends: async (id: string): Promise<AmendView[]> =>
      mode() === 'paper' ? deps.paper.amends(id) : liveAccount().amends(id),

    async setPaperFees(tier: 'starter' | 'live' | number): Promise<TradingView> {
      await deps.settings.update((s) => ({ ...s, paperFees: tier }));
      changed();
      return view();
    },

    cancelAll: (symbol: string): Promise<number> => account().cancelAll(symbol),

    async setDeadMan(on: boolean): Promise<TradingView> {
      await deps.settings.update((s) => ({ ...s, deadManSwitch: on }));
      if (live) await live.account.setDeadMan(on).catch(() => {});
      changed();
      return view();
    },

    async resetPaper(): Promise<TradingView> {
      await deps.paper.reset();
      return view();
    },

    async stop(): Promise<void> {
      const old = live;
      live = null;
      if (old) await retire(old.account);
    },
  };
}

export type TradingService = ReturnType<typeof createTradingService>;
