// The paper account as the background runs it: lib/paper's pure engine, fed with the live public book and
// trades of the pairs it has orders in, persisted after every change, one change at a time.
import { createSerialQueue } from '../base/serial-queue.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { BalanceView, BookTop, FillView, OrderRequest, OrderView } from '../orders/types.ts';
import {
  cancelAllPaper,
  cancelPaperOrder,
  initialPaperState,
  onPaperMarket,
  PAPER_RESET_NOTICE,
  type PaperState,
  type PaperStore,
  type PaperTrade,
  paperBalances,
  paperFills,
  paperOrders,
  placePaperOrder,
} from '../paper/index.ts';
import { OrderRefused } from './errors.ts';

export interface PaperAccountDeps {
  store: PaperStore;
  rulesFor(symbol: string): PairRules | undefined;
  book(symbol: string): BookTop | undefined;
  /** Book and trade feeds for the pairs with open paper orders. */
  watchDepth(symbols: string[]): void;
  now(): number;
  newId(): string;
  onChange(): void;
  onFill(fill: FillView): void;
}

export function createPaperAccount(deps: PaperAccountDeps) {
  let state: PaperState = initialPaperState(undefined, deps.now());
  let notice: string | undefined;
  const lastTrade = new Map<string, string>();

  const queue = createSerialQueue();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => queue.run(fn);

  async function commit(next: PaperState, fills: readonly FillView[]): Promise<void> {
    if (next === state && fills.length === 0) return;
    state = next;
    await deps.store.save(state); // saved before anyone is told: a restart never forgets a fill it announced
    deps.watchDepth([...new Set(state.open.map((o) => o.symbol))]);
    for (const f of fills) deps.onFill(f);
    deps.onChange();
  }

  function rules(symbol: string): PairRules {
    const r = deps.rulesFor(symbol);
    if (!r)
      throw new OrderRefused(
        'EQuery:Unknown asset pair',
        `No trading rules for ${symbol} yet; try again in a moment.`,
      );
    return r;
  }

  function market(symbol: string) {
    const book = deps.book(symbol);
    const last = lastTrade.get(symbol);
    return { rules: rules(symbol), ...(book ? { book } : {}), ...(last ? { lastTrade: last } : {}) };
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
        const result = onPaperMarket(
          state,
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

/** "buy 0.01 BTC/USD at market" / "sell 1 ETH/USD at 3500 (limit)". */
export function describe(order: OrderRequest): string {
  const base = `${order.side} ${order.volume} ${order.symbol}`;
  switch (order.type) {
    case 'market':
      return `${base} at market`;
    case 'limit':
      return `${base} at ${order.limitPrice ?? '?'} (limit${order.postOnly ? ', post-only' : ''}${order.timeInForce === 'IOC' ? ', IOC' : ''})`;
    case 'stop-loss':
      return `${base}, stop-loss at ${order.triggerPrice ?? '?'}`;
    case 'take-profit':
      return `${base}, take-profit at ${order.triggerPrice ?? '?'}`;
    case 'stop-loss-limit':
    case 'take-profit-limit':
    case 'trailing-stop':
    case 'trailing-stop-limit':
      return `${base}, ${order.type}`;
    default: {
      const never: never = order.type;
      return String(never);
    }
  }
}
