// THE messaging contract between the UI pages and the background service worker (DESIGN.md §3).
// Requests go over a long-lived Port named REQUEST_PORT (runtime.sendMessage is served too, for the same
// contract); live data streams over a Port named STREAM_PORT.
import type { AlertsView, ImportResult } from '../alerts/service.ts';
import type { LanguageSetting } from '../i18n/locales.ts';
import type { NonceScale } from '../kraken/auth/nonce.ts';
import type { PairRules } from '../kraken/pairs/rules.ts';
import type { Launch } from '../launch/types.ts';
import type {
  CandleSeries,
  ChartCandle,
  ChartInterval,
  ConnectionView,
  MarketSnapshot,
  Sparkline,
  Tick,
} from '../market/types.ts';
import type { BookTop, OrderRequest, OrderView, PriceOffset } from '../orders/types.ts';
import type { Endpoints, Settings, ThemeSetting } from '../settings/schema.ts';
import type { AmendView, TradingMode, TradingView } from '../trading/types.ts';
import type { VaultView } from '../vault/types.ts';
import type { SerializedError } from './errors.ts';

export type { VaultStatus, VaultView } from '../vault/types.ts';

/** The key fields of an add or a replace. */
export interface KeyParams {
  apiKey: string;
  apiSecret: string;
  otp?: string;
  /** The scale of the key's nonces (default 'ms'; docs/nonce.md). */
  nonceScale?: NonceScale;
  /** The person confirmed keeping a key that can withdraw funds. */
  allowWithdraw?: boolean;
}

export const STREAM_PORT = 'market-stream';
/**
 * The pages' requests: one port per page, kept open, each message `{ id, request }` answered by `{ id, response }`.
 * Not runtime.sendMessage, which opens and closes a channel per message: measured in Chromium on this machine,
 * a round trip over an open port takes 0.8–0.9 ms p50 (1.2–1.3 p95) against 1.3–1.4 (2.2–2.3) — on the order
 * path it is paid twice per order (docs/design.md §10, order-ack).
 */
export const REQUEST_PORT = 'requests';
/** The port names the background serves; any other is refused. */
export const PORT_NAMES: readonly string[] = [STREAM_PORT, REQUEST_PORT];

