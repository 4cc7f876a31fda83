// Small form parts of the options page's key vault: a labelled input, the nonce scale choice, a form inside
// a key's row, and the withdraw confirmation a key with withdraw rights needs before it is kept.
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../i18n/translate.ts';
import { NONCE_SCALES, type NonceScale } from '../../kraken/auth/nonce.ts';
import { VaultError } from '../../vault/errors.ts';
import { errorText } from '../error-text.ts';
import { useT } from '../locale.ts';
import { scaleText } from './key-text.ts';

/** An error from the background in the page's language where the words are ours. */
export const message = (e: unknown, t: Translate) => errorText(e, t);

/** The background refused to store a key that can withdraw until the person confirms it. */
export const isWithdrawRefusal = (e: unknown): e is VaultError =>
  e instanceof VaultError && e.code === 'withdraw-rights';

export function Field(props: {
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

/** The key's nonce scale (docs/nonce.md): milliseconds unless the key was already used by another app. */
export function ScaleField(props: { value: NonceScale; onChange(v: NonceScale): void; testId: string }) {
  const t = useT();
  return (
    <label class="field">
      <span>{t('keys.scale')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as NonceScale)}
        data-testid={props.testId}
      >
        {NONCE_SCALES.map((s) => (
          <option key={s} value={s}>
            {scaleText(s, t)}
          </option>
        ))}
      </select>
      <small class="hint">{t('keys.scaleHint')}</small>
    </label>
  );
}

/** Shown instead of storing a key that can withdraw: keep it only on an explicit yes. */
export function WithdrawConfirm(props: { text: string; onKeep(): void; onDrop(): void; busy?: boolean }) {
  const t = useT();
  return (
    <div class="danger" role="alert" data-testid="withdraw-confirm">
      <p>
        <b>{t('keys.withdraw.confirmTitle')}</b> {props.text}
      </p>
      <p>{t('keys.withdraw.nothingStored')}</p>
      <button
        type="button"
        class="destructive"
        onClick={props.onKeep}
        disabled={props.busy}
        data-testid="confirm-withdraw"
      >
        {t('keys.withdraw.keep')}
      </button>{' '}
      <button type="button" onClick={props.onDrop} data-testid="cancel-withdraw">
        {t('keys.withdraw.drop')}
      </button>
    </div>
  );
}

/** A small form inside a key's row: its fields, a submit button and Cancel. */
export function InlineForm({
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
  const t = useT();
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <button type="submit" class="primary" data-testid={submitTestId}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {t('vault.cancel')}
      </button>
    </form>
  );
}
