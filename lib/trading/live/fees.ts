// The live account's own fees (Kraken's TradeVolume: its tier for each pair, and its 30-day volume), asked at
// start, every half hour, a minute after fills (volume moves the tier) and when the ticket opens (at most every
// 15 s). Until Kraken answers, the starter
// tier stands in and says so. https://docs.kraken.com/api/docs/rest-api/get-trade-volume
import { type AccountFees, accountFees, type KrakenRest, type TradeVolume } from '../../kraken/index.ts';
import { toV2Symbol } from '../../kraken/pairs/symbols.ts';
import { percentText, STARTER_FEES } from '../../orders/fees.ts';
import type { FeesView } from '../types.ts';

const REFRESH_MS = 30 * 60_000;
const AFTER_FILL_MS = 60_000;

export function createLiveFees(
  rest: Pick<KrakenRest, 'tradeVolume'>,
  /** REST names (altnames) of the pairs whose fees matter now (the watchlist). */
  pairs: () => string[],
  lifetime: AbortSignal,
  onChange: () => void,
) {
  let answer: TradeVolume | null = null;
  let askedAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  lifetime.addEventListener('abort', () => timer && clearTimeout(timer), { once: true });

  async function refresh(): Promise<void> {
    const wanted = pairs();
    if (wanted.length === 0 || lifetime.aborted) return;
    askedAt = Date.now();
    answer = await rest.tradeVolume({ pair: wanted });
    onChange();
  }

  function schedule(ms: number): void {
    if (lifetime.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      refresh()
        .catch(() => {})
        .finally(() => schedule(REFRESH_MS));
    }, ms);
  }

  /** Each pair of the answer under its v2 symbol ("XXBTZUSD" → "BTC/USD"). */
  function byPair(): Map<string, AccountFees> {
    const out = new Map<string, AccountFees>();
    if (!answer) return out;
    for (const key of Object.keys(answer.fees ?? {})) {
      const fees = accountFees(answer, key);
      const symbol = toV2Symbol(key);
      if (fees && symbol) out.set(symbol, fees);
    }
    return out;
  }

  return {
    start(): void {
      void refresh().catch(() => {});
      schedule(REFRESH_MS);
    },
    /**
     * The ticket opened (or changed pair): ask again unless Kraken was asked in the last `minAgeMs`, so the
     * preview's fees follow a tier that changed since (TradeVolume costs 1 on the REST counter).
     */
    refreshIfOlder(minAgeMs: number): void {
      if (Date.now() - askedAt >= minAgeMs) void refresh().catch(() => {});
    },
    /** Something filled: the 30-day volume moved, the tier may have too. */
    onFill(): void {
      schedule(AFTER_FILL_MS);
    },
    view(): FeesView {
      const pairsFees = byPair();
      const first = [...pairsFees.values()][0];
      if (!first) return { source: 'starter', ...STARTER_FEES };
      const next = first.next;
      return {
        source: 'account',
        makerPercent: percentText(first.makerPercent),
        takerPercent: percentText(first.takerPercent),
        volume: first.volume,
        ...(next
          ? {
              next: {
                volume: next.volume,
                takerPercent: percentText(next.takerPercent),
                ...(next.makerPercent !== undefined ? { makerPercent: percentText(next.makerPercent) } : {}),
              },
            }
          : {}),
        pairs: Object.fromEntries(
          [...pairsFees].map(([symbol, f]) => [
            symbol,
            { makerPercent: percentText(f.makerPercent), takerPercent: percentText(f.takerPercent) },
          ]),
        ),
      };
    },
  };
}
