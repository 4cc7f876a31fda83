import type { KrakenErrorInit } from '../rest/errors.ts';
import type { AddOrderParams } from '../rest/types-private.ts';

/**
 * An order the person asked for, recorded under its cl_ord_id BEFORE it is sent, so that after any
 * ambiguous failure (timeout, dropped connection, 5xx, EService:Unavailable) we can ask Kraken whether it
 * exists instead of guessing — and a retry reuses the same id.
 */
export interface OrderIntent {
  clOrdId: string;
  params: Omit<AddOrderParams, 'cl_ord_id' | 'userref' | 'validate'>;
  state: IntentState;
  /** Kraken's order ids once known. */
  txid?: string[];
  /** Sends so far (each with the same cl_ord_id). */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** Last error (serialised KrakenError) for 'rejected' and 'unknown'. */
  error?: KrakenErrorInit;
}

/**
 * pending:  recorded, not known to Kraken (never sent, or sent and confirmed absent)
 * unknown:  sent, answer lost, Kraken not yet asked — must reconcile before any resend
 * placed:   Kraken has it (txid known)
 * rejected: Kraken refused it; nothing was placed
 */
export type IntentState = 'pending' | 'unknown' | 'placed' | 'rejected';

/** Where intents live (IndexedDB in the extension). `put` must be durable when it resolves. */
export interface OrderIntentStore {
  get(clOrdId: string): Promise<OrderIntent | undefined>;
  put(intent: OrderIntent): Promise<void>;
  list(): Promise<OrderIntent[]>;
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
    list: async () => [...data.values()].map((v) => structuredClone(v)),
  };
}
