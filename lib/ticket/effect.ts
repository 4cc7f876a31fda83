// What a step of the ticket asks of the outside world (state.ts): Kraken's check when a live confirmation
// appears, the order when sending starts, a look-up of an unknown outcome.
import type { TicketEffect, TicketState } from './state.ts';

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
