// What Kraken lists, from the `instrument` channel (https://docs.kraken.com/api/docs/websocket-v2/instrument):
// each pair's precisions and minimums (the order rules), the pair list the popup formats prices with, and
// the resolution of what a person typed into a listed symbol.
import {
  assetSpellings,
  type ChannelMessage,
  type InstrumentPair,
  type PairRules,
  pairRulesFromInstrument,
  v2Asset,
} from '../kraken/index.ts';
import { WatchlistError } from '../settings/watchlist.ts';
import type { PairInfo } from './types.ts';

type InstrumentMessage = Extract<ChannelMessage, { channel: 'instrument' }>;

/**
 * Turns what a user typed ("btc/usd", "XBTUSD", "xdg-usd") into a v2 symbol ("BTC/USD").
 * With the pair list known (`known` not empty), only listed pairs are accepted.
 */
export function resolveSymbol(input: string, known: ReadonlySet<string>): string {
  const text = input.trim().toUpperCase().replace(/[-_ ]/g, '/');
  if (text.includes('/')) {
    const [base = '', quote = '', ...rest] = text.split('/');
    if (!base || !quote || rest.length > 0 || !/^[A-Z0-9.]+$/.test(base + quote)) {
      throw new WatchlistError('malformed', `“${input}” is not a pair. Write it like BTC/USD.`, input.trim());
    }
    // Legacy names (XBT, XXBT, XDG…) map to v2 names in one place: lib/kraken/pairs/symbols.ts.
    const symbol = `${v2Asset(base)}/${v2Asset(quote)}`;
    if (known.size > 0 && !known.has(symbol)) {
      throw new WatchlistError('unknown-pair', `Kraken has no ${symbol} pair.`, symbol);
    }
    return symbol;
  }
  if (!/^[A-Z0-9.]{4,}$/.test(text)) {
    throw new WatchlistError('malformed', `“${input}” is not a pair. Write it like BTC/USD.`, input.trim());
  }
  // "XBTUSD" style: find the listed pair whose base+quote spell it, legacy names (XBT, XDG) included.
  for (const symbol of known) {
    const [base = '', quote = ''] = symbol.split('/');
    for (const b of assetSpellings(base)) {
      for (const q of assetSpellings(quote)) if (text === b + q) return symbol;
    }
  }
  throw new WatchlistError(
    known.size > 0 ? 'unknown-pair' : 'malformed',
    `Kraken has no pair “${input}”. Write it like BTC/USD.`,
    input.trim(),
  );
}

export function createInstruments() {
  // Keyed by symbols from frames and the UI: Maps, so "__proto__" or "constructor" is just another key.
  const byPair = new Map<string, InstrumentPair>();
  /** The list shown (and typed input resolved against); emptied on an endpoint switch until the next list. */
  const listed = new Map<string, PairInfo>();

  return {
    /** One `instrument` message: a snapshot replaces the list, an update adds to it. */
    apply(message: InstrumentMessage): void {
      if (message.type === 'snapshot') {
        byPair.clear();
        listed.clear();
      }
      for (const p of message.data.pairs) {
        byPair.set(p.symbol, p);
        listed.set(p.symbol, {
          symbol: p.symbol,
          base: p.base,
          quote: p.quote,
          pricePrecision: p.price_precision,
          status: p.status,
        });
      }
    },
    /** Kraken's instrument data for a pair (precisions, minimums), once it has arrived. */
    info: (symbol: string): InstrumentPair | undefined => byPair.get(symbol),
    /** Order rules for a pair (undefined until the instrument channel has listed it). */
    rulesFor(symbol: string): PairRules | undefined {
      const info = byPair.get(symbol);
      return info && pairRulesFromInstrument(info);
    },
    /** The pair list for the snapshot. */
    pairs: (): Record<string, PairInfo> => Object.fromEntries(listed),
    resolve: (input: string): string => resolveSymbol(input, new Set(listed.keys())),
    /**
     * Another endpoint: the list shown is emptied until its instrument snapshot arrives. The order rules
     * stay until then (as before the split), and that snapshot replaces them.
     */
    forgetList(): void {
      listed.clear();
    },
  };
}

export type Instruments = ReturnType<typeof createInstruments>;