export interface RequestMap {
  'watchlist.add': { params: { symbol: string }; result: { symbol: string } };
  'watchlist.remove': { params: { symbol: string }; result: { symbol: string } };
  /** Moves a watched pair to `index` (0-based, clamped to the list): reorder by drag or keyboard, undo of a remove. */
  'watchlist.move': { params: { symbol: string; index: number }; result: { watchlist: string[] } };
  'badge.setPair': { params: { symbol: string }; result: { symbol: string } };
  /**
   * A page shows a chart: its candles now, then `candle` stream events and the pair's `book`, for as long as the
   * page renews this watch (every 20 s; it lapses after 60 s). `viewer` is an id the page made up for itself.
   */
  'chart.watch': {
    params: { viewer: string; symbol: string; interval: ChartInterval };
    result: { series: CandleSeries };
  };
  'chart.unwatch': { params: { viewer: string }; result: Record<never, never> };
  'settings.get': { params: Record<never, never>; result: Settings };
  'settings.setEndpoints': { params: { endpoints: Endpoints }; result: Settings };
  'settings.setAlertSound': { params: { on: boolean }; result: Settings };
  'settings.setLanguage': { params: { language: LanguageSetting }; result: Settings };
  'settings.setTheme': { params: { theme: ThemeSetting }; result: Settings };
  /**
   * What a keyboard shortcut or the address bar opened the popup for (a ticket or an alert form to fill in),
   * once: the first page to ask takes it. Null when nothing is waiting. The page checks it (parseLaunch).
   */
  'launch.take': { params: Record<never, never>; result: Launch | null };
  'vault.get': { params: Record<never, never>; result: VaultView };
  'vault.create': { params: { passphrase: string }; result: VaultView };
  'vault.unlock': { params: { passphrase: string }; result: VaultView };
  'vault.lock': { params: Record<never, never>; result: VaultView };
  /**
   * Checked with the configured endpoint first, then stored bound to it. A key that can withdraw is refused
   * (VaultError `withdraw-rights`, nothing stored) unless `allowWithdraw` says the person confirmed it.
   */
  'vault.addKey': {
    params: KeyParams & { label: string };
    result: VaultView;
  };
  /** New credentials for a key, checked with the key's own endpoint; `allowWithdraw` as for addKey. */
  'vault.replaceKey': {
    params: KeyParams & { id: string };
    result: VaultView;
  };
  /** Forgets every key; `confirm` is what the person typed and must be "RESET". */
  'vault.reset': { params: { confirm: string }; result: VaultView };
  'vault.relabel': { params: { id: string; label: string }; result: VaultView };
  'vault.removeKey': { params: { id: string }; result: VaultView };
  'vault.setActive': { params: { id: string }; result: VaultView };
  'vault.setAutoLock': { params: { minutes: number }; result: VaultView };
  'alerts.get': { params: Record<never, never>; result: AlertsView };
  /** `rule` is validated in the background (lib/alerts/rules.ts parseRule), field by field. */
  'alerts.create': { params: { rule: Record<string, unknown> }; result: AlertsView };
  'alerts.remove': { params: { id: string }; result: AlertsView };
  'alerts.setPaused': { params: { id: string; paused: boolean }; result: AlertsView };
  /** `changes` is validated in the background against the whole rule (parseRule). */
  'alerts.edit': { params: { id: string; changes: Record<string, unknown> }; result: AlertsView };
  'alerts.export': { params: Record<never, never>; result: { json: string } };
  'alerts.import': { params: { json: string }; result: ImportResult };
  'alerts.testNotification': { params: Record<never, never>; result: { permission: string } };
  'trading.get': { params: Record<never, never>; result: TradingView };
  'trading.setMode': { params: { mode: TradingMode }; result: TradingView };
  /** The ticket's pair: its rules, and its live book streamed as `book` events while a popup is open. */
  'trading.watch': { params: { symbol: string }; result: { rules: PairRules | null; book: BookTop | null } };
  /** Live: Kraken's own check (AddOrder validate=true). Paper: the paper account's check. Nothing is placed. */
  'trading.preview': { params: { order: OrderRequest }; result: { description: string } };
  /**
   * `clOrdId` is made once per confirmed ticket: a second send with the same id never places a second order.
   * Answers only with Kraken's order (its id); otherwise fails with the ending: KrakenError or OrderRefused
   * (refused), OrderOutcomeUnknown (checking with Kraken), OrderExpired (not placed).
   */
  'trading.place': { params: { order: OrderRequest; clOrdId: string }; result: { order: OrderView } };
  /** Asks Kraken about an order whose outcome was unknown; never sends it. Same endings as `trading.place`. */
  'trading.check': { params: { clOrdId: string }; result: { order: OrderView } };
  /** Removes a not-placed order, or another account's, from the Trade tab's list (kept until pruned). */
  'trading.dismissIntent': { params: { clOrdId: string }; result: TradingView };
  'trading.cancel': { params: { id: string }; result: TradingView };
  /**
   * Amends a resting order in place (Kraken's AmendOrder / amend_order: the id and, where Kraken can, the queue
   * position are kept): a new volume and/or limit or trigger price. Paper orders are amended by the paper account.
   */
  'trading.amend': {
    params: {
      id: string;
      volume?: string;
      limitPrice?: string;
      triggerPrice?: string;
      trailOffset?: PriceOffset;
    };
    result: TradingView;
  };
  /** An order's amend history (live: Kraken's OrderAmends). */
  'trading.amends': { params: { id: string }; result: { amends: AmendView[] } };
  /** The fee tier the paper account charges: the starter tier, the live account's, or one by its 30-day volume. */
  'trading.setPaperFees': { params: { tier: 'starter' | 'live' | number }; result: TradingView };
  'trading.cancelAll': { params: { symbol: string }; result: { canceled: number } };
  'trading.setDeadMan': { params: { on: boolean }; result: TradingView };
  'trading.resetPaper': { params: Record<never, never>; result: TradingView };
}
export type RequestType = keyof RequestMap;
export type Request = { [K in RequestType]: { type: K } & RequestMap[K]['params'] }[RequestType];
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;
export type ResultOf<K extends RequestType> = RequestMap[K]['result'];

export type Response<K extends RequestType> =
  | { ok: true; value: ResultOf<K> }
  | { ok: false; error: SerializedError };

/** A request over REQUEST_PORT (`id`: the page's own counter), and its answer with the same id. */
export interface PortRequest {
  id: number;
  request: Request;
}
export interface PortAnswer {
  id: number;
  response: Response<RequestType>;
}

/**
 * Background → offscreen document (Chrome's offscreen API, for the alert sound). Sent with
 * runtime.sendMessage; the offscreen page checks the sender is this extension and answers `{ played }`.
 */
export type OffscreenMessage = { target: 'offscreen'; type: 'play-alert-sound' };

export function isOffscreenMessage(value: unknown): value is OffscreenMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).target === 'offscreen' &&
    (value as Record<string, unknown>).type === 'play-alert-sound'
  );
}

/** Background → UI over the stream port: a snapshot first, then deltas. */
export type StreamEvent =
  | { type: 'snapshot'; snapshot: MarketSnapshot }
  | { type: 'ticks'; ticks: Tick[] }
  | { type: 'connection'; connection: ConnectionView }
  | { type: 'market'; snapshot: MarketSnapshot }
  | { type: 'alerts'; alerts: AlertsView }
  | { type: 'trading'; trading: TradingView }
  | { type: 'book'; book: BookTop }
  /** A watched chart's candle changed (`chart.watch`). */
  | { type: 'candle'; symbol: string; interval: ChartInterval; candle: ChartCandle }
  /** The watchlist's 24 h histories for the sparklines (the page appends live prices itself). */
  | { type: 'sparklines'; sparklines: Record<string, Sparkline> }
  /** The background could not start (e.g. settings from a newer version): say so instead of spinning. */
  | { type: 'fatal'; message: string };
