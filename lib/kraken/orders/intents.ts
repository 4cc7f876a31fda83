import type { KrakenErrorInit } from '../rest/errors.ts';
import type { AddOrderParams } from '../rest/types-private.ts';

/**
 * The Kraken account an order was confirmed for. An intent is only ever sent, or looked up, by a placer
 * working for the same account: an order confirmed on the simulator, on another key, or before a key was
 * replaced is never sent anywhere else (it is listed as another account's, untouched).
 */
export interface IntentAccount {
  /** keyIdOf(apiKey): a stable, non-secret fingerprint of the API key. */
  keyId: string;
  /** The vault record's version: replacing a key's credentials makes another account, even for the same key. */
  keyVersion: number;
  /** The REST base URL the key signs for (Kraken, or a local simulator). */
  endpoint: string;
}

/** One string per account, for comparing and grouping. */
export function accountKey(account: IntentAccount): string {
  return `${account.keyId}#${account.keyVersion}@${account.endpoint}`;
}

export function sameAccount(a: IntentAccount | null, b: IntentAccount | null): boolean {
  return a !== null && b !== null && accountKey(a) === accountKey(b);
}

/**
 * An order the person confirmed, recorded under its cl_ord_id BEFORE it is sent, so that after any
 * ambiguous failure (timeout, dropped connection, 5xx, EService:Unavailable) we can ask Kraken whether it
 * exists instead of guessing — and a send after a definitive "absent" reuses the same id.
 */
export interface OrderIntent {
  clOrdId: string;
  params: Omit<AddOrderParams, 'cl_ord_id' | 'userref' | 'validate' | 'deadline'>;
  state: IntentState;
  /** Whose order it is; null for an intent written by a version that did not record it (never sent again). */
  account: IntentAccount | null;
  /** When the person confirmed it (our clock): sends stop once the confirmation is too old. */
  confirmedAt: number;
  /**
   * Kraken's `deadline` of the last send, in Kraken's time (ms). Kraken's engine refuses that send after it,
   * so a lookup once it has passed (plus a margin for clock error) says for good whether the send made it.
   */
  deadlineAt?: number;
  /** Kraken's order ids once known. */
  txid?: string[];
  /** Sends so far (each with the same cl_ord_id). Counted before the send, so a crash leaves a lookup to do. */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** Last error (serialised KrakenError) for 'rejected', 'unknown' and 'expired'. */
  error?: KrakenErrorInit;
  /** What the person saw on the ticket (pair, side, type, amounts), to list the order and re-open a ticket. */
  meta?: Record<string, string | number | boolean>;
  /** Why an 'expired' intent was not placed. */
  expiredReason?: ExpiredReason;
  /** The person removed it from the Trade tab's list (expired, or another account's). */
  dismissed?: boolean;
}

export type ExpiredReason =
  /** The confirmation is older than the placer accepts for a send. */
  | 'too-old'
  /** Sent, then found absent after Kraken's deadline while nobody was waiting: never resent on its own. */
  | 'absent'
  /** Never sent (the worker stopped between the confirmation and the send). */
  | 'never-sent'
  /** Sent the allowed number of times, each found absent after its deadline. */
  | 'attempts';
export const EXPIRED_REASONS: readonly ExpiredReason[] = ['too-old', 'absent', 'never-sent', 'attempts'];

/**
 * pending:  recorded; not at Kraken (never sent, or a send that Kraken's deadline settled as absent)
 * unknown:  sent, answer lost, not yet settled by a lookup after the deadline — never resent blindly
 * placed:   Kraken has it (txid known)
 * rejected: Kraken refused it; nothing was placed; a new attempt needs a new confirmation
 * expired:  not placed, and no longer sent: the confirmation grew too old, or it was found absent while
 *           nobody was waiting for it (resuming never sends)
 */
export type IntentState = 'pending' | 'unknown' | 'placed' | 'rejected' | 'expired';

export const SETTLED_STATES: readonly IntentState[] = ['placed', 'rejected', 'expired'];
export const isSettled = (intent: Pick<OrderIntent, 'state'>) => SETTLED_STATES.includes(intent.state);

/** An intent as first recorded: confirmed now for `account`, not sent yet. */
export function freshIntent(
  params: OrderIntent['params'],
  clOrdId: string,
  now: number,
  account: IntentAccount,
  meta?: OrderIntent['meta'],
): OrderIntent {
  return {
    clOrdId,
    params: { ...params },
    state: 'pending',
    account,
    confirmedAt: now,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    ...(meta ? { meta } : {}),
  };
}

/** Where intents live (IndexedDB in the extension). `put` must be durable when it resolves. */
export interface OrderIntentStore {
  get(clOrdId: string): Promise<OrderIntent | undefined>;
  put(intent: OrderIntent): Promise<void>;
  /**
   * Records a new intent unless its cl_ord_id is already there, in one transaction (the extension's IndexedDB
   * store: one transaction before the send, not a read and then a write): undefined once `intent` is durable,
   * else the intent already stored (left as it was). Optional: without it the placer reads, then writes.
   */
  create?(intent: OrderIntent): Promise<OrderIntent | undefined>;
  /** Every readable intent (unreadable records are set aside by the store, never returned). */
  list(): Promise<OrderIntent[]>;
}

/** A store that also forgets what no longer guards against a resend (the extension's IndexedDB store). */
export interface PrunableIntentStore extends OrderIntentStore {
  /** Drops old settled intents (and very old unsettled ones); returns how many went. */
  prune(now: number): Promise<number>;
}

export function memoryIntentStore(): OrderIntentStore {
  const data = new Map<string, OrderIntent>();
  return {
    get: async (id) => {
      const v = data.get(id);
      return v && structuredClone(v);
    },
    put: async (intent) => {
      data.set(intent.clOrdId, structuredClone(intent));
    },
    create: async (intent) => {
      const existing = data.get(intent.clOrdId);
      if (existing) return structuredClone(existing);
      data.set(intent.clOrdId, structuredClone(intent));
      return undefined;
    },
    list: async () => [...data.values()].map((v) => structuredClone(v)),
  };
}
