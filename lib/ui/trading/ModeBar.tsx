import { useState } from 'preact/hooks';
import type { TradingView } from '../../trading/types.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { deadManText, liveStatusText } from './format.ts';

/**
 * Which account orders go to, always on screen: "Paper" (simulated against the live book) or "Live" (Kraken).
 * Live shows whether it can trade now and the dead man's switch; paper offers a reset.
 */
export function ModeBar({
  trading,
  actions,
  now,
  onOpenSettings,
}: {
  trading: TradingView;
  actions: Pick<TradingActions, 'setMode' | 'setDeadMan' | 'resetPaper'>;
  now: number;
  onOpenSettings(): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const { mode, live, deadMan } = trading;
  const isLive = mode === 'live';
  const needsSettings = live.kind === 'no-key' || live.kind === 'locked';
  return (
    <section class={`mode-bar mode-${mode}`} data-testid="mode-bar">
      <div class="mode-line">
        <span
          class="mode-pill"
          data-testid="trading-mode"
          title={isLive ? 'Orders go to Kraken' : 'Simulated orders'}
        >
          {isLive ? 'Live' : 'Paper'}
        </span>
        <button
          type="button"
          class="small"
          data-testid={isLive ? 'mode-paper' : 'mode-live'}
          disabled={busy}
          onClick={() => run(() => actions.setMode(isLive ? 'paper' : 'live'))}
        >
          {isLive ? 'Switch to paper' : 'Switch to live'}
        </button>
        {isLive ? (
          <label class="dead-man" data-testid="dead-man" data-state={deadMan.kind}>
            <input
              type="checkbox"
              checked={deadMan.kind !== 'off'}
              disabled={busy || live.kind !== 'ready'}
              onChange={(e) => run(() => actions.setDeadMan((e.target as HTMLInputElement).checked))}
            />
            <span title="Kraken cancels every open order if the extension stops refreshing this timer">
              Dead man's switch: <span data-testid="dead-man-status">{deadManText(deadMan, now)}</span>
            </span>
          </label>
        ) : (
          <ConfirmAction
            label="Reset paper account"
            question="Reset? Paper orders and fills are deleted."
            testId="paper-reset"
            onConfirm={() => actions.resetPaper()}
          />
        )}
      </div>
      {isLive && (
        <p class={`live-status live-${live.kind}`} data-testid="live-status" data-kind={live.kind}>
          {liveStatusText(live)}
          {needsSettings && (
            <button type="button" class="link" onClick={onOpenSettings}>
              Open Settings
            </button>
          )}
        </p>
      )}
      {trading.notice && (
        <p class="hint" data-testid="trading-notice">
          {trading.notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="mode-error">
          {error}
        </p>
      )}
    </section>
  );
}
