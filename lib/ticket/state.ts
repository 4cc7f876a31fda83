// The order ticket's form and confirmation flow as a pure state machine. The component feeds it events
// (typing, Enter, Esc, clicks, answers from the background) and runs the one side effect `effectOf` names.
// Why a machine: "never sent twice" (DESIGN.md §1) must hold against double clicks and held keys, so the
// confirmation owns its cl_ord_id from the moment it is shown, and only a `preview → sending` step may send.
import type { OrderRequest, OrderView } from '../orders/types.ts';
import type { TradingMode } from '../trading/types.ts';
import type { TicketCheck, TicketDraft, TicketField, TicketPreview, TicketProblem } from './types.ts';

/** What the form holds: the draft's fields as typed, including options the current type hides. */
export type TicketForm = TicketDraft;

export type KrakenCheck =
  /** Paper mode: the paper account checks the order when it is placed. */
  | { kind: 'not-needed' }
  | { kind: 'checking' }
  | { kind: 'accepted'; description: string }
  | { kind: 'refused'; message: string };

/** One checked order, shown for confirmation. Its `clOrdId` is fixed for every send of it. */
export interface Confirmation {
  order: OrderRequest;
  preview: TicketPreview;
  /** Warnings to read before confirming. */
  warnings: TicketProblem[];
  clOrdId: string;
  mode: TradingMode;
  check: KrakenCheck;
}

export type TicketPhase =
  | { kind: 'editing' }
  | { kind: 'preview'; confirmation: Confirmation }
  | { kind: 'sending'; confirmation: Confirmation }
  /** The outcome is unknown: Kraken is being asked; the only action is "Check again". */
  | { kind: 'checking'; confirmation: Confirmation };

/**
 * How the last confirmation ended, shown under the ticket until the next ticket, a mode change or a reset:
 * placed (with Kraken's order id), refused (Kraken's reason; a new attempt needs a new confirmation),
 * unknown (checking with Kraken), not placed.
 */
export type TicketResult =
  /** `live`: Kraken's order id is shown (the person can find it on Kraken); paper ids are ours and say nothing. */
  | { kind: 'placed'; order: OrderView; live: boolean; orderId: string; clOrdId: string }
  | { kind: 'refused'; message: string; clOrdId: string }
  /** `released`: it belongs to another account now and is listed with that account's orders. */
  | { kind: 'unknown'; message: string; clOrdId: string; released?: true }
  | { kind: 'not-placed'; message: string; clOrdId: string };

export interface TicketState {
  form: TicketForm;
  /** Fields typed in: their `required` problems show. */
  touched: readonly TicketField[];
  /** Preview was asked for: every problem shows. */
  attempted: boolean;
  phase: TicketPhase;
  result: TicketResult | null;
  /** Why the last preview could not be shown although the form was valid (e.g. live trading not ready). */
  blocked: string | null;
}

export type TicketEvent =
  /** Typing or choosing in the form (ignored while a confirmation is shown). */
  | { type: 'set'; patch: Partial<TicketForm> }
  /** Enter in the form / the Preview button. `gate` is why trading is impossible right now, if it is. */
  | { type: 'submit'; check: TicketCheck; mode: TradingMode; gate: string | null; newId: () => string }
  /** Enter on / click of the confirm button. */
  | { type: 'confirm'; gate: string | null }
  | { type: 'escape' }
  /** Kraken's answer to `trading.preview` for the confirmation with this id. */
  | {
      type: 'validated';
      clOrdId: string;
      outcome: { ok: true; description: string } | { ok: false; message: string };
    }
  | { type: 'placed'; clOrdId: string; order: OrderView }
  /** The send (or a check) ended without an order: refused, not placed, or unknown (then checking). */
  | { type: 'ended'; clOrdId: string; ending: 'refused' | 'unknown' | 'not-placed'; message: string }
  /** "Check again" (or the background settled it): ask Kraken about the unknown order, never send it. */
  | { type: 'check'; clOrdId: string }
  /**
   * The order being checked now belongs to another account (the key or the endpoint changed): it cannot be
   * checked here. The ticket is freed; the order stays listed (unknown) with the other account's orders.
   */
  | { type: 'released'; clOrdId: string; message: string }
  /** The account mode changed: a confirmation made for the other mode is withdrawn. */
  | { type: 'mode'; mode: TradingMode }
  /**
   * The account was reset, or a new ticket was opened (from a shortcut, the address bar or a not-placed order):
   * the last result and any confirmation belong to the old one and go.
   */
  | { type: 'reset' }
  /** The pair left the watchlist (or the ticket opened): start over on this one. */
  | { type: 'pair'; symbol: string };

