import { useState } from 'preact/hooks';
import { messageOf } from './actions.ts';

/**
 * A button whose action needs a second, explicit "Yes" (cancel, cancel all, reset): the question replaces the
 * button until answered. Errors stay on screen beside it.
 */
export function ConfirmAction({
  label,
  question,
  testId,
  onConfirm,
  disabled = false,
  ariaLabel,
  asking: askingProp,
  onAsking,
}: {
  label: string;
  question: string;
  testId: string;
  onConfirm(): Promise<unknown>;
  disabled?: boolean;
  ariaLabel?: string;
  /** Controlled: a list keeps one question open at a time, so there is only ever one "Yes" on screen. */
  asking?: boolean;
  onAsking?(asking: boolean): void;
}) {
  const [askingState, setAskingState] = useState(false);
  const asking = askingProp ?? askingState;
  const setAsking = (value: boolean) => {
    setAskingState(value);
    onAsking?.(value);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const yes = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="confirm-action">
      {asking ? (
        <span class="confirm-ask">
          <span>{question}</span>
          <button type="button" class="danger" data-testid="confirm-yes" disabled={busy} onClick={yes}>
            {busy ? '…' : 'Yes'}
          </button>
          <button
            type="button"
            class="link"
            data-testid="confirm-no"
            disabled={busy}
            onClick={() => setAsking(false)}
          >
            No
          </button>
        </span>
      ) : (
        <button
          type="button"
          class="small"
          data-testid={testId}
          disabled={disabled}
          aria-label={ariaLabel}
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {label}
        </button>
      )}
      {error && (
        <span class="error" role="alert" data-testid="action-error">
          {error}
        </span>
      )}
    </span>
  );
}
