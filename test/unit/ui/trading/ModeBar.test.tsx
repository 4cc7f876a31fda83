// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveGate } from '../../../../lib/ui/trading/live-gate.ts';
import { ModeBar } from '../../../../lib/ui/trading/ModeBar.tsx';
import type { VaultView } from '../../../../lib/vault/types.ts';
import { tradingView } from './fixtures.ts';

afterEach(cleanup);

const byId = (id: string) => screen.getByTestId(id);
const SIM = 'http://127.0.0.1:8900';
const key = (patch: Partial<VaultView['keys'][number]> = {}): VaultView['keys'][number] => ({
  id: 'k1',
  label: 'Main',
  apiKeyHint: 'AbCd',
  active: true,
  createdAt: 0,
  verification: { kind: 'unchecked' } as never,
  endpoint: SIM,
  nonceScale: 'ms',
  ...patch,
});
const vault = (patch: Partial<VaultView> = {}): VaultView => ({
  status: 'unlocked',
  keys: [key()],
  damaged: [],
  checking: false,
  endpoint: SIM,
  autoLockMinutes: 15,
  refused: { untrusted: 0, malformed: 0 },
  ...patch,
});
const modeActions = (v: VaultView = vault()) => ({
  setMode: vi.fn(async () => tradingView()),
  setDeadMan: vi.fn(async () => tradingView()),
  resetPaper: vi.fn(async () => tradingView()),
  vaultView: vi.fn(async () => v),
  unlock: vi.fn(async () => ({ ...v, status: 'unlocked' as const })),
});
const click = (id: string) =>
  act(async () => {
    fireEvent.click(byId(id));
  });

describe('the live gate', () => {
  it('needs an active key for the configured endpoint, and says which step is missing', () => {
    expect(liveGate(vault({ status: 'empty', keys: [] })).kind).toBe('no-key');
    expect(liveGate(vault({ keys: [key({ active: false })] })).kind).toBe('no-key');
    expect(liveGate(vault({ keys: [key({ endpoint: 'https://api.kraken.com' })] }))).toEqual({
      kind: 'other-endpoint',
      label: 'Main',
    });
    expect(liveGate(vault({ status: 'locked' })).kind).toBe('locked');
    expect(liveGate(vault())).toEqual({ kind: 'ready', label: 'Main', hint: 'AbCd' });
  });
});

describe('mode bar', () => {
  it('paper without a key: "Switch to live" is refused with what to do, and nothing is switched', async () => {
    const actions = modeActions(vault({ status: 'empty', keys: [] }));
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    expect(byId('trading-mode').textContent).toBe('Paper');
    await click('mode-live');
    expect(byId('live-refused').textContent).toContain('needs an API key for this endpoint');
    expect(actions.setMode).not.toHaveBeenCalled();
  });

  it('with a key: asks first, naming the key; "Stay on paper" (or Esc) switches nothing', async () => {
    const actions = modeActions();
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    await click('mode-live');
    expect(byId('live-confirm').textContent).toContain('“Main” (…AbCd)');
    await waitFor(() => expect(document.activeElement).toBe(byId('mode-live-confirm')));
    fireEvent.keyDown(byId('mode-live-confirm'), { key: 'Escape' });
    expect(screen.queryByTestId('live-confirm')).toBeNull();
    await click('mode-live');
    await click('mode-live-cancel');
    expect(actions.setMode).not.toHaveBeenCalled();
    await click('mode-live');
    await click('mode-live-confirm');
    expect(actions.setMode).toHaveBeenCalledWith('live');
  });

  it('locked: unlocks from the popup, then asks', async () => {
    const actions = modeActions(vault({ status: 'locked' }));
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    await click('mode-live');
    fireEvent.input(byId('popup-unlock-passphrase'), { target: { value: 'correct horse' } });
    actions.vaultView.mockResolvedValue(vault());
    await act(async () => {
      fireEvent.submit(byId('popup-unlock-form'));
    });
    expect(actions.unlock).toHaveBeenCalledWith('correct horse');
    await waitFor(() => expect(byId('live-confirm')).toBeTruthy());
    expect(actions.setMode).not.toHaveBeenCalled();
  });

  it('resets the paper account only after "Reset paper account", and tells the ticket', async () => {
    const actions = modeActions();
    const onReset = vi.fn();
    render(
      <ModeBar
        trading={tradingView()}
        actions={actions}
        now={0}
        onOpenSettings={() => {}}
        onReset={onReset}
      />,
    );
    fireEvent.click(byId('paper-reset'));
    expect(byId('confirm-yes').textContent).toBe('Reset paper account');
    expect(byId('confirm-no').textContent).toBe('Keep paper account');
    fireEvent.click(byId('confirm-no'));
    expect(actions.resetPaper).not.toHaveBeenCalled();
    fireEvent.click(byId('paper-reset'));
    await click('confirm-yes');
    expect(actions.resetPaper).toHaveBeenCalledTimes(1);
    expect(onReset).toHaveBeenCalledTimes(1);
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

  it('live and ready: the dead man switch counts down and toggles; a failing refresh says what it means', async () => {
    const actions = modeActions();
    const trading = tradingView({
      mode: 'live',
      live: { kind: 'ready' },
      deadMan: { kind: 'armed', triggerAt: 61_000, refreshedAt: 1_000 },
    });
    const { rerender } = render(
      <ModeBar trading={trading} actions={actions} now={31_000} onOpenSettings={() => {}} />,
    );
    expect(byId('dead-man').textContent).toContain('armed · refreshed 30 s ago');
    expect(byId('dead-man').textContent).toContain('(in 30 s)');
    const box = byId('dead-man').querySelector('input') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await act(async () => {
      fireEvent.click(box);
    });
    expect(actions.setDeadMan).toHaveBeenCalledWith(false);
    const failing = tradingView({
      mode: 'live',
      live: { kind: 'ready' },
      deadMan: { kind: 'refresh-failing', triggerAt: 61_000, refreshedAt: 1_000, error: 'Failed to fetch' },
    });
    rerender(<ModeBar trading={failing} actions={actions} now={31_000} onOpenSettings={() => {}} />);
    expect(byId('dead-man-status').textContent).toContain('Kraken will cancel all your orders at');
    expect(byId('dead-man-status').textContent).not.toContain('Failed to fetch');
    expect(byId('dead-man-detail').textContent).toContain('Failed to fetch');
  });

  it('shows a refused switch as an error', async () => {
    const actions = { ...modeActions(), setMode: vi.fn(async () => Promise.reject(new Error('No key'))) };
    render(<ModeBar trading={tradingView()} actions={actions} now={0} onOpenSettings={() => {}} />);
    await click('mode-live');
    await click('mode-live-confirm');
    expect((await screen.findByTestId('mode-error')).textContent).toBe('No key');
  });
});