/** The side effect a step asks for: at most one, named by the step that entered the phase. */
export type TicketEffect =
  | { kind: 'validate'; order: OrderRequest; clOrdId: string }
  | { kind: 'place'; order: OrderRequest; clOrdId: string }
  | { kind: 'check'; clOrdId: string };

export { draftOf } from './draft.ts';
/** Live orders wait for Kraken's own check and are never sent after a refusal. */
export function canConfirm(c: Confirmation): boolean {
  const kind = c.check.kind;
  switch (kind) {
    case 'not-needed':
    case 'accepted':
      return true;
    case 'checking':
    case 'refused':
      return false;
    default:
      return unreachable(kind);
  }
}

export function initialTicket(symbol: string): TicketState {
  return {
    form: {
      symbol,
      side: 'buy',
      type: 'market',
      amount: '',
      amountIn: 'base',
      limitPrice: '',
      triggerPrice: '',
      trailOffset: '',
      trailUnit: 'percent',
      limitOffset: '',
      limitOffsetUnit: 'quote',
      postOnly: false,
      timeInForce: 'GTC',
      expiresAt: '',
      closeType: 'none',
      closePrice: '',
    },
    touched: [],
    attempted: false,
    phase: { kind: 'editing' },
    result: null,
    blocked: null,
  };
}

/** The form's keys that carry a message of their own (the pair's sits under `symbol`). */
const MESSAGED = new Set([
  'amount',
  'limitPrice',
  'triggerPrice',
  'trailOffset',
  'limitOffset',
  'postOnly',
  'timeInForce',
  'expiresAt',
  'closePrice',
]);
const fieldOf = (key: keyof TicketForm): TicketField | undefined =>
  key === 'symbol' ? 'pair' : MESSAGED.has(key) ? (key as TicketField) : undefined;

function touch(touched: readonly TicketField[], patch: Partial<TicketForm>): readonly TicketField[] {
  const added = (Object.keys(patch) as (keyof TicketForm)[])
    .map(fieldOf)
    .filter((f): f is TicketField => f !== undefined && !touched.includes(f));
  return added.length > 0 ? [...touched, ...added] : touched;
}

/** What a new pair clears: what was typed; the choices (side, type, units) stay. */
const TYPED_CLEARED = {
  amount: '',
  limitPrice: '',
  triggerPrice: '',
  trailOffset: '',
  limitOffset: '',
  closePrice: '',
};

const cleared = (state: TicketState, symbol: string): TicketState => ({
  ...state,
  form: { ...state.form, symbol, ...TYPED_CLEARED },
  touched: [],
  attempted: false,
  phase: { kind: 'editing' },
  blocked: null,
});

