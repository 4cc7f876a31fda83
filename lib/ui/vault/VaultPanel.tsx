// The options page's vault and keys, in the order a newcomer needs them: the vault (its passphrase: choose,
// unlock, lock, auto-lock, reset), then the API keys (listed and removable while locked too, keys that cannot
// be used, adding one). Holds no secret once a form is sent.
import { useEffect, useState } from 'preact/hooks';
import type { VaultView } from '../../messaging/protocol.ts';
import { useT } from '../locale.ts';
import { AddKeyForm, type VaultActions } from './AddKeyForm.tsx';
import { Field, message } from './fields.tsx';
import { KeyRow } from './KeyRow.tsx';
import { DamagedKeys, ResetVault } from './Recovery.tsx';

export type { VaultActions } from './AddKeyForm.tsx';

/** While the checks that follow an unlock run, the panel asks again this often. */
const CHECKING_POLL_MS = 1_000;

function UnlockForm({ actions, onView }: { actions: VaultActions; onView(v: VaultView): void }) {
  const t = useT();
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      onView(await actions.unlock(pass));
    } catch (e) {
      setError(message(e, t));
    } finally {
      setPass('');
    }
  };
  return (
    <form class="unlock" onSubmit={submit} data-testid="unlock-form">
      <p>{t('vault.locked')}</p>
      <Field
        label={t('vault.passphrase')}
        testId="unlock-passphrase"
        type="password"
        value={pass}
        onInput={setPass}
      />
      <button type="submit" class="primary" data-testid="unlock">
        {t('vault.unlock')}
      </button>
      {error && (
        <p class="error" role="alert" data-testid="vault-error">
          {error}
        </p>
      )}
    </form>
  );
}

const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 240, 0] as const;

function LockSettings({
  view,
  actions,
  onView,
}: {
  view: VaultView;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  const t = useT();
  return (
    <div class="lock-settings">
      <button type="button" onClick={() => actions.lock().then(onView)} data-testid="lock-now">
        {t('vault.lockNow')}
      </button>
      <label>
        {t('vault.autoLock')}{' '}
        <select
          value={String(view.autoLockMinutes)}
          onChange={(e) => actions.setAutoLock(Number((e.target as HTMLSelectElement).value)).then(onView)}
          data-testid="auto-lock"
        >
          {AUTO_LOCK_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? t('vault.autoLock.never') : t('vault.autoLock.minutes', { count: m })}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function statusText(status: VaultView['status'], t: ReturnType<typeof useT>): string {
  switch (status) {
    case 'unlocked':
      return t('vault.status.unlocked');
    case 'locked':
      return t('vault.status.locked');
    case 'empty':
      return t('vault.status.empty');
    default: {
      const never: never = status;
      return String(never);
    }
  }
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
  const t = useT();
  // The checks after an unlock answer later: ask again until they are done.
  useEffect(() => {
    if (!view.checking) return;
    const timer = setTimeout(() => void actions.get().then(onView, () => {}), CHECKING_POLL_MS);
    return () => clearTimeout(timer);
  }, [view, actions, onView]);
  return (
    <div class="vault" data-testid="vault" data-status={view.status}>
      <section aria-labelledby="vault-title">
        <h2 id="vault-title">
          {t('vault.title')} <span class={`badge ${view.status}`}>{statusText(view.status, t)}</span>
        </h2>
        <p class="hint">{t('vault.intro')}</p>
        {view.status === 'empty' && <p>{t('vault.empty')}</p>}
        {view.status === 'locked' && <UnlockForm actions={actions} onView={onView} />}
        {view.status === 'unlocked' && <LockSettings view={view} actions={actions} onView={onView} />}
        {view.status !== 'empty' && <ResetVault actions={actions} onView={onView} />}
      </section>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keys.title')}</h2>
        {view.keys.length > 0 ? (
          <ul class="keys">
            {view.keys.map((k) => (
              <KeyRow key={k.id} k={k} view={view} actions={actions} onView={onView} />
            ))}
          </ul>
        ) : (
          view.damaged.length === 0 && <p class="hint">{t('keys.none')}</p>
        )}
        {view.checking && (
          <p class="hint" data-testid="vault-checking">
            {t('vault.checking')}
          </p>
        )}
        <DamagedKeys view={view} actions={actions} onView={onView} />
        {view.status !== 'locked' && <AddKeyForm view={view} actions={actions} onView={onView} />}
      </section>
    </div>
  );
}
