import { describe, expect, it } from 'vitest';
import { checkTicket, type TicketCheck } from '../../../lib/trading/ticket.ts';
import type { TradingMode } from '../../../lib/trading/types.ts';
import {
  fieldMessages,
  keyAction,
  newerBook,
  swallowsEnter,
  toggleUnit,
} from '../../../lib/ui/trading/ticket-form.ts';
import {
  canConfirm,
  describeOrder,
  draftOf,
  effectOf,
  initialTicket,
  type TicketEffect,
  type TicketEvent,
  type TicketForm,
  type TicketState,
  ticketStep,
} from '../../../lib/ui/trading/ticket-state.ts';
import { BOOK, ctx, order } from './trading-fixtures.ts';

const UUID_A = '00000000-0000-4000-8000-00000000000a';
const UUID_B = '00000000-0000-4000-8000-00000000000b';

/** A ticket driven like the component drives it: every effect recorded, ids counted. */
function drive(form: Partial<TicketForm> = {}) {
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

const marketBuy = { amount: '0.01' } satisfies Partial<TicketForm>;

describe('the form', () => {
  it('starts as an empty market buy in base units with nothing shown as wrong', () => {
    const s = initialTicket('BTC/USD');
    expect(s.form).toMatchObject({
      symbol: 'BTC/USD',
      side: 'buy',
      type: 'market',
      amount: '',
      amountIn: 'base',
    });
    const check = checkTicket(draftOf(s.form), ctx());
    expect(check.ok).toBe(false);
    expect(fieldMessages(s, check.problems)).toEqual({});
  });

  it('checks post-only and IOC only on limit orders (a hidden checkbox never blocks a market order)', () => {
    const form = { ...initialTicket('BTC/USD').form, postOnly: true, timeInForce: 'IOC' as const };
    expect(draftOf(form)).toMatchObject({ postOnly: false, timeInForce: 'GTC' });
    expect(draftOf({ ...form, type: 'limit' })).toMatchObject({ postOnly: true, timeInForce: 'IOC' });
  });

  it('shows a required field once it was typed in, and every field after a preview was asked for', () => {
    const t = drive({ type: 'limit', amount: '' });
    expect(fieldMessages(t.state, t.check().problems).amount?.message).toBe('Enter an amount.');
    expect(fieldMessages(t.state, t.check().problems).limitPrice).toBeUndefined();
    t.submit();
    expect(t.state.phase.kind).toBe('editing');
    expect(fieldMessages(t.state, t.check().problems).limitPrice?.message).toBe('Enter a limit price.');
  });

  it('shows the exact rule an amount breaks, and an error before a warning on the same field', () => {
    const t = drive({ amount: '0.00001' });
    const shown = fieldMessages(t.state, t.check().problems);
    expect(shown.amount).toMatchObject({
      level: 'error',
      message: 'The smallest BTC/USD order is 0.0001 BTC.',
    });
    const warning = { field: 'amount', code: 'rough-estimate', message: 'w', level: 'warning' } as const;
    const error = { field: 'amount', code: 'required', message: 'e', level: 'error' } as const;
    expect(fieldMessages({ ...t.state, attempted: true }, [warning, error]).amount).toBe(error);
  });

  it('clears amounts and prices when the pair changes, since they belong to the old pair', () => {
    const t = drive({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    t.send({ type: 'set', patch: { symbol: 'ETH/USD' } });
    expect(t.state.form).toMatchObject({ symbol: 'ETH/USD', type: 'limit', amount: '', limitPrice: '' });
    expect(t.state.touched).toEqual([]);
  });

  it('carries the amount over when the unit flips, or clears it when it cannot be priced', () => {
    const t = drive({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    const preview = t.check().preview;
    expect(toggleUnit(t.state.form, preview)).toEqual({ amountIn: 'quote', amount: '450.00000' });
    expect(toggleUnit({ ...t.state.form, amountIn: 'quote', amount: '450' }, preview)).toEqual({
      amountIn: 'base',
      amount: '0.01000000',
    });
    expect(toggleUnit(t.state.form, undefined)).toEqual({ amountIn: 'quote', amount: '' });
  });
});

describe('preview and confirmation', () => {
  it('a valid paper ticket previews with one new cl_ord_id and asks nothing of Kraken', () => {
    const t = drive(marketBuy);
    t.submit('paper');
    expect(t.state.phase.kind).toBe('preview');
    if (t.state.phase.kind !== 'preview') return;
    expect(t.state.phase.confirmation).toMatchObject({
      clOrdId: UUID_A,
      mode: 'paper',
      check: { kind: 'not-needed' },
    });
    expect(t.state.phase.confirmation.order).toMatchObject({
      side: 'buy',
      type: 'market',
      volume: '0.01000000',
    });
    expect(t.effects).toEqual([]);
    expect(t.minted).toBe(1);
  });

  it('an invalid ticket never reaches a confirmation, whatever is pressed', () => {
    const t = drive({ amount: '0.00001' });
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.submit();
    expect(t.state.phase.kind).toBe('editing');
    expect(t.effects).toEqual([]);
    expect(t.minted).toBe(0);
  });

  it('a double confirm sends one order', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'confirm', gate: null });
    t.submit();
    expect(t.effects).toEqual([
      { kind: 'place', order: expect.objectContaining({ volume: '0.01000000' }), clOrdId: UUID_A },
    ]);
    expect(t.state.phase.kind).toBe('sending');
  });

  it('a refusal ends the confirmation: the form stays, a new attempt is a new confirmation with a new id', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'ended', clOrdId: UUID_A, ending: 'refused', message: 'Not enough USD.' });
    expect(t.state.result).toEqual({ kind: 'refused', text: 'Refused: Not enough USD.', clOrdId: UUID_A });
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.form.amount).not.toBe('');
    // Confirming again is not possible without a new preview, which mints a new cl_ord_id.
    t.send({ type: 'confirm', gate: null });
    t.submit();
    expect(t.state.phase.kind === 'preview' && t.state.phase.confirmation.clOrdId).toBe(UUID_B);
    expect(t.effects.filter((e) => e.kind === 'place')).toHaveLength(1);
  });

  it('an unknown outcome keeps checking: never "not placed", never sendable again, only "check"', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'ended', clOrdId: UUID_A, ending: 'unknown', message: 'no answer' });
    expect(t.state.phase.kind).toBe('checking');
    expect(t.state.result).toMatchObject({ kind: 'unknown' });
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'escape' });
    expect(t.state.phase.kind).toBe('checking');
    t.send({ type: 'check', clOrdId: UUID_A });
    expect(t.effects.map((e) => e.kind)).toEqual(['place', 'check']);
    const placed = order({
      id: 'OABCDE-FGHIJ-KLMNOP',
      type: 'market',
      limitPrice: undefined,
      volume: '0.01',
    });
    t.send({ type: 'placed', clOrdId: UUID_A, order: placed });
    expect(t.state.result).toMatchObject({ kind: 'placed', orderId: 'OABCDE-FGHIJ-KLMNOP' });
  });

  it('an order being checked that now belongs to another account frees the ticket, still "not confirmed"', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'ended', clOrdId: UUID_A, ending: 'unknown', message: 'no answer' });
    t.send({ type: 'released', clOrdId: UUID_A, message: 'Confirmed for another key or exchange.' });
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.result).toEqual({
      kind: 'unknown',
      text: 'Not confirmed: Confirmed for another key or exchange.',
      clOrdId: UUID_A,
    });
  });

  it('never "placed" without an order id', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'placed', clOrdId: UUID_A, order: order({ id: '' }) });
    expect(t.state.result?.kind).toBe('unknown');
    expect(t.state.phase.kind).toBe('checking');
  });

  it('a switch of mode clears the last result (a live "Placed" never shows on the paper ticket)', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'placed', clOrdId: UUID_A, order: order({ id: 'P-1' }) });
    expect(t.state.result?.kind).toBe('placed');
    t.send({ type: 'mode', mode: 'live' });
    expect(t.state.result).toBeNull();
  });

  it('a placed order ends the confirmation with a result line; the next ticket gets a new id', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    const placed = order({ type: 'market', limitPrice: undefined, volume: '0.01', status: 'filled' });
    t.send({ type: 'placed', clOrdId: 'some-other-id', order: placed });
    expect(t.state.phase.kind).toBe('sending');
    t.send({ type: 'placed', clOrdId: UUID_A, order: placed });
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.result).toMatchObject({
      kind: 'placed',
      text: 'Placed: buy 0.01 BTC/USD market',
      orderId: placed.id,
    });
    t.submit();
    expect(t.state.phase.kind === 'preview' && t.state.phase.confirmation.clOrdId).toBe(UUID_B);
    expect(t.state.result).toBeNull();
  });

  it('live: Kraken checks first; confirm waits for its answer and is refused after its refusal', () => {
    const t = drive(marketBuy);
    t.submit('live');
    expect(t.effects).toEqual([{ kind: 'validate', order: expect.any(Object), clOrdId: UUID_A }]);
    t.send({ type: 'confirm', gate: null });
    expect(t.state.phase.kind).toBe('preview');
    t.send({
      type: 'validated',
      clOrdId: UUID_A,
      outcome: { ok: false, message: 'EOrder:Insufficient funds' },
    });
    expect(t.state.phase.kind === 'preview' && t.state.phase.confirmation.check).toEqual({
      kind: 'refused',
      message: 'EOrder:Insufficient funds',
    });
    t.send({ type: 'confirm', gate: null });
    expect(t.effects.map((e) => e.kind)).toEqual(['validate']);
  });

  it('live: an accepted check enables confirm; an answer for another confirmation is ignored', () => {
    const t = drive(marketBuy);
    t.submit('live');
    t.send({ type: 'validated', clOrdId: UUID_B, outcome: { ok: true, description: 'stale' } });
    expect(t.state.phase.kind === 'preview' && t.state.phase.confirmation.check.kind).toBe('checking');
    t.send({
      type: 'validated',
      clOrdId: UUID_A,
      outcome: { ok: true, description: 'buy 0.01 XBTUSD @ market' },
    });
    t.send({ type: 'confirm', gate: null });
    expect(t.effects.map((e) => e.kind)).toEqual(['validate', 'place']);
  });

  it('live trading that is not ready blocks the preview and the send', () => {
    const t = drive(marketBuy);
    t.submit('live', 'Unlock the vault in Settings to trade live');
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.blocked).toBe('Unlock the vault in Settings to trade live');
    t.submit('live');
    t.send({ type: 'validated', clOrdId: UUID_A, outcome: { ok: true, description: 'ok' } });
    t.send({ type: 'confirm', gate: 'Connecting to Kraken…' });
    expect(t.state.phase.kind).toBe('preview');
    expect(t.effects.map((e) => e.kind)).toEqual(['validate']);
  });

  it('switching mode withdraws a confirmation made for the other account, never one being sent', () => {
    const t = drive(marketBuy);
    t.submit('paper');
    t.send({ type: 'mode', mode: 'paper' });
    expect(t.state.phase.kind).toBe('preview');
    t.send({ type: 'mode', mode: 'live' });
    expect(t.state.phase.kind).toBe('editing');
    t.submit('live');
    t.send({ type: 'validated', clOrdId: UUID_B, outcome: { ok: true, description: 'ok' } });
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'mode', mode: 'paper' });
    expect(t.state.phase.kind).toBe('sending');
  });

  it('the form cannot change under a confirmation', () => {
    const t = drive(marketBuy);
    t.submit();
    const before = t.state;
    expect(t.send({ type: 'set', patch: { amount: '5' } })).toBe(before);
    expect(t.send({ type: 'pair', symbol: 'ETH/USD' }).form.symbol).toBe('ETH/USD');
  });
});