/** One step of the ticket. Returns `state` itself when the event changes nothing (a no-op is detectable). */
export function ticketStep(state: TicketState, event: TicketEvent): TicketState {
  const { phase } = state;
  switch (event.type) {
    case 'set': {
      if (phase.kind !== 'editing') return state;
      if (event.patch.symbol !== undefined && event.patch.symbol !== state.form.symbol) {
        return { ...cleared(state, event.patch.symbol), result: state.result };
      }
      return {
        ...state,
        form: { ...state.form, ...event.patch },
        touched: touch(state.touched, event.patch),
        blocked: null,
      };
    }
    case 'submit': {
      if (phase.kind !== 'editing') return state;
      const { check } = event;
      if (!check.ok) return { ...state, attempted: true, blocked: null };
      if (event.gate !== null) return { ...state, attempted: true, blocked: event.gate };
      const confirmation: Confirmation = {
        order: check.order,
        preview: check.preview,
        warnings: check.problems.filter((p) => p.level === 'warning'),
        clOrdId: event.newId(),
        mode: event.mode,
        check: event.mode === 'live' ? { kind: 'checking' } : { kind: 'not-needed' },
      };
      return {
        ...state,
        attempted: true,
        blocked: null,
        result: null,
        phase: { kind: 'preview', confirmation },
      };
    }
    case 'confirm': {
      if (phase.kind !== 'preview' || !canConfirm(phase.confirmation)) return state;
      if (event.gate !== null) return { ...state, blocked: event.gate };
      return {
        ...state,
        blocked: null,
        result: null,
        phase: { kind: 'sending', confirmation: phase.confirmation },
      };
    }
    case 'escape': {
      switch (phase.kind) {
        case 'sending':
        case 'checking':
          return state; // an order on its way, or being checked, is never abandoned from the keyboard
        case 'preview':
          return { ...state, phase: { kind: 'editing' }, blocked: null };
        case 'editing':
          // Esc closes the innermost thing shown; with nothing left to close it never wipes what was typed.
          return state;
        default:
          return unreachable(phase);
      }
    }
    case 'validated': {
      if (phase.kind !== 'preview' || phase.confirmation.clOrdId !== event.clOrdId) return state;
      const check: KrakenCheck = event.outcome.ok
        ? { kind: 'accepted', description: event.outcome.description }
        : { kind: 'refused', message: event.outcome.message };
      return { ...state, phase: { kind: 'preview', confirmation: { ...phase.confirmation, check } } };
    }
    case 'placed': {
      if (!awaiting(phase, event.clOrdId)) return state;
      // Never "placed" without Kraken's (or the paper account's) order id.
      if (!event.order.id) return ended(state, phase.confirmation, 'unknown', NO_ORDER_ID);
      return {
        ...state,
        phase: { kind: 'editing' },
        result: {
          kind: 'placed',
          order: event.order,
          live: phase.confirmation.mode === 'live',
          orderId: event.order.id,
          clOrdId: event.clOrdId,
        },
      };
    }
    case 'ended': {
      if (!awaiting(phase, event.clOrdId)) return state;
      return ended(state, phase.confirmation, event.ending, event.message);
    }
    case 'released': {
      if (!awaiting(phase, event.clOrdId)) return state;
      return {
        ...state,
        phase: { kind: 'editing' },
        result: { kind: 'unknown', message: event.message, clOrdId: event.clOrdId, released: true },
      };
    }
    case 'check': {
      if (phase.kind !== 'checking' || phase.confirmation.clOrdId !== event.clOrdId) return state;
      // A new state object (same phase): effectOf sees the step and asks the background.
      return { ...state, phase: { kind: 'checking', confirmation: phase.confirmation } };
    }
    case 'mode': {
      // The last result belongs to its mode's ticket: a switch clears it (a live "Placed" never shows in paper).
      if (phase.kind === 'sending' || phase.kind === 'checking') return state;
      if (phase.kind === 'preview' && phase.confirmation.mode !== event.mode)
        return { ...state, result: null, phase: { kind: 'editing' } };
      return state.result ? { ...state, result: null } : state;
    }
    case 'reset': {
      // An order on its way, or being checked, keeps its line: its ending is still to be told.
      if (phase.kind === 'sending' || phase.kind === 'checking') return state;
      if (phase.kind === 'editing' && state.result === null && state.blocked === null) return state;
      return { ...state, result: null, blocked: null, phase: { kind: 'editing' } };
    }
    case 'pair': {
      if (phase.kind === 'sending' || phase.kind === 'checking' || event.symbol === state.form.symbol)
        return state;
      return cleared(state, event.symbol);
    }
    default:
      return unreachable(event);
  }
}

/** The phase waits for this confirmation's answer (a send, or a check of an unknown outcome). */
function awaiting(
  phase: TicketPhase,
  clOrdId: string,
): phase is Extract<TicketPhase, { kind: 'sending' | 'checking' }> {
  return (phase.kind === 'sending' || phase.kind === 'checking') && phase.confirmation.clOrdId === clOrdId;
}

/** An answer that says "placed" without an order id is no proof: the outcome stays unknown (shown as such). */
export const NO_ORDER_ID = 'no-order-id';

/**
 * Refused or not placed: back to the form as typed, the confirmation gone (a new attempt is a new
 * confirmation, with a new cl_ord_id). Unknown: the confirmation stays, checking, never sendable again.
 */
function ended(
  state: TicketState,
  confirmation: Confirmation,
  ending: 'refused' | 'unknown' | 'not-placed',
  message: string,
): TicketState {
  const { clOrdId } = confirmation;
  if (ending === 'unknown')
    return {
      ...state,
      phase: { kind: 'checking', confirmation },
      result: { kind: 'unknown', message, clOrdId },
    };
  return { ...state, phase: { kind: 'editing' }, result: { kind: ending, message, clOrdId } };
}

function unreachable(value: never): never {
  throw new RangeError(`unexpected ${JSON.stringify(value)}`);
}
