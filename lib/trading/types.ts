// What the popup shows about trading beyond the shared order vocabulary (lib/orders/types.ts): the account
// mode, whether live trading can happen, the dead man's switch, unconfirmed live orders, and the whole view
// the background pushes on every change.
import type { DeadManState } from '../kraken/orders/dead-man-switch.ts';
import type { KrakenErrorCode } from '../kraken/rest/errors.ts';
import type { Decimal } from '../kraken/rest/types-public.ts';
import type { MaintenanceView } from '../market/maintenance.ts';
import type { BalanceView, FillView, OrderRequest, OrderView } from '../orders/types.ts';

export type TradingMode = 'paper' | 'live';

/**
 * A failure as data, for the page to say in its language (issue 20): Kraken's error code (our hint for it is in
 * the catalogs, `krakenError.*`) and the words as they came: Kraken's own (shown as "Kraken said: …"), or, when
 * `kraken` is null, the error's own (the browser's, the network's).
 */
export interface Failure {
  kraken: KrakenErrorCode | null;
  words: string;
}

/** Why the private feed is down, as a code the page says (lib/ui/trading/live-text.ts). */
export type LiveProblem =
  /** Kraken closed the private feed for good (WebSocket close 1008, policy); `words`: its close reason, if any. */
  | { code: 'feed-refused'; words: string }
  /** No token for the private feed (GetWebSocketsToken failed). */
  | { code: 'no-token'; failure: Failure };

/** Whether live trading can happen right now, and if not, what the person should do. */
export type LiveStatus =
  /** `otherEndpoint`: the active key was added for another endpoint (it signs only for its own). */
  | { kind: 'no-key'; otherEndpoint: boolean }
  | { kind: 'locked' }
  | { kind: 'connecting' }
  | { kind: 'ready' }
  /** The private feed is down for a reason the person may need to act on; `retryAt`: the next try. */
  | { kind: 'error'; problem: LiveProblem; retryAt?: number };

/**
 * The dead man's switch as Kraken has it (lib/kraken/orders/dead-man-switch.ts): "off" only once Kraken
 * confirmed it; while armed, `triggerAt` is when Kraken would cancel every order. `arm-failed`: Kraken
 * refused to arm it (the setting stays on; it is tried again when live trading restarts).
 */
export type DeadManView = DeadManState | { kind: 'arm-failed'; failure: Failure };

/**
 * A live order whose ending the person must know about: still being confirmed with Kraken, or not placed.
 * Listed in the Trade tab until settled or dismissed; another account's are listed, never sent here.
 */
export interface IntentView {
  clOrdId: string;
  state: 'sending' | 'unknown' | 'expired';
  /** The current live account's, or another key's / endpoint's (left untouched). */
  account: 'current' | 'other';
  /** For another account's: where it was confirmed (the endpoint's host). */
  where?: string;
  /** The order as the ticket had it, when known (to show it, and to open a new ticket from it). */
  order: OrderRequest | null;
  confirmedAt: number;
  /** What it means, in a sentence. */
  message: string;
}

/**
 * The fees the account pays, for the preview and the Trade tab. Live: the account's own tier from Kraken's
 * TradeVolume (`source: 'account'`), until then the starter tier. Paper: the tier the person picked for it
 * (starter by default) or the live account's.
 */
export interface FeesView {
  source: 'account' | 'starter' | 'chosen';
  makerPercent: Decimal;
  takerPercent: Decimal;
  /** The account's 30-day volume (USD), when Kraken said. */
  volume?: Decimal;
  /** The next tier: from what volume, at which fees (absent at the top tier or when unknown). */
  next?: { volume: Decimal; makerPercent?: Decimal; takerPercent: Decimal };
  /** Fees that differ on some pairs (Kraken's per-pair schedule), by pair. */
  pairs?: Record<string, { makerPercent: Decimal; takerPercent: Decimal }>;
  /** Paper: the tier the person picked (settings.paperFees; absent: starter). */
  chosen?: 'starter' | 'live' | number;
}

/** Kraken's per-pair trading counter (executions `ratecounter`), for the pairs with recent order activity. */
export interface RateView {
  symbol: string;
  count: number;
  /** The tier's threshold: orders are refused above it (the limiter waits instead). */
  max: number;
}

/** Kraken's whole-exchange status (the `status` channel), when it is not simply online. */
export interface SystemView {
  status: 'online' | 'maintenance' | 'cancel_only' | 'post_only' | (string & {});
  /** When Kraken announced it, or the time of the status message (ms). */
  since?: number;
}

/** One entry of an order's amend history (Kraken's OrderAmends). */
export interface AmendView {
  kind: 'original' | 'user' | 'restated';
  volume?: Decimal;
  limitPrice?: Decimal;
  triggerPrice?: Decimal;
  reason?: string;
  at: number;
}

/** Everything the popup's trading panels show, pushed on every change. */
export interface TradingView {
  mode: TradingMode;
  live: LiveStatus;
  orders: OrderView[];
  /** Newest first, at most 50. */
  fills: FillView[];
  balances: (BalanceView & { usdValue?: Decimal })[];
  deadMan: DeadManView;
  /** Live orders still being confirmed, not placed, or another account's (never paper orders). */
  intents: IntentView[];
  /** The fees of the account shown (live or paper). */
  fees: FeesView;
  /** Live: pairs whose trading counter is worth showing (close to its threshold). */
  rates: RateView[];
  /** Kraken's exchange status, when it is not online. */
  system?: SystemView;
  /** Kraken's next announced maintenance that concerns trading (its status page); absent: not watched. */
  maintenance?: MaintenanceView;
  /** Something the person should know about the account (e.g. a paper account that could not be read). */
  notice?: string;
}
