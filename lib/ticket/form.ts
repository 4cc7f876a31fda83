// The ticket form's helpers around the state machine (state.ts): which message shows under which field, the
// unit toggle, what a key means where, the freshest book and last price, whether live orders are possible, and
// the fees the preview assumes.
import { formatPercent } from '../format/number.ts';
import type { Locale } from '../i18n/locales.ts';
import { type Translate, translator } from '../i18n/translate.ts';
import type { BookTop, OrderRequest } from '../orders/types.ts';
import type { FeesView, TradingView } from '../trading/types.ts';
import { amount } from '../ui/trading/format.ts';
import { liveStatusText } from '../ui/trading/live-text.ts';
import type { TicketForm, TicketState } from './state.ts';
import { shown } from './typed.ts';
import type { TicketField, TicketPreview, TicketProblem } from './types.ts';

function unreachable(value: never): never {
  throw new RangeError(`unexpected ${JSON.stringify(value)}`);
}

/**
 * The message to show under each field: errors first, and a `required` error only once the field was typed
 * in or a preview was asked for (an untouched empty form is not wrong yet).
 */
export function fieldMessages(
  state: Pick<TicketState, 'touched' | 'attempted'>,
  problems: readonly TicketProblem[],
): Partial<Record<TicketField, TicketProblem>> {
  const out: Partial<Record<TicketField, TicketProblem>> = {};
  const shown = problems.filter(
    (p) => p.code !== 'required' || state.attempted || state.touched.includes(p.field),
  );
  for (const p of shown) {
    const current = out[p.field];
    if (!current || (current.level === 'warning' && p.level === 'error')) out[p.field] = p;
  }
  return out;
}

/**
 * The form after the unit toggle: the amount is carried over in the other unit when the ticket could price it
 * (base volume, or the quote cost), else cleared, so "0.5" never silently changes from BTC to USD.
 */
export function toggleUnit(form: TicketForm, preview: TicketPreview | undefined): Partial<TicketForm> {
  const amountIn = form.amountIn === 'base' ? 'quote' : 'base';
  if (!preview || form.amount.trim() === '') return { amountIn, amount: '' };
  return { amountIn, amount: amountIn === 'base' ? preview.volume : preview.cost };
}

/**
 * What a key means in the ticket. Enter in a field previews, Enter on the confirm button confirms, Esc backs out
 * (preview → form → cleared form). Enter on any other button keeps its own meaning (it clicks that button).
 */
export type TicketKey = 'submit' | 'confirm' | 'escape' | null;

export type KeyTarget = 'field' | 'confirm' | 'other';

export function keyAction(
  key: string,
  where: KeyTarget,
  opts: { repeat: boolean; composing: boolean },
): TicketKey {
  if (opts.composing) return null;
  if (key === 'Escape') return 'escape';
  // A held Enter repeats: it must never slide from "preview" into "confirm".
  if (key !== 'Enter' || opts.repeat) return null;
  switch (where) {
    case 'field':
      return 'submit';
    case 'confirm':
      return 'confirm';
    case 'other':
      return null;
    default:
      return unreachable(where);
  }
}

/** Whether the browser's own Enter handling (implicit form submission, button activation) must be stopped. */
export const swallowsEnter = (key: string, where: KeyTarget): boolean => key === 'Enter' && where !== 'other';

/** The newer of the streamed book and the one `trading.watch` answered with. */
export function newerBook(a: BookTop | undefined, b: BookTop | null | undefined): BookTop | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

