import { describe, expect, it } from 'vitest';
import { checkTicket } from '../../../lib/ticket/check.ts';
import { fieldMessages } from '../../../lib/ticket/form.ts';
import { canConfirm, draftOf, initialTicket, type TicketForm } from '../../../lib/ticket/state.ts';
import { order } from '../ui/trading/fixtures.ts';
import { ctx, drive, UUID_A, UUID_B } from './fixtures.ts';

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

  it('clears amounts and prices when the pair changes, since they belong to the old pair', () => {
    const t = drive({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    t.send({ type: 'set', patch: { symbol: 'ETH/USD' } });
    expect(t.state.form).toMatchObject({ symbol: 'ETH/USD', type: 'limit', amount: '', limitPrice: '' });
    expect(t.state.touched).toEqual([]);
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
    expect(t.state.result).toEqual({ kind: 'refused', message: 'Not enough USD.', clOrdId: UUID_A });
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
      message: 'Confirmed for another key or exchange.',
      clOrdId: UUID_A,
      released: true,
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

  it('a reset of the account (or a new ticket) clears the last result, not what is typed', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'placed', clOrdId: UUID_A, order: order({ id: 'P-1' }) });
    expect(t.state.result?.kind).toBe('placed');
    t.send({ type: 'reset' });
    expect(t.state.result).toBeNull();
    expect(t.state.form.amount).toBe('0.01');
    // A preview made before the reset (balances before it) is withdrawn too; a send in flight is not.
    t.submit();
    t.send({ type: 'reset' });
    expect(t.state.phase.kind).toBe('editing');
    t.submit();
    t.send({ type: 'confirm', gate: null });
    expect(t.send({ type: 'reset' }).phase.kind).toBe('sending');
  });

  it('a switch of mode clears the last result, an unconfirmed one included, once nothing is in flight', () => {
    const t = drive(marketBuy);
    t.submit();
    t.send({ type: 'confirm', gate: null });
    t.send({ type: 'ended', clOrdId: UUID_A, ending: 'unknown', message: 'no answer' });
    t.send({ type: 'released', clOrdId: UUID_A, message: 'Confirmed for another key.' });
    expect(t.state.result?.kind).toBe('unknown');
    t.send({ type: 'mode', mode: 'live' });
    expect(t.state.result).toBeNull();
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
    expect(t.state.result).toMatchObject({ kind: 'placed', order: placed, live: false, orderId: placed.id });
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
  it('backs out of a preview and never wipes what was typed; it cannot stop a send', () => {
    const t = drive({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    t.submit();
    t.send({ type: 'escape' });
    expect(t.state.phase.kind).toBe('editing');
    expect(t.state.form.amount).toBe('0.01');
    const editing = t.state;
    expect(t.send({ type: 'escape' })).toBe(editing);
    expect(t.state.form).toMatchObject({ type: 'limit', amount: '0.01', limitPrice: '45000.0' });
    t.submit();
    t.send({ type: 'confirm', gate: null });
    expect(t.send({ type: 'escape' }).phase.kind).toBe('sending');
  });
});

describe('helpers', () => {
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
