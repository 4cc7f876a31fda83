// The paper account as the background runs it: lib/paper's pure engine, fed with the live public book and
// trades of the pairs it has orders in, persisted after every change, one change at a time.
import { createSerialQueue } from '../base/serial-queue.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BalanceView, BookTop, FillView, OrderRequest, OrderView } from '../orders/types.ts';
import {
  amendPaperOrder,
  cancelAllPaper,
  cancelPaperOrder,
  expirePaper,
  initialPaperState,
  nextExpiry,
  onPaperMarket,
  PAPER_RESET_NOTICE,
  type PaperAmendChange,
  type PaperFees,
  type PaperMarket,
  type PaperState,
  type PaperStore,
  type PaperTrade,
  paperAmends,
  paperBalances,
  paperFills,
  paperOrders,
  placePaperOrder,
} from '../paper/index.ts';
import { OrderRefused } from './errors.ts';
import type { AmendView } from './types.ts';

export interface PaperAccountDeps {
  store: PaperStore;
  rulesFor(symbol: string): PairRules | undefined;
  book(symbol: string): BookTop | undefined;
  /** Book and trade feeds for the pairs with open paper orders. */
  watchDepth(symbols: string[]): void;
  now(): number;
  newId(): string;
  onChange(): void;
  /** Shows a fill's notification; resolves once shown or refused (then it leaves the outbox). */
  onFill(fill: FillView): Promise<void> | void;
  /** The paper account's fee tier now (settings.paperFees); orders pay the tier in force when placed. */
  fees?(): PaperFees;
  /** The last price from the ticker (decimal text), for trailing stops placed before any trade was seen. */
  lastPrice?(symbol: string): string | undefined;
  /** Kraken's exchange status (the `status` channel): the paper account refuses what the exchange would. */
  system?(): string;
}

/** Kraken's exchange status, where it is stricter than the pair's own, applied to the pair's rules. */
function withSystem(rules: PairRules, system: string | undefined): PairRules {
  if (!system || system === 'online' || rules.status !== 'online') return rules;
  return { ...rules, status: system };
}

/** The longest a GTD timer waits before looking again (a worker restart re-arms it from the stored orders). */
const EXPIRY_CHECK_MAX_MS = 60_000;

