import { useState } from 'preact/hooks';
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import type { KeyParams, VaultView } from '../../messaging/protocol.ts';
import type { KeySummary } from '../../vault/format.ts';
import type { VaultActions } from './AddKeyForm.tsx';
import { Field, InlineForm, isWithdrawRefusal, message, ScaleField, WithdrawConfirm } from './fields.tsx';
import { endpointText, rightsLines, SCALE_TEXT, verificationText, WITHDRAW_WARNING } from './key-text.ts';

/**
 * One stored key: its name, what its check found (rights, expiry, IP restriction, a loud warning when it can
 * withdraw), the endpoint it signs for. Unlocked: rename, replace, make active, remove. Locked: remove only.
 */
export function KeyRow({
  k,
  view,
  actions,
  onView,
  now = Date.now(),
}: {
  k: KeySummary;
  view: VaultView;
  actions: VaultActions;
  onView(v: VaultView): void;
  now?: number;
}) {
  const unlocked = view.status === 'unlocked';
  const [mode, setMode] = useState<'view' | 'rename' | 'replace' | 'remove'>('view');
  const [label, setLabel] = useState(k.label);
  const [apiKey, setApiKey] = useState('');
  const [apiSecret, setApiSecret] = useState('');
  const [otp, setOtp] = useState('');
  const [scale, setScale] = useState<NonceScale>(k.nonceScale);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ key: KeyParams; text: string } | null>(null);
  const run = async (fn: () => Promise<VaultView>) => {
    setError(null);
    try {
      onView(await fn());
      setMode('view');
      setPending(null);
    } catch (e) {
      setError(message(e));
    } finally {
      // Secret inputs never keep their value, whatever happened.
      setApiKey('');
      setApiSecret('');
      setOtp('');
    }
  };
  const replace = async (key: KeyParams) => {
    setError(null);
    setApiKey('');
    setApiSecret('');
    setOtp('');
    try {
      onView(await actions.replaceKey(k.id, key));
      setMode('view');
      setPending(null);
    } catch (e) {
      if (isWithdrawRefusal(e)) setPending({ key, text: e.message });
      else setError(message(e));
    }
  };
  const v = k.verification;
  const foreign = k.endpoint !== view.endpoint;
  return (
    <li data-testid="key-row" data-key-id={k.id}>
      <label>
        <input
          type="radio"
          name="active-key"
          checked={k.active}
          disabled={!unlocked}
          onChange={() => actions.setActive(k.id).then(onView, (e: unknown) => setError(message(e)))}
        />{' '}
        <b>{k.label}</b> <code>…{k.apiKeyHint}</code>
      </label>
      <span class="hint" data-testid="key-endpoint">
        Signs only for {endpointText(k.endpoint)}
        {foreign && ' — not the endpoint configured now, so it is not used for live trading here'} · nonces in{' '}
        {SCALE_TEXT[k.nonceScale]}
      </span>
      <span class="hint" data-testid="key-check">
        {verificationText(v)}
      </span>
      {v.status === 'verified' && v.withdraw === 'yes' && (
        <p class="danger" role="alert" data-testid="withdraw-warning">
          {WITHDRAW_WARNING}
        </p>
      )}
      {rightsLines(v, now).length > 0 && (
        <span class="hint" data-testid="key-rights">
          {rightsLines(v, now).join(' · ')}
        </span>
      )}
      {mode === 'view' && (
        <span class="row-actions">
          {unlocked && (
            <>
              <button type="button" onClick={() => setMode('rename')} data-testid="rename-key">
                Rename
              </button>
              <button type="button" onClick={() => setMode('replace')} data-testid="replace-key">
                Replace
              </button>
            </>
          )}
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
          onSubmit={() => replace({ apiKey, apiSecret, ...(otp ? { otp } : {}), nonceScale: scale })}
          submit="Replace key"
          submitTestId="save-replace"
          onCancel={() => {
            setMode('view');
            setPending(null);
          }}
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
          <ScaleField value={scale} onChange={setScale} testId="replace-nonce-scale" />
        </InlineForm>
      )}
      {pending && (
        <WithdrawConfirm
          text={pending.text}
          onKeep={() => replace({ ...pending.key, allowWithdraw: true })}
          onDrop={() => setPending(null)}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
