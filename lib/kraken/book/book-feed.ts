import type { BookData, BookDepth, ChannelMessage, Subscription } from '../ws/protocol.ts';
import type { SessionState, WsSession } from '../ws/session.ts';
import { createOrderBook, type OrderBook } from './order-book.ts';

export type BookFeedEvent =
  /** The book was applied and its checksum matched Kraken's. */
  | { kind: 'book'; book: OrderBook; snapshot: boolean }
  /** Checksum mismatch: the book is dropped and resubscribed (if the retry budget allows). */
  | { kind: 'mismatch'; expected: number; actual: number; resyncing: boolean }
  /** No valid book until the next snapshot (reconnecting, resubscribing). */
  | { kind: 'stale'; reason: string };

export interface BookFeedOptions {
  symbol: string;
  depth: BookDepth;
  pricePrecision: number;
  qtyPrecision: number;
  /** Resubscriptions allowed per `budgetWindowMs` before we stop and report (Kraken limits reconnects). */
  resyncBudget?: number;
  budgetWindowMs?: number;
  now?: () => number;
}

/**
 * Keeps one verified order book over a session: subscribes, applies snapshot + updates, checks the CRC32
 * on every message, and on a mismatch drops the book and resubscribes for a fresh snapshot.
 * Returns a function that unsubscribes.
 */
export function watchBook(
  session: WsSession,
  options: BookFeedOptions,
  onEvent: (event: BookFeedEvent) => void,
): () => void {
  const sub: Subscription = { channel: 'book', symbol: options.symbol, depth: options.depth };
  const book = createOrderBook(options);
  const budget = options.resyncBudget ?? 5;
  const windowMs = options.budgetWindowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const resyncs: number[] = [];
  let valid = false;

  function onData(message: ChannelMessage): void {
    if (message.channel !== 'book') return;
    for (const data of message.data) {
      if (data.symbol === options.symbol) apply(data, message.type === 'snapshot');
    }
  }

  function apply(data: BookData, snapshot: boolean): void {
    if (!snapshot && !valid) return; // Updates before a fresh snapshot cannot be applied.
    const result = snapshot ? book.applySnapshot(data) : book.applyUpdate(data);
    if (result.ok) {
      valid = true;
      onEvent({ kind: 'book', book, snapshot });
      return;
    }
    valid = false;
    book.clear();
    const t = now();
    while (resyncs.length > 0 && (resyncs[0] ?? 0) <= t - windowMs) resyncs.shift();
    const resyncing = resyncs.length < budget;
    onEvent({ kind: 'mismatch', expected: result.expected, actual: result.actual, resyncing });
    if (resyncing) {
      resyncs.push(t);
      session.resubscribe(sub).catch(() => {});
    }
  }

  function onState(state: SessionState): void {
    if (state.kind !== 'live' && valid) {
      valid = false;
      onEvent({ kind: 'stale', reason: state.kind });
    }
  }

  const offData = session.on('data', onData);
  const offState = session.on('state', onState);
  session.subscribe(sub);
  return () => {
    offData();
    offState();
    session.unsubscribe(sub);
  };
}
