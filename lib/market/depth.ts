// Order books and public trades for the pairs someone needs depth for (the ticket's pair, pairs with paper
// orders): a checksum-verified book per pair (watchBook) and its trade feed, started once the pair's
// precisions are known and stopped when nobody wants the pair any more.
// https://docs.kraken.com/api/docs/websocket-v2/book (checksum), /trade
import { type InstrumentPair, type WsSession, watchBook } from '../kraken/index.ts';
import type { BookTop } from '../orders/types.ts';

/** Book depth subscribed: enough levels to walk a quick order (the ticket's preview, paper fills). */
export const DEPTH = 25;
/** Levels of each side passed on to the popup and the paper account. */
export const TOP_LEVELS = 25;

export interface DepthDeps {
  /** Instrument data of a pair (its precisions), once listed. */
  info(symbol: string): InstrumentPair | undefined;
  now(): number;
  /** A book was verified: its top levels. */
  onBook(book: BookTop): void;
}

/** Counters for diagnostics (entrypoints/background/diagnostics.ts), since this worker started. */
export interface DepthStats {
  /** Book messages applied whose checksum matched. */
  booksVerified: number;
  checksumMismatches: number;
  /** Mismatches answered with a resubscription (the rest were over the resync budget). */
  resyncs: number;
  /** Mismatches followed by a verified book of the same pair. */
  recovered: number;
  /** Watched pairs whose last book message was a mismatch (no verified book since). */
  unrecovered: number;
}

export function createDepth(deps: DepthDeps) {
  const watches = new Map<string, () => void>();
  const books = new Map<string, BookTop>();
  const counts = { booksVerified: 0, checksumMismatches: 0, resyncs: 0, recovered: 0 };
  /** Watched pairs waiting for a verified book after a mismatch. */
  const broken = new Set<string>();

  function start(session: WsSession, symbol: string, info: InstrumentPair): () => void {
    const stopBook = watchBook(
      session,
      { symbol, depth: DEPTH, pricePrecision: info.price_precision, qtyPrecision: info.qty_precision },
      (event) => {
        if (event.kind === 'mismatch') {
          counts.checksumMismatches += 1;
          if (event.resyncing) counts.resyncs += 1;
          broken.add(symbol);
        }
        if (event.kind !== 'book') {
          books.delete(symbol);
          return;
        }
        const top: BookTop = {
          symbol,
          bids: event.book
            .bids()
            .slice(0, TOP_LEVELS)
            .map(({ price, qty }) => ({ price, qty })),
          asks: event.book
            .asks()
            .slice(0, TOP_LEVELS)
            .map(({ price, qty }) => ({ price, qty })),
          at: deps.now(),
        };
        counts.booksVerified += 1;
        if (broken.delete(symbol)) counts.recovered += 1;
        books.set(symbol, top);
        deps.onBook(top);
      },
    );
    session.subscribe({ channel: 'trade', symbol });
    return () => {
      stopBook();
      session.unsubscribe({ channel: 'trade', symbol });
    };
  }

  return {
    /**
     * Starts book + trade feeds for wanted pairs whose precisions are known and stops the rest. Call it when
     * the wanted set changes and when the pair list arrives.
     */
    sync(session: WsSession | null, wanted: ReadonlySet<string>): void {
      if (!session) return;
      for (const symbol of wanted) {
        const info = deps.info(symbol);
        if (watches.has(symbol) || !info) continue;
        watches.set(symbol, start(session, symbol, info));
      }
      for (const [symbol, stop] of watches) {
        if (wanted.has(symbol)) continue;
        stop();
        watches.delete(symbol);
        books.delete(symbol);
        broken.delete(symbol);
      }
    },
    /** The latest verified book of a watched pair, if any. */
    book: (symbol: string): BookTop | undefined => books.get(symbol),
    stats: (): DepthStats => ({ ...counts, unrecovered: broken.size }),
  };
}
