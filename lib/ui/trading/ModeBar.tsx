import { useEffect, useRef, useState } from 'preact/hooks';
import type { TradingView } from '../../trading/types.ts';
import { useLocale, useT } from '../locale.ts';
import { messageOf, type TradingActions } from './actions.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { wordsOf } from './format.ts';
import { type LiveGate, liveGate } from './live-gate.ts';
import { deadManDetail, deadManText, liveStatusText } from './live-text.ts';
import { UnlockForm } from './UnlockForm.tsx';

/** The steps of "Switch to live": ask the vault, then refuse, unlock or confirm. */
type Step = { kind: 'idle' } | { kind: 'checking' } | { kind: 'gate'; gate: LiveGate };

/**
 * Which account orders go to, always on screen in the Trade tab: "Paper" (simulated against the live book) or
 * "Live" (Kraken, real money). Going live needs an active key for this endpoint and the vault unlocked (it can
 * be unlocked here), and a confirmation that names the key; going back to paper needs none. Live shows whether
 * it can trade now and the dead man's switch; paper offers a reset.
 */
export function ModeBar({
  trading,
  actions,
  now,
  onOpenSettings,
  onReset,
}: {
  trading: TradingView;
  actions: Pick<TradingActions, 'setMode' | 'setDeadMan' | 'resetPaper' | 'vaultView' | 'unlock'>;
  now: number;
  onOpenSettings(): void;
  /** The paper account was reset (the ticket's last result belongs to the old one). */
  onReset?(): void;
}) {
  const t = useT();
  const w = wordsOf(useLocale());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const switchRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e, t));
    } finally {
      setBusy(false);
    }
  };
  const { mode, live, deadMan } = trading;
  const isLive = mode === 'live';
  const ask = async () => {
    setError(null);
    setStep({ kind: 'checking' });
    try {
      setStep({ kind: 'gate', gate: liveGate(await actions.vaultView()) });
    } catch (e) {
      setStep({ kind: 'idle' });
      setError(messageOf(e, t));
    }
  };
  const close = () => {
    setStep({ kind: 'idle' });
    // Focus goes back where it came from: the button that opened the question.
    requestAnimationFrame(() => switchRef.current?.focus());
  };
  const gate = step.kind === 'gate' ? step.gate : null;
  useEffect(() => {
    if (gate?.kind === 'ready') confirmRef.current?.focus();
  }, [gate?.kind]);
  // Leaving live (or arriving there) ends any question about it.
  useEffect(() => setStep({ kind: 'idle' }), [mode]);
  const detail = deadManDetail(deadMan);
  return (
    <section
      class={`mode-bar mode-${mode}`}
      data-testid="mode-bar"
      aria-label={t('mode.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && gate && gate.kind !== 'locked') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <div class="mode-line">
        <span
          class={`mode-pill mode-pill-${mode}`}
          data-testid="trading-mode"
          data-mode={mode}
          title={isLive ? t('mode.liveTitle') : t('mode.paperTitle')}
        >
          {isLive ? t('mode.live') : t('mode.paper')}
        </span>
        <button
          ref={switchRef}
          type="button"
          class="small"
          data-testid={isLive ? 'mode-paper' : 'mode-live'}
          disabled={busy || step.kind === 'checking'}
          aria-expanded={isLive ? undefined : gate !== null}
          onClick={() => (isLive ? run(() => actions.setMode('paper')) : gate ? close() : ask())}
        >
          {isLive ? t('mode.toPaper') : t('mode.toLive')}
        </button>
        {isLive ? (
          <label class="dead-man" data-testid="dead-man" data-state={deadMan.kind}>
            <input
              type="checkbox"
              checked={deadMan.kind !== 'off'}
              disabled={busy || live.kind !== 'ready'}
              onChange={(e) => run(() => actions.setDeadMan((e.target as HTMLInputElement).checked))}
            />
            <span title={t('deadMan.title')}>
              {t('deadMan.name')}{' '}
              <span data-testid="dead-man-status" class={detail ? 'warn' : ''}>
                {deadManText(deadMan, now, w)}
              </span>
            </span>
          </label>
        ) : (
          <ConfirmAction
            label={t('mode.reset')}
            question={t('mode.resetQuestion')}
            yes={t('mode.resetYes')}
            no={t('mode.resetNo')}
            testId="paper-reset"
            onConfirm={async () => {
              await actions.resetPaper();
              onReset?.();
            }}
          />
        )}
      </div>
      {detail && (
        <details class="hint" data-testid="dead-man-detail">
          <summary>{t('common.details')}</summary>
          {detail}
        </details>
      )}
      {gate && liveQuestion(gate)}
      {isLive && (
        <p class={`live-status live-${live.kind}`} data-testid="live-status" data-kind={live.kind}>
          {liveStatusText(live, w)}
          {live.kind === 'no-key' && (
            <button type="button" class="link" onClick={onOpenSettings}>
              {t('mode.openSettings')}
            </button>
          )}
          {live.kind === 'locked' && step.kind !== 'gate' && (
            <button
              type="button"
              class="link"
              data-testid="live-unlock"
              onClick={() => setStep({ kind: 'gate', gate: { kind: 'locked', label: '', hint: '' } })}
            >
              {t('unlock.open')}
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

  // A plain function, not a component: a component declared here would be a new type on every render (each
  // tick), remounting the unlock field and losing what was typed.
  function liveQuestion(gate: LiveGate) {
    switch (gate.kind) {
      case 'no-key':
      case 'other-endpoint':
        return (
          <div class="live-question" data-testid="live-refused" data-kind={gate.kind} role="alert">
            <p>
              {gate.kind === 'no-key'
                ? t('mode.refusedNoKey')
                : t('mode.refusedEndpoint', { label: gate.label })}
            </p>
            <button type="button" class="small" onClick={onOpenSettings}>
              {t('mode.openSettings')}
            </button>{' '}
            <button type="button" class="link" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        );
      case 'locked':
        return (
          <div class="live-question" data-testid="live-locked">
            <p>{t('mode.unlockFirst')}</p>
            <UnlockForm
              unlock={actions.unlock}
              onCancel={close}
              onDone={() => (isLive ? setStep({ kind: 'idle' }) : void ask())}
            />
          </div>
        );
      case 'ready':
        return (
          <div
            class="live-question live-confirm"
            data-testid="live-confirm"
            role="alertdialog"
            aria-labelledby="live-q"
          >
            <p id="live-q">{t('mode.confirmQuestion', { label: gate.label, hint: gate.hint })}</p>
            <button
              ref={confirmRef}
              type="button"
              class="danger live"
              data-testid="mode-live-confirm"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await actions.setMode('live');
                  setStep({ kind: 'idle' });
                })
              }
            >
              {t('mode.confirmYes')}
            </button>{' '}
            <button type="button" class="link" data-testid="mode-live-cancel" onClick={close}>
              {t('mode.confirmNo')}
            </button>
          </div>
        );
      default: {
        const never: never = gate;
        throw new RangeError(`unknown live gate ${JSON.stringify(never)}`);
      }
    }
  }
}
