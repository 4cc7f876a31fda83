import { useState } from 'preact/hooks';
import type { NonceScale } from '../../kraken/auth/nonce.ts';
import type { KeyParams, VaultView } from '../../messaging/protocol.ts';
import type { KeySummary } from '../../vault/format.ts';
import { useLocale, useT } from '../locale.ts';
import type { VaultActions } from './AddKeyForm.tsx';
import { Field, InlineForm, isWithdrawRefusal, message, ScaleField, WithdrawConfirm } from './fields.tsx';
import { endpointText, rightsLines, scaleText, verificationText } from './key-text.ts';

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
  const t = useT();
  const locale = useLocale();
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
      setError(message(e, t));
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
      if (isWithdrawRefusal(e)) setPending({ key, text: message(e, t) });
      else setError(message(e, t));
    }
  };
  const v = k.verification;
  const foreign = k.endpoint !== view.endpoint;
  const rights = rightsLines(v, now, t, locale);
  const where = { endpoint: endpointText(k.endpoint, t), scale: scaleText(k.nonceScale, t) };
  return (
    <li data-testid="key-row" data-key-id={k.id}>
      <label>
        <input
          type="radio"
          name="active-key"
          checked={k.active}
          disabled={!unlocked}
          aria-label={t('keys.active', { label: k.label })}
          onChange={() => actions.setActive(k.id).then(onView, (e: unknown) => setError(message(e, t)))}
        />{' '}
        <b>{k.label}</b> <code>…{k.apiKeyHint}</code>
      </label>
      <span class="hint" data-testid="key-endpoint">
        {foreign ? t('keys.signsForOther', where) : t('keys.signsFor', where)}
      </span>
      <span class="hint" data-testid="key-check">
        {verificationText(v, t)}
      </span>
      {v.status === 'verified' && v.withdraw === 'yes' && (
        <p class="danger" role="alert" data-testid="withdraw-warning">
          {t('keys.withdraw.warning')}
        </p>
      )}
      {rights.length > 0 && (
        <span class="hint" data-testid="key-rights">
          {rights.join(' · ')}
        </span>
      )}
      {mode === 'view' && (
        <span class="row-actions">
          {unlocked && (
            <>
              <button type="button" onClick={() => setMode('rename')} data-testid="rename-key">
                {t('keys.rename')}
              </button>
              <button type="button" onClick={() => setMode('replace')} data-testid="replace-key">
                {t('keys.replace')}
              </button>
            </>
          )}
          <button
            type="button"
            class="destructive"
            onClick={() => setMode('remove')}
            data-testid="remove-key"
          >
            {t('keys.remove')}
          </button>
        </span>
      )}
      {mode === 'remove' && (
        <span class="row-actions">
          <button
            type="button"
            class="destructive"
            onClick={() => run(() => actions.removeKey(k.id))}
            data-testid="confirm-remove"
          >
            {t('keys.removeForGood')}
          </button>
          <button type="button" onClick={() => setMode('view')}>
            {t('keys.keep')}
          </button>
        </span>
      )}
      {mode === 'rename' && (
        <InlineForm
          onSubmit={() => run(() => actions.relabel(k.id, label))}
          submit={t('keys.saveLabel')}
          submitTestId="save-rename"
          onCancel={() => setMode('view')}
        >
          <Field label={t('keys.newLabel')} testId="rename-label" value={label} onInput={setLabel} />
        </InlineForm>
      )}
      {mode === 'replace' && (
        <InlineForm
          onSubmit={() => replace({ apiKey, apiSecret, ...(otp ? { otp } : {}), nonceScale: scale })}
          submit={t('keys.replaceKey')}
          submitTestId="save-replace"
          onCancel={() => {
            setMode('view');
            setPending(null);
          }}
        >
          <Field label={t('keys.newApiKey')} testId="replace-api-key" value={apiKey} onInput={setApiKey} />
          <Field
            label={t('keys.newSecret')}
            testId="replace-secret"
            type="password"
            value={apiSecret}
            onInput={setApiSecret}
          />
          <Field label={t('keys.otp')} testId="replace-otp" type="password" value={otp} onInput={setOtp} />
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
