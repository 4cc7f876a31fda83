// Shared inputs for the ticket's tests: BTC/USD with the rules of Kraken's AssetPairs example (price 1 decimal,
// lot 8, cost 5, ordermin 0.0001, costmin 0.5, tick 0.1), a small book around 45,284, and a ticket driven like
// the component drives it.
import type { PairRules } from '../../../lib/kraken/pairs/rules.ts';
import { STARTER_FEES } from '../../../lib/orders/fees.ts';
import type { BookTop } from '../../../lib/orders/types.ts';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { effectOf } from '../../../lib/ticket/effect.ts';
import {
  draftOf,
  initialTicket,
  type TicketEffect,
  type TicketEvent,
  type TicketForm,
  type TicketState,
  ticketStep,
} from '../../../lib/ticket/state.ts';
import type { TicketCheck, TicketContext } from '../../../lib/ticket/types.ts';
import type { TradingMode } from '../../../lib/trading/types.ts';
import { BTC_USD_RULES } from '../../support/paper-fixtures.ts';

export const BTCUSD: PairRules = BTC_USD_RULES;

export const BOOK: BookTop = {
  symbol: 'BTC/USD',
  asks: [
    { price: '45285.2', qty: '0.5' },
    { price: '45286.0', qty: '2' },
  ],
  bids: [
    { price: '45283.5', qty: '1' },
    { price: '45282.0', qty: '3' },
  ],
  at: 1_000,
};

export const ctx = (patch: Partial<TicketContext> = {}): TicketContext => ({
  rules: BTCUSD,
  book: BOOK,
  last: '45284.0',
  available: { USD: '1000', BTC: '0.5' },
  fees: STARTER_FEES,
  ...patch,
});

export const UUID_A = '00000000-0000-4000-8000-00000000000a';
export const UUID_B = '00000000-0000-4000-8000-00000000000b';

/** A ticket driven like the component drives it: every effect recorded, ids counted. */
export function drive(form: Partial<TicketForm> = {}) {
  let state: TicketState = ticketStep(initialTicket('BTC/USD'), { type: 'set', patch: form });
  const effects: TicketEffect[] = [];
  const ids = [UUID_A, UUID_B];
  let minted = 0;
  const newId = () => {
    minted += 1;
    return ids[minted - 1] ?? 'too-many';
  };
  const send = (event: TicketEvent) => {
    const next = ticketStep(state, event);
    const effect = effectOf(state, next);
    if (effect) effects.push(effect);
    state = next;
    return next;
  };
  const check = (): TicketCheck => checkTicket(draftOf(state.form), ctx());
  const submit = (mode: TradingMode = 'paper', gate: string | null = null) =>
    send({ type: 'submit', check: check(), mode, gate, newId });
  return {
    send,
    submit,
    check,
    effects,
    get state() {
      return state;
    },
    get minted() {
      return minted;
    },
  };
}
