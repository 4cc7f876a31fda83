// The vault's way out of trouble on the options page: keys that cannot be used (listed by name, removable)
// and "Reset the vault" behind a typed confirmation.
import { useState } from 'preact/hooks';
import type { VaultView } from '../../messaging/protocol.ts';
import { RESET_WORD } from '../../vault/errors.ts';
import type { DamagedKey } from '../../vault/format.ts';
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
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <li data-testid="damaged-key" data-key-id={d.id}>
      <span>
        <b>{d.label}</b> {d.apiKeyHint && <code>…{d.apiKeyHint}</code>}
      </span>
      <span class="hint" data-testid="damaged-reason">
        Cannot be used: {d.reason}. Remove it, then add the key again.
      </span>
      <span class="row-actions">
        {confirming ? (
          <>
            <button
              type="button"
              onClick={() => actions.removeKey(d.id).then(onView, (e: unknown) => setError(message(e)))}
              data-testid="confirm-remove-damaged"
            >
              Remove for good
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="remove-damaged">
            Remove
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
  if (props.view.damaged.length === 0) return null;
  return (
    <div class="damaged" data-testid="damaged-keys">
      <h3>Keys that cannot be used</h3>
      <p class="hint">
        Their stored records are damaged (altered or corrupted on this device). The other keys work.
      </p>
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
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <p class="reset">
        <button type="button" class="quiet" onClick={() => setOpen(true)} data-testid="reset-vault">
          Reset the vault…
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
      setError(message(e));
    } finally {
      setTyped('');
    }
  };
  return (
    <div class="danger" data-testid="reset-form">
      <p>
        Resetting removes every stored key and the vault passphrase from this browser; you then add your keys
        again. Alerts, the paper account and the record of orders sent stay. Type <b>{RESET_WORD}</b> to
        confirm.
      </p>
      <input
        value={typed}
        onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
        autocomplete="off"
        spellcheck={false}
        data-testid="reset-confirm-input"
      />{' '}
      <button type="button" disabled={typed !== RESET_WORD} onClick={reset} data-testid="reset-confirm">
        Reset the vault
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p class="error" role="alert" data-testid="reset-error">
          {error}
        </p>
      )}
    </div>
  );
}