describe('Esc', () => {
  it('backs out of a preview, then clears the form; it cannot stop a send', () => {
    const t = drive({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    t.submit();
    t.send({ type: 'escape' });
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.form.amount).toBe('0.01');
    t.send({ type: 'escape' });
    expect(t.state.form).toMatchObject({ type: 'limit', amount: '', limitPrice: '' });
    expect(t.state.attempted).toBe(false);
    t.send({ type: 'set', patch: { amount: '0.01', limitPrice: '45000.0' } });
    t.submit();
    t.send({ type: 'confirm', gate: null });
    expect(t.send({ type: 'escape' }).phase.kind).toBe('sending');
  });
});

describe('keys', () => {
  it.each([
    ['Enter', 'field', false, 'submit'],
    ['Enter', 'confirm', false, 'confirm'],
    ['Enter', 'other', false, null],
    // A held Enter repeats: the repeat that lands on the freshly focused confirm button does nothing.
    ['Enter', 'confirm', true, null],
    ['Enter', 'field', true, null],
    ['Escape', 'field', false, 'escape'],
    ['Escape', 'confirm', true, 'escape'],
    ['a', 'field', false, null],
  ] as const)('%s on %s (repeat %s) → %s', (key, where, repeat, expected) => {
    expect(keyAction(key, where, { repeat, composing: false })).toBe(expected);
  });

  it('ignores keys while an input method is composing', () => {
    expect(keyAction('Enter', 'field', { repeat: false, composing: true })).toBeNull();
  });

  it("stops the browser's own Enter in fields and on confirm, not on other buttons", () => {
    expect(swallowsEnter('Enter', 'field')).toBe(true);
    expect(swallowsEnter('Enter', 'confirm')).toBe(true);
    expect(swallowsEnter('Enter', 'other')).toBe(false);
    expect(swallowsEnter('Escape', 'field')).toBe(false);
  });
});

describe('helpers', () => {
  it('describes orders the way the result line shows them', () => {
    expect(describeOrder(order({ type: 'market', limitPrice: undefined, volume: '0.01' }))).toBe(
      'buy 0.01 BTC/USD market',
    );
    expect(describeOrder(order({ side: 'sell' }))).toBe('sell 0.01 BTC/USD limit at 45,000.0');
    expect(describeOrder(order({ type: 'stop-loss', limitPrice: undefined, triggerPrice: '44000.0' }))).toBe(
      'buy 0.01 BTC/USD stop-loss at 44,000.0',
    );
  });

  it('keeps the newer book', () => {
    const older = { ...BOOK, at: 1 };
    expect(newerBook(BOOK, older)).toBe(BOOK);
    expect(newerBook(older, BOOK)).toBe(BOOK);
    expect(newerBook(undefined, null)).toBeUndefined();
    expect(newerBook(undefined, BOOK)).toBe(BOOK);
  });

  it('only a confirmation Kraken accepted (or paper) can be confirmed', () => {
    const base = {
      order: {} as never,
      preview: {} as never,
      warnings: [],
      clOrdId: UUID_A,
      mode: 'live' as const,
    };
    expect(canConfirm({ ...base, check: { kind: 'checking' } })).toBe(false);
    expect(canConfirm({ ...base, check: { kind: 'refused', message: 'x' } })).toBe(false);
    expect(canConfirm({ ...base, check: { kind: 'accepted', description: 'x' } })).toBe(true);
    expect(canConfirm({ ...base, check: { kind: 'not-needed' } })).toBe(true);
  });
});