export function createPaperAccount(deps: PaperAccountDeps) {
  let state: PaperState = initialPaperState(undefined, deps.now());
  let notice: string | undefined;
  const lastTrade = new Map<string, string>();

  const queue = createSerialQueue();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(fn);

  let expiryTimer: ReturnType<typeof setTimeout> | null = null;

  async function commit(next: PaperState, fills: readonly FillView[]): Promise<void> {
    if (next === state && fills.length === 0) return;
    // The fills' notifications are owed in the same record as the fills: a worker that stops before
    // showing them shows them when it starts again (start()), and one that showed them says so (settle).
    state =
      fills.length === 0 ? next : { ...next, unshown: [...(next.unshown ?? []), ...fills.map((f) => f.id)] };
    await deps.store.save(state); // saved before anyone is told: a restart never forgets a fill it announced
    deps.watchDepth([...new Set(state.open.map((o) => o.symbol))]);
    notify(fills);
    deps.onChange();
    armExpiry();
  }

  /** Shows the fills' notifications, then takes them out of the record's outbox. */
  function notify(fills: readonly FillView[]): void {
    if (fills.length === 0) return;
    const shown = Promise.allSettled(fills.map(async (f) => deps.onFill(f)));
    void shown.then(() => serial(() => settle(new Set(fills.map((f) => f.id))))).catch(() => {});
  }

  async function settle(shown: ReadonlySet<string>): Promise<void> {
    const left = (state.unshown ?? []).filter((id) => !shown.has(id));
    if (left.length === (state.unshown ?? []).length) return;
    const { unshown: _, ...rest } = state;
    state = left.length > 0 ? { ...rest, unshown: left } : rest;
    await deps.store.save(state);
  }

  /** GTD orders expire at their time: a timer for the next one (and a look at least once a minute). */
  function armExpiry(): void {
    if (expiryTimer) clearTimeout(expiryTimer);
    expiryTimer = null;
    const next = nextExpiry(state);
    if (next === undefined) return;
    const wait = Math.min(Math.max(0, next - deps.now()), EXPIRY_CHECK_MAX_MS);
    expiryTimer = setTimeout(() => {
      expiryTimer = null;
      void expire().catch(() => {});
    }, wait);
  }

  function expire(): Promise<void> {
    return serial(async () => {
      await commit(expirePaper(state, deps.now()).state, []);
      armExpiry();
    });
  }

  function rules(symbol: string): PairRules {
    const r = deps.rulesFor(symbol);
    if (!r)
      throw new OrderRefused(
        'EQuery:Unknown asset pair',
        `No trading rules for ${symbol} yet; try again in a moment.`,
      );
    return withSystem(r, deps.system?.());
  }

  function market(symbol: string): PaperMarket {
    const book = deps.book(symbol);
    const last = lastTrade.get(symbol) ?? deps.lastPrice?.(symbol);
    const fees = deps.fees?.();
    return {
      rules: rules(symbol),
      ...(book ? { book } : {}),
      ...(last ? { lastTrade: last } : {}),
      ...(fees ? { fees } : {}),
    };
  }

  return {
    async start(): Promise<void> {
      const read = await deps.store.read();
      if (read.kind === 'loaded') state = read.state;
      else {
        if (read.kind === 'corrupted') {
          await deps.store.setAsideUnreadable(deps.now());
          notice = PAPER_RESET_NOTICE;
        }
        state = initialPaperState(undefined, deps.now());
        await deps.store.save(state);
      }
      deps.watchDepth([...new Set(state.open.map((o) => o.symbol))]);
      // Fills a stopped worker saved and did not show: shown now, under their own notification id (one
      // shown just before the stop is replaced, not doubled). Ids whose fill left the kept list are dropped.
      const owed = new Set(state.unshown ?? []);
      if (owed.size > 0) {
        const left = state.fills.filter((f) => owed.has(f.id)).reverse(); // oldest first
        for (const f of left) owed.delete(f.id);
        if (owed.size > 0) await serial(() => settle(owed)); // what is left of `owed`: no fill to show
        notify(left);
      }
      // Orders whose GTD time came while the worker was stopped expire now.
      await expire();
    },

    /** Trades and books of the watched pairs: resting limits and stops fill as the market moves. */
    onMarket(symbol: string, trades: PaperTrade[]): Promise<void> {
      const last = trades.at(-1);
      if (last) lastTrade.set(symbol, last.price);
      if (!state.open.some((o) => o.symbol === symbol)) return Promise.resolve();
      return serial(async () => {
        const r = deps.rulesFor(symbol);
        if (!r) return;
        const book = deps.book(symbol);
        // An order whose time has come expires before the market can fill it.
        const current = expirePaper(state, deps.now()).state;
        const result = onPaperMarket(
          current,
          { symbol, trades, ...(book ? { book } : {}) },
          r,
          deps.now(),
          deps.newId,
        );
        await commit(result.state, result.fills);
      });
    },

    notice: () => notice,
    orders: (): OrderView[] => paperOrders(state),
    fills: (): FillView[] => paperFills(state).slice(0, 50),
    balances: (): BalanceView[] => paperBalances(state),

    /** The paper engine's own check, on a copy: what would happen, with nothing changed. */
    async preview(order: OrderRequest): Promise<{ description: string }> {
      const trial = placePaperOrder(
        state,
        { ...order, clOrdId: `preview-${deps.newId()}` },
        market(order.symbol),
        deps.now(),
        deps.newId,
      );
      if (!trial.result.ok) throw new OrderRefused(trial.result.error.code, trial.result.error.message);
      return { description: describe(order) };
    },

    place(order: OrderRequest, clOrdId: string): Promise<OrderView> {
      return serial(async () => {
        const placed = placePaperOrder(
          state,
          { ...order, clOrdId },
          market(order.symbol),
          deps.now(),
          deps.newId,
        );
        if (!placed.result.ok) throw new OrderRefused(placed.result.error.code, placed.result.error.message);
        await commit(placed.state, placed.fills);
        return placed.result.order;
      });
    },

    cancel(id: string): Promise<void> {
      return serial(async () => {
        const result = cancelPaperOrder(state, id, deps.now());
        if (!result.result.ok) throw new OrderRefused(result.result.error.code, result.result.error.message);
        await commit(result.state, []);
      });
    },

    /** Amends an open order in place (its id kept): a new amount, limit price or trigger price. */
    amend(id: string, change: PaperAmendChange): Promise<void> {
      return serial(async () => {
        const symbol = state.open.find((o) => o.id === id)?.symbol;
        if (!symbol)
          throw new OrderRefused('EOrder:Unknown order', 'There is no open paper order with that id.');
        const r = amendPaperOrder(state, id, change, market(symbol), deps.now(), deps.newId);
        if (!r.result.ok) throw new OrderRefused(r.result.error.code, r.result.error.message);
        await commit(r.state, r.fills);
      });
    },

    /** An order's amend history, the original values first (empty when never amended). */
    amends: (id: string): AmendView[] => paperAmends(state, id),

    cancelAll(symbol: string): Promise<number> {
      return serial(async () => {
        const result = cancelAllPaper(state, symbol, deps.now());
        await commit(result.state, []);
        return result.canceled.length;
      });
    },

    reset(): Promise<void> {
      return serial(async () => {
        notice = undefined;
        await commit(initialPaperState(undefined, deps.now()), []);
      });
    },
  };
}

export type PaperAccount = ReturnType<typeof createPaperAccount>;

/** "buy 0.01 BTC/USD at market" / "sell 1 ETH/USD at 3500 (limit)" / "sell 0.1 BTC/USD, trailing-stop 5%". */
export function describe(order: OrderRequest): string {
  const base = `${order.side} ${order.volume} ${order.symbol}`;
  const offset = (o: OrderRequest['trailOffset']) =>
    o ? `${o.value}${o.unit === 'percent' ? '%' : ''}` : '?';
  const options = [
    order.postOnly ? 'post-only' : '',
    order.timeInForce !== 'GTC' ? order.timeInForce : '',
    order.close ? `close: ${order.close.type} at ${order.close.price}` : '',
  ].filter((x) => x !== '');
  const tail = options.length > 0 ? ` (${options.join(', ')})` : '';
  switch (order.type) {
    case 'market':
      return `${base} at market${tail}`;
    case 'limit':
      return `${base} at ${order.limitPrice ?? '?'} (limit${options.length > 0 ? `, ${options.join(', ')}` : ''})`;
    case 'stop-loss':
    case 'take-profit':
      return `${base}, ${order.type} at ${order.triggerPrice ?? '?'}${tail}`;
    case 'stop-loss-limit':
    case 'take-profit-limit':
      return `${base}, ${order.type} at ${order.triggerPrice ?? '?'}, limit ${order.limitPrice ?? '?'}${tail}`;
    case 'trailing-stop':
      return `${base}, trailing-stop ${offset(order.trailOffset)}${tail}`;
    case 'trailing-stop-limit':
      return `${base}, trailing-stop-limit ${offset(order.trailOffset)}, limit offset ${offset(order.limitOffset)}${tail}`;
    default: {
      const never: never = order.type;
      return String(never);
    }
  }
}
