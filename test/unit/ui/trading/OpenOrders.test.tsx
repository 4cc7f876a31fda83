// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundError } from '../../../../lib/messaging/errors.ts';
import { OpenOrders } from '../../../../lib/ui/trading/OpenOrders.tsx';
import { order, tradingView } from './fixtures.ts';

afterEach(cleanup);

const byId = (id: string) => screen.getByTestId(id);

describe('open orders', () => {
  const orders = [
    order({ id: 'A', createdAt: 0 }),
    order({ id: 'B', side: 'sell', symbol: 'ETH/USD', filled: '0.004', createdAt: 50_000 }),
    order({ id: 'C', status: 'filled' }),
  ];
  const actions = () => ({
    cancel: vi.fn(async () => tradingView()),
    cancelAll: vi.fn(async () => ({ canceled: 1 })),
    amend: vi.fn(async () => tradingView()),
    amends: vi.fn(async () => ({
      amends: [
        { kind: 'original' as const, volume: '0.01', limitPrice: '45000.0', at: 0 },
        { kind: 'user' as const, volume: '0.01', limitPrice: '44000.0', at: 1000 },
      ],
    })),
  });

  it('lists open orders newest first with side, pair, type, price, filled / total and age', () => {
    render(<OpenOrders orders={orders} actions={actions()} now={110_000} mode="paper" />);
    const rows = screen.getAllByTestId('order-row');
    expect(rows.map((r) => r.dataset.orderId)).toEqual(['B', 'A']);
    expect(rows[0]?.textContent).toMatch(/sell.*ETH\/USD.*limit.*45,000\.0.*0\.004 \/ 0\.01.*1 min/);
    expect(rows[1]?.textContent).toContain('1 min');
  });

  it('cancels one order only after a yes, and all of a pair', async () => {
    const a = actions();
    render(<OpenOrders orders={orders} actions={a} now={0} mode="paper" />);
    const [first] = screen.getAllByTestId('order-cancel');
    fireEvent.click(first as HTMLElement);
    expect(a.cancel).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(byId('confirm-yes'));
    });
    expect(a.cancel).toHaveBeenCalledWith('B');
    const cancelAll = screen.getAllByTestId('orders-cancel-all');
    expect(cancelAll.map((b) => b.textContent)).toEqual(['Cancel all ETH/USD', 'Cancel all BTC/USD']);
    fireEvent.click(cancelAll[1] as HTMLElement);
    await act(async () => {
      fireEvent.click(byId('confirm-yes'));
    });
    expect(a.cancelAll).toHaveBeenCalledWith('BTC/USD');
  });

  it('keeps one question open at a time, so there is only one "Yes" on screen', () => {
    render(<OpenOrders orders={orders} actions={actions()} now={0} mode="paper" />);
    fireEvent.click(screen.getAllByTestId('order-cancel')[0] as HTMLElement);
    fireEvent.click(screen.getAllByTestId('orders-cancel-all')[0] as HTMLElement);
    expect(screen.getAllByTestId('confirm-yes')).toHaveLength(1);
    expect(screen.getAllByTestId('order-cancel')).toHaveLength(2);
  });

  it("shows a refused cancel with Kraken's words", async () => {
    const a = {
      ...actions(),
      cancel: vi.fn(async () => Promise.reject(new BackgroundError('KrakenError', 'EOrder:Unknown order'))),
    };
    render(<OpenOrders orders={orders} actions={a} now={0} mode="paper" />);
    fireEvent.click(screen.getAllByTestId('order-cancel')[0] as HTMLElement);
    await act(async () => {
      fireEvent.click(byId('confirm-yes'));
    });
    expect((await screen.findByTestId('action-error')).textContent).toBe('EOrder:Unknown order');
  });

  it('amends only what changed, after a confirm that says the id and the queue place are kept', async () => {
    const a = actions();
    render(<OpenOrders orders={orders} actions={a} now={0} mode="live" />);
    fireEvent.click(screen.getAllByTestId('order-amend')[1] as HTMLElement);
    fireEvent.input(byId('amend-limit'), { target: { value: '44100.0' } });
    fireEvent.click(byId('amend-review'));
    expect(a.amend).not.toHaveBeenCalled();
    expect(byId('amend-confirm-text').textContent).toBe(
      'Amend in place: Kraken keeps the order id and, where possible, its place in the queue. New limit 44,100.0.',
    );
    await act(async () => {
      fireEvent.click(byId('amend-yes'));
    });
    expect(a.amend).toHaveBeenCalledWith('A', { limitPrice: '44100.0' });
    expect(screen.queryByTestId('amend-form')).toBeNull();
  });

  it('a trailing stop offers its amount only; nothing changed sends nothing', () => {
    const a = actions();
    const trailing = order({
      id: 'T',
      type: 'trailing-stop',
      limitPrice: undefined,
      triggerPrice: '42750.0',
      trailOffset: { value: '5', unit: 'percent' },
    });
    render(<OpenOrders orders={[trailing]} actions={a} now={0} mode="paper" />);
    expect(byId('order-price').textContent).toBe('trigger 42,750.0 (trails 5 %)');
    fireEvent.click(byId('order-amend'));
    expect(screen.queryByTestId('amend-limit')).toBeNull();
    expect(screen.queryByTestId('amend-trigger')).toBeNull();
    fireEvent.click(byId('amend-review'));
    expect(byId('amend-error').textContent).toBe('Nothing changed: type a new amount or price.');
    expect(a.amend).not.toHaveBeenCalled();
  });

  it("offers the amount as a person writes it (Kraken's 0.00200000 as 0.002), unchanged when sent back as is", () => {
    const a = actions();
    const eth = order({ id: 'E', symbol: 'ETH/USD', volume: '0.00200000' });
    render(<OpenOrders orders={[eth]} actions={a} now={0} mode="live" />);
    fireEvent.click(byId('order-amend'));
    expect((byId('amend-volume') as HTMLInputElement).value).toBe('0.002');
    fireEvent.click(byId('amend-review'));
    expect(byId('amend-error').textContent).toBe('Nothing changed: type a new amount or price.');
    expect(a.amend).not.toHaveBeenCalled();
  });

  it('shows the amend history on demand', async () => {
    const a = actions();
    render(<OpenOrders orders={orders} actions={a} now={0} mode="paper" />);
    fireEvent.click(screen.getAllByTestId('order-amend')[0] as HTMLElement);
    await act(async () => {
      fireEvent.click(byId('order-history'));
    });
    expect(a.amends).toHaveBeenCalledWith('B');
    expect(screen.getAllByTestId('amend-entry').map((e) => e.dataset.kind)).toEqual(['original', 'user']);
  });

  it('says when there is nothing open', () => {
    render(<OpenOrders orders={[order({ status: 'canceled' })]} actions={actions()} now={0} mode="paper" />);
    expect(screen.queryByTestId('order-row')).toBeNull();
    expect(byId('open-orders').textContent).toContain('No open orders.');
  });
});
