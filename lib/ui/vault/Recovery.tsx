// The vault's way out of trouble on the options page: keys that cannot be used (listed by name, removable)
// and "Reset the vault" behind a typed confirmation.
import { useState } from 'preact/hooks';
import type { VaultView } from '../../messaging/protocol.ts';
import { RESET_WORD } from '../../vault/errors.ts';
import type { DamagedKey } from '../../vault/format.ts';
import { useT } from '../locale.ts';
import { rich } from '../rich.ts';
import type { VaultActions } from './AddKeyForm.tsx';
import { message } from './fields.tsx';

function DamagedRow({
  d,
  actions,
  onView,
}: {
  d: DamagedKey;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <li data-testid="damaged-key" data-key-id={d.id}>
      <span>
        <b>{d.label}</b> {d.apiKeyHint && <code>…{d.apiKeyHint}</code>}
      </span>
      <span class="hint" data-testid="damaged-reason">
        {t('keys.damaged.reason', { reason: d.reason })}
      </span>
      <span class="row-actions">
        {confirming ? (
          <>
            <button
              type="button"
              class="destructive"
              onClick={() => actions.removeKey(d.id).then(onView, (e: unknown) => setError(message(e, t)))}
              data-testid="confirm-remove-damaged"
            >
              {t('keys.removeForGood')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('keys.keep')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="destructive"
            onClick={() => setConfirming(true)}
            data-testid="remove-damaged"
          >
            {t('keys.remove')}
          </button>
        )}
      </span>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

export function DamagedKeys(props: { view: VaultView; actions: VaultActions; onView(v: VaultView): void }) {
  const t = useT();
  if (props.view.damaged.length === 0) return null;
  return (
    <div class="damaged" data-testid="damaged-keys">
      <h3>{t('keys.damaged.title')}</h3>
      <p class="hint">{t('keys.damaged.intro')}</p>
      <ul class="keys">
        {props.view.damaged.map((d) => (
          <DamagedRow key={d.id} d={d} actions={props.actions} onView={props.onView} />
        ))}
      </ul>
    </div>
  );
}

/** Forgets every key and the passphrase; alerts, the paper account and order records stay. */
export function ResetVault(props: { actions: VaultActions; onView(v: VaultView): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <p class="reset">
        <button type="button" class="link" onClick={() => setOpen(true)} data-testid="reset-vault">
          {t('vault.reset.open')}
        </button>
      </p>
    );
  }
  const reset = async () => {
    setError(null);
    try {
      props.onView(await props.actions.reset(typed));
      setOpen(false);
    } catch (e) {
      setError(message(e, t));
    } finally {
      setTyped('');
    }
  };
  return (
    <div class="danger" data-testid="reset-form">
      <p>{rich(t, 'vault.reset.text', { word: <b>{RESET_WORD}</b> })}</p>
      <input
        value={typed}
        aria-label={t('vault.reset.label', { word: RESET_WORD })}
        onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
        autocomplete="off"
        spellcheck={false}
        data-testid="reset-confirm-input"
      />{' '}
      <button
        type="button"
        class="destructive"
        disabled={typed !== RESET_WORD}
        onClick={reset}
        data-testid="reset-confirm"
      >
        {t('vault.reset.confirm')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        {t('vault.cancel')}
      </button>
      {error && (
        <p class="error" role="alert" data-testid="reset-error">
          {error}
        </p>
      )}
    </div>
  );
}
