import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { VaultView } from '../messaging/protocol.ts';
import type { KeySummary } from '../vault/format.ts';

/** What the panel asks of the background; the options page passes the typed messaging client. */
export interface VaultActions {
  create(passphrase: string): Promise<VaultView>;
  unlock(passphrase: string): Promise<VaultView>;
  lock(): Promise<VaultView>;
  addKey(key: { label: string; apiKey: string; apiSecret: string; otp?: string }): Promise<VaultView>;
  removeKey(id: string): Promise<VaultView>;
  replaceKey(id: string, key: { apiKey: string; apiSecret: string; otp?: string }): Promise<VaultView>;
  setActive(id: string): Promise<VaultView>;
  relabel(id: string, label: string): Promise<VaultView>;
  setAutoLock(minutes: number): Promise<VaultView>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Field(props: {
  label: string;
  testId: string;
  value: string;
  onInput(v: string): void;
  type?: 'text' | 'password';
  hint?: string;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        // Preact's input typings discriminate on a literal `type`; both values here are plain text inputs.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
        data-testid={props.testId}
        // Secrets must not land in the browser's autofill database on disk.
        autocomplete="off"
        spellcheck={false}
      />
      {props.hint && <small class="hint">{props.hint}</small>}
    </label>
  );
}

/** Adds a key; on an empty vault it also sets the passphrase. Secret inputs are cleared after saving. */
function AddKeyForm({
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
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (creating && pass !== confirm) {
      setError('The two passphrases differ. Type the same passphrase twice.');
      return;
    }
    setBusy(true);
    try {
      if (creating) await actions.create(pass);
      const next = await actions.addKey({ label, apiKey, apiSecret, ...(otp ? { otp } : {}) });
      setApiKey('');
      setApiSecret('');
      setOtp('');
      setPass('');
      setConfirm('');
      setLabel('');
      onView(next);
    } catch (e) {
      setError(message(e));
      setApiSecret(''); // never leave a secret sitting in the form after a failure either
    } finally {
      setBusy(false);
    }
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
      {error && (
        <p class="error" role="alert" data-testid="vault-error">
          {error}
        </p>
      )}
    </form>
  );
}

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

function KeyRow({
  k,
  actions,
  onView,
}: {
  k: KeySummary;
  actions: VaultActions;
  onView(v: VaultView): void;
}) {
  const [mode, setMode] = useState<'view' | 'rename' | 'replace' | 'remove'>('view');
  const [label, setLabel] = useState(k.label);
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [otp, setOtp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<VaultView>) => {
    setError(null);
    try {
      onView(await fn());
      setMode('view');
    } catch (e) {
      setError(message(e));
    } finally {
      // Secret inputs never keep their value, whatever happened.
      setApiKey('');
      setApiSecret('');
      setOtp('');
    }
  };
  const v = k.verification;
  const verification = (() => {
    switch (v.status) {
      case 'verified': {
        const rights = [v.canQuery && 'query funds', v.canTrade && 'trade'].filter(Boolean).join(' and ');
        return `Checked: can ${rights || 'do nothing useful'}.${v.notes.length ? ` ${v.notes.join(' ')}` : ''}`;
      }
      case 'rejected':
        return `Refused by the exchange: ${v.reason}`;
      case 'unverified':
        return `Saved but not checked: ${v.reason}`;
      case 'unchecked':
        return 'Not checked yet.';
      default: {
        const never: never = v;
        return String(never);
      }
    }
  })();
  return (
    <li data-testid="key-row" data-key-id={k.id}>
      <label>
        <input
          type="radio"
          name="active-key"
          checked={k.active}
          onChange={() => actions.setActive(k.id).then(onView)}
        />{' '}
        <b>{k.label}</b> <code>…{k.apiKeyHint}</code>
      </label>
      <span class="hint" data-testid="key-check">
        {verification}
      </span>
      {mode === 'view' && (
        <span class="row-actions">
          <button type="button" onClick={() => setMode('rename')} data-testid="rename-key">
            Rename
          </button>
          <button type="button" onClick={() => setMode('replace')} data-testid="replace-key">
            Replace
          </button>
          <button type="button" onClick={() => setMode('remove')} data-testid="remove-key">
            Remove
          </button>
        </span>
      )}
      {mode === 'remove' && (
        <span class="row-actions">
          <button
            type="button"
            onClick={() => run(() => actions.removeKey(k.id))}
            data-testid="confirm-remove"
          >
            Remove for good
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Keep
          </button>
        </span>
      )}
      {mode === 'rename' && (
        <InlineForm
          onSubmit={() => run(() => actions.relabel(k.id, label))}
          submit="Save"
          submitTestId="save-rename"
          onCancel={() => setMode('view')}
        >
          <Field label="New label" testId="rename-label" value={label} onInput={setLabel} />
        </InlineForm>
      )}
      {mode === 'replace' && (
        <InlineForm
          onSubmit={() => run(() => actions.replaceKey(k.id, { apiKey, apiSecret, ...(otp ? { otp } : {}) }))}
          submit="Replace key"
          submitTestId="save-replace"
          onCancel={() => setMode('view')}
        >
          <Field label="New API key" testId="replace-api-key" value={apiKey} onInput={setApiKey} />
          <Field
            label="New private key"
            testId="replace-secret"
            type="password"
            value={apiSecret}
            onInput={setApiSecret}
          />
          <Field
            label="Key password (OTP), optional"
            testId="replace-otp"
            type="password"
            value={otp}
            onInput={setOtp}
          />
        </InlineForm>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
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
  return (
    <section class="vault" data-testid="vault" data-status={view.status}>
      <h2>
        API keys{' '}
        <span class={`badge ${view.status}`}>
          {view.status === 'unlocked' ? 'Unlocked' : view.status === 'locked' ? 'Locked' : 'No key'}
        </span>
      </h2>
      {view.status === 'locked' && <UnlockForm actions={actions} onView={onView} />}
      {view.status !== 'locked' && view.keys.length > 0 && (
        <ul class="keys">
          {view.keys.map((k) => (
            <KeyRow key={k.id} k={k} actions={actions} onView={onView} />
          ))}
        </ul>
      )}
      {view.status !== 'locked' && <AddKeyForm view={view} actions={actions} onView={onView} />}
      <p class="hint" data-testid="refused">
        Refused since the browser started: {view.refused.untrusted} message(s) from other senders,{' '}
        {view.refused.malformed} malformed.
      </p>
      {view.status === 'unlocked' && (
        <div class="lock-settings">
          <button type="button" onClick={() => actions.lock().then(onView)} data-testid="lock-now">
            Lock now
          </button>
          <label>
            Auto-lock after{' '}
            <select
              value={String(view.autoLockMinutes)}
              onChange={(e) =>
                actions.setAutoLock(Number((e.target as HTMLSelectElement).value)).then(onView)
              }
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
      )}
    </section>
  );
}

/** A small form inside a key's row: its fields, a submit button and Cancel. */
function InlineForm({
  onSubmit,
  submit,
  submitTestId,
  onCancel,
  children,
}: {
  onSubmit: () => unknown;
  submit: string;
  submitTestId: string;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <button type="submit" data-testid={submitTestId}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
