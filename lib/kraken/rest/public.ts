// Typed public endpoints (SPEC.md §1.2). Each returns Kraken's `result` unchanged except where a result is
// keyed by a pair id that the caller cannot predict (Kraken answers pair=XBTUSD under "XXBTZUSD").
import { commaList, type Params } from './encode.ts';
import type {
  AssetInfo,
  AssetPair,
  AssetPairsParams,
  AssetsParams,
  DepthLevel,
  OhlcInterval,
  OhlcRow,
  PairParams,
  PairSeries,
  ServerTime,
  SpreadRow,
  SystemStatusInfo,
  TickerInfo,
  TradeRow,
} from './types-public.ts';

type PublicCall = <T>(method: string, params?: Params, call?: { signal?: AbortSignal }) => Promise<T>;

/** Picks the one pair entry out of a result that also holds `last` (OHLC, Trades, Spread). */
function series<Row, Last>(result: Record<string, unknown>, pair: string): PairSeries<Row, Last> {
  const key = Object.keys(result).find((k) => k !== 'last');
  if (key === undefined) throw new TypeError(`no rows for ${pair}`);
  return { key, rows: result[key] as Row[], last: result.last as Last };
}

function single<T>(result: Record<string, T>, pair: string): { key: string; value: T } {
  const [entry] = Object.entries(result);
  if (!entry) throw new TypeError(`no data for ${pair}`);
  return { key: entry[0], value: entry[1] };
}

export function publicMethods(call: PublicCall) {
  return {
    /** Server time (second resolution). */
    time: () => call<ServerTime>('Time'),
    systemStatus: () => call<SystemStatusInfo>('SystemStatus'),
    assets: (p: AssetsParams = {}) =>
      call<Record<string, AssetInfo>>('Assets', { asset: commaList(p.asset), aclass: p.aclass }),
    assetPairs: (p: AssetPairsParams = {}) =>
      call<Record<string, AssetPair>>('AssetPairs', { ...p, pair: commaList(p.pair) }),
    /** Omit `pair` for every pair. Keys are Kraken's pair ids. */
    ticker: (p: { pair?: readonly string[]; asset_class?: 'tokenized_asset' } = {}) =>
      call<Record<string, TickerInfo>>('Ticker', { ...p, pair: commaList(p.pair) }),
    ohlc: async (p: PairParams & { interval?: OhlcInterval; since?: number }) =>
      series<OhlcRow, number>(await call('OHLC', { ...p }), p.pair),
    depth: async (p: PairParams & { count?: number }) => {
      const r = single(
        await call<Record<string, { asks: DepthLevel[]; bids: DepthLevel[] }>>('Depth', { ...p }),
        p.pair,
      );
      return { key: r.key, ...r.value };
    },
    /** `last` is a nanosecond cursor string for the next `since`. */
    trades: async (p: PairParams & { since?: string; count?: number }) =>
      series<TradeRow, string>(await call('Trades', { ...p }), p.pair),
    spread: async (p: PairParams & { since?: number }) =>
      series<SpreadRow, number>(await call('Spread', { ...p }), p.pair),
  };
}
