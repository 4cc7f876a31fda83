import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../locale.ts';
import { messageOf } from './actions.ts';

/**
 * A button whose action needs a second, explicit answer (cancel, cancel all, reset): the question replaces the
 * button until answered. The answers say what they do ("Cancel order" / "Keep order", never "Yes" / "No");
 * focus moves to the one that acts and comes back to the button after; Esc keeps things as they are. Errors
 * stay on screen beside it.
 */
export function ConfirmAction({
  label,
  question,
  yes,
  no,
  testId,
  onConfirm,
  disabled = false,
  ariaLabel,
  asking: askingProp,
  onAsking,
}: {
  label: string;
  question: string;
  /** What the acting answer does ("Cancel order"). */
  yes: string;
  /** What the other answer keeps ("Keep order"). */
  no: string;
  testId: string;
  onConfirm(): Promise<unknown>;
  disabled?: boolean;
  ariaLabel?: string;
  /** Controlled: a list keeps one question open at a time, so there is only ever one "Yes" on screen. */
  asking?: boolean;
  onAsking?(asking: boolean): void;
}) {
  const t = useT();
  const [askingState, setAskingState] = useState(false);
  const asking = askingProp ?? askingState;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  /** Set when the question closes by an answer here: focus returns to the opener once it is back. */
  const returnFocus = useRef(false);
  const setAsking = (value: boolean) => {
    if (!value) returnFocus.current = true;
    setAskingState(value);
    onAsking?.(value);
  };
  useEffect(() => {
    if (asking) yesRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [asking]);
  const act = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="confirm-action">
      {asking ? (
        <fieldset
          class="confirm-ask"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) {
              e.preventDefault();
              e.stopPropagation();
              setAsking(false);
            }
          }}
        >
          <legend class="confirm-q">{question}</legend>
          <button
            ref={yesRef}
            type="button"
            class="danger"
            data-testid="confirm-yes"
            disabled={busy}
            onClick={act}
          >
            {busy ? t('common.working') : yes}
          </button>
          <button
            type="button"
            class="link"
            data-testid="confirm-no"
            disabled={busy}
            onClick={() => setAsking(false)}
          >
            {no}
          </button>
        </fieldset>
      ) : (
        <button
          ref={opener}
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
