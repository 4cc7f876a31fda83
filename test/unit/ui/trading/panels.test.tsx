// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundError } from '../../../../lib/messaging/errors.ts';
import { Balances } from '../../../../lib/ui/trading/Balances.tsx';
import { Fills } from '../../../../lib/ui/trading/Fills.tsx';
import { ModeBar } from '../../../../lib/ui/trading/ModeBar.tsx';
import { OpenOrders } from '../../../../lib/ui/trading/OpenOrders.tsx';
import { order, tradingView } from './fixtures.ts';

afterEach(cleanup);

const byId = (id: string) => screen.getByTestId(id);
const modeActions = () => ({
  setMode: vi.fn(async () => tradingView()),
  setDeadMan: vi.fn(async () => tradingView()),
  resetPaper: vi.fn(async () => tradingView()),
});

describe('mode bar', () => {
  it('paper: says Paper, switches to live, resets only after a yes', async () => {
    const actions = modeActions();
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    expect(byId('trading-mode').textContent).toBe('Paper');
    expect(screen.queryByTestId('dead-man')).toBeNull();
    expect(screen.queryByTestId('live-status')).toBeNull();
    await act(async () => {
      fireEvent.click(byId('mode-live'));
    });
    expect(actions.setMode).toHaveBeenCalledWith('live');
    fireEvent.click(byId('paper-reset'));
    expect(actions.resetPaper).not.toHaveBeenCalled();
    fireEvent.click(byId('confirm-no'));
    expect(screen.queryByTestId('confirm-yes')).toBeNull();
    fireEvent.click(byId('paper-reset'));
    await act(async () => {
      fireEvent.click(byId('confirm-yes'));
    });
    expect(actions.resetPaper).toHaveBeenCalledTimes(1);
  });

  it('live without a key: says Live, what to do, and the dead man switch cannot be armed', () => {
    render(
      <ModeBar
        trading={tradingView({ mode: 'live' })}
        actions={modeActions()}
        now={0}
        onOpenSettings={() => {}}
      />,
    );
    expect(byId('trading-mode').textContent).toBe('Live');
    expect(byId('mode-paper').textContent).toBe('Switch to paper');
    expect(byId('live-status').textContent).toContain('Add an API key in Settings');
    expect(byId('dead-man').querySelector('input')?.disabled).toBe(true);
    expect(screen.queryByTestId('paper-reset')).toBeNull();
  });

  it('live and ready: the dead man switch shows its state and toggles', async () => {
    const actions = modeActions();
    const trading = tradingView({
      mode: 'live',
      live: { kind: 'ready' },
      deadMan: { kind: 'armed', triggerAt: 61_000, refreshedAt: 1_000 },
    });
    render(<ModeBar trading={trading} actions={actions} now={31_000} onOpenSettings={() => {}} />);
    expect(byId('dead-man').textContent).toContain('armed · refreshed 30 s ago');
    const box = byId('dead-man').querySelector('input') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(async () => {
      fireEvent.click(box);
    });
    expect(actions.setDeadMan).toHaveBeenCalledWith(false);
  });

  it('shows a refused switch as an error', async () => {
    const actions = { ...modeActions(), setMode: vi.fn(async () => Promise.reject(new Error('No key'))) };
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    await act(async () => {
      fireEvent.click(byId('mode-live'));
    });
    expect((await screen.findByTestId('mode-error')).textContent).toBe('No key');
  });
});

describe('open orders', () => {
  const orders = [
    order({ id: 'A', createdAt: 0 }),
    order({ id: 'B', side: 'sell', symbol: 'ETH/USD', filled: '0.004', createdAt: 50_000 }),
    order({ id: 'C', status: 'filled' }),
  ];
  const actions = () => ({
    cancel: vi.fn(async () => tradingView()),
    cancelAll: vi.fn(async () => ({ canceled: 1 })),
  });

  it('lists open orders newest first with side, pair, type, price, filled / total and age', () => {
    render(<OpenOrders orders={orders} actions={actions()} now={110_000} />);
    const rows = screen.getAllByTestId('order-row');
    expect(rows.map((r) => r.dataset.orderId)).toEqual(['B', 'A']);
    expect(rows[0]?.textContent).toMatch(/sell.*ETH\/USD.*limit.*45,000\.0.*0\.004 \/ 0\.01.*1 min/);
    expect(rows[1]?.textContent).toContain('1 min');
  });

  it('cancels one order only after a yes, and all of a pair', async () => {
    const a = actions();
    render(<OpenOrders orders={orders} actions={a} now={0} />);
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
    render(<OpenOrders orders={orders} actions={actions()} now={0} />);
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
    render(<OpenOrders orders={orders} actions={a} now={0} />);
    fireEvent.click(screen.getAllByTestId('order-cancel')[0] as HTMLElement);
    await act(async () => {
      fireEvent.click(byId('confirm-yes'));
    });
    expect((await screen.findByTestId('action-error')).textContent).toBe('EOrder:Unknown order');
  });

  it('says when there is nothing open', () => {
    render(<OpenOrders orders={[order({ status: 'canceled' })]} actions={actions()} now={0} />);
    expect(screen.queryByTestId('order-row')).toBeNull();
    expect(byId('open-orders').textContent).toContain('No open orders.');
  });
});

describe('balances and fills', () => {
  it('shows available, on hold and the USD value per asset', () => {
    const balances = [
      { asset: 'USD', total: '10250.5', hold: '250.5', available: '10000.0000', usdValue: '10250.5' },
      { asset: 'DOT', total: '3', hold: '0', available: '3' },
    ];
    render(<Balances balances={balances} />);
    const rows = screen.getAllByTestId('balance-row');
    expect(rows.map((r) => r.dataset.asset)).toEqual(['USD', 'DOT']);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['USD', '10,000', '250.5', '10,250.50'],
      ['DOT', '3', '0', '—'],
    ]);
  });

  it('lists fills newest first, partial or full', () => {
    const fill = {
      orderId: 'A',
      symbol: 'BTC/USD',
      side: 'buy' as const,
      price: '45000.0',
      fee: '0.72',
      feeAsset: 'USD',
      liquidity: 'taker' as const,
    };
    render(
      <Fills
        fills={[
          { ...fill, id: 'f1', qty: '0.004', complete: false, at: 1_000 },
          { ...fill, id: 'f2', qty: '0.006', complete: true, at: 2_000 },
        ]}
        now={62_000}
      />,
    );
    const rows = screen.getAllByTestId('fill-row');
    expect(rows.map((r) => r.dataset.fillId)).toEqual(['f2', 'f1']);
    expect(rows[0]?.textContent).toMatch(/buy 0\.006 BTC\/USD.*full.*@ 45,000\.0.*fee 0\.72 USD.*1 min/);
    expect(rows[1]?.textContent).toContain('partial');
  });
});