/** The fee line under the ticket: the account's maker / taker rates and where they come from. */
export function feesLabel(
  fees: FeesView,
  mode: TradingView['mode'],
  t: Translate = translator('en'),
  locale: Locale = 'en',
): string {
  const rates = t('fees.rates', {
    maker: formatPercent(fees.makerPercent, locale),
    taker: formatPercent(fees.takerPercent, locale),
  });
  const account = mode === 'paper' ? t('fees.paper') : t('fees.live');
  switch (fees.source) {
    case 'account':
      return fees.volume === undefined
        ? t('fees.line.account', { account, rates })
        : t('fees.line.accountVolume', { account, rates, volume: amount(fees.volume, locale) });
    case 'chosen':
      return t('fees.line.chosen', { account, rates, volume: amount(fees.volume ?? '0', locale) });
    case 'starter':
      return mode === 'live'
        ? t('fees.line.starterLive', { account, rates })
        : t('fees.line.starter', { account, rates });
    default: {
      const never: never = fees.source;
      throw new RangeError(`unknown fee source ${String(never)}`);
    }
  }
}

/**
 * Why no order can be sent right now, or null. Paper always can. Live needs a key and the vault unlocked; while
 * the private WebSocket is (re)connecting or refused, orders go over REST under the same never-twice guarantee
 * (lib/trading/live/order-transport.ts), so they are not held back.
 */
export function tradingGate(
  trading: Pick<TradingView, 'mode' | 'live'>,
  t: Translate = translator('en'),
  locale: Locale = 'en',
): string | null {
  if (trading.mode === 'paper') return null;
  switch (trading.live.kind) {
    case 'ready':
    case 'connecting':
    case 'error':
      return null;
    case 'no-key':
    case 'locked':
      return liveStatusText(trading.live, { t, locale });
    default: {
      const never: never = trading.live;
      throw new RangeError(`unknown live status ${JSON.stringify(never)}`);
    }
  }
}

/**
 * A ticket form filled from an order (a new ticket from a not-placed one, a launch), to review and confirm
 * anew; its numbers written the way the page's language types them ("0,5" in French).
 */
export function formOfOrder(o: OrderRequest, locale: Locale = 'en'): Partial<TicketForm> {
  const typed = (v: string | undefined) => (v === undefined ? '' : shown(v, locale));
  return {
    side: o.side,
    type: o.type,
    amount: typed(o.volume),
    amountIn: 'base',
    limitPrice: typed(o.limitPrice),
    triggerPrice: typed(o.triggerPrice),
    trailOffset: typed(o.trailOffset?.value),
    trailUnit: o.trailOffset?.unit ?? 'percent',
    limitOffset: typed(o.limitOffset?.value),
    limitOffsetUnit: o.limitOffset?.unit ?? 'quote',
    postOnly: o.postOnly,
    timeInForce: o.timeInForce,
    // An old expiry is not carried over: a new confirmation asks for a new one.
    expiresAt: '',
    closeType: o.close?.type === 'stop-loss' || o.close?.type === 'take-profit' ? o.close.type : 'none',
    closePrice: typed(o.close?.price),
  };
}

/**
 * The watchlist's last price as decimal text for the ticket (market estimates without a book, stop triggers).
 * Ticks are display floats; at the pair's price decimals the text is what Kraken sent.
 */
export function lastText(last: number | undefined, pricePrecision: number | undefined): string | undefined {
  if (last === undefined || !Number.isFinite(last) || last <= 0) return undefined;
  if (pricePrecision !== undefined) return last.toFixed(pricePrecision);
  const text = String(last);
  return /^\d+(\.\d+)?$/.test(text) ? text : undefined;
}

/** The form's limit (or trigger) field for a picked price (a quote, the ladder); market and trailing become a limit. */
export function pricePatch(type: TicketForm['type'], price: string): Partial<TicketForm> {
  if (type === 'limit' || type === 'stop-loss-limit' || type === 'take-profit-limit')
    return { limitPrice: price };
  if (type === 'stop-loss' || type === 'take-profit') return { triggerPrice: price };
  return { type: 'limit', limitPrice: price };
}

/** Whether the balance an order spends is known: live without an unlocked key it is not (never shown as zero). */
export function spendKindOf(trading: Pick<TradingView, 'mode' | 'live'>): 'known' | 'locked' | 'no-key' {
  if (trading.mode !== 'live') return 'known';
  return trading.live.kind === 'locked' || trading.live.kind === 'no-key' ? trading.live.kind : 'known';
}
