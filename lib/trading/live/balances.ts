// The live account's balances: REST BalanceEx (total and what open orders hold), refreshed a moment after the
// `balances` channel or an order says something moved (several changes → one call). At most one refresh is
// asked for while another is on its way: BalanceEx is on the REST counter (Starter: 15 points, −0.33/s), and
// one call per order would queue there faster than it drains, making the calls behind them wait — the private
// socket's token, the lookups that settle an order whose answer was lost (measured by the order-ack bench:
// a backlog of refreshes held the token for over 10 s).
// https://docs.kraken.com/api/docs/rest-api/get-extended-balance
import { aggregateBalances, type Clock, type KrakenRest } from '../../kraken/index.ts';
import { exact, format, sub } from '../../kraken/pairs/exact.ts';
import type { BalanceView } from '../../orders/types.ts';

const REFRESH_DELAY_MS = 250;

export function createLiveBalances(
  rest: Pick<KrakenRest, 'balanceEx'>,
  clock: Clock,
  lifetime: AbortSignal,
  onChange: () => void,
) {
  let balances: BalanceView[] = [];
  let at: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** A scheduled refresh on its way, and whether something moved since it was asked for. */
  let running = false;
  let again = false;
  lifetime.addEventListener('abort', () => timer && clearTimeout(timer), { once: true });

  async function refresh(): Promise<void> {
    const raw = Object.entries(await rest.balanceEx());
    // Grouped by v2 asset as for Balance; `tradable` leaves out earn/staking balances (docs/kraken-protocol.md §7).
    const totals = aggregateBalances(Object.fromEntries(raw.map(([code, e]) => [code, e.balance])));
    const holds = aggregateBalances(Object.fromEntries(raw.map(([code, e]) => [code, e.hold_trade ?? '0'])));
    balances = Object.values(totals)
      .filter((b) => exact(b.tradable).units !== 0n)
      .map(({ asset, tradable: total }) => {
        const hold = holds[asset]?.tradable ?? '0';
        return { asset, total, hold, available: format(sub(total, hold)) };
      })
      .sort((a, b) => a.asset.localeCompare(b.asset));
    at = clock.now();
    onChange();
  }

  /** One refresh at a time; a change seen meanwhile gets one more after it (its answer may predate it). */
  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    refresh()
      .catch(() => {})
      .finally(() => {
        running = false;
        if (again && !lifetime.aborted) {
          again = false;
          run();
        }
      });
  }

  return {
    refresh,
    schedule(): void {
      if (timer || lifetime.aborted) return;
      timer = setTimeout(() => {
        timer = null;
        run();
      }, REFRESH_DELAY_MS);
    },
    list: (): BalanceView[] => balances,
    /** When Kraken last confirmed them (null: not yet). */
    at: (): number | null => at,
  };
}
