// The order ticket's form and confirmation flow as a pure state machine. The component feeds it events
// (typing, Enter, Esc, clicks, answers from the background) and runs the one side effect `effectOf` names.
// Why a machine: "never sent twice" (DESIGN.md §1) must hold against double clicks and held keys, so the
// confirmation owns its cl_ord_id from the moment it is shown, and only a `preview → sending` step may send.
import type { OrderRequest, OrderView } from '../orders/types.ts';
import type { TradingMode } from '../trading/types.ts';
import { closedAtOnce, describeOrder } from '../ui/trading/format.ts';
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
  | { kind: 'placed'; text: string; orderId: string; clOrdId: string }
  | { kind: 'refused'; text: string; clOrdId: string }
  | { kind: 'unknown'; text: string; clOrdId: string }
  | { kind: 'not-placed'; text: string; clOrdId: string };

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
  /** The pair left the watchlist (or the ticket opened): start over on this one. */
  | { type: 'pair'; symbol: string };

/** The side effect a step asks for: at most one, named by the step that entered the phase. */
export type TicketEffect =
  | { kind: 'validate'; order: OrderRequest; clOrdId: string }
  | { kind: 'place'; order: OrderRequest; clOrdId: string }
  | { kind: 'check'; clOrdId: string };

export { draftOf } from './draft.ts';

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
const MESSAGED = new Set(
  'amount limitPrice triggerPrice trailOffset limitOffset postOnly timeInForce expiresAt closePrice'.split(
    ' ',
  ),
);
const fieldOf = (key: keyof TicketForm): TicketField | undefined =>
  key === 'symbol' ? 'pair' : MESSAGED.has(key) ? (key as TicketField) : undefined;

function touch(touched: readonly TicketField[], patch: Partial<TicketForm>): readonly TicketField[] {
  const added = (Object.keys(patch) as (keyof TicketForm)[])
    .map(fieldOf)
    .filter((f): f is TicketField => f !== undefined && !touched.includes(f));
  return added.length > 0 ? [...touched, ...added] : touched;
}

/** What a new pair (or Esc on the form) clears: what was typed; the choices (side, type, units) stay. */
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
          return { ...cleared(state, state.form.symbol), result: null };
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
      if (!event.order.id) return ended(state, phase.confirmation, 'unknown', 'The answer had no order id.');
      return {
        ...state,
        phase: { kind: 'editing' },
        result: {
          kind: 'placed',
          // Live: Kraken's order id, which the person can find on Kraken. Paper ids are ours and say nothing.
          text: `Placed: ${describeOrder(event.order)}${closedAtOnce(event.order)}${phase.confirmation.mode === 'live' ? ` · order ${event.order.id}` : ''}`,
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
      const text = `Not confirmed: ${event.message}`;
      return {
        ...state,
        phase: { kind: 'editing' },
        result: { kind: 'unknown', text, clOrdId: event.clOrdId },
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
      return state.result && state.result.kind !== 'unknown' ? { ...state, result: null } : state;
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

const ENDING_TEXT = {
  refused: 'Refused',
  'not-placed': 'Not placed',
  unknown: 'Checking with Kraken',
} as const;

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
  const text = `${ENDING_TEXT[ending]}: ${message}`;
  if (ending === 'unknown')
    return {
      ...state,
      phase: { kind: 'checking', confirmation },
      result: { kind: 'unknown', text, clOrdId },
    };
  return { ...state, phase: { kind: 'editing' }, result: { kind: ending, text, clOrdId } };
}

function unreachable(value: never): never {
  throw new RangeError(`unexpected ${JSON.stringify(value)}`);
}

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

/** The request a step calls for: Kraken's check when a live confirmation appears, the order when sending starts. */
export function effectOf(prev: TicketState, next: TicketState): TicketEffect | null {
  if (prev === next) return null;
  const p = prev.phase;
  const n = next.phase;
  if (n.kind === 'sending' && p.kind !== 'sending') {
    return { kind: 'place', order: n.confirmation.order, clOrdId: n.confirmation.clOrdId };
  }
  if (n.kind === 'checking' && p.kind === 'checking')
    return { kind: 'check', clOrdId: n.confirmation.clOrdId };
  if (n.kind === 'preview' && p.kind === 'editing' && n.confirmation.check.kind === 'checking') {
    return { kind: 'validate', order: n.confirmation.order, clOrdId: n.confirmation.clOrdId };
  }
  return null;
}
