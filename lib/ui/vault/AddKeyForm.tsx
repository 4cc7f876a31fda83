import { useState } from 'preact/hooks';
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import type { KeyParams, VaultView } from '../../messaging/protocol.ts';
import { MIN_PASSPHRASE } from '../../vault/errors.ts';
import { useT } from '../locale.ts';
import { rich } from '../rich.ts';
import { Field, isWithdrawRefusal, message, ScaleField, WithdrawConfirm } from './fields.tsx';
import { endpointText } from './key-text.ts';

/** What the panel asks of the background; the options page passes the typed messaging client. */
export interface VaultActions {
  get(): Promise<VaultView>;
  create(passphrase: string): Promise<VaultView>;
  unlock(passphrase: string): Promise<VaultView>;
  lock(): Promise<VaultView>;
  addKey(key: KeyParams & { label: string }): Promise<VaultView>;
  removeKey(id: string): Promise<VaultView>;
  replaceKey(id: string, key: KeyParams): Promise<VaultView>;
  setActive(id: string): Promise<VaultView>;
  relabel(id: string, label: string): Promise<VaultView>;
  reset(confirm: string): Promise<VaultView>;
  setAutoLock(minutes: number): Promise<VaultView>;
}

/**
 * Adds a key; on an empty vault it also sets the passphrase (asked first: the vault, then the key). Secret
 * inputs are cleared once sent. A passphrase that is too short or not repeated the same is refused here,
 * before anything is sent, and clears nothing; one the vault refuses clears only the passphrase fields (the
 * key was not sent). A key that can withdraw comes back refused: the warning is shown and the key is sent
 * again (with the person's confirmation) only on "Keep this key anyway"; meanwhile it is held here, never in
 * an input.
 */
export function AddKeyForm({
  view,
  actions,
  onView,
}: {
  view: VaultView;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  const t = useT();
  const creating = view.status === 'empty';
  const [label, setLabel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [otp, setOtp] = useState('');
  const [scale, setScale] = useState<NonceScale>('ms');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ key: KeyParams & { label: string }; text: string } | null>(null);

  const clearPassphrase = () => {
    setPass('');
    setConfirm('');
  };
  /** The key's secrets never stay in an input once sent, whatever the answer. */
  const clearKeySecrets = () => {
    setApiSecret('');
    setOtp('');
  };
  const clearKey = () => {
    setApiKey('');
    setLabel('');
  };

  const send = async (key: KeyParams & { label: string }) => {
    try {
      onView(await actions.addKey(key));
      setPending(null);
      clearKey();
    } catch (e) {
      if (isWithdrawRefusal(e)) {
        setPending({ key, text: message(e, t) });
        clearKey();
      } else {
        setPending(null);
        setError(message(e, t));
      }
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setPending(null);
    if (creating && pass.length < MIN_PASSPHRASE) {
      setError(t('vault.passphraseShort', { min: MIN_PASSPHRASE }));
      return;
    }
    if (creating && pass !== confirm) {
      setError(t('vault.passphraseDiffer'));
      return;
    }
    setBusy(true);
    try {
      if (creating) {
        try {
          onView(await actions.create(pass));
        } finally {
          clearPassphrase();
        }
      }
      const key = { label, apiKey, apiSecret, ...(otp ? { otp } : {}), nonceScale: scale };
      clearKeySecrets();
      await send(key);
    } catch (e) {
      // Only the vault's creation gets here: the key was not sent, so its fields stay as typed.
      setError(message(e, t));
    } finally {
      setBusy(false);
    }
  };

  const keep = async () => {
    if (!pending) return;
    setBusy(true);
    await send({ ...pending.key, allowWithdraw: true });
    setBusy(false);
  };

  const keyFields = (
    <>
      <p class="hint">{rich(t, 'keys.howTo', { rights: <b>{t('keys.rights')}</b> })}</p>
      <p class="hint" data-testid="add-key-endpoint">
        {t('keys.bound', { endpoint: endpointText(view.endpoint, t) })}
      </p>
      <Field
        label={t('keys.label')}
        testId="key-label"
        value={label}
        onInput={setLabel}
        hint={t('keys.labelHint')}
      />
      <Field label={t('keys.apiKey')} testId="key-api-key" value={apiKey} onInput={setApiKey} />
      <Field
        label={t('keys.secret')}
        testId="key-secret"
        type="password"
        value={apiSecret}
        onInput={setApiSecret}
      />
      <Field
        label={t('keys.otp')}
        testId="key-otp"
        type="password"
        value={otp}
        onInput={setOtp}
        hint={t('keys.otpHint')}
      />
      <ScaleField value={scale} onChange={setScale} testId="key-nonce-scale" />
    </>
  );
  return (
    <form class="add-key" onSubmit={submit} data-testid="add-key-form">
      <h3>{creating ? t('keys.addFirst') : t('keys.addAnother')}</h3>
      {creating ? (
        <>
          <fieldset class="step">
            <legend>{t('keys.passphraseStep')}</legend>
            <Field
              label={t('vault.passphrase')}
              testId="vault-passphrase"
              type="password"
              value={pass}
              onInput={setPass}
              hint={t('vault.passphraseHint', { min: MIN_PASSPHRASE })}
            />
            <Field
              label={t('vault.passphraseRepeat')}
              testId="vault-passphrase-confirm"
              type="password"
              value={confirm}
              onInput={setConfirm}
            />
          </fieldset>
          <fieldset class="step">
            <legend>{t('keys.keyStep')}</legend>
            {keyFields}
          </fieldset>
        </>
      ) : (
        keyFields
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="save-key">
        {busy ? t('keys.saving') : t('keys.save')}
      </button>
      {pending && (
        <WithdrawConfirm text={pending.text} busy={busy} onKeep={keep} onDrop={() => setPending(null)} />
      )}
      {error && (
        <p class="error" role="alert" data-testid="vault-error">
          {error}
        </p>
      )}
    </form>
  );
}
