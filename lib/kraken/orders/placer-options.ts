import type { BackoffPolicy } from '../backoff.ts';
import type { Clock } from '../clock.ts';
import type { KrakenRest } from '../rest/client.ts';
import type { AddOrderParams, AddOrderResult } from '../rest/types-private.ts';
import type { IntentAccount, OrderIntent, OrderIntentStore } from './intents.ts';

export interface OrderPlacerOptions {
  rest: Pick<KrakenRest, 'addOrder' | 'openOrders' | 'closedOrders'>;
  store: OrderIntentStore;
  clock: Clock;
  /** The account this placer sends for: intents of any other account are never sent or looked up. */
  account: IntentAccount;
  /** How an order is sent (default REST AddOrder); the WebSocket's add_order has the same shape. */
  send?: (params: AddOrderParams, signal?: AbortSignal) => Promise<AddOrderResult>;
  /** Default crypto.randomUUID (a UUID is a valid cl_ord_id). */
  newId?: () => string;
  /**
   * Kraken's `deadline` for each send, after Kraken's now: 2 000…60 000 ms (Kraken's bounds). After it the
   * engine refuses that send, so a lookup once it has passed says for good whether the send made it.
   * Default 5 000.
   */
  deadlineMs?: number;
  /** Wait this long past the deadline before a lookup counts as definitive (our clock-offset error). Default 2 s. */
  settleMarginMs?: number;
  /** A confirmation is sent only while younger than this. Default 60 s. */
  confirmTtlMs?: number;
  /** Sends per intent, each after a definitive "absent". Default 3. */
  maxAttempts?: number;
  /** Kraken's time minus ours, in ms (from measureClockOffset). Default 0. */
  serverOffsetMs?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Every change of an intent, after it is stored (the Trade tab lists the unsettled ones). */
  onChange?: (intent: OrderIntent) => void;
}
