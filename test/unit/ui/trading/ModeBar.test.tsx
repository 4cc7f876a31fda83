// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModeBar } from '../../../../lib/ui/trading/ModeBar.tsx';
import { tradingView } from './fixtures.ts';

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
