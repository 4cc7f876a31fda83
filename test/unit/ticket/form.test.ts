import { describe, expect, it } from 'vitest';
import {
  fieldMessages,
  keyAction,
  lastText,
  newerBook,
  swallowsEnter,
  toggleUnit,
  tradingGate,
} from '../../../lib/ticket/form.ts';
import { tradingView } from '../ui/trading/fixtures.ts';
import { BOOK, drive } from './fixtures.ts';

describe('messages under the fields', () => {
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
});

describe('the unit toggle', () => {
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

describe('inputs', () => {
  it('keeps the newer book', () => {
    const older = { ...BOOK, at: 1 };
    expect(newerBook(BOOK, older)).toBe(BOOK);
    expect(newerBook(older, BOOK)).toBe(BOOK);
    expect(newerBook(undefined, null)).toBeUndefined();
    expect(newerBook(undefined, BOOK)).toBe(BOOK);
  });

  it('takes the last price as text at the pair decimals, never in exponent form', () => {
    expect(lastText(45284.1, 1)).toBe('45284.1');
    expect(lastText(0.1 + 0.2, 2)).toBe('0.30');
    expect(lastText(1e-7, undefined)).toBeUndefined();
    expect(lastText(0, 2)).toBeUndefined();
    expect(lastText(undefined, 2)).toBeUndefined();
  });

  it('lets paper trade always and live only when ready', () => {
    expect(tradingGate(tradingView())).toBeNull();
    expect(tradingGate(tradingView({ mode: 'live' }))).toBe('Add an API key in Settings to trade live.');
    expect(tradingGate(tradingView({ mode: 'live', live: { kind: 'ready' } }))).toBeNull();
    // The private WebSocket down: orders go over REST (still once), so the ticket is not held back.
    expect(tradingGate(tradingView({ mode: 'live', live: { kind: 'connecting' } }))).toBeNull();
    expect(
      tradingGate(
        tradingView({ mode: 'live', live: { kind: 'error', problem: { code: 'feed-refused', words: '' } } }),
      ),
    ).toBeNull();
    expect(tradingGate(tradingView({ mode: 'live', live: { kind: 'locked' } }))).toBe(
      'Unlock the vault to trade live.',
    );
  });
});
