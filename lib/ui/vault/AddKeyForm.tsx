import { useState } from 'preact/hooks';
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import type { KeyParams, VaultView } from '../../messaging/protocol.ts';
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
 * Adds a key; on an empty vault it also sets the passphrase. Secret inputs are cleared after saving. A key
 * that can withdraw comes back refused: the warning is shown and the key is sent again (with the person's
 * confirmation) only on "Keep this key anyway"; meanwhile it is held here, never in an input.
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

  /** Secrets never stay in an input once sent, whatever the answer. */
  const clearSecrets = () => {
    setApiSecret('');
    setOtp('');
    setPass('');
    setConfirm('');
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
        setPending({ key, text: e.message });
        clearKey();
      } else {
        setPending(null);
        setError(message(e));
      }
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setPending(null);
    if (creating && pass !== confirm) {
      setError('The two passphrases differ. Type the same passphrase twice.');
      return;
    }
    setBusy(true);
    try {
      if (creating) onView(await actions.create(pass));
      const key = { label, apiKey, apiSecret, ...(otp ? { otp } : {}), nonceScale: scale };
      clearSecrets();
      await send(key);
    } catch (e) {
      setError(message(e));
      clearSecrets();
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

  return (
    <form class="add-key" onSubmit={submit} data-testid="add-key-form">
      <h3>{creating ? 'Add your Kraken API key' : 'Add another key'}</h3>
      <p class="hint">
        Create a key for this extension alone on Kraken (Settings → API) with <b>Query Funds</b>,{' '}
        <b>Query Open/Closed Orders &amp; Trades</b>, <b>Create &amp; Modify Orders</b>,{' '}
        <b>Cancel/Close Orders</b> and <b>WebSocket API</b> only — never withdrawal rights. Leave its nonce
        window at 0: a window lets Kraken accept a delayed copy of a request, and for an order that can be a
        second order. A key no other app uses never needs one.
      </p>
      <p class="hint" data-testid="add-key-endpoint">
        The key will sign only for {endpointText(view.endpoint)}, the endpoint configured below: it is never
        sent anywhere else.
      </p>
      <Field label="Label" testId="key-label" value={label} onInput={setLabel} hint="e.g. “Main account”" />
      <Field label="API key" testId="key-api-key" value={apiKey} onInput={setApiKey} />
      <Field
        label="Private key"
        testId="key-secret"
        type="password"
        value={apiSecret}
        onInput={setApiSecret}
      />
      <Field
        label="Key password (OTP), optional"
        testId="key-otp"
        type="password"
        value={otp}
        onInput={setOtp}
        hint="Only if you set 2FA on this key."
      />
      <ScaleField value={scale} onChange={setScale} testId="key-nonce-scale" />
      {creating && (
        <>
          <Field
            label="Vault passphrase"
            testId="vault-passphrase"
            type="password"
            value={pass}
            onInput={setPass}
            hint="At least 10 characters. It encrypts your key on this device; it is never stored or sent anywhere."
          />
          <Field
            label="Repeat passphrase"
            testId="vault-passphrase-confirm"
            type="password"
            value={confirm}
            onInput={setConfirm}
          />
        </>
      )}
      <button type="submit" disabled={busy} data-testid="save-key">
        {busy ? 'Saving…' : 'Save key'}
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
