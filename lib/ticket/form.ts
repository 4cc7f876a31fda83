// The ticket form's helpers around the state machine (state.ts): which message shows under which field, the
// unit toggle, what a key means where, the freshest book and last price, whether live orders are possible, and
// the fees the preview assumes.
import { STARTER_FEES } from '../orders/fees.ts';
import type { BookTop } from '../orders/types.ts';
import type { TradingView } from '../trading/types.ts';
import { liveStatusText } from '../ui/trading/format.ts';
import type { TicketForm, TicketState } from './state.ts';
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

export const FEES_LABEL = `Fees: Kraken Pro starter tier, ${STARTER_FEES.makerPercent} % maker / ${STARTER_FEES.takerPercent} % taker.`;

/** Why no order can be sent right now, or null: paper always can; live only when ready. */
export function tradingGate(trading: Pick<TradingView, 'mode' | 'live'>): string | null {
  if (trading.mode === 'paper' || trading.live.kind === 'ready') return null;
  return liveStatusText(trading.live);
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
