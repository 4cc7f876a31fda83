// The options page's key vault: unlock, the stored keys (listed and removable while locked too), keys that
// cannot be used, adding a key, auto-lock, and "Reset the vault". Holds no secret once a form is sent.
import { useEffect, useState } from 'preact/hooks';
import type { VaultView } from '../../messaging/protocol.ts';
import { AddKeyForm, type VaultActions } from './AddKeyForm.tsx';
import { Field, message } from './fields.tsx';
import { KeyRow } from './KeyRow.tsx';
import { DamagedKeys, ResetVault } from './Recovery.tsx';

export type { VaultActions } from './AddKeyForm.tsx';

/** While the checks that follow an unlock run, the panel asks again this often. */
const CHECKING_POLL_MS = 1_000;

function UnlockForm({ actions, onView }: { actions: VaultActions; onView(v: VaultView): void }) {
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      onView(await actions.unlock(pass));
    } catch (e) {
      setError(message(e));
    } finally {
      setPass('');
    }
  };
  return (
    <form class="unlock" onSubmit={submit} data-testid="unlock-form">
      <p>Your keys are locked. Unlock them to trade and see your balances.</p>
      <Field
        label="Vault passphrase"
        testId="unlock-passphrase"
        type="password"
        value={pass}
        onInput={setPass}
      />
      <button type="submit" data-testid="unlock">
        Unlock
      </button>
      {error && (
        <p class="error" role="alert" data-testid="vault-error">
          {error}
        </p>
      )}
    </form>
  );
}

function LockSettings({
  view,
  actions,
  onView,
}: {
  view: VaultView;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  return (
    <div class="lock-settings">
      <button type="button" onClick={() => actions.lock().then(onView)} data-testid="lock-now">
        Lock now
      </button>
      <label>
        Auto-lock after{' '}
        <select
          value={String(view.autoLockMinutes)}
          onChange={(e) => actions.setAutoLock(Number((e.target as HTMLSelectElement).value)).then(onView)}
          data-testid="auto-lock"
        >
          {[5, 15, 30, 60, 240, 0].map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? 'never (not recommended)' : `${m} minutes idle`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function VaultPanel({
  view,
  actions,
  onView,
}: {
  view: VaultView;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  // The checks after an unlock answer later: ask again until they are done.
  useEffect(() => {
    if (!view.checking) return;
    const timer = setTimeout(() => void actions.get().then(onView, () => {}), CHECKING_POLL_MS);
    return () => clearTimeout(timer);
  }, [view, actions, onView]);
  return (
    <section class="vault" data-testid="vault" data-status={view.status}>
      <h2>
        API keys{' '}
        <span class={`badge ${view.status}`}>
          {view.status === 'unlocked' ? 'Unlocked' : view.status === 'locked' ? 'Locked' : 'No key'}
        </span>
      </h2>
      {view.status === 'locked' && <UnlockForm actions={actions} onView={onView} />}
      {view.keys.length > 0 && (
        <ul class="keys">
          {view.keys.map((k) => (
            <KeyRow key={k.id} k={k} view={view} actions={actions} onView={onView} />
          ))}
        </ul>
      )}
      {view.checking && (
        <p class="hint" data-testid="vault-checking">
          Asking the exchange what each key may do…
        </p>
      )}
      <DamagedKeys view={view} actions={actions} onView={onView} />
      {view.status !== 'locked' && <AddKeyForm view={view} actions={actions} onView={onView} />}
      <p class="hint" data-testid="refused">
        Refused since the browser started: {view.refused.untrusted} message(s) from other senders,{' '}
        {view.refused.malformed} malformed.
      </p>
      {view.status === 'unlocked' && <LockSettings view={view} actions={actions} onView={onView} />}
      {view.status !== 'empty' && <ResetVault actions={actions} onView={onView} />}
    </section>
  );
}
