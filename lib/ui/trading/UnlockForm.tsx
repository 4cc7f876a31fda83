import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../locale.ts';
import { messageOf } from './actions.ts';

/**
 * Unlocks the vault from the popup (the `vault.unlock` request): the passphrase never leaves this field but to
 * the background. Esc or Cancel closes it; a wrong passphrase keeps the field for another try.
 */
export function UnlockForm({
  unlock,
  onDone,
  onCancel,
}: {
  unlock(passphrase: string): Promise<unknown>;
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      class="unlock-form"
      data-testid="popup-unlock-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy || passphrase === '') return;
        setBusy(true);
        setError(null);
        try {
          await unlock(passphrase);
          setPassphrase('');
          onDone();
        } catch (err) {
          setError(messageOf(err, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label class="field" for="popup-unlock-passphrase">
        <span class="field-label">{t('unlock.label')}</span>
      </label>
      <div class="ticket-row">
        <input
          id="popup-unlock-passphrase"
          ref={field}
          type="password"
          autoComplete="current-password"
          data-testid="popup-unlock-passphrase"
          value={passphrase}
          onInput={(e) => setPassphrase((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="primary" data-testid="popup-unlock" disabled={busy || passphrase === ''}>
          {busy ? t('unlock.busy') : t('unlock.submit')}
        </button>
        <button type="button" class="link" data-testid="popup-unlock-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert" data-testid="popup-unlock-error">
          {error}
        </p>
      )}
    </form>
  );
}
